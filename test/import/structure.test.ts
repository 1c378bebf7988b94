/**
 * Structure detection, case by case: the input text and the outline it becomes (headings with their
 * level, list items, other paragraphs as `p`).
 */
import {test} from 'node:test'
import assert from 'node:assert/strict'
import {importPolicy, type ImportResult} from '../../src/import/index.js'

/** The body of the imported policy, one entry per block: `## 标题`, `- 1\. 项`, `p 文字` (prefix only). */
function outline(result: ImportResult): string[] {
  const body = Object.values(result.files)[0]!.split('\n---\n')[1] ?? ''
  return body
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.replace(/ \{#[^}]+\}$/, ''))
    .map((line) => (/^\s*(?:#|-|\||::include)/.test(line) ? line : `p ${line.trim().slice(0, 12)}`))
}

async function run(name: string, text: string): Promise<ImportResult> {
  const result = await importPolicy({name, data: text}, {today: '2024-01-01'})
  assert.deepEqual(result.problems, [], 'passes the check')
  assert.deepEqual(result.lost, [], 'keeps every sentence')
  return result
}

test('numbering patterns become nested headings and list items', async () => {
  // [file name, input, outline]
  const cases: Array<[string, string, string[]]> = [
    [
      'zh.txt',
      '政策\n\n一、总则\n本政策说明我们如何处理信息。\n（一）适用范围\n本政策适用于全部服务。\n1. 账号服务\n1.1 注册\n注册时需要手机号码。\n1.1.1 手机号码：\n用于登录。\n二、附则\n本政策自发布之日起施行。',
      ['## 一、总则', 'p 本政策说明我们如何处理信', '### （一）适用范围', 'p 本政策适用于全部服务。', '#### 1. 账号服务', '##### 1.1 注册', 'p 注册时需要手机号码。', '###### 1.1.1 手机号码：', 'p 用于登录。', '## 二、附则', 'p 本政策自发布之日起施行。']
    ],
    [
      'en.txt',
      'Policy\n\n1. Introduction\nThis policy explains what we do.\n1.1 Scope\nIt covers these uses:\n(a) to provide the service;\n(b) to keep it secure;\n(c) to comply with the law.\n2. Contact\nWrite to us.',
      ['## 1. Introduction', 'p This policy ', '### 1.1 Scope', 'p It covers th', '- (a) to provide the service;', '- (b) to keep it secure;', '- (c) to comply with the law.', '## 2. Contact', 'p Write to us.']
    ],
    [
      'articles.txt',
      'Terms\n\nArticle 1. Definitions\nWords have the meaning given here.\nArticle 2 Scope\nThis applies to everyone.',
      ['## Article 1. Definitions', 'p Words have t', '## Article 2 Scope', 'p This applies']
    ],
    [
      // An enumeration keeps its numbers; a paragraph between two items belongs to the first.
      'items.txt',
      '政策\n\n一、删除\n在以下情形中，您可以请求删除：\n1. 处理目的已实现；\n补充说明这一项。\n2. 您撤回同意；\n3. 邮寄至以下地址：\n删除后我们将停止处理。',
      ['## 一、删除', 'p 在以下情形中，您可以请求', '- 1\\. 处理目的已实现；', 'p 补充说明这一项。', '- 2\\. 您撤回同意；', '- 3\\. 邮寄至以下地址：', 'p 删除后我们将停止处理。']
    ],
    [
      // Markup levels are kept but never skipped, and never `#`.
      'levels.md',
      '# Policy\n\nIntro text here.\n\n### Deep heading\n\nText under it.\n\n##### Deeper\n\nMore text.\n\n## Sibling\n\nEnd.',
      ['p Intro text h', '## Deep heading', 'p Text under i', '### Deeper', 'p More text.', '## Sibling', 'p End.']
    ],
    [
      // A short line between paragraphs is a guessed heading; several short lines (an address) are not.
      'guess.txt',
      'Policy\n\nOverview\nWe respect your privacy and explain here how we handle it.\nContact\nWrite to us at the address below, we answer every letter.\nAcme Ltd\n1 Main Street\nSpringfield',
      ['## Overview', 'p We respect y', '## Contact', 'p Write to us ', 'p Acme Ltd', 'p 1 Main Stree', 'p Springfield']
    ]
  ]
  for (const [name, input, expected] of cases) {
    assert.deepEqual(outline(await run(name, input)), expected, name)
  }
})

test('a table of contents is a list linked to the chapters it names', async () => {
  const result = await run('toc.txt', '政策\n\n目录如下\n一、收集\n二、共享\n三、联系\n一、收集\n我们收集信息。\n二、共享\n我们不共享信息。\n三、联系\n请联系我们。')
  assert.deepEqual(outline(result).slice(0, 5), ['p 目录如下', '- [一、收集](#section-1)', '- [二、共享](#section-2)', '- [三、联系](#section-3)', '## 一、收集'])
  assert.ok(result.notes.some((note) => note.rule === 'import-numbering' && /table of contents/.test(note.message)))
})

test('nesting deeper than six levels moves single wrapping levels up, and says so', async () => {
  const input = '# T\n\n## 正文\n\n### 提示：\n\n第一部分 定义\n\n文字。\n\n一、总则\n\n文字。\n\n（一）范围\n\n文字。\n\n1、注册\n\n文字。\n\n（1）手机号\n\n文字。'
  const result = await run('deep.md', input)
  assert.deepEqual(outline(result).filter((line) => line.startsWith('#')), ['## 正文', '## 提示：', '## 第一部分 定义', '### 一、总则', '#### （一）范围', '##### 1、注册', '###### （1）手机号'])
  assert.ok(result.notes.some((note) => /moved up one level/.test(note.message)))
})

test('text repeated in several places becomes one included clause', async () => {
  const items = '1. 为订立、履行合同所必需；\n2. 为履行法定职责所必需；\n3. 法律法规规定的其他情形。'
  const long = '我们会采取符合业界标准的安全措施保护您的个人信息，防止信息遭到未经授权的访问、公开披露、使用、修改、损坏或丢失，并定期评估这些措施是否有效，在发现问题时及时加以改进。'
  const input = `政策\n\n一、收集\n以下情形无需同意：\n${items}\n${long}\n二、共享\n以下情形同样无需同意：\n${items}\n三、保护\n${long}\n四、短句\n请联系我们。\n五、再次\n请联系我们。`
  const result = await run('policy.txt', input)
  assert.deepEqual(Object.keys(result.files).sort(), ['policy/zh-CN/clauses/clause-1.md', 'policy/zh-CN/clauses/clause-2.md', 'policy/zh-CN/index.md'])
  assert.equal(result.files['policy/zh-CN/clauses/clause-1.md'], '- 1\\. 为订立、履行合同所必需；\n- 2\\. 为履行法定职责所必需；\n- 3\\. 法律法规规定的其他情形。\n')
  assert.equal(result.files['policy/zh-CN/clauses/clause-2.md'], `${long}\n`)
  const index = result.files['policy/zh-CN/index.md']!
  assert.equal(index.match(/::include\{src="clauses\/clause-1\.md"\}/g)?.length, 2)
  assert.equal(index.match(/::include\{src="clauses\/clause-2\.md"\}/g)?.length, 2)
  // A short sentence repeated is not worth a clause.
  assert.equal(index.match(/请联系我们。/g)?.length, 2)
})
