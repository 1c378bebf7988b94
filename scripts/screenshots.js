#!/usr/bin/env node
// The README screenshots: the seed's portal page on a desktop and its in-app page on a phone.
//
//   npm run compile && node scripts/screenshots.js [--out docs]
//
// Renders the seed (content/ + archive/) in memory with the compiled library, serves it on 127.0.0.1 and
// drives Debian's Chromium (/usr/bin/chromium, or $POLICYPRESS_CHROMIUM) with playwright-core. Writes
// <out>/screenshot-portal.png (1280×800) and <out>/screenshot-inapp.png (375×812 at 2×, or 1× if that is
// too big). The browser tests write every page type to screenshots/ instead.
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {chromium} from 'playwright-core'
import {render} from '../lib/pipeline.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const outIndex = process.argv.indexOf('--out')
const out = path.resolve(outIndex > 0 && process.argv[outIndex + 1] ? process.argv[outIndex + 1] : path.join(root, 'docs'))
const maxBytes = 300 * 1024
const executablePath = process.env.POLICYPRESS_CHROMIUM || '/usr/bin/chromium'

if (!fs.existsSync(executablePath)) {
  console.error(`${executablePath} not found; install Chromium and CJK fonts: apt-get install chromium fonts-noto-cjk`)
  process.exit(2)
}

const result = await render({content: path.join(root, 'content')})
if (!result.ok) {
  console.error('The seed content has errors; run `npx policypress check`.')
  process.exit(1)
}
const files = new Map(result.written.map((file) => [file.path, file.contents]))
const types = {'.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8'}
const server = http.createServer((request, response) => {
  const file = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname).replace(/^\/+/, '')
  const body = files.get(file)
  response.writeHead(body === undefined ? 404 : 200, {'Content-Type': types[path.extname(file)] ?? 'application/octet-stream'})
  response.end(body ?? 'Not found')
})
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
const base = `http://127.0.0.1:${server.address().port}/`

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
})
try {
  fs.mkdirSync(out, {recursive: true})
  const shots = [
    {name: 'screenshot-portal.png', page: 'privacy/zh-CN/index.html', viewport: {width: 1280, height: 800}, scales: [1]},
    {name: 'screenshot-inapp.png', page: 'app/privacy/zh-CN.html', viewport: {width: 375, height: 812}, scales: [2, 1.5, 1], mobile: true}
  ]
  for (const shot of shots) {
    for (const deviceScaleFactor of shot.scales) {
      const context = await browser.newContext({viewport: shot.viewport, deviceScaleFactor, isMobile: shot.mobile ?? false, colorScheme: 'light', reducedMotion: 'reduce'})
      const page = await context.newPage()
      await page.goto(base + shot.page, {waitUntil: 'load'})
      await page.evaluate('document.fonts.ready.then(() => true)')
      const png = await page.screenshot({animations: 'disabled', caret: 'hide'})
      await context.close()
      if (png.length <= maxBytes || deviceScaleFactor === shot.scales.at(-1)) {
        fs.writeFileSync(path.join(out, shot.name), png)
        console.log(`${path.relative(process.cwd(), path.join(out, shot.name))}: ${shot.viewport.width}×${shot.viewport.height} @${deviceScaleFactor}x, ${Math.round(png.length / 1024)} KB`)
        break
      }
    }
  }
} finally {
  await browser.close()
  server.close()
}
