import {test} from 'node:test'
import assert from 'node:assert/strict'
import type {RootContent} from 'mdast'
import {renderNodes} from '../../src/render/html.js'
import {compileTemplates} from '../../src/render/templates.js'
import {renderSite, siteOfProject} from '../../src/render/site.js'
import {loadTemplates} from '../../src/load/templates.js'
import {compile, policy} from '../helpers.js'

const keep = (url: string) => url

test('links with unsafe protocols lose their href even if a check is skipped', () => {
  const link: RootContent = {type: 'paragraph', children: [{type: 'link', url: 'javascript:alert(1)', children: [{type: 'text', value: 'x'}]}]}
  assert.equal(renderNodes([link], 'a.md', keep), '<p><a>x</a></p>')
})

test('raw HTML never reaches the output', () => {
  const html: RootContent = {type: 'html', value: '<script>alert(1)</script>'}
  assert.equal(renderNodes([html], 'a.md', keep), '')
})

test('text that looks like HTML is escaped', () => {
  const paragraph: RootContent = {type: 'paragraph', children: [{type: 'text', value: '<img src=x onerror=alert(1)>'}]}
  assert.equal(renderNodes([paragraph], 'a.md', keep), '<p>&#x3C;img src=x onerror=alert(1)></p>')
})

test('front matter and headings are escaped in every page', async () => {
  const result = compile({
    'privacy/zh-CN/index.md': policy('## <\\script>alert(1)<\\/script> {#a}\n\n正文\n', {title: '"</title><script>alert(1)</script>"'})
  })
  assert.equal(result.ok, true)
  const templates = compileTemplates(await loadTemplates())
  for (const file of renderSite(siteOfProject(result.project), templates)) {
    assert.doesNotMatch(file.contents, /<script>alert/, file.path)
  }
})

test('a wide table scrolls inside a labelled, focusable region', async () => {
  const result = compile({'privacy/zh-CN/index.md': policy('## 一 {#a}\n\n| 名称 | 目的 |\n| --- | --- |\n| 微信 | 登录 |\n')})
  const templates = compileTemplates(await loadTemplates())
  const page = renderSite(siteOfProject(result.project), templates).find((file) => file.path === 'privacy/zh-CN/index.html')!
  assert.match(page.contents, /<div class="table-wrap" role="region" tabindex="0" aria-label="表格"><table>/)
})

test('a template with a syntax error fails when compiled, naming nothing from content', async () => {
  const sources = await loadTemplates()
  assert.throws(() => compileTemplates({...sources, layouts: {...sources.layouts, portal: '{{#if x}}'}}), /Parse error|Expecting/)
})

test('a missing layout is a configuration error', async () => {
  const sources = await loadTemplates()
  const {index: _index, ...layouts} = sources.layouts
  assert.throws(() => compileTemplates({...sources, layouts}), /Missing layout `layouts\/index\.hbs`/)
})
