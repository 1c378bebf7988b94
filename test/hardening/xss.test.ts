/**
 * No script runs that the project did not write.
 *
 * Every payload of test/fixtures/hardening/xss.json goes into every input channel: Markdown body
 * (paragraphs, key clauses, tables, code, a reusable clause), headings and ids, link URLs and titles,
 * front matter (title, summary, materialReason), the site title, list titles, entry names and fields,
 * vocabulary names, and — through a published version and an edited draft — redlines, list changes,
 * change summaries and their notice texts. A payload the checker rejects in a channel goes in as literal
 * text instead (backslash-escaped Markdown), and a separate test proves the rejection. The site is
 * built once and every generated page is opened in Chromium over 127.0.0.1 with alert/confirm/prompt,
 * print, open, document.title and CSP violations (eval, inline script) watched: no dialog, no sentinel, no CSP violation, no request other
 * than to the site's own files, no element or attribute that could run script.
 */
import {after, before, test} from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {parse as parseCsv} from 'csv-parse/sync'
import type {Browser, Page} from 'playwright-core'
import {compile, messages, policy} from '../helpers.js'
import {parseMarkdown} from '../../src/parse/processor.js'
import {renderNodes} from '../../src/render/html.js'
import {linkRewriterFor} from '../../src/render/paths.js'
import {injectClient} from '../../src/dev/inject.js'
import {build} from '../../src/pipeline.js'
import {publish} from '../../src/versions/publish.js'
import {VFile} from 'vfile'
import {listFiles, root, serve, tempDir, writeFiles} from './helpers.js'

// Functions below run in the page: the DOM, untyped (the project compiles without the DOM library).
declare const document: any
declare const window: any
declare const getComputedStyle: any
declare const DOMParser: any
declare const Document: any

const chromiumPath = '/usr/bin/chromium'
const skip = fs.existsSync(chromiumPath) ? false : `${chromiumPath} not installed (.ci/run installs it)`

const {payloads} = JSON.parse(fs.readFileSync(path.join(root, 'test/fixtures/hardening/xss.json'), 'utf8')) as {payloads: string[]}
const n = payloads.length
const P = (i: number): string => payloads[((i % n) + n) % n]!

/** Literal text in Markdown: every ASCII punctuation character backslash-escaped. */
const literal = (text: string): string => text.replace(/[!-/:-@[-`{-~]/g, '\\$&')
const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' ').trim()
const yaml = (text: string): string => JSON.stringify(text)

const policyFile = 'privacy/zh-CN/index.md'

/** `fn` remembering its results: each payload is tried once per channel. */
function memo(fn: (p: string) => string): (p: string) => string {
  const cache = new Map<string, string>()
  return (p) => {
    if (!cache.has(p)) cache.set(p, fn(p))
    return cache.get(p)!
  }
}

/** Inline code: the last resort for text the checker rejects even when escaped (`::include` in running text). */
const code = (text: string): string => `\`\` ${text.replace(/`/g, '\u02cb')} \`\``

/** The first of `forms` the checker accepts. */
function firstPassing(forms: string[], passes: (form: string) => boolean): string {
  const found = forms.find(passes)
  assert.ok(found !== undefined, `no form of ${JSON.stringify(forms[0])} passes the checker`)
  return found
}

/** The payload as written when the checker accepts it in a paragraph, else as literal text. */
const paragraph = memo((p: string): string =>
  firstPassing([p, literal(p), code(oneLine(p))], (form) => compile({[policyFile]: policy(`## 一 {#a}\n\n${form}\n`)}).ok)
)

/** The same for a heading (one line, with an id). */
const heading = memo((p: string): string => {
  const line = oneLine(p)
  return firstPassing([line, literal(line), code(line)], (form) => compile({[policyFile]: policy(`## ${form} {#a}\n\n正文。\n`)}).ok)
})

/** The same for a list field value or entry name. */
const listText = memo((p: string): string => {
  const line = oneLine(p)
  const entry = (name: string, value: string) =>
    `## ${name} {#e}\n\n- 信息类型: v0\n- 使用目的: ${value}\n- 使用场景: 场景\n- 基本模式必需: 否\n`
  const files = (form: string) => ({
    [policyFile]: policy('## 一 {#a}\n\n正文。\n'),
    'privacy/zh-CN/lists/collection.md': entry(form, form),
    'vocabulary.yaml': 'v0:\n  zh-CN: 甲\n  sensitive: false\n'
  })
  return firstPassing([line, literal(line), code(line)], (form) => compile(files(form)).ok)
})

/** `|` escaped, for a table cell. */
const pipes = (form: string): string => form.replace(/(?<!\\)\|/g, '\\|')

/** The same for an ordered-list item, a key clause and a table cell at once. */
const inline = memo((p: string): string => {
  const line = oneLine(p)
  const body = (form: string) => `## 一 {#a}\n\n1. ${form}\n\n**${form}**\n\n| ${pipes(form)} |\n| --- |\n| x |\n`
  return firstPassing([line, literal(line), code(line)], (form) => compile({[policyFile]: policy(body(form))}).ok)
})
const cell = (p: string): string => pipes(inline(p))

/** A link title: quotes and backslashes escaped, one line. */
const linkTitle = (p: string): string => oneLine(p).replace(/["\\]/g, '\\$&')
/** A link destination in `<…>`: angle brackets, backslashes and line breaks escaped or encoded. */
const linkUrl = (p: string): string => `https://example.com/${p.replace(/[<>\\]/g, '\\$&').replace(/\n/g, '%0A')}`

interface Version {
  version: string
  updated: string
  effective: string
  shift: number
  /** Site title, document title and summary: short payloads, so every notice fits its channel (notice-length). */
  site: string
  title: string
  summary: string
}

const v1: Version = {
  version: '2023-09-20',
  updated: '2023-09-20',
  effective: '2023-09-27',
  shift: 0,
  site: '"><img src=x onerror=alert(1)>',
  title: '<svg onload=alert(1)>',
  summary: '<script>alert(1)</script>'
}
const v2: Version = {
  version: '2024-03-01',
  updated: '2024-03-01',
  effective: '2024-03-15',
  shift: 7,
  site: '</title><script>alert(1)</script>',
  title: "'><svg onload=alert(1)>",
  summary: "{{constructor.constructor('alert(1)')()}}"
}

/** The content folder of one version: every payload in every channel. */
function contentOf(v: Version): Record<string, string> {
  const s = v.shift
  const kept = (i: number) => s === 0 || i % 10 !== 9
  const text = (i: number) => (s > 0 && i % 3 === 0 ? P(i + s) : P(i))
  const files: Record<string, string> = {}
  files['policypress.yaml'] = `title: ${yaml(v.site)}\nlocale: zh-CN\nurl: https://privacy.example.com/\nnoticeDays: 7\n`
  files['vocabulary.yaml'] = payloads
    .map((_, i) => `v${i}:\n  zh-CN: ${yaml(s > 0 && i % 4 === 0 ? P(i + s) : P(i))}\n  en-US: ${yaml(P(i + 1))}\n  sensitive: ${i % 7 === 0}\n`)
    .join('')
  const meta = [
    'id: privacy',
    `title: ${yaml(v.title)}`,
    'locale: zh-CN',
    `version: ${v.version}`,
    `updated: ${v.updated}`,
    `effective: ${v.effective}`,
    `summary: ${yaml(v.summary)}`,
    ...(s > 0 ? ['material: true', `materialReason: ${yaml(P(23))}`] : [])
  ]
  const sections = payloads.map((_, i) => {
    if (!kept(i)) return ''
    const p = text(i)
    const title = s > 0 && i % 4 === 0 ? heading(P(i + 1)) : heading(P(i))
    return [
      `## ${title} {#s${i}}`,
      paragraph(p),
      `**${inline(p)}** [链接 ${i}](<${linkUrl(p)}> "${linkTitle(p)}")`,
      `1. ${inline(p)}\n2. ${inline(P(i + 1))}`,
      `| ${cell(p)} | ${i} |\n| --- | --- |\n| ${cell(P(i + 2))} | x |`,
      ...(i === 0 ? ['::include{src="clauses/payloads.md"}'] : [])
    ].join('\n\n')
  })
  const added = s > 0 ? payloads.filter((_, i) => i % 10 === 0).map((p, k) => `## ${heading(p)} {#added-${k}}\n\n${paragraph(P(k * 10 + 11))}`) : []
  files[policyFile] = `---\n${meta.join('\n')}\n---\n\n${[...sections.filter(Boolean), ...added].join('\n\n')}\n\n~~~\n${payloads.join('\n')}\n~~~\n`
  files['privacy/zh-CN/clauses/payloads.md'] = payloads.map((p) => paragraph(p)).join('\n\n') + '\n'

  // Lists: every payload as an entry name and in the free-text fields.
  const entries = (prefix: string, body: (i: number) => string[]) =>
    payloads
      .map((_, i) => (kept(i) ? `## ${listText(s > 0 && i % 4 === 0 ? P(i + 2) : P(i))} {#${prefix}${i}}\n\n${body(i).map((line) => `- ${line}`).join('\n')}\n` : ''))
      .filter(Boolean)
      .join('\n')
  const added2 = (prefix: string, body: (i: number) => string[]) =>
    s > 0 ? payloads.filter((_, i) => i % 10 === 0).map((p, k) => `## ${listText(p)} {#${prefix}new${k}}\n\n${body(k).map((line) => `- ${line}`).join('\n')}\n`).join('\n') : ''
  const collection = (i: number) => [`信息类型: v${i}`, `使用目的: ${listText(text(i + 1))}`, `使用场景: ${listText(P(i + 2))}`, '基本模式必需: 否', `备注: ${listText(text(i + 3))}`]
  const sdk = (i: number) => [
    `第三方主体: ${listText(text(i))}`,
    `使用目的: ${listText(P(i + 1))}`,
    `使用场景: ${listText(text(i + 2))}`,
    `收集的个人信息: v${i % n}`,
    `收集方式: ${listText(P(i + 3))}`,
    `使用的权限: p${i % n}`,
    '适用平台: Android、iOS',
    `隐私政策: https://example.com/${literal(oneLine(text(i)).replace(/::include/g, ':%3Ainclude'))}`,
    `备注: ${listText(P(i + 4))}`
  ]
  const sharing = (i: number) => [
    `合作类型: ${listText(text(i))}`,
    `共享目的: ${listText(P(i + 1))}`,
    `使用场景: ${listText(P(i + 2))}`,
    `共享的个人信息: v${i % n}`,
    `共享方式: ${listText(text(i + 3))}`,
    `隐私政策或联系方式: 联系 ${listText(P(i + 4))}`
  ]
  const permissions = (i: number) => [
    `Android 权限: ${listText(text(i))}`,
    `使用场景: ${listText(P(i + 1))}`,
    `使用目的: ${listText(text(i + 2))}`,
    '使用前询问: 是',
    '可关闭: 否',
    `拒绝的影响: ${listText(P(i + 3))}`
  ]
  const listFile = (titleIndex: number, prefix: string, body: (i: number) => string[]) =>
    `---\ntitle: ${yaml(P(titleIndex + s))}\n---\n\n${paragraph(P(titleIndex + 1))}\n\n${entries(prefix, body)}\n${added2(prefix, body)}`
  files['privacy/zh-CN/lists/collection.md'] = listFile(30, 'c', collection)
  files['privacy/zh-CN/lists/sdk.md'] = listFile(31, 'k', sdk)
  files['privacy/zh-CN/lists/sharing.md'] = listFile(32, 'r', sharing)
  // Permissions keep every id, since SDK entries of both versions use them.
  files['privacy/zh-CN/lists/permissions.md'] = `---\ntitle: ${yaml(P(33))}\n---\n\n${payloads
    .map((_, i) => `## ${listText(P(i))} {#p${i}}\n\n${permissions(i).map((line) => `- ${line}`).join('\n')}\n`)
    .join('\n')}`

  // One more document per payload, its title the payload: titles reach <title>, <h1>, the index and aria labels.
  payloads.forEach((p, i) => {
    files[`t${i}/zh-CN/index.md`] = `---\nid: t${i}\ntitle: ${yaml(p)}\nlocale: zh-CN\nversion: v1\nupdated: 2024-01-01\neffective: 2024-01-08\n---\n\n## ${heading(P(i + 1))} {#a}\n\n${paragraph(P(i + 2))}\n`
  })
  return files
}

let work = ''
let dist = ''
let browser: Browser | undefined

before(async () => {
  work = tempDir('policypress-xss-')
  const content = path.join(work, 'content')
  writeFiles(content, contentOf(v1))
  const first = await publish({content, document: 'privacy'})
  assert.equal(first.ok, true, first.files.flatMap((f) => f.messages.map((m) => `${f.path}:${m.line}:${m.column} ${m.ruleId} ${m.reason}`)).join('\n'))
  fs.rmSync(content, {recursive: true})
  writeFiles(content, contentOf(v2))
  dist = path.join(work, 'dist')
  const result = await build({content, out: dist})
  assert.equal(result.ok, true, result.files.flatMap((f) => f.messages.map((m) => `${f.path}:${m.line}:${m.column} ${m.ruleId} ${m.reason}`)).join('\n'))
})

after(async () => {
  await browser?.close()
})

test('payloads the checker rejects are rejected, with the rule that says why', () => {
  const body = (markdown: string) => messages(compile({[policyFile]: policy(`## 一 {#a}\n\n${markdown}\n`)}))
  const cases: Array<[string, string]> = [
    ['<script>alert(1)</script>', 'no-html'],
    ['x <img src=x onerror=alert(1)> y', 'no-html'],
    ['<svg onload=alert(1)>', 'no-html'],
    ['<iframe srcdoc="<script>parent.alert(1)</script>"></iframe>', 'no-html'],
    ['<!--<script>alert(1)//-->', 'no-html'],
    ['<![CDATA[<script>alert(1)</script>]]>', 'no-html'],
    ['[x](javascript:alert(1))', 'link-protocol'],
    ['[x](JaVaScRiPt:alert(1))', 'link-protocol'],
    ['[x](&#x6A;avascript:alert(1))', 'link-protocol'],
    ['[x]( vbscript:msgbox(1))', 'link-protocol'],
    ['[x](data:text/html;base64,PHNjcmlwdD4=)', 'link-protocol'],
    ['<javascript:alert(1)>', 'link-protocol'],
    ['[x][evil]\n\n[evil]: javascript:alert(1)', 'link-protocol'],
    ['[x](//evil.example/)', 'link-protocol'],
    ['[x](java&#x09;script:alert(1))', 'link-missing-file'],
    ['![x](https://evil.example/pixel.png)', 'no-image'],
    [':::script\nalert(1)\n:::', 'directive-unknown'],
    ['::include{src="../../../etc/passwd"}', 'include-outside']
  ]
  for (const [markdown, rule] of cases) {
    const found = body(markdown)
    assert.ok(found.some((line) => line.includes(` error ${rule}`)), `${JSON.stringify(markdown)}: expected ${rule}, got ${found.join('; ')}`)
  }
  const id = messages(compile({[policyFile]: policy('## 一 {#x"onmouseover=alert(1)}\n\n正文。\n')}))
  assert.deepEqual(id, [`${policyFile}:10:6 error heading-id-malformed`])
  // Every corpus payload that is raw HTML in the body is rejected as such.
  for (const p of payloads) {
    const tree = parseMarkdown(new VFile({path: 'x.md', value: p}))
    const html = JSON.stringify(tree).includes('"type":"html"')
    if (html) assert.ok(body(p).some((line) => line.endsWith('error no-html')), `${JSON.stringify(p)} is raw HTML but not rejected`)
  }
})

test('even without the checker, the renderer emits no script, handler or dangerous URL for any payload', () => {
  const rewrite = linkRewriterFor('privacy/zh-CN/index.html', 'portal')
  for (const p of payloads) {
    for (const markdown of [p, `[${p}](https://example.com/ "${p}")`, `**${p}**`, `| ${oneLine(p)} |\n| --- |\n| ${oneLine(p)} |`]) {
      const tree = parseMarkdown(new VFile({path: policyFile, value: markdown}))
      const html = renderNodes(tree.children, policyFile, rewrite)
      assert.deepEqual(dangerousMarkup(html), [], `${JSON.stringify(markdown)} → ${html}`)
    }
  }
})

test('the site built from the corpus passes the checker and writes every kind of page', () => {
  const files = listFiles(dist)
  for (const expected of [
    'index.html',
    'privacy/zh-CN/index.html',
    'privacy/zh-CN/draft/index.html',
    'privacy/zh-CN/v/2023-09-20/index.html',
    'privacy/zh-CN/history.html',
    'privacy/zh-CN/diff/2023-09-20..draft.html',
    'privacy/zh-CN/diff/2023-09-20..draft.full.html',
    'app/privacy/zh-CN/diff/2023-09-20..draft.html',
    'privacy/zh-CN/changes/draft.json',
    'privacy/zh-CN/lists/sdk.html',
    'privacy/zh-CN/draft/lists/sdk.csv',
    'app/privacy/zh-CN/lists/sdk.html',
    'app/t0/zh-CN.html'
  ]) {
    assert.ok(files.includes(expected), `${expected} in dist/`)
  }
  // The payloads reached the pages as text: the diff shows an inserted payload, the draft page a changed title.
  const diff = fs.readFileSync(path.join(dist, 'privacy/zh-CN/diff/2023-09-20..draft.html'), 'utf8')
  assert.match(diff, /diff-ins/)
  assert.ok(diff.includes('&lt;script&gt;') || diff.includes('&#x3C;script>') || diff.includes('&#60;script&#62;'), 'an escaped <script> in the redline')
})

test('every page carries a restrictive Content-Security-Policy before anything it loads', () => {
  const portal = `default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; connect-src 'none'; base-uri 'none'; form-action 'none'`
  const inApp = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'`
  for (const file of listFiles(dist).filter((f) => f.endsWith('.html'))) {
    const html = fs.readFileSync(path.join(dist, file), 'utf8')
    const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/g)].map((m) => m[1])
    assert.deepEqual(metas, [file.startsWith('app/') ? inApp : portal], file)
    const csp = html.indexOf('Content-Security-Policy')
    for (const loader of ['<link rel="stylesheet"', '<script', '<style']) {
      const at = html.indexOf(loader)
      if (at !== -1) assert.ok(at > csp, `${file}: ${loader} before the CSP`)
    }
  }
})

test('the preview server swaps the portal CSP for one that lets its reload client in', () => {
  const html = fs.readFileSync(path.join(dist, 'privacy/zh-CN/index.html'), 'utf8')
  const preview = injectClient(html)
  const metas = [...preview.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/g)].map((m) => m[1] ?? '')
  assert.equal(metas.length, 1)
  assert.match(metas[0]!, /script-src 'self'/)
  assert.match(metas[0]!, /connect-src 'self'/)
  assert.match(preview, /<script src="[^"]+" defer><\/script>\n<\/body>/)
})

test('JSON stays well-formed and keeps untrusted text exactly; CSV keeps its columns and escapes formulas', () => {
  const files = listFiles(dist)
  const jsonFiles = files.filter((f) => f.endsWith('.json'))
  assert.ok(jsonFiles.length >= 10)
  for (const file of jsonFiles) JSON.parse(fs.readFileSync(path.join(dist, file), 'utf8'))
  const summary = JSON.parse(fs.readFileSync(path.join(dist, 'privacy/zh-CN/changes/draft.json'), 'utf8')) as {summary: string; title: string}
  assert.equal(summary.summary, v2.summary)
  assert.equal(summary.title, v2.title)
  const csvFiles = files.filter((f) => f.endsWith('.csv'))
  assert.ok(csvFiles.length >= 8)
  for (const file of csvFiles) {
    const text = fs.readFileSync(path.join(dist, file), 'utf8')
    const records = parseCsv(text, {bom: true, relax_column_count: true}) as string[][]
    const width = records[0]?.length ?? 0
    assert.ok(width > 2, file)
    for (const record of records) assert.equal(record.length, width, `${file}: row ${record[0]}`)
    const json = JSON.parse(fs.readFileSync(path.join(dist, file.replace(/\.csv$/, '.json')), 'utf8')) as {entries: unknown[]}
    assert.equal(records.length, json.entries.length + 1, `${file}: one row per entry`)
    for (const record of records.slice(1)) {
      for (const cell of record) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `${file}: a cell that a spreadsheet would run as a formula`)
    }
  }
  // The Atom feed is well-formed XML (checked in the browser below).
})

test('in Chromium: no dialog, no script, no CSP violation, no outgoing request on any page', {skip, timeout: 170_000}, async () => {
  const {chromium} = await import('playwright-core')
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
  })
  // Notice e-mails are HTML too: each goes next to the site, to be opened like a page.
  const emails: string[] = []
  for (const file of listFiles(dist).filter((f) => /\/changes\/[^/]+\.json$/.test(f))) {
    const data = JSON.parse(fs.readFileSync(path.join(dist, file), 'utf8')) as {notices?: unknown}
    htmlStrings(data.notices).forEach((html, k) => {
      const name = `emails/${file.replace(/[/.]/g, '-')}-${k}.html`
      writeFiles(work, {[name]: html})
      emails.push(name)
    })
  }
  const pages = listFiles(dist).filter((f) => f.endsWith('.html'))
  assert.ok(pages.length > 150, `${pages.length} pages`)
  const targets = [...pages.map((f) => `dist/${f}`), ...emails]
  const feeds = listFiles(dist).filter((f) => f.endsWith('.atom'))
  assert.ok(feeds.length > 0)

  const server = await serve(work)
  const context = await browser.newContext({serviceWorkers: 'block'})
  const problems: string[] = []
  try {
    // tsx keeps function names with a `__name` helper that functions sent to the page refer to.
    await context.addInitScript({content: 'globalThis.__name = (f) => f;'})
    await context.addInitScript(sentinel)
    const page = await context.newPage()
    let current = ''
    page.on('dialog', (dialog) => {
      problems.push(`${current}: dialog ${dialog.type()} ${dialog.message()}`)
      void dialog.dismiss().catch(() => undefined)
    })
    page.on('popup', () => problems.push(`${current}: a popup opened`))
    page.on('request', (request) => {
      if (!request.url().startsWith(`${server.origin}/`)) problems.push(`${current}: request to ${request.url()}`)
    })
    page.on('response', (response) => {
      if (response.status() !== 200) problems.push(`${current}: ${response.status()} for ${response.url()}`)
    })
    page.on('pageerror', (error) => problems.push(`${current}: page error ${error.message}`))

    for (const target of targets) {
      current = target
      const url = `${server.origin}/${target.split('/').map(encodeURIComponent).join('/')}`
      const response = await page.goto(url, {waitUntil: 'load'})
      assert.equal(response?.status(), 200, target)
      const report = await page.evaluate(audit, {email: target.startsWith('emails/')})
      problems.push(...report.map((line) => `${target}: ${line}`))
      if (page.url() !== url) problems.push(`${target}: navigated to ${page.url()}`)
      if (target === 'dist/privacy/zh-CN/lists/sdk.html') {
        // The portal's own script and stylesheet still work under the CSP.
        const works = await page.evaluate(() => ({
          filter: document.getElementById('pp-list-filter')?.hidden as boolean | undefined,
          styled: getComputedStyle(document.body).fontFamily.includes('Noto Sans CJK SC')
        }))
        assert.deepEqual(works, {filter: false, styled: true}, 'list filter script and stylesheet run under the CSP')
      }
      if (target === 'dist/privacy/zh-CN/diff/2023-09-20..draft.html') {
        const hidden = await page.evaluate(() => document.getElementById('pp-change-nav')?.hidden as boolean | undefined)
        assert.equal(hidden, false, 'diff navigation runs under the CSP')
      }
    }
    for (const feed of feeds) {
      const xml = fs.readFileSync(path.join(dist, feed), 'utf8')
      const errors = await page.evaluate((text) => new DOMParser().parseFromString(text, 'application/xml').getElementsByTagName('parsererror').length, xml)
      assert.equal(errors, 0, `${feed} is well-formed XML`)
    }
  } finally {
    await context.close()
    await server.close()
  }
  // Only the site's own files were fetched.
  // Chromium asks for /favicon.ico by itself; everything else must be a file of the site.
  const served = new Set(['/favicon.ico', ...targets.map((t) => `/${t}`), ...listFiles(dist).map((f) => `/dist/${f}`)])
  for (const request of server.requests) if (!served.has(decodeURIComponent(request))) problems.push(`server saw a request for ${request}`)
  assert.deepEqual(problems, [], `${problems.length} problems over ${targets.length} pages`)
})

/** Runs in every page before its own scripts: records anything a payload could do. */
function sentinel(): void {
  const w = window as unknown as Record<string, unknown> & {__pwned: string[]}
  w.__pwned = []
  const record = (what: string) => () => {
    w.__pwned.push(what)
    return undefined
  }
  for (const name of ['alert', 'confirm', 'prompt', 'print', 'open']) w[name] = record(name)
  // eval and Function stay: Playwright evaluates through them. Without 'unsafe-eval' in the CSP, a page
  // script calling them raises a securitypolicyviolation, recorded below.
  const title = Object.getOwnPropertyDescriptor(Document.prototype, 'title')!
  Object.defineProperty(Document.prototype, 'title', {
    get: title.get,
    set(value: string) {
      if (String(value).includes('PWNED')) w.__pwned.push('document.title')
      title.set?.call(this, value)
    }
  })
  document.addEventListener('securitypolicyviolation', (event: any) => {
    w.__pwned.push(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`)
  })
}

/** Runs in every page after load: pokes every element, then lists what looks like script or a way out. */
function audit({email}: {email: boolean}): string[] {
  const problems: string[] = []
  const all = [...document.querySelectorAll('*')]
  // Fire what a user would: hover, focus, toggles.
  for (const element of all) {
    for (const type of ['mouseover', 'mouseenter', 'pointerenter', 'focus', 'focusin', 'toggle', 'animationstart', 'load', 'error']) {
      element.dispatchEvent(new Event(type))
    }
  }
  const forbidden = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'form', 'svg', 'math', 'template', 'img', 'image', 'video', 'audio', 'source', 'track', 'portal', 'noscript', 'xmp', 'plaintext'])
  const bad = /^[\s\u0000-\u001f]*(?:javascript|vbscript|data|livescript):/i
  for (const element of all) {
    const tag = element.localName
    if (forbidden.has(tag)) problems.push(`<${tag}> element`)
    if (tag === 'script' && !/\/assets\/(list-filter|diff-nav)\.js$/.test(element.src)) problems.push(`<script> ${element.outerHTML.slice(0, 80)}`)
    if (tag === 'style' && (email || element.parentElement !== document.head || document.querySelectorAll('style').length > 1)) {
      if (!email) problems.push('a <style> outside the head')
    }
    if (tag === 'link' && !['stylesheet', 'alternate'].includes(element.rel)) problems.push(`<link rel=${element.rel}>`)
    if (tag === 'meta' && (element.getAttribute('http-equiv') ?? '').toLowerCase() === 'refresh') problems.push('<meta refresh>')
    for (const attribute of [...element.attributes]) {
      const name = attribute.name.toLowerCase()
      if (name.startsWith('on')) problems.push(`${name}= on <${tag}>`)
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc', 'background', 'poster'].includes(name) && bad.test(attribute.value)) {
        problems.push(`${name}="${attribute.value.slice(0, 60)}" on <${tag}>`)
      }
      if (name === 'style' && (!email || /expression|url\(|javascript/i.test(attribute.value))) problems.push(`style="${attribute.value.slice(0, 60)}" on <${tag}>`)
    }
  }
  const w = window as unknown as {__pwned: string[]}
  problems.push(...w.__pwned.map((what) => `sentinel: ${what}`))
  if (document.title === 'PWNED') problems.push('document.title is PWNED')
  return problems
}

/** Markup in rendered HTML that could run script or load something. */
function dangerousMarkup(html: string): string[] {
  const found: string[] = []
  const allowed = new Set(['p', 'a', 'strong', 'em', 'del', 'code', 'pre', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'blockquote', 'br', 'hr', 'h2', 'h3', 'h4', 'h5', 'h6', 'input', 'sup', 'sub', 'section', 'div', 'span'])
  const tags = /<\/?([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g
  for (const match of html.matchAll(tags)) {
    const tag = (match[1] ?? '').toLowerCase()
    const attributes = match[2] ?? ''
    if (!allowed.has(tag)) found.push(`<${tag}>`)
    for (const attribute of attributes.matchAll(/\s+([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g)) {
      const name = (attribute[1] ?? '').toLowerCase()
      const value = (attribute[2] ?? '').replace(/^["']|["']$/g, '')
      if (name.startsWith('on')) found.push(`handler ${name} on <${tag}>`)
      if (['style', 'srcdoc', 'formaction', 'action', 'xlink:href'].includes(name)) found.push(`${name} on <${tag}>`)
      if (name === 'href' || name === 'src') {
        const decoded = value.replace(/&#x([\da-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16))).replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
        if (/^[\s\u0000-\u001f]*(?:javascript|vbscript|data):/i.test(decoded.replace(/[\t\n\r]/g, ''))) found.push(`URL ${value}`)
      }
    }
  }
  return found
}

/** Every string in `value` (deeply) that is an HTML document. */
function htmlStrings(value: unknown): string[] {
  if (typeof value === 'string') return /<html|<!doctype/i.test(value) ? [value] : []
  if (Array.isArray(value)) return value.flatMap(htmlStrings)
  if (value && typeof value === 'object') return Object.values(value).flatMap(htmlStrings)
  return []
}
