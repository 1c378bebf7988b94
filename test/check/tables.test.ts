import {test} from 'node:test'
import assert from 'node:assert/strict'
import {compile, messages, policy, reasons} from '../helpers.js'

const zh = 'privacy/zh-CN/index.md'
const check = (body: string) => compile({[zh]: policy(`## 一 {#a}\n\n${body}`)})

test('a table with its separator row is a table', () => {
  const result = check('| 第三方名称 | 使用目的 |\n| --- | --- |\n| 某推送 SDK | 消息推送 \\| 统计 |\n')
  assert.deepEqual(messages(result), [])
  assert.equal(result.project.documents[0]?.sections[0]?.blocks.some((block) => block.kind === 'table'), true)
})

test('rows without a separator row are an error at the first row, naming the row to add', () => {
  const result = check('| 第三方名称 | 使用目的 | 隐私政策 |\n| 某推送 SDK | 消息推送 | 链接 |\n')
  assert.deepEqual(messages(result), [`${zh}:12:1 error table-malformed`])
  assert.deepEqual(reasons(result), ['Unexpected rows of `|` cells that do not make a table: expected the separator row `| --- | --- | --- |` as the second line'])
})

test('a separator row with too few cells is an error too', () => {
  assert.deepEqual(messages(check('| 名称 | 目的 |\n| --- |\n| 某 SDK | 推送 |\n')), [`${zh}:12:1 error table-malformed`])
})

test('rows in a list item are checked where they are written', () => {
  assert.deepEqual(messages(check('- 第三方：\n\n  | 名称 | 目的 |\n  | 某 SDK | 推送 |\n')), [`${zh}:14:3 error table-malformed`])
})

test('a single line with pipes, and text that merely contains them, are left alone', () => {
  assert.deepEqual(messages(check('| 仅一行 |\n\n选项 A | 选项 B\n选项 C | 选项 D\n')), [])
})
