/**
 * Shared set-up of the browser tests: Debian's Chromium driven by playwright-core, the seed site built
 * once per test file by the real CLI into a temporary folder, served over HTTP from 127.0.0.1 (users
 * never open `dist/` from file://), axe-core, and screenshots into the git-ignored `screenshots/`.
 */
import {spawn} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {createRequire} from 'node:module'
import {chromium, type Browser, type BrowserContextOptions, type Page} from 'playwright-core'
import {bin, root} from '../cli/run.js'
import {contentTypeOf, listenLocally} from '../../src/serve/local.js'

export {bin, root}

/** Where the tests expect Chromium (`.ci/run` installs Debian's `chromium` there). */
export const chromiumPath = '/usr/bin/chromium'

/** Why the browser tests cannot run here, or `undefined` when they can. */
export const skipReason: string | undefined = fs.existsSync(chromiumPath)
  ? undefined
  : `${chromiumPath} not installed; .ci/run installs it (apt-get install chromium fonts-noto-cjk)`

/** Phone (the in-app webview) and desktop viewports. */
export const phone = {width: 375, height: 812}
export const desktop = {width: 1280, height: 900}

/** Every page type of the seed build, relative to `dist/`. */
export const pages = {
  index: 'index.html',
  portal: 'privacy/zh-CN/index.html',
  draft: 'privacy/zh-CN/draft/index.html',
  inApp: 'app/privacy/zh-CN.html',
  list: 'privacy/zh-CN/lists/sdk.html',
  listInApp: 'app/privacy/zh-CN/lists/sdk.html',
  history: 'privacy/zh-CN/history.html',
  diff: 'privacy/zh-CN/diff/2023-09-20..draft.html',
  diffInApp: 'app/privacy/zh-CN/diff/2023-09-20..draft.html'
} as const

export type PageType = keyof typeof pages

/**
 * Wait for every promise, then throw the first failure: a browser that started while the build failed
 * is still handed to `onValue` so `after` can close it (an open browser keeps the test process alive).
 */
export async function settleAll<T extends readonly unknown[]>(promises: {[K in keyof T]: Promise<T[K]>}, onValue: (values: {[K in keyof T]: T[K] | undefined}) => void): Promise<void> {
  const results = await Promise.allSettled(promises)
  onValue(results.map((result) => (result.status === 'fulfilled' ? result.value : undefined)) as {[K in keyof T]: T[K] | undefined})
  const failed = results.find((result) => result.status === 'rejected')
  if (failed) throw (failed as PromiseRejectedResult).reason
}

/** Per-test time limit: a hang fails the test instead of the whole run. */
export const testTimeout = 120_000

/** Start Chromium (one per test file). */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
  })
}

/** A temporary folder holding a copy of the seed `content/` and `archive/`. */
export function seedWorkspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policypress-browser-'))
  for (const folder of ['content', 'archive']) fs.cpSync(path.join(root, folder), path.join(dir, folder), {recursive: true})
  return dir
}

/** The outcome of a CLI run. */
export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

/** Run `policypress ...args` in `cwd` without blocking the event loop. */
export function runCli(args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {cwd, env, stdio: ['ignore', 'pipe', 'pipe']})
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({code, stdout, stderr}))
  })
}

/** A built seed site served over HTTP. */
export interface Site {
  /** `http://127.0.0.1:<port>/` */
  url: string
  /** The built `dist/`. */
  dist: string
  /** The workspace holding `content/`, `archive/` and `dist/`. */
  dir: string
  /** The URL of a page type (or any `dist/`-relative path). */
  href(page: PageType | string): string
  close(): Promise<void>
}

/** Build the seed with the real CLI into a temporary folder and serve `dist/` on 127.0.0.1. */
export async function buildSite(): Promise<Site> {
  const dir = seedWorkspace()
  const run = await runCli(['build', '--content', 'content', '--out', 'dist'], dir)
  if (run.code !== 0) throw new Error(`policypress build failed (${run.code}):\n${run.stderr}`)
  const dist = path.join(dir, 'dist')
  const server = await serveFolder(dist)
  return {
    url: server.url,
    dist,
    dir,
    href: (page) => server.url + encodeURI(page in pages ? pages[page as PageType] : page),
    async close() {
      await server.close()
      fs.rmSync(dir, {recursive: true, force: true})
    }
  }
}

/** A tiny static file server for `folder` on 127.0.0.1 (random port). */
export async function serveFolder(folder: string): Promise<{url: string; close(): Promise<void>}> {
  const base = path.resolve(folder)
  return listenLocally((request, response) => {
    let relative: string
    try {
      relative = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname)
    } catch {
      response.writeHead(400).end()
      return
    }
    let file = path.join(base, relative)
    if (!file.startsWith(base)) {
      response.writeHead(403).end()
      return
    }
    if (relative.endsWith('/')) file = path.join(file, 'index.html')
    fs.readFile(file, (error, body) => {
      if (error) {
        response.writeHead(404, {'Content-Type': 'text/plain; charset=utf-8'}).end('Not found')
        return
      }
      response.writeHead(200, {'Content-Type': contentTypeOf(file), 'Cache-Control': 'no-store'})
      response.end(body)
    })
  })
}

/**
 * Open `url` in a fresh context of `browser` (desktop size, reduced motion so jumps land at once unless
 * `options` say otherwise); close the context when done.
 */
export async function openPage(browser: Browser, url: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({viewport: desktop, reducedMotion: 'reduce', ...options})
  const page = await context.newPage()
  // Every page is self-contained: a request leaving the test server is a bug.
  const origin = new URL(url).origin
  await page.route('**/*', (route) => (route.request().url().startsWith(origin) || route.request().url().startsWith('data:') ? route.fallback() : route.abort()))
  const response = await page.goto(url, {waitUntil: 'load'})
  if (!response || !response.ok()) throw new Error(`${url}: HTTP ${response?.status() ?? 'no response'}`)
  return page
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** An axe-core violation, reduced to what a failure message needs. */
export interface Violation {
  id: string
  impact: string
  help: string
  nodes: string[]
}

/**
 * Run axe-core in `page` (the context needs `bypassCSP: true` for the in-app pages' CSP) and return the
 * violations of impact serious or critical.
 */
export async function seriousViolations(page: Page, options: {rules?: string[]} = {}): Promise<Violation[]> {
  if ((await page.evaluate('typeof window.axe')) === 'undefined') await page.addScriptTag({content: axeSource})
  const run = options.rules ? `{runOnly: {type: 'rule', values: ${JSON.stringify(options.rules)}}, resultTypes: ['violations']}` : `{resultTypes: ['violations']}`
  const violations = (await page.evaluate(`window.axe.run(document, ${run}).then((result) => result.violations.map((v) => ({
    id: v.id, impact: v.impact || '', help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + (n.failureSummary ? ' — ' + n.failureSummary.replace(/\\s+/g, ' ') : ''))
  })))`)) as Violation[]
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
}

/** One line per violation, for assertion messages. */
export function describeViolations(violations: Violation[]): string {
  return violations.map((v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes.join('\n    ')}`).join('\n')
}

/** The git-ignored folder screenshots are written to for review. */
export const screenshotsDir = path.join(root, 'screenshots')

/** Save a viewport screenshot of `page` as `screenshots/<name>.png`. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(screenshotsDir, {recursive: true})
  const file = path.join(screenshotsDir, `${name}.png`)
  await page.screenshot({path: file, animations: 'disabled', caret: 'hide'})
  return file
}

/** Relative luminance (WCAG) of a computed `rgb(…)` / `rgba(…)` colour. */
export function luminance(color: string): number {
  const channels = /rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(color)
  if (!channels) throw new Error(`Not an rgb() colour: ${color}`)
  const [r, g, b] = channels.slice(1, 4).map((value) => {
    const c = Number(value) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}
