import {test} from 'node:test'
import assert from 'node:assert/strict'
import {compile, messages, policy, reasons} from '../helpers.js'

const zh = 'privacy/zh-CN/index.md'
const check = (body: string) => compile({[zh]: policy(`## 一 {#a}\n\n${body}`)})

const cases: Array<[string, string, string[], string]> = [
  ['no space after the marks', '###（一）实现相关功能与服务 {#collection-1}\n', [`${zh}:12:1 error heading-malformed`], 'Unexpected `###（一）实现相关功能与服务 {#collec…` as text: a heading needs a space after its `#` marks'],
  ['full-width marks', '＃＃＃ （一）实现 {#c-1}\n', [`${zh}:12:1 error heading-malformed`], 'Unexpected `＃＃＃ （一）实现 {#c-1}` as text: a heading is written with ASCII `#`, not full-width `＃`'],
  ['seven marks', '####### 七级 {#c-7}\n', [`${zh}:12:1 error heading-malformed`], 'Unexpected `####### 七级 {#c-7}` as text: a heading has at most six `#` marks'],
  ['a heading line run into the paragraph above, reported at its own line', '正文。\n##二、共享 {#s}\n', [`${zh}:13:1 error heading-malformed`], 'Unexpected `##二、共享 {#s}` as text: a heading needs a space after its `#` marks'],
  ['an indented one, at its marks', '  ##二、共享 {#s}\n', [`${zh}:12:3 error heading-malformed`], 'Unexpected `##二、共享 {#s}` as text: a heading needs a space after its `#` marks']
]

for (const [name, body, expected, reason] of cases) {
  test(`a heading the parser takes for text is an error: ${name}`, () => {
    const result = check(body)
    assert.deepEqual(messages(result), expected)
    assert.deepEqual(reasons(result), [reason])
  })
}

test('hashtags, escaped marks and real headings are left alone', () => {
  assert.deepEqual(messages(check('#快手话题# 活动说明。\n\n\\#1 号文件。\n\n### （一）实现 {#a-1}\n\n正文 # 不在行首。\n')), [])
})
