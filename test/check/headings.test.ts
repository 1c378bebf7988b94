import {test} from 'node:test'
import assert from 'node:assert/strict'
import {compile, messages, policy, reasons} from '../helpers.js'

const path = 'privacy/zh-CN/index.md'
const at = (line: number, column: number, severity: string, rule: string) => `${path}:${line}:${column} ${severity} ${rule}`

// Body starts on line 10 of the file.
const cases: Array<[string, string, string[]]> = [
  ['ids on every heading pass', '## 一 {#a}\n\n### （一） {#a-1}\n', []],
  ['Chinese ids pass', '## 一 {#收集}\n', []],
  ['a missing id is reported at the heading', '## 一、总则\n', [at(10, 1, 'error', 'heading-id-missing')]],
  ['a duplicate id is reported at the second `{`', '## 一 {#a}\n\n## 二 {#a}\n', [at(12, 6, 'error', 'heading-id-duplicate')]],
  ['uppercase is malformed', '## 一 {#Collection}\n', [at(10, 6, 'error', 'heading-id-malformed')]],
  ['full-width letters are malformed', '## 一 {#ｃｏｌ}\n', [at(10, 6, 'error', 'heading-id-malformed')]],
  ['a zero-width space is malformed', '## 一 {#a\u200Bb}\n', [at(10, 6, 'error', 'heading-id-malformed')]],
  ['a double hyphen is malformed', '## 一 {#a--b}\n', [at(10, 6, 'error', 'heading-id-malformed')]],
  ['a class instead of an id is malformed', '## 一 {.x}\n', [at(10, 6, 'error', 'heading-id-malformed')]],
  ['an empty id is malformed', '## 一 {#}\n', [at(10, 6, 'error', 'heading-id-malformed')]],
  ['a level-1 heading is an error', '# 标题 {#t}\n', [at(10, 1, 'error', 'heading-depth')]],
  ['a skipped level is a warning', '## 一 {#a}\n\n#### 1. {#a-1}\n', [at(12, 1, 'warning', 'heading-depth')]]
]

for (const [name, body, expected] of cases) {
  test(name, () => {
    assert.deepEqual(messages(compile({[path]: policy(body)})), expected)
  })
}

test('a duplicate id message says where the id was first used', () => {
  const result = compile({[path]: policy('## 一 {#a}\n\n## 二 {#a}\n')})
  assert.deepEqual(reasons(result), [
    `Unexpected duplicate id \`a\` (first used at ${path}:10), expected unique ids`
  ])
})

test('a warning alone does not fail the check', () => {
  const result = compile({[path]: policy('## 一 {#a}\n\n#### 1. {#a-1}\n')})
  assert.equal(result.ok, true)
})

test('an editorial section that does not exist is reported at the key', () => {
  assert.deepEqual(messages(compile({[path]: policy('## 一 {#a}\n', {editorial: '[a, b]'})})), [`${path}:8:1 error section-unknown`])
})
