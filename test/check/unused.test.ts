import {test} from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {check} from '../../src/pipeline.js'
import {workspaceWithVersions} from '../notices/helpers.js'
import {compile, messages, policy, reasons} from '../helpers.js'
import {contentFromFiles} from '../../src/load/content.js'
import {compileContent} from '../../src/compile.js'
import {report} from '../../src/messages.js'

const zh = 'privacy/zh-CN/index.md'
const list = 'privacy/zh-CN/lists/collection.md'
const including = (src: string) => policy(`## 一 {#a}\n\n::include{src="${src}"}\n`)

test('a clause a policy includes, and one it includes in turn, are used', () => {
  const files = {[zh]: including('clauses/a.md'), 'privacy/zh-CN/clauses/a.md': '条款。\n\n::include{src="b.md"}\n', 'privacy/zh-CN/clauses/b.md': '条款。\n'}
  assert.deepEqual(messages(compile(files)), [])
})

test('a clause no policy includes is a warning at its first line', () => {
  const result = compile({[zh]: including('clauses/a.md'), 'privacy/zh-CN/clauses/a.md': '条款。\n', 'privacy/zh-CN/clauses/clause-7.md': '旧条款。\n'})
  assert.deepEqual(messages(result), ['privacy/zh-CN/clauses/clause-7.md:1:1 warning content-unused'])
  assert.deepEqual(reasons(result), ['Unexpected clause that no policy includes: it is shown nowhere'])
  assert.ok(result.ok, 'a warning does not stop the build')
})

test('a clause only an unused clause includes is unused too', () => {
  const files = {[zh]: policy('## 一 {#a}\n\n正文。\n'), 'privacy/zh-CN/clauses/a.md': '::include{src="b.md"}\n', 'privacy/zh-CN/clauses/b.md': '条款。\n'}
  assert.deepEqual(messages(compile(files)), ['privacy/zh-CN/clauses/a.md:1:1 warning content-unused', 'privacy/zh-CN/clauses/b.md:1:1 warning content-unused'])
})

test('a policy saved under another name or in another folder is a warning: it is published nowhere', () => {
  const result = compile({[zh]: policy('## 一 {#a}\n\n正文。\n'), 'privacy/zh-CN/policy.md': policy('## 一 {#a}\n'), 'privacy/index.md': policy('## 一 {#a}\n')})
  assert.deepEqual(messages(result), ['privacy/index.md:1:1 warning content-unused', 'privacy/zh-CN/policy.md:1:1 warning content-unused'])
  assert.match(reasons(result)[0]!, /neither a policy, a list nor an included clause: it is published nowhere$/)
})

test('lists, READMEs and other kinds of file are not reported', () => {
  const files = {
    [zh]: policy('## 一 {#a}\n\n正文。\n'),
    [list]: '## 手机号码 {#phone}\n\n- 信息类型: phone\n- 使用目的: 注册\n- 使用场景: 注册时\n- 基本模式必需: 否\n',
    'vocabulary.yaml': 'phone:\n  zh-CN: 手机号码\n  sensitive: false\n',
    'README.md': '给法务同事的说明。\n',
    'privacy/zh-CN/clauses/README.md': '条款说明。\n'
  }
  assert.deepEqual(messages(compile(files)), [])
})

test('when a policy cannot be read, no clause is called unused: what it includes is unknown', () => {
  const source = contentFromFiles({[zh]: including('clauses/a.md'), 'privacy/zh-CN/clauses/a.md': '条款。\n'})
  // As the loader reports a file that is not UTF-8.
  report(source.files.get(zh)!, 'Unexpected bytes that are not UTF-8', 'content-encoding', {line: 1, column: 1})
  assert.deepEqual(messages(compileContent(source)), [`${zh}:1:1 error content-encoding`])
})

test('a file that looks like policy text under a name policypress does not read is a warning; other files are left alone', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policypress-ignored-'))
  const content = path.join(dir, 'content')
  fs.mkdirSync(path.join(content, 'privacy', 'zh-CN'), {recursive: true})
  fs.writeFileSync(path.join(content, 'privacy', 'zh-CN', 'index.md.txt'), policy('## 一 {#a}\n\n正文。\n'))
  fs.writeFileSync(path.join(content, 'privacy', 'zh-CN', 'original.docx'), 'PK')
  const result = await check({content})
  const found = result.files.flatMap((file) => file.messages.map((message) => `${file.path}:${message.line}:${message.column} ${message.fatal ? 'error' : 'warning'} ${message.ruleId}`))
  assert.deepEqual(found, ['privacy/zh-CN/index.md.txt:1:1 warning content-unused'])
  assert.equal(result.files.find((file) => file.path.endsWith('.txt'))?.messages[0]?.reason, 'Unexpected file that policypress does not read: only `.md` and `.yaml` files are content')
})

test('a published policy whose working copy is gone is a warning on the missing file', async () => {
  const dir = await workspaceWithVersions(1)
  const content = path.join(dir, 'content')
  const policyFile = path.join(content, 'privacy', 'zh-CN', 'index.md')
  fs.renameSync(policyFile, `${policyFile}.txt`)
  const result = await check({content})
  const found = result.files.flatMap((file) => file.messages.filter((m) => m.ruleId === 'content-missing' || file.path.endsWith('.txt')).map((m) => `${file.path}:${m.line}:${m.column} ${m.fatal ? 'error' : 'warning'} ${m.ruleId} ${m.reason}`))
  assert.deepEqual(found, [
    'privacy/zh-CN/index.md.txt:1:1 warning content-unused Unexpected file that policypress does not read: only `.md` and `.yaml` files are content',
    'privacy/zh-CN/index.md:1:1 warning content-missing Missing the working copy of `privacy/zh-CN/index.md`, published as version 2024-01-10: changes to it cannot be previewed or published'
  ])
  fs.renameSync(`${policyFile}.txt`, policyFile)
  assert.ok(!(await check({content})).files.some((file) => file.messages.some((m) => m.ruleId === 'content-missing')))
})
