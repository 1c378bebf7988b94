/**
 * The preview row: time from a saved edit to the reloaded page showing it.
 *
 * Starts the real CLI, `policypress dev --port 0`, on a temporary copy of `content/` and `archive/`
 * (wrapped in /usr/bin/time for its peak memory), opens the portal page in headless Chromium
 * (playwright-core, /usr/bin/chromium), then for each edit writes a changed sentence into the policy's
 * Markdown and waits until the page has reloaded with it. The time of an edit is from the moment the
 * write returned to `DOMContentLoaded` of the reloaded page that holds the edit (both `Date.now()` on
 * one machine); the time Playwright saw the text is recorded too, as is the server's own build time
 * (`/__policypress/status`).
 */
import {spawn} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {chromium, type Browser} from 'playwright-core'
import {hasTime, median, timeBinary} from './measure.js'

declare const document: any
declare const window: any

export const chromiumPath = '/usr/bin/chromium'

export interface PreviewResult {
  /** Saved edit → `DOMContentLoaded` of the reloaded page with the edit, per edit (ms). */
  shown: number[]
  /** Saved edit → Playwright saw the edit in the page, per edit (ms). */
  observed: number[]
  /** The server's build duration after each edit (ms). */
  rebuild: number[]
  /** Peak RSS of the dev server in KB. */
  peakKb: number | undefined
  /** Why the row could not run, if it could not. */
  skipped?: string | undefined
}

const original = '亲爱的快手老铁，欢迎您使用快手平台服务！'
const digits = '零一二三四五六七八九'

/** Run the preview measurement with `edits` edits of a copy of `root`'s content, serving it with the CLI at `bin`. */
export async function measurePreview(root: string, bin: string, edits: number, log: (line: string) => void): Promise<PreviewResult> {
  if (!fs.existsSync(chromiumPath)) return {shown: [], observed: [], rebuild: [], peakKb: undefined, skipped: `${chromiumPath} not installed`}
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policypress-bench-preview-'))
  for (const folder of ['content', 'archive']) fs.cpSync(path.join(root, folder), path.join(dir, folder), {recursive: true, filter: (file) => !path.basename(file).startsWith('.')})
  const source = path.join(dir, 'content', 'privacy', 'zh-CN', 'index.md')
  const base = fs.readFileSync(source, 'utf8')
  if (!base.includes(original)) return {shown: [], observed: [], rebuild: [], peakKb: undefined, skipped: `the policy no longer contains “${original}”`}

  const memoryFile = path.join(dir, 'peak.txt')
  const command = [process.execPath, bin, 'dev', '--port', '0', '--content', 'content']
  // Own process group: SIGINT to the group stops the server (GNU time ignores SIGINT while it waits).
  const server = spawn(hasTime ? timeBinary : command[0]!, hasTime ? ['-f', '%M', '-o', memoryFile, ...command] : command.slice(1), {
    cwd: dir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  server.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  server.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  const exited = new Promise<void>((resolve) => server.on('close', () => resolve()))
  let browser: Browser | undefined
  const result: PreviewResult = {shown: [], observed: [], rebuild: [], peakKb: undefined}
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`policypress dev printed no URL within 60 s:\n${output}`)), 60_000)
      server.stdout.on('data', () => {
        const match = /policypress preview: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)
        if (match) {
          clearTimeout(timer)
          resolve(match[1]!)
        }
      })
      server.on('close', (code) => reject(new Error(`policypress dev exited with ${code}:\n${output}`)))
    })
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
    })
    const page = await browser.newPage({viewport: {width: 1024, height: 800}})
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => (window.__shownAt = Date.now()))
    })
    // The reload client is connected once its event stream has answered.
    const connected = page.waitForResponse((response) => response.url().includes('/__policypress/events'), {timeout: 20_000})
    await page.goto(`${url}privacy/zh-CN/index.html`, {waitUntil: 'load'})
    await connected
    await new Promise((resolve) => setTimeout(resolve, 300))
    for (let k = 1; k <= edits; k++) {
      const marker = `（预览修改第${[...String(k)].map((d) => digits[Number(d)]).join('')}次）`
      const text = base.replace(original, original.slice(0, -1) + marker + '！')
      fs.writeFileSync(source, text)
      const saved = Date.now()
      await page.waitForFunction((m: string) => Boolean(document.body?.textContent.includes(m)), marker, {timeout: 30_000, polling: 'raf'})
      const observed = Date.now() - saved
      const shownAt = (await page.evaluate(() => window.__shownAt)) as number
      result.shown.push(shownAt - saved)
      result.observed.push(observed)
      const state = (await (await fetch(`${url}__policypress/status`)).json()) as {duration: number}
      result.rebuild.push(state.duration)
      log(`  preview edit ${k}/${edits}: ${shownAt - saved} ms (server build ${Math.round(state.duration)} ms)`)
      // Let the watcher settle before the next save.
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  } finally {
    await browser?.close()
    try {
      process.kill(-server.pid!, 'SIGINT')
    } catch {
      // Exited already.
    }
    const killer = setTimeout(() => {
      try {
        process.kill(-server.pid!, 'SIGKILL')
      } catch {
        // Exited already.
      }
    }, 10_000)
    await exited
    clearTimeout(killer)
    if (hasTime && fs.existsSync(memoryFile)) {
      const last = Number(fs.readFileSync(memoryFile, 'utf8').trim().split('\n').at(-1))
      result.peakKb = Number.isFinite(last) && last > 0 ? last : undefined
    }
    fs.rmSync(dir, {recursive: true, force: true})
  }
  return result
}

if (process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname) {
  const root = path.resolve(new URL('../', import.meta.url).pathname)
  const result = await measurePreview(root, path.join(root, 'bin', 'policypress.js'), Number(process.argv[2] ?? 5), console.log)
  console.log(`median ${median(result.shown)} ms (observed ${median(result.observed)} ms), peak ${((result.peakKb ?? 0) / 1024).toFixed(0)} MB`)
}
