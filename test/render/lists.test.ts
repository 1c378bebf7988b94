import {test} from 'node:test'
import assert from 'node:assert/strict'
import {compile} from '../helpers.js'
import {listContent} from '../lists/fixtures.js'
import {loadTemplates} from '../../src/load/templates.js'
import {compileTemplates} from '../../src/render/templates.js'
import {renderSite, siteOfProject} from '../../src/render/site.js'
import {diffLists} from '../../src/lists/diff.js'

async function site(): Promise<Map<string, string>> {
  const result = compile(listContent())
  assert.equal(result.ok, true)
  const files = renderSite(siteOfProject(result.project), compileTemplates(await loadTemplates()))
  return new Map(files.map((file) => [file.path, file.contents]))
}

test('every list gets a portal page, an in-app page, JSON and CSV, plus one schema per kind', async () => {
  const paths = [...(await site()).keys()]
  for (const kind of ['sdk', 'sharing', 'collection', 'permissions']) {
    for (const path of [`privacy/zh-CN/lists/${kind}.html`, `app/privacy/zh-CN/lists/${kind}.html`, `privacy/zh-CN/lists/${kind}.json`, `privacy/zh-CN/lists/${kind}.csv`, `schemas/${kind}-list.schema.json`]) {
      assert.ok(paths.includes(path), path)
    }
  }
  assert.ok(paths.includes('assets/list-filter.js'))
})

test('a list page is a table with a row per entry, labelled cells and a filter', async () => {
  const html = (await site()).get('privacy/zh-CN/lists/sdk.html')!
  assert.match(html, /<tr[^>]*id="wechat"/)
  assert.match(html, /<th[^>]*scope="row"[^>]*>[\s\S]*?微信开放平台 SDK/)
  assert.match(html, /<td[^>]*data-label="第三方主体"/)
  assert.match(html, /<input[^>]*type="search"/)
  assert.match(html, /<script src="\.\.\/\.\.\/\.\.\/assets\/list-filter\.js" defer><\/script>/)
})

test('sensitive personal information is marked in words, not colour alone', async () => {
  const html = (await site()).get('privacy/zh-CN/lists/sdk.html')!
  assert.match(html, /人脸信息[\s\S]{0,200}敏感/)
})

test('a permission in an SDK entry links to its entry in the permissions list', async () => {
  const html = (await site()).get('privacy/zh-CN/lists/sdk.html')!
  assert.match(html, /<a[^>]*href="permissions\.html#camera"[^>]*>相机权限<\/a>/)
})

test('the in-app list page is self-contained and runs no script', async () => {
  const html = (await site()).get('app/privacy/zh-CN/lists/sdk.html')!
  assert.doesNotMatch(html, /<script/i)
  assert.match(html, /<style>/)
  assert.match(html, /微信开放平台 SDK/)
})

test('the policy links to its lists in each output', async () => {
  const files = await site()
  assert.match(files.get('privacy/zh-CN/index.html')!, /<a href="lists\/sdk\.html">第三方SDK目录<\/a>/)
  assert.match(files.get('app/privacy/zh-CN.html')!, /<a href="zh-CN\/lists\/sdk\.html">第三方SDK目录<\/a>/)
})

test('lists diff by entry id: added, removed and changed fields with old and new values', () => {
  const before = compile(listContent()).project.lists.find((l) => l.kind === 'sdk')!
  const changed = listContent()['privacy/zh-CN/lists/sdk.md']!
    .replace('- 收集的个人信息: device-info\n', '- 收集的个人信息: device-info, phone-number\n')
    .replace(/## 实名认证 SDK[\s\S]*$/, '## 新 SDK {#new}\n\n- 第三方主体: 新公司\n- 使用目的: 统计\n- 使用场景: 全部\n- 收集的个人信息: device-info\n- 收集方式: SDK本机采集\n- 使用的权限: network\n- 适用平台: iOS\n- 隐私政策: https://new.example.com/privacy\n')
  const after = compile(listContent({'privacy/zh-CN/lists/sdk.md': changed})).project.lists.find((l) => l.kind === 'sdk')!
  const diff = diffLists('sdk', before, after)
  assert.deepEqual(
    diff.entries.map((e) => (e.type === 'modified' ? [e.type, e.id, e.fields.map((f) => [f.field, f.added, f.removed])] : [e.type, e.id])),
    [
      ['modified', 'wechat', [['data', ['phone-number'], []]]],
      ['added', 'new'],
      ['removed', 'verify']
    ]
  )
})
