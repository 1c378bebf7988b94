/**
 * The reference content builds into everything it feeds: the policy, its four lists in every format,
 * the published version, the draft, the redline and the change summary, each valid against its schema.
 */
import {test} from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {Ajv2020} from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import {parse} from 'csv-parse/sync'
import {policypress, root} from '../cli/run.js'

let dist: string | undefined

function built(): string {
  if (dist) return dist
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policypress-content-'))
  fs.cpSync(path.join(root, 'content'), path.join(dir, 'content'), {recursive: true})
  fs.cpSync(path.join(root, 'archive'), path.join(dir, 'archive'), {recursive: true})
  const run = policypress(['build'], dir)
  assert.equal(run.code, 0, run.stderr)
  dist = path.join(dir, 'dist')
  return dist
}

const read = (file: string) => fs.readFileSync(path.join(built(), file), 'utf8')

function validator(schemaFile: string) {
  const ajv = new Ajv2020({strict: false})
  addFormats.default(ajv)
  return ajv.compile(JSON.parse(read(schemaFile)) as object)
}

for (const release of ['', 'v/2023-09-20/', 'draft/']) {
  for (const kind of ['sdk', 'sharing', 'collection', 'permissions']) {
    test(`the ${kind} list of ${release || 'the current version'} validates against the published schema and its CSV round-trips`, () => {
      const data = JSON.parse(read(`privacy/zh-CN/${release}lists/${kind}.json`)) as {entries: Array<{id: string}>}
      const validate = validator(`schemas/${kind}-list.schema.json`)
      assert.equal(validate(data), true, JSON.stringify(validate.errors))
      assert.ok(data.entries.length >= 10)
      const rows = parse(read(`privacy/zh-CN/${release}lists/${kind}.csv`), {bom: true}) as string[][]
      assert.deepEqual(rows.slice(1).map((row) => row[0]), data.entries.map((entry) => entry.id))
      assert.ok(rows.every((row) => row.length === rows[0]!.length))
    })
  }
}

test('the draft adds the UnionPay SDK; the published version does not have it', () => {
  const ids = (file: string) => (JSON.parse(read(file)) as {entries: Array<{id: string}>}).entries.map((e) => e.id)
  assert.ok(ids('privacy/zh-CN/draft/lists/sdk.json').includes('unionpay-sdk'))
  assert.ok(!ids('privacy/zh-CN/lists/sdk.json').includes('unionpay-sdk'))
})

test('the draft change summary is material, validates, and links to the redline', () => {
  const summary = JSON.parse(read('privacy/zh-CN/changes/draft.json')) as Record<string, unknown>
  const validate = validator('schemas/change-summary.schema.json')
  assert.equal(validate(summary), true, JSON.stringify(validate.errors))
  assert.equal(summary['material'], true)
  assert.equal(summary['separateConsent'], true)
  assert.deepEqual((summary['listChanges'] as Array<{entry: string; change: string}>).map((c) => `${c.entry}:${c.change}`), ['unionpay-sdk:added', 'logistics:modified'])
  assert.equal((summary['links'] as {diff: string}).diff, 'https://privacy.example.com/privacy/zh-CN/diff/2023-09-20..draft.html')
  assert.ok(fs.existsSync(path.join(built(), 'privacy/zh-CN/diff/2023-09-20..draft.html')))
})

test('the history lists the published version in force and the draft', () => {
  const html = read('privacy/zh-CN/history.html')
  assert.match(html, /2023-09-20/)
  assert.match(html, /2024-03-01/)
  assert.match(html, /diff\/2023-09-20\.\.draft\.html/)
})

test('the redline shows list changes with the names of information types and permissions, not their ids', () => {
  const page = read('privacy/zh-CN/diff/2023-09-20..draft.html')
  const added = page.slice(page.indexOf('中国银联云闪付 SDK'))
  assert.ok(added.length > 0)
  const row = added.slice(0, added.indexOf('</dl>'))
  assert.match(row, /设备标识符/)
  assert.match(row, /网络访问/)
  assert.doesNotMatch(row, /device-id|network-info/)
})

test('list field changes on the redline mark the words and items that changed, as the text does', () => {
  assert.match(read('privacy/zh-CN/diff/2023-09-20..draft.html'), /<dt>共享目的<\/dt><dd><span class="lc-inline">准确、安全地向您完成商品的交付<del class="diff-del">及配送<\/del><ins class="diff-ins">、配送及售后退换货<\/ins><\/span><\/dd>/)
  // Items of a list of information types: one removed, one added, the rest as they were.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policypress-items-'))
  for (const folder of ['content', 'archive']) fs.cpSync(path.join(root, folder), path.join(dir, folder), {recursive: true})
  const sdkList = path.join(dir, 'content', 'privacy', 'zh-CN', 'lists', 'sdk.md')
  const text = fs.readFileSync(sdkList, 'utf8')
  fs.writeFileSync(sdkList, text.replace('- 收集的个人信息: device-info, network-info, photos-videos', '- 收集的个人信息: device-info, photos-videos, order-info'))
  const run = policypress(['build'], dir)
  assert.equal(run.code, 0, run.stderr)
  const page = fs.readFileSync(path.join(dir, 'dist', 'privacy', 'zh-CN', 'diff', '2023-09-20..draft.html'), 'utf8')
  const row = page.slice(page.indexOf('data-entry="wechat-open-sdk"'))
  assert.match(row.slice(0, row.indexOf('</tr>')), /<span class="lc-inline">设备信息[^<]*<del class="diff-del">、网络信息[^<]*<\/del>、相册中的照片和视频<ins class="diff-ins">、订单和交易信息[^<]*<\/ins><\/span>/)
})
