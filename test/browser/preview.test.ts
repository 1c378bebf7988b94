/**
 * `policypress dev` in a real browser: the real CLI serves a copy of the seed; saving a content file
 * reloads the page with the change, a broken edit shows the problems overlay with file:line:column,
 * fixing it recovers, and Ctrl-C (SIGINT) stops the server with exit code 0.
 */
import {after, before, test, type TestContext} from 'node:test'
import assert from 'node:assert/strict'
import {spawn, type ChildProcessByStdio} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type {Readable} from 'node:stream'
import type {Browser, Page} from 'playwright-core'
import {bin, launch, phone, screenshot, seedWorkspace, settleAll, skipReason, testTimeout} from './helpers.js'

declare const document: any
declare const window: any
declare const location: any

const original = '亲爱的快手老铁，欢迎您使用快手平台服务！'

let dir: string
let source: string
let browser: Browser
let server: ChildProcessByStdio<null, Readable, Readable>
let stdout = ''
let stderr = ''
let url: string
let page: Page

before(async () => {
  if (skipReason) return
  dir = seedWorkspace()
  source = path.join(dir, 'content', 'privacy', 'zh-CN', 'index.md')
  server = spawn(process.execPath, [bin, 'dev', '--port', '0', '--content', 'content'], {cwd: dir, stdio: ['ignore', 'pipe', 'pipe']})
  server.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  server.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const started = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`policypress dev printed no URL within 120 s:\n${stdout}\n${stderr}`)), 120_000)
    server.stdout.on('data', () => {
      const match = /policypress preview: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    })
    server.on('exit', (code) => reject(new Error(`policypress dev exited with ${code}:\n${stdout}\n${stderr}`)))
  })
  await settleAll<[string, Browser]>([started, launch()], ([printed, launched]) => {
    url = printed!
    browser = launched!
  })
  const context = await browser.newContext({viewport: {width: 1024, height: 800}, reducedMotion: 'reduce'})
  page = await context.newPage()
})

after(async () => {
  await browser?.close()
  if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGTERM')
  if (dir) fs.rmSync(dir, {recursive: true, force: true})
})

function it(name: string, fn: (t: TestContext) => Promise<void>) {
  test(name, {timeout: testTimeout}, async (t) => {
    if (skipReason) {
      t.skip(skipReason)
      return
    }
    await fn(t)
  })
}

/** Replace `from` by `to` in the policy's Markdown, as an editor saving the file would. */
function edit(from: string, to: string): void {
  const text = fs.readFileSync(source, 'utf8')
  assert.ok(text.includes(from), `the source contains ${from}`)
  fs.writeFileSync(source, text.replace(from, to))
}

const bodyIncludes = (text: string) => page.waitForFunction((t: string) => document.body.textContent.includes(t), text, {timeout: 20_000})

it('prints the URL and serves the working copy (the draft) as the portal page', async () => {
  assert.match(stdout, /Watching for changes; Ctrl-C to stop/)
  await page.goto(`${url}privacy/zh-CN/index.html`, {waitUntil: 'load'})
  assert.equal(await page.locator('h1').textContent(), '快手隐私政策')
  assert.match((await page.locator('.dates').textContent())!, /2024-03-01/, 'the draft version shows')
  await bodyIncludes(original)
  // The reload client is connected.
  await page.waitForFunction(() => [...document.scripts].some((script: any) => script.src.endsWith('/__policypress/client.js')))
  // No console error for the icon every new tab asks for.
  assert.equal((await page.request.get(`${url}favicon.ico`)).status(), 204)
})

it('every link of the draft diff and history pages opens a page (draft links lead to the main pages)', async () => {
  // A page of its own: the shared one stays on the policy page the next tests edit.
  const other = await page.context().newPage()
  try {
    for (const start of ['privacy/zh-CN/diff/2023-09-20..draft.html', 'privacy/zh-CN/history.html']) {
      await other.goto(`${url}${start}`, {waitUntil: 'load'})
      const hrefs = await other.evaluate(() => [...document.querySelectorAll('main a[href]')].map((a: any) => a.href as string).filter((href) => href.startsWith(location.origin) && !href.includes('#')))
      assert.ok(hrefs.some((href) => href.includes('/draft/')), `${start} links to draft pages`)
      for (const href of new Set(hrefs)) {
        const response = await other.request.get(href)
        assert.equal(response.status(), 200, `${start} → ${href}`)
      }
    }
  } finally {
    await other.close()
  }
})

it('reloads the page with the change when a content file is saved', async (t) => {
  await page.evaluate(() => (window.__notReloaded = true))
  const changed = '亲爱的用户，欢迎预览第一次修改！'
  const saved = Date.now()
  edit(original, changed)
  await bodyIncludes(changed)
  const elapsed = Date.now() - saved
  assert.equal(await page.evaluate(() => window.__notReloaded), undefined, 'the page reloaded')
  assert.equal(await page.locator('#policypress-overlay').count(), 0)
  t.diagnostic(`edit → reloaded page: ${elapsed} ms`)
})

it('shows a broken edit in the overlay with file:line:column and keeps the last good page', async () => {
  edit('亲爱的用户，欢迎预览第一次修改！', '亲爱的用户，<b>x</b> 欢迎！')
  const overlay = page.locator('#policypress-overlay')
  await overlay.waitFor({state: 'visible', timeout: 20_000})
  const problems = await page.locator('#policypress-overlay li.policypress-problem').allTextContents()
  assert.ok(
    problems.some((problem) => /^content\/privacy\/zh-CN\/index\.md:14:\d+ {2}error {2}.*<b>/.test(problem)),
    `problems: ${JSON.stringify(problems)}`
  )
  assert.equal(await overlay.getAttribute('role'), 'alert')
  // The last good build stays on screen under the overlay.
  assert.ok(await page.evaluate(() => document.body.textContent.includes('亲爱的用户，欢迎预览第一次修改！')))
  await screenshot(page, 'preview-overlay-desktop')

  // A second kind of mistake, a duplicate heading id, is reported the same way.
  edit('## 导言 {#introduction}', '## 导言 {#collection}')
  await page.waitForFunction(
    () => [...document.querySelectorAll('#policypress-overlay li.policypress-problem')].some((li: any) => /^content\/privacy\/zh-CN\/index\.md:\d+:\d+ .*duplicate id `collection`/i.test(li.textContent)),
    undefined,
    {timeout: 20_000}
  )
})

it('recovers when the mistakes are fixed', async () => {
  const fixed = '亲爱的用户，修复后的文字。'
  const text = fs.readFileSync(source, 'utf8').replace('亲爱的用户，<b>x</b> 欢迎！', fixed).replace('## 导言 {#collection}', '## 导言 {#introduction}')
  fs.writeFileSync(source, text)
  await bodyIncludes(fixed)
  await page.locator('#policypress-overlay').waitFor({state: 'detached', timeout: 20_000})
})

it('shows each problem with its hint, and warnings in a calmer bar over a page that is up to date', async () => {
  const clause = path.join(dir, 'content', 'privacy', 'zh-CN', 'clauses', 'unused.md')
  fs.writeFileSync(clause, '一段没有被引用的条款。\n')
  try {
    const overlay = page.locator('#policypress-overlay[data-kind="warnings"]')
    await overlay.waitFor({state: 'visible', timeout: 20_000})
    assert.equal(await overlay.getAttribute('role'), 'status')
    const item = (await page.locator('#policypress-overlay li.policypress-problem').allTextContents()).find((text) => text.includes('unused.md'))
    assert.match(item ?? '', /^content\/privacy\/zh-CN\/clauses\/unused\.md:1:1 {2}warning {2}Unexpected clause that no policy includes.*content-unused/)
    assert.match(item ?? '', /hint: A policy must be/)
    await waitFor(() => /Rebuilt in \d+ ms \(1 warning, shown in the page\)\./.test(stdout), 'the terminal says so')
  } finally {
    fs.rmSync(clause)
  }
  await page.locator('#policypress-overlay').waitFor({state: 'detached', timeout: 20_000})
})

it('shows the in-app pages in a phone frame', async () => {
  await page.goto(`${url}__policypress/phone`, {waitUntil: 'load'})
  const frame = page.frameLocator('iframe')
  assert.equal(await frame.locator('h1').textContent(), '快手隐私政策')
  const box = await page.locator('iframe').boundingBox()
  assert.deepEqual({width: Math.round(box!.width), height: Math.round(box!.height)}, phone)
  await screenshot(page, 'preview-phone-frame')
})

it('stops on Ctrl-C (SIGINT) with exit code 0', async () => {
  assert.equal(server.exitCode, null, `the preview stopped by itself:\n${stderr}`)
  const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)))
  server.kill('SIGINT')
  assert.equal(await exited, 0, stderr)
  assert.match(stdout, /Preview stopped\./)
})

/** Wait until `ready()` holds (polling), failing with `what` after 20 s. */
async function waitFor(ready: () => boolean, what: string): Promise<void> {
  const until = Date.now() + 20_000
  while (!ready()) {
    if (Date.now() > until) throw new Error(`timed out: ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
