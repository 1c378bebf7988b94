/**
 * Document diffs: sections aligned by id across the tree, blocks aligned within sections, moves found
 * across the document.
 */
import {test} from 'node:test'
import assert from 'node:assert/strict'
import {VFile} from 'vfile'
import {diffMarkdown} from '../../src/diff/markdown.js'
import {diffDocuments} from '../../src/diff/document.js'
import {inlineRedline} from '../../src/diff/format.js'
import {parseMarkdown} from '../../src/parse/processor.js'
import {buildDocument} from '../../src/model/build.js'
import type {BlockChange, DocumentDiff, SectionChange} from '../../src/diff/types.js'

const diff = (old: string, text: string): DocumentDiff => diffMarkdown({text: old, path: 'old.md'}, {text, path: 'new.md'})

/** Sections as `id kind [moved] [renamed]`, indented by nesting, in the diff's order. */
function sections(result: DocumentDiff): string[] {
  const lines: string[] = []
  const walk = (section: SectionChange, indent: string): void => {
    lines.push(`${indent}${section.id} ${section.kind}${section.moved ? ' moved' : ''}${section.renamed ? ' renamed' : ''}`)
    section.children.forEach((child) => walk(child, `${indent}  `))
  }
  result.sections.forEach((section) => walk(section, ''))
  return lines
}

/** Blocks as `section: kind redline`, moves as `section: moved from→to`. */
function blocks(result: DocumentDiff): string[] {
  const describe = (where: string, block: BlockChange): string =>
    block.kind === 'moved'
      ? `${where}: moved-${block.side} ${block.from.section ?? '(preamble)'}#${block.from.index}→${block.to.section ?? '(preamble)'}#${block.to.index} ${inlineRedline(block.ops)}`
      : `${where}: ${block.kind} ${inlineRedline(block.ops)}`
  const lines = result.preamble.map((block) => describe('(preamble)', block))
  const walk = (section: SectionChange): void => {
    lines.push(...section.blocks.map((block) => describe(section.id, block)))
    section.children.forEach(walk)
  }
  result.sections.forEach(walk)
  return lines
}

/** Name, old Markdown, new Markdown, expected sections. */
const alignment: Array<[string, string, string, string[]]> = [
  ['an added section', '## A {#a}\n\n甲。', '## A {#a}\n\n甲。\n\n## B {#b}\n\n乙。', ['a unchanged', 'b added']],
  ['a removed section', '## A {#a}\n\n甲。\n\n## B {#b}\n\n乙。', '## A {#a}\n\n甲。', ['a unchanged', 'b removed']],
  ['a removed section stays where it was', '## A {#a}\n\n## B {#b}\n\n## C {#c}', '## A {#a}\n\n## C {#c}', ['a unchanged', 'b removed', 'c unchanged']],
  ['a removed first section', '## B {#b}\n\n## A {#a}', '## A {#a}', ['b removed', 'a unchanged']],
  ['a modified section', '## A {#a}\n\n我们会收集您的姓名。', '## A {#a}\n\n我们将收集您的姓名。', ['a modified']],
  ['a renamed section', '## 一、收集 {#a}\n\n甲。', '## 一、收集和使用 {#a}\n\n甲。', ['a unchanged renamed']],
  [
    'a section moved to another chapter',
    '## A {#a}\n\n### X {#x}\n\n条款。\n\n## B {#b}',
    '## A {#a}\n\n## B {#b}\n\n### X {#x}\n\n条款。',
    ['a unchanged', 'b unchanged', '  x unchanged moved']
  ],
  ['sections reordered', '## A {#a}\n\n## B {#b}\n\n## C {#c}', '## A {#a}\n\n## C {#c}\n\n## B {#b}', ['a unchanged', 'c unchanged moved', 'b unchanged']],
  ['a section added among others keeps the rest in place', '## A {#a}\n\n## C {#c}', '## A {#a}\n\n## B {#b}\n\n## C {#c}', ['a unchanged', 'b added', 'c unchanged']],
  [
    'a removed chapter keeps its removed subsections',
    '## A {#a}\n\n### A1 {#a1}\n\n## B {#b}',
    '## B {#b}',
    ['a removed', '  a1 removed', 'b unchanged']
  ],
  ['headings without ids align by their text, numbering aside', '## 一、收集\n\n甲。\n\n## 二、共享\n\n乙。', '## 一、共享\n\n乙。', ['收集 removed', '共享 unchanged renamed']],
  [
    'a reworded heading without id is paired by its content',
    '## 收集信息\n\n我们会收集您的姓名和手机号码，用于注册账号。',
    '## 收集个人信息\n\n我们会收集您的姓名和手机号码，用于注册账号。',
    ['收集个人信息 unchanged renamed']
  ],
  [
    'sections with written ids are never paired by content',
    '## 三、旧章节 {#old}\n\n旧的内容。',
    '## 三、新章节 {#new}\n\n新的内容。',
    ['old removed', 'new added']
  ]
]

for (const [name, old, text, expected] of alignment) {
  test(`sections: ${name}`, () => {
    assert.deepEqual(sections(diff(old, text)), expected)
  })
}

test('a paragraph moved to another section is reported at both places', () => {
  const result = diff(
    '## A {#a}\n\n第一段文字内容。\n\n我们会收集您的位置信息。\n\n## B {#b}\n\n第三段文字内容。',
    '## A {#a}\n\n第一段文字内容。\n\n## B {#b}\n\n第三段文字内容。\n\n我们会收集您的位置信息。'
  )
  assert.deepEqual(blocks(result), [
    'a: equal 第一段文字内容。',
    'a: moved-from a#1→b#1 我们会收集您的位置信息。',
    'b: equal 第三段文字内容。',
    'b: moved-to a#1→b#1 我们会收集您的位置信息。'
  ])
  assert.deepEqual(sections(result), ['a modified', 'b modified'])
  assert.equal(result.counts.blocksChanged, 1)
})

test('a paragraph moved and lightly edited is moved, with its word diff', () => {
  const paragraph = '我们会在您使用快手平台服务时收集您的设备信息、日志信息和位置信息，用于保障账号安全'
  const result = diff(`## A {#a}\n\n${paragraph}。\n\n## B {#b}\n\n乙。`, `## A {#a}\n\n## B {#b}\n\n乙。\n\n${paragraph}！`)
  assert.deepEqual(blocks(result).slice(-1), [`b: moved-to a#0→b#1 ${paragraph}[-。-]{+！+}`])
})

/** Name, old blocks, new blocks, expected block changes (section `a`). */
const blockCases: Array<[string, string[], string[], string[]]> = [
  ['an added paragraph', ['甲段落。', '乙段落。'], ['甲段落。', '新段落。', '乙段落。'], ['equal 甲段落。', 'added {+新段落。+}', 'equal 乙段落。']],
  ['a removed paragraph', ['甲段落。', '乙段落。'], ['乙段落。'], ['removed [-甲段落。-]', 'equal 乙段落。']],
  [
    'an edited paragraph between unchanged ones',
    ['甲段落。', '我们会收集您的手机号码', '乙段落。'],
    ['甲段落。', '我们会收集您的手机号码和位置信息', '乙段落。'],
    ['equal 甲段落。', 'modified 我们会收集您的手机号码{+和位置信息+}', 'equal 乙段落。']
  ],
  [
    'an unrelated paragraph in place of another is removed and added',
    ['甲段落。', '我们会收集您的手机号码。', '乙段落。'],
    ['甲段落。', '本政策自发布之日起生效。', '乙段落。'],
    ['equal 甲段落。', 'removed [-我们会收集您的手机号码。-]', 'added {+本政策自发布之日起生效。+}', 'equal 乙段落。']
  ],
  [
    'two swapped, edited paragraphs: the closer pair stays in place, the other moves',
    ['我们会收集您的手机号码和电子邮箱地址，用于创建账号、登录校验和保障账号安全。', '我们会使用您的位置信息，用于推荐。'],
    ['我们会使用您的位置信息，用于推荐内容。', '我们会收集您的手机号码和电子邮箱地址，用于创建账号、登录校验和保障您的账号安全。'],
    [
      'moved-to a#1→a#0 我们会使用您的位置信息，用于推荐{+内容+}。',
      'modified 我们会收集您的手机号码和电子邮箱地址，用于创建账号、登录校验和保障{+您的+}账号安全。',
      'moved-from a#1→a#0 我们会使用您的位置信息，用于推荐{+内容+}。'
    ]
  ]
]

for (const [name, old, text, expected] of blockCases) {
  test(`blocks: ${name}`, () => {
    const markdown = (paragraphs: string[]) => `## A {#a}\n\n${paragraphs.join('\n\n')}`
    assert.deepEqual(
      blocks(diff(markdown(old), markdown(text))).map((line) => line.replace(/^a: /, '')),
      expected
    )
  })
}

test('the preamble is diffed like a section', () => {
  assert.deepEqual(blocks(diff('引言。\n\n## A {#a}', '新的引言。\n\n## A {#a}')), ['(preamble): modified {+新的+}引言。'])
})

test('blocks without text (rules, raw HTML) are left out', () => {
  assert.deepEqual(blocks(diff('## A {#a}\n\n甲。\n\n---\n\n<div></div>', '## A {#a}\n\n甲。')), ['a: equal 甲。'])
})

test('counts add up sections, blocks and characters', () => {
  const result = diff(
    '## A {#a}\n\n我们会收集您的姓名。\n\n## B {#b}\n\n乙。\n\n## C {#c}\n\n丙。',
    '## 新A {#a}\n\n我们会收集您的姓名和电话。\n\n## C {#c}\n\n丙。\n\n## D {#d}\n\n丁。'
  )
  assert.deepEqual(result.counts, {
    sectionsAdded: 1,
    sectionsRemoved: 1,
    sectionsModified: 1,
    sectionsMoved: 0,
    sectionsRenamed: 1,
    blocksChanged: 3,
    // 和电话 + 新 (title) + D + 丁。
    charactersInserted: 3 + 1 + 1 + 2,
    // B + 乙。
    charactersDeleted: 1 + 2
  })
})

test('a diff is plain data with a schema version and both versions described', () => {
  const result = diff('---\ntitle: 旧\nversion: 1\nupdated: 2023-01-01\n---\n\n## A {#a}\n\n甲。', '---\ntitle: 新\nversion: 2\n---\n\n## A {#a}\n\n乙。')
  assert.deepEqual(JSON.parse(JSON.stringify(result)), result)
  assert.equal(result.schemaVersion, 1)
  assert.deepEqual([result.from.title, result.from.version, result.from.updated, result.to.title, result.to.version], ['旧', '1', '2023-01-01', '新', '2'])
})

test('repeated ids in a model built without checks align by occurrence', () => {
  const model = (markdown: string) =>
    buildDocument({id: 'p', title: 'P', locale: 'zh-CN', version: '1', updated: '', effective: ''}, 'p.md', parseMarkdown(new VFile({path: 'p.md', value: markdown})))
  const result = diffDocuments(model('## A {#a}\n\n甲。\n\n## A {#a}\n\n乙。'), model('## A {#a}\n\n甲。\n\n## A {#a}\n\n乙丙。'))
  assert.deepEqual(sections(result), ['a unchanged', 'a modified'])
})

test('comparing a document with itself finds nothing', () => {
  const text = '引言。\n\n## A {#a}\n\n甲。\n\n### B {#b}\n\n- 一\n- 二'
  const result = diff(text, text)
  assert.equal(result.counts.blocksChanged, 0)
  assert.ok(result.sections.every((section) => !section.changed))
})
