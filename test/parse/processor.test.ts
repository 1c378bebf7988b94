import {test} from 'node:test'
import assert from 'node:assert/strict'
import type {Root, Heading, Paragraph} from 'mdast'
import {VFile} from 'vfile'
import {parseMarkdown} from '../../src/parse/processor.js'
import {plainText} from '../../src/model/plain-text.js'

function parse(markdown: string): Root {
  return parseMarkdown(new VFile({path: 'x.md', value: markdown}))
}

function firstParagraph(markdown: string): Paragraph {
  const node = parse(markdown).children.find((child) => child.type === 'paragraph')
  assert.ok(node, 'expected a paragraph')
  return node as Paragraph
}

test('a heading id is read from `{#id}` and removed from the title', () => {
  const heading = parse('## 一、个人信息的收集和使用 {#collection}\n').children[0] as Heading
  assert.equal(heading.data?.id, 'collection')
  assert.equal(plainText(heading), '一、个人信息的收集和使用')
  assert.deepEqual(heading.data?.idStart && [heading.data.idStart.line, heading.data.idStart.column], [1, 17])
})

test('a heading id right after a full-width colon is read', () => {
  const heading = parse('###### 1.1.1 手机号码/电子邮箱：{#phone}\n').children[0] as Heading
  assert.equal(heading.data?.id, 'phone')
  assert.equal(plainText(heading), '1.1.1 手机号码/电子邮箱：')
})

test('attributes that are not `{#id}` are recorded as malformed', () => {
  const heading = parse('## 标题 {.class}\n').children[0] as Heading
  assert.equal(heading.data?.id, undefined)
  assert.equal(heading.data?.idMalformed, '{.class}')
})

test('an ASCII colon before a letter keeps the author text exactly', () => {
  for (const text of ['邮箱:privacy@example.com', '时间:2024年', 'Note:see below', '联系:support[at]example{x}', '详见:了解更多']) {
    assert.equal(plainText(firstParagraph(text)), text, text)
  }
})

test('an email after an ASCII colon is still linked', () => {
  const paragraph = firstParagraph('邮箱:privacy@example.com')
  const link = paragraph.children.find((child) => child.type === 'link')
  assert.ok(link && link.type === 'link')
  assert.equal(link.url, 'mailto:privacy@example.com')
})

test('a bare URL stops before Chinese text', () => {
  const paragraph = firstParagraph('访问https://example.com/p了解详情')
  assert.equal(plainText(paragraph), '访问https://example.com/p了解详情')
  const link = paragraph.children.find((child) => child.type === 'link')
  assert.ok(link && link.type === 'link')
  assert.equal(link.url, 'https://example.com/p')
})

test('a bare URL does not swallow bold text after it', () => {
  const paragraph = firstParagraph('访问https://example.com了解，**“重要”**后面')
  assert.ok(paragraph.children.some((child) => child.type === 'strong'))
})

test('trailing punctuation is not part of a bare URL', () => {
  const paragraph = firstParagraph('See https://example.com/a_(b). Then www.example.org, and more')
  const urls = paragraph.children.flatMap((child) => (child.type === 'link' ? [child.url] : []))
  assert.deepEqual(urls, ['https://example.com/a_(b)', 'https://www.example.org'])
})

test('an address written with an entity or an escape is linked as its text reads, in any block', () => {
  const tree = parse('第一段没有地址。\n\n- 列表里：privacy&#64;example.com\n\n> 引用里：www\\.example.org/a\n')
  const urls: string[] = []
  const walk = (node: {type: string; url?: string; children?: unknown[]}): void => {
    if (node.type === 'link' && node.url) urls.push(node.url)
    for (const child of node.children ?? []) walk(child as typeof node)
  }
  walk(tree)
  assert.deepEqual(urls, ['mailto:privacy@example.com', 'https://www.example.org/a'])
})

test('bold works next to Chinese punctuation', () => {
  const paragraph = firstParagraph('我们**“不会”**收集，**您的人脸信息。**然后')
  const strong = paragraph.children.filter((child) => child.type === 'strong').map((node) => plainText(node))
  assert.deepEqual(strong, ['“不会”', '您的人脸信息。'])
})

test('GFM tables are parsed', () => {
  const tree = parse('| 名称 | 目的 |\n| --- | --- |\n| 微信 | 登录 |\n')
  assert.equal(tree.children[0]?.type, 'table')
  assert.equal(plainText(tree.children[0]!), '名称\t目的\n微信\t登录')
})

test('front matter is a yaml node', () => {
  assert.equal(parse('---\nid: x\n---\n\n正文').children[0]?.type, 'yaml')
})
