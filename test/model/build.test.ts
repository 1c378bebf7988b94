import {test} from 'node:test'
import assert from 'node:assert/strict'
import {compile, policy} from '../helpers.js'
import {allSections, documentText} from '../../src/model/build.js'

const path = 'privacy/zh-CN/index.md'
const body = [
  '引言段落。',
  '## 一、收集 {#collection}',
  '总述。',
  '### （一）账号 {#collection-1}',
  '#### 1. 注册 {#collection-1-1}',
  '- 1\\. 手机号；',
  '- 2\\. 邮箱。',
  '### （二）安全 {#collection-2}',
  '| 名称 | 目的 |\n| --- | --- |\n| 微信 | 登录 |',
  '## 二、共享 {#sharing}',
  '**我们不会出售您的个人信息。**'
].join('\n\n')

const document = () => {
  const result = compile({[path]: policy(body)})
  assert.equal(result.ok, true)
  return result.project.documents[0]!
}

test('sections nest by heading depth', () => {
  const shape = (sections: ReturnType<typeof document>['sections']): unknown =>
    sections.map((s) => [s.id, shape(s.children)])
  assert.deepEqual(shape(document().sections), [
    ['collection', [['collection-1', [['collection-1-1', []]]], ['collection-2', []]]],
    ['sharing', []]
  ])
})

test('text before the first heading is the preamble', () => {
  assert.deepEqual(document().preamble.map((b) => b.text), ['引言段落。'])
})

test('a section keeps its title as written, its depth and its place', () => {
  const section = allSections(document()).find((s) => s.id === 'collection-1-1')!
  assert.equal(section.title, '1. 注册')
  assert.equal(section.depth, 4)
  assert.deepEqual(section.place, {file: path, line: 18, column: 1})
})

test('blocks carry their kind and plain text', () => {
  const sections = allSections(document())
  const list = sections.find((s) => s.id === 'collection-1-1')!.blocks[0]!
  assert.equal(list.kind, 'list')
  assert.equal(list.text, '1. 手机号；\n2. 邮箱。')
  const table = sections.find((s) => s.id === 'collection-2')!.blocks[0]!
  assert.equal(table.kind, 'table')
  assert.equal(table.text, '名称\t目的\n微信\t登录')
})

test('the document text has every title and block in reading order', () => {
  assert.equal(
    documentText(document()),
    '引言段落。\n一、收集\n总述。\n（一）账号\n1. 注册\n1. 手机号；\n2. 邮箱。\n（二）安全\n名称\t目的\n微信\t登录\n二、共享\n我们不会出售您的个人信息。'
  )
})

test('the model is plain, serializable data', () => {
  const model = document()
  assert.deepEqual(JSON.parse(JSON.stringify(model)), model)
})
