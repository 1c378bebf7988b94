import {test} from 'node:test'
import assert from 'node:assert/strict'
import {compile, messages, policy, reasons} from '../helpers.js'
import {documentText} from '../../src/model/build.js'

const path = 'privacy/zh-CN/index.md'
const clause = '- 1\\. 为订立合同所必需；\n- 2\\. 为履行法定职责所必需。\n'

test('an included clause appears at every include', () => {
  const result = compile({
    [path]: policy('## 一 {#a}\n\n::include{src="clauses/x.md"}\n\n## 二 {#b}\n\n::include{src="clauses/x.md"}\n'),
    'privacy/zh-CN/clauses/x.md': clause
  })
  assert.deepEqual(messages(result), [])
  const text = documentText(result.project.documents[0]!)
  assert.equal(text.split('为订立合同所必需').length - 1, 2)
})

test('a problem inside a clause is reported at the clause file, once', () => {
  const result = compile({
    [path]: policy('## 一 {#a}\n\n::include{src="clauses/x.md"}\n\n::include{src="clauses/x.md"}\n'),
    'privacy/zh-CN/clauses/x.md': '第一行\n\n第三行 <b>粗</b>\n'
  })
  assert.deepEqual(messages(result), [
    'privacy/zh-CN/clauses/x.md:3:5 error no-html',
    'privacy/zh-CN/clauses/x.md:3:9 error no-html'
  ])
})

test('blocks from a clause remember their source file', () => {
  const result = compile({
    [path]: policy('## 一 {#a}\n\n::include{src="clauses/x.md"}\n'),
    'privacy/zh-CN/clauses/x.md': clause
  })
  const block = result.project.documents[0]!.sections[0]!.blocks[0]!
  assert.deepEqual(block.place, {file: 'privacy/zh-CN/clauses/x.md', line: 1, column: 1})
})

const errorCases: Array<[string, Record<string, string>, string[]]> = [
  ['a missing clause', {[path]: policy('::include{src="clauses/none.md"}\n')}, [`${path}:10:1 error include-missing`]],
  ['an include without src', {[path]: policy('::include\n')}, [`${path}:10:1 error include-missing`]],
  ['an include outside the content folder', {[path]: policy('::include{src="../../../etc/passwd"}\n')}, [`${path}:10:1 error include-outside`]],
  ['a file including itself', {[path]: policy('::include{src="index.md"}\n')}, [`${path}:10:1 error include-loop`]],
  [
    'two clauses including each other',
    {
      [path]: policy('::include{src="a.md"}\n'),
      'privacy/zh-CN/a.md': '::include{src="b.md"}\n',
      'privacy/zh-CN/b.md': '::include{src="a.md"}\n'
    },
    ['privacy/zh-CN/b.md:1:1 error include-loop']
  ],
  [
    'a clause with front matter',
    {[path]: policy('::include{src="c.md"}\n'), 'privacy/zh-CN/c.md': '---\nid: c\n---\n\n条款\n'},
    ['privacy/zh-CN/c.md:1:1 error include-frontmatter']
  ],
  ['an unknown leaf directive', {[path]: policy('::note{x="1"}\n')}, [`${path}:10:1 error directive-unknown`]],
  ['an unknown container directive', {[path]: policy(':::warning\n文本\n:::\n')}, [`${path}:10:1 error directive-unknown`]]
]

for (const [name, files, expected] of errorCases) {
  test(`${name} is an error at the directive`, () => {
    assert.deepEqual(messages(compile(files)), expected)
  })
}

test('an include inside a paragraph is an error, not literal text', () => {
  // Not expanded, so the clause is shown nowhere either.
  assert.deepEqual(messages(compile({[path]: policy('## 一 {#a}\n\n例外：::include{src="clauses/x.md"}\n'), 'privacy/zh-CN/clauses/x.md': clause})), [
    'privacy/zh-CN/clauses/x.md:1:1 warning content-unused',
    `${path}:12:4 error directive-unknown`
  ])
})

test('an escaped include in running text is the literal text the author asked for; each unescaped one is reported where it is', () => {
  const result = compile({
    [path]: policy('## 一 {#a}\n\n写作 \\:\\:include 即可。例外：::include{src="clauses/x.md"} 和 ::include{src="clauses/x.md"}\n'),
    'privacy/zh-CN/clauses/x.md': clause
  })
  assert.deepEqual(messages(result), ['privacy/zh-CN/clauses/x.md:1:1 warning content-unused', `${path}:12:22 error directive-unknown`, `${path}:12:54 error directive-unknown`])
})

test('a clause outside the document folder is refused, since it would not be published with it', () => {
  assert.deepEqual(messages(compile({[path]: policy('::include{src="../../shared/x.md"}\n'), 'shared/x.md': clause})), [
    `${path}:10:1 error include-outside`,
    'shared/x.md:1:1 warning content-unused'
  ])
})

test('an empty clause is an error: its text would vanish from every place that includes it', () => {
  const files = {[path]: policy('## 一 {#a}\n\n::include{src="clauses/x.md"}\n\n## 二 {#b}\n\n::include{src="clauses/x.md"}\n'), 'privacy/zh-CN/clauses/x.md': '\n'}
  assert.deepEqual(messages(compile(files)), ['privacy/zh-CN/clauses/x.md:1:1 error content-empty'])
})

test('an include typed with full-width colons is an error where it is written, not text that hides the clause', () => {
  for (const colons of ['：：', '：:', ':：']) {
    const result = compile({[path]: policy(`## 一 {#a}\n\n${colons}include{src="clauses/x.md"}\n`), 'privacy/zh-CN/clauses/x.md': clause})
    assert.ok(messages(result).includes(`${path}:12:1 error directive-unknown`), messages(result).join('\n'))
    assert.ok(reasons(result).includes(`Unexpected \`${colons}include\` with full-width colons, expected \`::include\` with ASCII colons on a line of its own`))
  }
})

test('an include written with Windows backslashes says to use `/`', () => {
  const result = compile({[path]: policy('## 一 {#a}\n\n::include{src="clauses\\x.md"}\n'), 'privacy/zh-CN/clauses/x.md': clause})
  assert.ok(reasons(result).includes('Cannot find included file `clauses\\x.md` (looked for `privacy/zh-CN/clauses\\x.md`); separate folders with `/`: `clauses/x.md`'), reasons(result).join('\n'))
})
