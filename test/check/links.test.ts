import {test} from 'node:test'
import assert from 'node:assert/strict'
import {compile, messages, policy} from '../helpers.js'

const zh = 'privacy/zh-CN/index.md'
const en = 'privacy/en-US/index.md'
const english = policy('## One {#one}\n\nText.\n', {locale: 'en-US'})

const cases: Array<[string, string, string[]]> = [
  ['an in-document anchor passes', '## 一 {#a}\n\n见[一](#a)。\n', []],
  ['a missing anchor is reported at the link', '## 一 {#a}\n\n见[二](#b)。\n', [`${zh}:12:2 error link-missing-anchor`]],
  ['a link to another locale passes', '## 一 {#a}\n\n[English](../en-US/index.md#one)\n', []],
  ['a missing file is reported', '## 一 {#a}\n\n[清单](../lists/sdk.md)\n', [`${zh}:12:1 error link-missing-file`]],
  ['a missing anchor in another file is reported', '## 一 {#a}\n\n[x](../en-US/index.md#two)\n', [`${zh}:12:1 error link-missing-anchor`]],
  ['`javascript:` is reported', '## 一 {#a}\n\n[x](javascript:alert(1))\n', [`${zh}:12:1 error link-protocol`]],
  ['`data:` is reported', '## 一 {#a}\n\n[x](data:text/html,hi)\n', [`${zh}:12:1 error link-protocol`]],
  ['an autolink with a bad protocol is reported', '## 一 {#a}\n\n<javascript:alert(1)>\n', [`${zh}:12:1 error link-protocol`]],
  ['an absolute path is reported', '## 一 {#a}\n\n[x](/etc/passwd)\n', [`${zh}:12:1 error link-protocol`]],
  ['a path leaving content is reported', '## 一 {#a}\n\n[x](../../../x.md)\n', [`${zh}:12:1 error link-protocol`]],
  ['https, mailto and tel pass', '## 一 {#a}\n\n[a](https://x.cn) [b](mailto:a@x.cn) [c](tel:4001260088)\n', []],
  ['a reference link is checked too', '## 一 {#a}\n\n[x][r]\n\n[r]: #nope\n', [`${zh}:12:1 error link-missing-anchor`]]
]

for (const [name, body, expected] of cases) {
  test(name, () => {
    assert.deepEqual(messages(compile({[zh]: policy(body), [en]: english})), expected)
  })
}

test('a link to a clause file is reported: clauses are not pages', () => {
  const files = {[zh]: policy('## 一 {#a}\n\n[例外](clauses/x.md)\n'), [en]: english, 'privacy/zh-CN/clauses/x.md': '- 条款\n'}
  // Linked, not included: the clause is shown nowhere as well.
  assert.deepEqual(messages(compile(files)), ['privacy/zh-CN/clauses/x.md:1:1 warning content-unused', `${zh}:12:1 error link-missing-file`])
})
