/**
 * Any Markdown file as a document to diff: policy front matter or none, headings with or without ids.
 */
import {test} from 'node:test'
import assert from 'node:assert/strict'
import {documentFromMarkdown, stripNumbering} from '../../src/diff/markdown.js'
import {allSections} from '../../src/model/build.js'

const ids = (text: string, path = 'x.md') => allSections(documentFromMarkdown(text, path)).map((section) => section.id)

test('policy front matter is read; other keys are ignored', () => {
  const document = documentFromMarkdown(
    '---\nid: privacy\ntitle: 快手隐私政策\nlocale: zh-CN\nversion: 2023-09-20\nupdated: 2023-09-20\neffective: 2023-09-27\npublished: true\ntags:\n---\n\n## A {#a}\n\n甲。',
    'privacy/zh-CN/index.md'
  )
  const {id, title, locale, version, updated, effective, path, preamble, sections} = document
  assert.deepEqual({id, title, locale, version, updated, effective, path}, {
    id: 'privacy',
    title: '快手隐私政策',
    locale: 'zh-CN',
    version: '2023-09-20',
    updated: '2023-09-20',
    effective: '2023-09-27',
    path: 'privacy/zh-CN/index.md'
  })
  assert.deepEqual(preamble, [])
  assert.equal(sections[0]?.id, 'a')
})

/** File name, Markdown, expected [title, version, updated, locale]. */
const fallbacks: Array<[string, string, [string, string, string, string]]> = [
  ['003-2021-03-03.md', '---\ntitle: 学习强国隐私权政策\ndate: 2022-01-28T17:00:40.566+08:00\n---\n\n正文。', ['学习强国隐私权政策', '003-2021-03-03', '2021-03-03', 'zh-CN']],
  ['policy.md', '# Threads Privacy Policy\n\nText.', ['Threads Privacy Policy', 'policy', '', 'en']],
  ['policy.md', 'Just text.', ['policy', 'policy', '', 'en']],
  ['v2.md', '---\nversion: 2\n---\n\n## 一、收集\n\n文字。', ['一、收集', '2', '', 'zh-CN']]
]

for (const [name, text, expected] of fallbacks) {
  test(`metadata falls back for ${name}: ${JSON.stringify(text.slice(0, 30))}`, () => {
    const document = documentFromMarkdown(text, `captures/${name}`)
    assert.deepEqual([document.title, document.version, document.updated, document.locale], expected)
  })
}

/** Heading title → title with its numbering stripped. */
const numberings: Array<[string, string]> = [
  ['一、个人信息的收集和使用', '个人信息的收集和使用'],
  ['（二）实现相关功能与服务', '实现相关功能与服务'],
  ['1.1.2 第三方账号：', '第三方账号：'],
  ['第三条 定义', '定义'],
  ['Article 4: Data we collect', 'Data we collect'],
  ['(a) Cookies', 'Cookies'],
  ['2. What we collect', 'What we collect'],
  ['隐私政策', '隐私政策']
]

for (const [title, stripped] of numberings) {
  test(`numbering is stripped from “${title}”`, () => {
    assert.equal(stripNumbering(title), stripped)
  })
}

test('headings without ids get ids from their heading path', () => {
  assert.deepEqual(ids('## 一、收集\n\n### （一）账号\n\n### （二）位置\n\n## 二、共享'), ['收集', '收集-账号', '收集-位置', '共享'])
})

test('renumbered headings keep their ids', () => {
  assert.deepEqual(ids('## 三、共享\n\n### 1. 委托处理'), ids('## 二、共享\n\n### 2. 委托处理'))
})

test('written ids are kept, repeated ids get a suffix, and derived ids never take a written one', () => {
  assert.deepEqual(ids('## 收集\n\n## 收集\n\n## 其他 {#收集-2}\n\n## 甲 {#a}\n\n## 乙 {#a}'), ['收集', '收集-3', '收集-2', 'a', 'a-2'])
})

test('many repeats of an id take the next free suffixes in order, written and derived alike', () => {
  const derived = Array.from({length: 6}, () => '## 说明').join('\n\n')
  assert.deepEqual(ids(`${derived}\n\n## 另 {#说明-3}`), ['说明', '说明-2', '说明-4', '说明-5', '说明-6', '说明-7', '说明-3'])
  const written = Array.from({length: 4}, () => '## 条 {#t}').join('\n\n')
  // A written repeat ignores ids written further down; a derived one does not take them.
  assert.deepEqual(ids(`${written}\n\n## 条\n\n## 后 {#t-6}`), ['t', 't-2', 't-3', 't-4', '条', 't-6'])
  assert.deepEqual(ids(`## 甲 {#t}\n\n## t\n\n## 乙 {#t}\n\n## 丙 {#t-2}`), ['t', 't-3', 't-2', 't-2-2'])
})

test('a `#` heading is a chapter like `##`, as in the model', () => {
  assert.deepEqual(ids('# Policy\n\n## Scope\n\n### Data We Collect'), ['policy', 'scope', 'scope-data-we-collect'])
})

test('headings that are only a number or punctuation still get an id', () => {
  assert.deepEqual(ids('## 1.\n\n## ……'), ['section', 'section-2'])
})

test('admonitions, HTML and a BOM do not stop a capture from being read', () => {
  const document = documentFromMarkdown('\uFEFF!!! summary "元数据"\n\n    url: x\n\n<div>raw</div>\n\n## 正文\n\n内容。', 'capture.md')
  assert.deepEqual(document.preamble.map((block) => block.kind), ['paragraph', 'code', 'html'])
  assert.equal(document.sections[0]?.id, '正文')
})
