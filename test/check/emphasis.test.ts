import {test} from 'node:test'
import assert from 'node:assert/strict'
import {compile, messages, policy, reasons} from '../helpers.js'

const zh = 'privacy/zh-CN/index.md'
const check = (body: string) => messages(compile({[zh]: policy(`## 一 {#a}\n\n${body}\n`)}))

const cases: Array<[string, string, string[]]> = [
  ['bold between Chinese characters is bold', '我们**不会**收集。', []],
  ['bold after a Latin word, before a Chinese character, is bold', '我们使用SDK**收集**信息。', []],
  ['bold around quotation marks between Chinese characters is bold', '请阅读**“个人信息”**的定义。', []],
  ['bold inside the quotation marks is bold', 'SDK“**设备信息**”说明。', []],
  ['bold around the Latin word too is bold', '**SDK“设备信息”**说明。', []],
  ['bold that cannot open after a Latin letter before a quotation mark is reported at each `**`', 'SDK**“设备信息”**说明。', [`${zh}:12:4 error strong-unmatched`, `${zh}:12:12 error strong-unmatched`]],
  ['bold that cannot close before a Latin letter is reported', '我们**“不会”**App', [`${zh}:12:3 error strong-unmatched`, `${zh}:12:9 error strong-unmatched`]],
  ['an unclosed bold is reported', '这一句**没有结束。', [`${zh}:12:4 error strong-unmatched`]],
  ['escaped asterisks are literal on purpose', '联系电话：\\*\\*\\*', []],
  ['asterisks in code are code', '写作 `**粗体**` 即可。', []],
  ['bold and italic together are fine', '***重要***', []],
  ['full-width asterisks are reported at each pair', '＊＊若您是未成年人＊＊，请在监护人陪同下阅读。', [`${zh}:12:1 error strong-unmatched`, `${zh}:12:10 error strong-unmatched`]]
]

for (const [name, body, expected] of cases) {
  test(name, () => assert.deepEqual(check(body), expected))
}

test('the message says what is wrong; the hint shows both ways to fix it', () => {
  const result = compile({[zh]: policy('## 一 {#a}\n\nSDK**“设备信息”**说明。\n')})
  assert.equal(reasons(result)[0], 'Unexpected `**` shown as text: it does not start or end bold here')
  const hint = result.files.flatMap((file) => file.messages)[0]?.note ?? ''
  assert.match(hint, /SDK“\*\*设备信息\*\*”/)
  assert.match(hint, /\*\*SDK“设备信息”\*\*/)
})

test('a `**` in an included clause is reported in the clause file', () => {
  const clause = 'privacy/zh-CN/clauses/a.md'
  const result = compile({[zh]: policy('## 一 {#a}\n\n::include{src="clauses/a.md"}\n'), [clause]: '第三方SDK**“设备信息”**。\n'})
  assert.deepEqual(messages(result), [`${clause}:1:7 error strong-unmatched`, `${clause}:1:15 error strong-unmatched`])
})

test('full-width asterisks are named as such', () => {
  const result = compile({[zh]: policy('## 一 {#a}\n\n＊＊重要＊＊\n')})
  assert.equal(reasons(result)[0], 'Unexpected full-width `＊＊` shown as text, expected ASCII `**` for bold')
})
