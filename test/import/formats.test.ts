/**
 * Each input format on a small fixture: what becomes a heading, a list item, a key clause, a clause
 * file, the front matter; what is dropped and reported; and that the result passes the check with
 * every sentence kept.
 */
import {test} from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun} from 'docx'
import {importPolicy, type ImportResult} from '../../src/import/index.js'
import {root} from '../cli/run.js'

const fixtures = path.join(root, 'test', 'fixtures', 'import')

async function imported(name: string): Promise<ImportResult> {
  const file = path.join(fixtures, name)
  return importPolicy({name: file, data: fs.readFileSync(file)}, {today: '2024-01-01'})
}

/** The body's headings as `## text`, ids removed. */
function headings(markdown: string): string[] {
  return markdown.split('\n').filter((line) => line.startsWith('#')).map((line) => line.replace(/ \{#[^}]+\}$/, ''))
}

function assertClean(result: ImportResult): void {
  assert.deepEqual(result.problems, [], 'the output passes policypress check')
  assert.deepEqual(result.lost, [], 'every sentence of the input is in the output')
  assert.equal(result.ok, true)
}

test('plain text: numbering, articles, enumerations, dates and special characters', async () => {
  const result = await imported('policy.txt')
  assertClean(result)
  assert.deepEqual(result.meta, {id: 'policy', title: '示例公司用户个人信息保护规则', locale: 'zh-CN', version: '2024-01-15', updated: '2024-01-15', effective: '2024-02-01'})
  const text = result.files['policy/zh-CN/index.md']!
  assert.deepEqual(headings(text), ['## 第一章 总则', '### 第一条', '### 第二条', '## 第二章 信息的收集', '### 第三条 我们收集以下信息：', '### 第四条 敏感个人信息的处理', '## 第三章 附则', '### 第五条'])
  assert.match(text, /^- （一）您注册时提供的手机号码；$/m)
  assert.match(text, /^- 星号、下划线\\_和\\\[方括号\\\]以及\\<尖括号\\>都是普通文字。$/m)
  assert.match(text, /^- 1\\\. 这一行以数字和点开头，是一句完整的话。$/m)
  assert.deepEqual(result.moved.map((moved) => moved.text), ['示例公司用户个人信息保护规则', '发布日期：2024年1月15日', '生效日期：2024年2月1日'])
})

test('plain text flattened into one line, like the seed', async () => {
  const result = await imported('run-together.txt')
  assertClean(result)
  const text = result.files['run-together/zh-CN/index.md']!
  assert.deepEqual(headings(text), [
    '## 导言',
    '## 一、我们如何收集信息',
    '### （一）账号服务',
    '#### 1. 注册',
    '##### 1.1 手机号码：',
    '##### 1.2 第三方账号：',
    '### （二）设备信息',
    '## 二、我们如何共享信息',
    '## 三、如何联系我们'
  ])
  // The table of contents became links to the chapters; the exceptions are list items.
  assert.match(text, /^- \[一、我们如何收集信息\]\(#section-1\)$/m)
  assert.match(text, /^- 1\\\. 与国家安全、国防安全有关的；$/m)
  assert.match(text, /设备型号、操作系统版本及 Android ID等设备标识信息/)
  assert.ok(result.notes.some((note) => note.rule === 'import-heading' && note.message.includes('导言')))
  assert.deepEqual(result.notes.find((note) => note.message.includes('导言'))?.place, {line: 1, column: 37})
})

test('HTML: headings, bold and underline as key clauses, tables, lists; scripts, styles and handlers dropped', async () => {
  const result = await imported('policy.html')
  assertClean(result)
  assert.deepEqual(result.meta, {id: 'acme-privacy-policy', title: 'Acme Privacy Policy', locale: 'en-US', version: '2023-09-20', updated: '2023-09-20', effective: '2023-10-01'})
  const text = result.files['acme-privacy-policy/en-US/index.md']!
  assert.deepEqual(headings(text), ['## 1. Information We Collect', '### 1.1 Account data', '## 2. How We Use Information', '## 3. Your Rights', '## 4. Children', '## 5. Contact'])
  assert.match(text, /We collect \*\*your name\*\* and \*\*your email address\*\* when you register\./)
  assert.match(text, /for \*\*as long as your account exists\*\*\./)
  assert.match(text, /^- 1\\\. To provide the service;$/m)
  assert.match(text, /^\| Email \\\| address \| Login \*\*and\*\* notices \|$/m)
  assert.match(text, /\[privacy portal\]\(https:\/\/example\.com\/privacy\) or click here\./)
  assert.doesNotMatch(text, /not policy text|tracking|Accept|javascript|onclick|(?<!\\)<|Acme logo/)
  const dropped = result.notes.filter((note) => note.rule === 'import-dropped').map((note) => note.message)
  for (const what of ['<script>', '<style>', '`onclick` on <p>', 'HTML comment', 'image', 'script link', '<button>']) {
    assert.ok(dropped.some((message) => message.includes(what)), `reports ${what}`)
  }
  assert.deepEqual(result.notes.find((note) => note.message.includes('<script>'))?.place, {line: 7, column: 1})
  // The rights list appears twice: one clause, included twice.
  assert.deepEqual(Object.keys(result.files), ['acme-privacy-policy/en-US/index.md', 'acme-privacy-policy/en-US/clauses/clause-1.md'])
  assert.equal(text.match(/::include\{src="clauses\/clause-1\.md"\}/g)?.length, 2)
})

test('Markdown: wiki front matter, admonitions, inline HTML, images and comments', async () => {
  const result = await imported('policy.md')
  assertClean(result)
  assert.deepEqual(result.meta, {id: 'policy', title: '示例隐私政策', locale: 'zh-CN', version: '2024-03-01', updated: '2024-03-01', effective: '2024-03-08'})
  const text = result.files['policy/zh-CN/index.md']!
  assert.deepEqual(headings(text), ['## 一、我们如何收集信息', '### （一）账号注册', '#### 1. 注册及登录', '### （二）设备信息', '## 二、征得同意的例外'])
  assert.match(text, /\*\*请您仔细阅读加粗的条款（尤其是“敏感信息”）\*\*以便作出选择。/)
  assert.match(text, /我们会\*\*严格保护\*\*您的信息。/)
  assert.match(text, /^- 3\\\. 法律法规规定的其他情形。$/m)
  assert.doesNotMatch(text, /<|!!!|\[!note\]|待确认|shot\.png/)
  const dropped = result.notes.filter((note) => note.rule === 'import-dropped').map((note) => note.message)
  assert.ok(dropped.some((message) => message.includes('`published`, `tags`')))
  assert.ok(dropped.some((message) => message.includes('HTML comment')))
  assert.ok(dropped.some((message) => message.includes('image')))
})

test('Word: the Title style, headings, bold, underline and a table (a .docx made here)', async () => {
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({text: 'Acme 隐私政策', heading: HeadingLevel.TITLE}),
          new Paragraph('更新日期：2024年6月1日'),
          new Paragraph({text: '一、我们收集的信息', heading: HeadingLevel.HEADING_1}),
          new Paragraph({children: [new TextRun('我们会收集您的'), new TextRun({text: '手机号码', bold: true}), new TextRun('和'), new TextRun({text: '设备信息', underline: {}}), new TextRun('。')]}),
          new Paragraph({text: '（一）账号信息', heading: HeadingLevel.HEADING_2}),
          new Table({
            rows: [
              new TableRow({children: [new TableCell({children: [new Paragraph('信息')]}), new TableCell({children: [new Paragraph('目的')]})]}),
              new TableRow({children: [new TableCell({children: [new Paragraph('手机号码')]}), new TableCell({children: [new Paragraph({children: [new TextRun({text: '注册登录', bold: true})]})]})]})
            ]
          }),
          new Paragraph({alignment: AlignmentType.LEFT, children: [new TextRun('以上信息仅用于所述目的。')]})
        ]
      }
    ]
  })
  const data = await Packer.toBuffer(document)
  const result = await importPolicy({name: 'acme.docx', data}, {doc: 'privacy', today: '2024-01-01'})
  assertClean(result)
  assert.deepEqual(result.meta, {id: 'privacy', title: 'Acme 隐私政策', locale: 'zh-CN', version: '2024-06-01', updated: '2024-06-01', effective: '2024-06-01'})
  const text = result.files['privacy/zh-CN/index.md']!
  assert.deepEqual(headings(text), ['## 一、我们收集的信息', '### （一）账号信息'])
  assert.match(text, /我们会收集您的\*\*手机号码\*\*和\*\*设备信息\*\*。/)
  assert.match(text, /^\| 信息 \| 目的 \|\n\| --- \| --- \|\n\| 手机号码 \| \*\*注册登录\*\* \|$/m)
  assert.deepEqual(result.moved.map((moved) => moved.place), [{paragraph: 1}, {paragraph: 2}])
})

test('an input without dates gets the given day, and says so', async () => {
  const result = await importPolicy({name: 'short.txt', data: 'Short policy\n\nWe collect nothing at all, and we keep nothing either.\n'}, {today: '2024-05-05'})
  assertClean(result)
  assert.equal(result.meta.updated, '2024-05-05')
  assert.equal(result.meta.effective, '2024-05-05')
  assert.ok(result.notes.some((note) => note.rule === 'import-date'))
})

test('unknown formats are a usage error', async () => {
  await assert.rejects(importPolicy({name: 'policy.pdf', data: ''}), /expected a \.txt, \.html, \.md or \.docx file/)
})
