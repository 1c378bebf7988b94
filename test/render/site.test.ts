import {test} from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import {loadContent} from '../../src/load/content.js'
import {loadTemplates} from '../../src/load/templates.js'
import {compileContent} from '../../src/compile.js'
import {compileTemplates} from '../../src/render/templates.js'
import {renderSite, siteOfProject, type OutputFile} from '../../src/render/site.js'
import {fixtures} from '../cli/run.js'

async function site(): Promise<Map<string, string>> {
  const result = compileContent(await loadContent(path.join(fixtures, 'multilocale', 'content')))
  assert.equal(result.ok, true)
  const files: OutputFile[] = renderSite(siteOfProject(result.project), compileTemplates(await loadTemplates()))
  return new Map(files.map((file) => [file.path, file.contents]))
}

test('every document gets a portal page and an in-app page, plus an index and one stylesheet', async () => {
  assert.deepEqual([...(await site()).keys()], [
    'app/privacy/en-US.html',
    'app/privacy/zh-CN.html',
    'assets/portal.css',
    'index.html',
    'privacy/en-US/index.html',
    'privacy/zh-CN/index.html'
  ])
})

test('the in-app page is self-contained: inline CSS, no script, no external request', async () => {
  const html = (await site()).get('app/privacy/zh-CN.html')!
  assert.match(html, /<meta name="viewport" content="width=device-width/)
  assert.match(html, /<style>[\s\S]*prefers-color-scheme: dark[\s\S]*<\/style>/)
  assert.doesNotMatch(html, /<script/i)
  assert.doesNotMatch(html, /<link[^>]+rel="stylesheet"/)
  assert.doesNotMatch(html, /\bsrc=/)
  assert.doesNotMatch(html, /@import|url\(\s*["']?https?:/)
})

test('the in-app page has a collapsible table of contents and an anchor on every section', async () => {
  const html = (await site()).get('app/privacy/zh-CN.html')!
  assert.match(html, /<details[^>]*>\s*<summary[^>]*>目录<\/summary>/)
  for (const id of ['introduction', 'collection', 'collection-1', 'collection-2', 'contact']) {
    assert.match(html, new RegExp(`<h[2-6] id="${id}">`), id)
    assert.match(html, new RegExp(`href="#${id}"`), `toc entry for ${id}`)
  }
  assert.doesNotMatch(html, /class="permalink"/)
})

test('the portal page has lang, a skip link, permalinks, dates and the print stylesheet', async () => {
  const files = await site()
  const html = files.get('privacy/zh-CN/index.html')!
  assert.match(html, /<html lang="zh-CN">/)
  assert.match(html, /<a class="skip-link" href="#main">跳到正文<\/a>/)
  assert.match(html, /<main id="main"/)
  assert.match(html, /<h3 id="collection-1">（一）账号服务<a class="permalink" href="#collection-1" aria-label="[^"]+">#<\/a><\/h3>/)
  assert.match(html, /<time datetime="2024-01-10">2024-01-10<\/time>/)
  assert.match(html, /<time datetime="2024-01-17">2024-01-17<\/time>/)
  assert.match(html, /<link rel="stylesheet" href="\.\.\/\.\.\/assets\/portal\.css">/)
  assert.match(files.get('assets/portal.css')!, /@media print/)
})

test('key clauses are highlighted as <strong> in both outputs', async () => {
  const files = await site()
  for (const page of ['app/privacy/zh-CN.html', 'privacy/zh-CN/index.html']) {
    assert.match(files.get(page)!, /<strong>请您仔细阅读本政策，尤其是粗体标识的内容。<\/strong>/, page)
  }
})

test('links between content files are rewritten for each output', async () => {
  const files = await site()
  assert.match(files.get('privacy/zh-CN/index.html')!, /<a href="\.\.\/en-US\/index\.html#introduction">英文版<\/a>/)
  assert.match(files.get('app/privacy/zh-CN.html')!, /<a href="en-US\.html#introduction">英文版<\/a>/)
  assert.match(files.get('privacy/en-US/index.html')!, /<a href="\.\.\/zh-CN\/index\.html">Chinese version<\/a>/)
})

test('the ASCII-colon and bare-URL traps render the author text exactly', async () => {
  const html = (await site()).get('privacy/zh-CN/index.html')!
  assert.match(html, /邮箱:<a href="mailto:privacy@example\.com">privacy@example\.com<\/a> 访问<a href="https:\/\/example\.com\/privacy">https:\/\/example\.com\/privacy<\/a>了解详情。/)
})

test('an included clause renders where it is included', async () => {
  const html = (await site()).get('privacy/zh-CN/index.html')!
  assert.match(html, /<li>1\. 为订立、履行合同所必需；<\/li>/)
})

test('the portal links every locale of a document and its in-app view', async () => {
  const html = (await site()).get('privacy/zh-CN/index.html')!
  assert.match(html, /href="\.\.\/en-US\/index\.html" hreflang="en-US" lang="en-US">English<\/a>/)
  assert.match(html, /href="index\.html" hreflang="zh-CN" lang="zh-CN" aria-current="page">简体中文<\/a>/)
  assert.match(html, /href="\.\.\/\.\.\/app\/privacy\/zh-CN\.html"/)
})

test('the index lists documents and locales with relative links', async () => {
  const html = (await site()).get('index.html')!
  assert.match(html, /<html lang="zh-CN">/)
  assert.match(html, /<title>示例隐私中心<\/title>/)
  assert.match(html, /href="privacy\/zh-CN\/index\.html"/)
  assert.match(html, /href="privacy\/en-US\/index\.html"/)
  assert.match(html, /href="app\/privacy\/en-US\.html"/)
})

test('rendering is deterministic', async () => {
  assert.deepEqual(await site(), await site())
})
