import {test} from 'node:test'
import assert from 'node:assert/strict'
import {compile, messages, policy, reasons} from '../helpers.js'

const zh = 'privacy/zh-CN/index.md'
const check = (body: string) => compile({[zh]: policy(`## 一 {#a}\n\n${body}`)})

test('a numbered list whose numbers the page would change is an error at the first changed item', () => {
  const result = check('1. 为订立合同所必需；\n2. 为履行法定职责所必需；\n4. 为应对突发事件所必需；\n4. 为新闻报道所必需；\n')
  assert.deepEqual(messages(result), [`${zh}:14:1 error ordered-list`])
  assert.deepEqual(reasons(result), ["Unexpected item number `4.` shown as 3: the page numbers a list by itself; write `- 4\\. …` to keep the policy's number"])
})

test('a numbered list shown as written is a warning: its numbers are still not text', () => {
  const result = check('3. 三\n4. 四\n')
  assert.deepEqual(messages(result), [`${zh}:12:1 warning ordered-list`])
  assert.deepEqual(reasons(result), ["Unexpected numbered list: its numbers are not part of the text; write `- 3\\. …` to keep them as the policy's own"])
  assert.ok(result.ok)
})

test('numbers written as text, as the guide says, are fine', () => {
  assert.deepEqual(messages(check('- 1\\. 为订立合同所必需；\n- 2\\. 为履行法定职责所必需；\n\n5.1 当您购买商品时。\n')), [])
})
