import {test} from 'node:test'
import assert from 'node:assert/strict'
import {Ajv2020} from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import {parse} from 'csv-parse/sync'
import {compile} from '../helpers.js'
import {listContent} from './fixtures.js'
import {listJsonSchemaDocument, listToCsv, listToJson} from '../../src/lists/export.js'
import {listKinds} from '../../src/lists/fields.js'

const project = () => compile(listContent()).project

function validator(kind: (typeof listKinds)[number]) {
  const ajv = new Ajv2020({allErrors: true, strict: true})
  addFormats.default(ajv)
  return ajv.compile(listJsonSchemaDocument(kind, `schemas/${kind}-list.schema.json`))
}

test('every list JSON validates against its published JSON Schema', () => {
  const {lists, vocabulary, documents} = project()
  for (const list of lists) {
    const validate = validator(list.kind)
    const data = listToJson(list, vocabulary, lists, documents[0])
    assert.equal(validate(data), true, `${list.kind}: ${JSON.stringify(validate.errors)}`)
  }
})

test('the schema rejects what the format forbids', () => {
  const {lists, vocabulary} = project()
  const sdk = lists.find((l) => l.kind === 'sdk')!
  const data = listToJson(sdk, vocabulary, lists, undefined) as {entries: Array<Record<string, unknown>>}
  const validate = validator('sdk')
  assert.equal(validate({...data, entries: [{...data.entries[0], policyUrl: 'javascript:alert(1)'}]}), false)
  assert.equal(validate({...data, entries: [{...data.entries[0], colour: 'red'}]}), false)
  const {provider: _provider, ...missing} = data.entries[0]!
  assert.equal(validate({...data, entries: [missing]}), false)
})

test('list JSON names the vocabulary types and marks sensitive ones', () => {
  const {lists, vocabulary, documents} = project()
  const sdk = lists.find((l) => l.kind === 'sdk')!
  const data = listToJson(sdk, vocabulary, lists, documents[0]) as {version: string; entries: Array<{data: unknown; permissions: unknown}>}
  assert.equal(data.version, '2023-09-20')
  assert.deepEqual(data.entries[1]!.data, [
    {id: 'face', name: '人脸信息', sensitive: true},
    {id: 'phone-number', name: '手机号码', sensitive: false}
  ])
  assert.deepEqual(data.entries[1]!.permissions, [
    {id: 'camera', name: '相机权限'},
    {id: 'network', name: '网络权限'}
  ])
})

test('CSV starts with a UTF-8 BOM and uses CRLF, as Excel expects', () => {
  const {lists, vocabulary} = project()
  const csv = listToCsv(lists.find((l) => l.kind === 'sdk')!, vocabulary, lists)
  assert.equal(csv.charCodeAt(0), 0xfeff)
  assert.ok(csv.startsWith('\uFEFFID,SDK 名称,第三方主体,使用目的,'))
  assert.match(csv, /\r\n/)
})

test('CSV escapes a cell starting with = so Excel does not run it', () => {
  const {lists, vocabulary} = project()
  const csv = listToCsv(lists.find((l) => l.kind === 'sdk')!, vocabulary, lists)
  assert.match(csv, /"'=HYPERLINK\(""http:\/\/evil\.example""\)"/)
})

test('CSV round-trips through a CSV parser unchanged', () => {
  const {lists, vocabulary} = project()
  for (const list of lists) {
    const csv = listToCsv(list, vocabulary, lists)
    const rows = parse(csv, {bom: true}) as string[][]
    assert.equal(rows.length, list.entries.length + 1, list.kind)
    for (const [index, entry] of list.entries.entries()) {
      assert.equal(rows[index + 1]![0], entry.id)
      assert.equal(rows[index + 1]![1], entry.name)
    }
  }
  const sdk = lists.find((l) => l.kind === 'sdk')!
  const rows = parse(listToCsv(sdk, vocabulary, lists), {bom: true}) as string[][]
  assert.deepEqual(rows[2], [
    'verify',
    '实名认证 SDK',
    '示例认证有限公司',
    '实名认证',
    '开通直播时',
    '人脸信息、手机号码',
    'SDK本机采集',
    '相机权限、网络权限',
    'Android',
    'https://verify.example.com/privacy',
    `'=HYPERLINK("http://evil.example")`
  ])
})
