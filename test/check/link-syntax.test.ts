import {test} from 'node:test'
import assert from 'node:assert/strict'
import {compile, messages, policy, reasons} from '../helpers.js'

const zh = 'privacy/zh-CN/index.md'
const check = (body: string) => compile({[zh]: policy(`## 一 {#contact}\n\n${body}`)})

const cases: Array<[string, string, string[], string[]]> = [
  ['a full-width parenthesis', '见[“如何联系我们”]（#contact）。\n', [`${zh}:12:11 error link-malformed`], ['Unexpected `]（#contact）` as text: a full-width `（` keeps this from being a link']],
  ['a space before the parenthesis', '见[联系我们] (#contact)。\n', [`${zh}:12:7 error link-malformed`], ['Unexpected `] (#contact)` as text: a space before `(` keeps this from being a link']],
  ['a full-width parenthesis around a web address', '见[官网]（https://www.kuaishou.com）\n', [`${zh}:12:5 error link-malformed`], ['Unexpected `]（https://www.kuaishou.com）` as text: a full-width `（` keeps this from being a link']],
  ['in a list item', '- 见[联系我们] (#contact)\n', [`${zh}:12:9 error link-malformed`], ['Unexpected `] (#contact)` as text: a space before `(` keeps this from being a link']]
]

for (const [name, body, expected, why] of cases) {
  test(`a link that is not one is an error where it is written: ${name}`, () => {
    const result = check(body)
    assert.deepEqual(messages(result), expected)
    assert.deepEqual(reasons(result), why)
  })
}

test('links, and brackets followed by an ordinary remark in parentheses, are left alone', () => {
  assert.deepEqual(messages(check('见[联系我们](#contact)。选项[一]（可选）说明。[注] (以下同)\n')), [])
})
