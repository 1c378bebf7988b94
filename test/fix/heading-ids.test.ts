import {test} from 'node:test'
import assert from 'node:assert/strict'
import {VFile} from 'vfile'
import {applyHeadingIds, planHeadingIds} from '../../src/fix/heading-ids.js'
import {headingNumber, parseChineseNumeral} from '../../src/fix/numbering.js'
import {compile, messages, policy} from '../helpers.js'

const numbers: Array<[string, number | undefined]> = [
  ['一、个人信息的收集和使用', 1],
  ['十二、附则', 12],
  ['（三）Cookie 及同类技术', 3],
  ['(四) 例外', 4],
  ['1. 账号服务', 1],
  ['1.2 账号认证', 2],
  ['1.2.10 其他', 10],
  ['第二十一条 定义', 21],
  ['第3条 定义', 3],
  ['Article 7 Transfers', 7],
  ['(b) Contractors', 2],
  ['导言', undefined],
  ['2023年更新', undefined]
]

for (const [title, expected] of numbers) {
  test(`the number of “${title}” is ${expected}`, () => {
    assert.equal(headingNumber(title), expected)
  })
}

test('Chinese numerals parse up to hundreds', () => {
  assert.deepEqual(['一', '十', '十一', '二十', '九十九', '一百零五'].map(parseChineseNumeral), [1, 10, 11, 20, 99, 105])
})

function fix(markdown: string): string {
  const file = new VFile({path: 'x.md', value: markdown})
  return applyHeadingIds(markdown, planHeadingIds(file))
}

test('missing ids follow the number path under the parent id', () => {
  const before = '## 一、收集 {#collection}\n\n### （一）账号\n\n#### 1. 注册\n\n### （二）安全\n'
  assert.equal(
    fix(before),
    '## 一、收集 {#collection}\n\n### （一）账号 {#collection-1}\n\n#### 1. 注册 {#collection-1-1}\n\n### （二）安全 {#collection-2}\n'
  )
})

test('top-level numbers without a parent id start with `section`', () => {
  assert.equal(fix('## 一、总则\n\n## 二、定义\n'), '## 一、总则 {#section-1}\n\n## 二、定义 {#section-2}\n')
})

test('unnumbered headings get a slug, Chinese kept', () => {
  assert.equal(fix('## 导言\n\n## Contact us\n'), '## 导言 {#导言}\n\n## Contact us {#contact-us}\n')
})

test('derived ids never collide with existing ones', () => {
  assert.equal(fix('## 一、总则\n\n## 附 {#section-1}\n'), '## 一、总则 {#section-1-2}\n\n## 附 {#section-1}\n')
})

test('everything but the inserted ids is unchanged, CRLF and all', () => {
  const before = '---\r\nid: x\r\n---\r\n\r\n## 一、总则 **重点**\r\n\r\n正文 {#not-a-heading}\r\n'
  const after = fix(before)
  assert.equal(after.replace(' {#section-1}', ''), before)
  assert.match(after, /## 一、总则 \*\*重点\*\* \{#section-1\}\r\n/)
})

test('malformed ids are left for a person to fix', () => {
  assert.equal(fix('## 一 {#Bad Id}\n'), '## 一 {#Bad Id}\n')
})

test('an id in full-width braces is malformed, not title text to add an id after', () => {
  assert.equal(fix('## 一 ｛＃collection｝\n'), '## 一 ｛＃collection｝\n')
  assert.deepEqual(messages(compile({'privacy/zh-CN/index.md': policy('## 一 ｛＃collection｝\n')})), ['privacy/zh-CN/index.md:10:6 error heading-id-malformed'])
})

test('text over a `---` line gets no id: check reports it as a mistaken heading instead', () => {
  const text = '## 导言 {#introduction}\n\n亲爱的快手老铁，欢迎您使用快手平台服务！\n---\n\n正文。\n'
  assert.equal(fix(text), text)
  assert.deepEqual(messages(compile({'privacy/zh-CN/index.md': policy(text)})), ['privacy/zh-CN/index.md:12:1 error heading-malformed'])
})

test('a long unnumbered title gives an id of its first 32 characters', () => {
  const title = '账号安全风险提示与处理说明'.repeat(80)
  const fixed = fix(`## 导言 {#introduction}\n\n### ${title}\n`)
  const id = /\{#([^}]+)\}\n$/.exec(fixed)?.[1] ?? ''
  assert.equal(id, `introduction-${'账号安全风险提示与处理说明'.repeat(3).slice(0, 32)}`)
})

test('a fixed policy passes the id rules', () => {
  const path = 'privacy/zh-CN/index.md'
  const fixed = fix(policy('## 一、收集\n\n### （一）账号\n\n## 二、共享\n'))
  assert.deepEqual(messages(compile({[path]: fixed})), [])
})

test('a malformed parent id is not copied into derived ids', () => {
  assert.equal(fix('## 一、收集 {#Collection}\n\n### （一）账号\n'), '## 一、收集 {#Collection}\n\n### （一）账号 {#section-1}\n')
})
