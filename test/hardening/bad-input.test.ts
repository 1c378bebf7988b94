/**
 * The bad-input corpus: each case is a small content folder with one kind of mistake or hostile input,
 * built with the real CLI. Every case must exit 1 (2 for an unreadable import) with its messages at the
 * right file:line:column, print no stack trace, finish within its time limit, and leave dist/ and the
 * archive byte-for-byte as they were.
 */
import {after, before, describe, test} from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {policy} from '../helpers.js'
import {publish} from '../../src/versions/publish.js'
import {build} from '../../src/pipeline.js'
import {listFiles, makeZip, runCli, snapshot, stackFrame, tempDir, writeFiles, type TimedRun} from './helpers.js'

const index = 'content/privacy/zh-CN/index.md'
const clause = 'content/privacy/zh-CN/clauses/a.md'

/** The valid content every case starts from; the policy body starts on line 10. */
const base: Record<string, string> = {
  'content/policypress.yaml': 'title: 测试隐私中心\nlocale: zh-CN\n',
  'content/vocabulary.yaml': 'phone:\n  zh-CN: 手机号码\n  sensitive: false\n',
  [index]: policy('## 一、收集 {#collection}\n\n我们收集手机号码。\n\n::include{src="clauses/a.md"}\n\n## 二、联系 {#contact}\n\n联系我们。\n'),
  [clause]: '条款正文。\n',
  'content/privacy/zh-CN/lists/collection.md': '## 手机号码 {#phone}\n\n- 信息类型: phone\n- 使用目的: 注册\n- 使用场景: 注册时\n- 基本模式必需: 否\n'
}

/** A policy whose body is `body` (its first line is line 10). */
const doc = (body: string, meta: Record<string, string | null> = {}) => policy(body, meta)
/** A policy whose front matter is exactly `yaml` (its first line is line 2). */
const raw = (yaml: string, body = '## 一 {#a}\n\n正文。\n') => `---\n${yaml}\n---\n\n${body}`
const meta = (overrides: Record<string, string | null>) =>
  Object.entries({id: 'privacy', title: '隐私政策', locale: 'zh-CN', version: '2024-01-01', updated: '2024-01-01', effective: '2024-01-08', ...overrides})
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n')

interface Case {
  name: string
  /** Files to write over the base (text or bytes); `null` deletes. */
  files?: Record<string, string | Uint8Array | null>
  /** Anything else to do to the case folder. */
  setup?: (dir: string) => void | Promise<void>
  /** `file:line:column rule` lines that must be among the messages. */
  expect: string[]
  /** Exit code (default 1). */
  code?: number
  /** Time limit in ms (default 30 s). */
  timeout?: number
  /** Also run through the real CLI (exit code, no stack trace, time limit). */
  cli?: boolean
  /** Only through the CLI: too big to run inside the test process. */
  cliOnly?: boolean
}

const bigLine = '这是一段很长的政策文字，用来测试很大的文件能否在限定的时间内检查完毕。'.repeat(20) + '\n\n'

const cases: Case[] = [
  // Front matter and YAML
  {name: 'malformed YAML: an unclosed flow sequence', cli: true, files: {[index]: raw(meta({title: '[未闭合'}))}, expect: [`${index}:4:1 frontmatter-yaml`]},
  {name: 'YAML indented with a tab', files: {[index]: raw(`${meta({})}\neditorial:\n\t- a`)}, expect: [`${index}:9:1 frontmatter-yaml`]},
  {name: 'a key given twice', files: {[index]: raw(`${meta({})}\ntitle: 又一个标题`)}, expect: [`${index}:8:1 frontmatter-yaml`]},
  {name: 'front matter that is a list, not key: value lines', files: {[index]: raw('- id\n- title')}, expect: [`${index}:1:1 frontmatter-yaml`]},
  {name: 'front matter never closed', files: {[index]: `---\n${meta({})}\n\n## 一 {#a}\n\n正文。\n`}, expect: [`${index}:1:1 frontmatter-missing`]},
  {name: 'a title that is a number', files: {[index]: doc('## 一 {#a}\n\n正文。\n', {title: '123'})}, expect: [`${index}:3:1 frontmatter-type`]},
  {name: 'a version that is a list', files: {[index]: doc('## 一 {#a}\n\n正文。\n', {version: '[1, 2]'})}, expect: [`${index}:5:1 frontmatter-type`]},
  {name: 'material that is text', files: {[index]: raw(`${meta({})}\nmaterial: "yes"\nmaterialReason: 原因`)}, expect: [`${index}:8:1 frontmatter-type`]},
  {name: 'editorial that is not a list', files: {[index]: raw(`${meta({})}\neditorial: collection`)}, expect: [`${index}:8:1 frontmatter-type`]},
  {name: 'an upper-case document id', files: {[index]: doc('## 一 {#a}\n\n正文。\n', {id: 'Privacy'})}, expect: [`${index}:2:1 frontmatter-id`]},
  {name: 'an impossible date: 30 February', files: {[index]: doc('## 一 {#a}\n\n正文。\n', {updated: '2023-02-30'})}, expect: [`${index}:6:1 frontmatter-date`]},
  {name: 'an impossible date: month 13', files: {[index]: doc('## 一 {#a}\n\n正文。\n', {effective: '2023-13-01'})}, expect: [`${index}:7:1 frontmatter-date`]},
  {name: 'a date with a time', files: {[index]: doc('## 一 {#a}\n\n正文。\n', {updated: '2023-09-20T10:00:00'})}, expect: [`${index}:6:1 frontmatter-date`]},
  {name: 'effective before updated', files: {[index]: doc('## 一 {#a}\n\n正文。\n', {effective: '2023-09-01'})}, expect: [`${index}:7:1 frontmatter-date-order`]},
  {name: 'an unknown front matter key', files: {[index]: raw(`${meta({})}\nauthor: 法务部`)}, expect: [`${index}:8:1 frontmatter-unknown-key`]},
  {name: 'a missing required key', files: {[index]: doc('## 一 {#a}\n\n正文。\n', {effective: null})}, expect: [`${index}:1:1 frontmatter-required`]},
  {name: 'a locale that does not match the folder', files: {[index]: doc('## 一 {#a}\n\n正文。\n', {locale: 'en-US'})}, expect: [`${index}:4:1 frontmatter-mismatch`]},
  {
    name: 'a YAML alias bomb (a billion laughs)', cli: true,
    files: {[index]: raw(`${meta({})}\n${aliasBomb()}editorial: *a9`)},
    expect: [`${index}:8:1 frontmatter-unknown-key`, `${index}:18:1 frontmatter-type`]
  },
  {name: 'site settings that are a list', files: {'content/policypress.yaml': '- title\n- locale\n'}, expect: ['content/policypress.yaml:1:1 config-invalid']},
  {name: 'site settings with an unknown key', files: {'content/policypress.yaml': 'title: 测试\ncolour: red\n'}, expect: ['content/policypress.yaml:2:1 config-invalid']},
  {name: 'a portal locale with markup in it', files: {'content/policypress.yaml': 'title: 测试\nlocale: \'zh"><script>alert(1)</script>\'\n'}, expect: ['content/policypress.yaml:2:1 config-invalid']},
  {name: 'a vocabulary with broken YAML', files: {'content/vocabulary.yaml': 'phone:\n  zh-CN: "手机号码\n  sensitive: false\n'}, expect: ['content/vocabulary.yaml:2:10 vocabulary-invalid']},
  {name: 'a vocabulary id in capitals', files: {'content/vocabulary.yaml': 'Phone:\n  zh-CN: 手机号码\n  sensitive: false\n'}, expect: ['content/vocabulary.yaml:1:1 vocabulary-invalid']},

  // Encodings, line ends and invisible characters
  {name: 'a byte-order mark', files: {[index]: `\uFEFF${doc('## 一 {#a}\n\n## 二 {#a}\n')}`}, expect: [`${index}:12:6 heading-id-duplicate`]},
  {name: 'CRLF line ends', files: {[index]: doc('## 一 {#a}\n\n## 二 {#a}\n').replace(/\n/g, '\r\n')}, expect: [`${index}:12:6 heading-id-duplicate`]},
  {name: 'CR-only line ends', cli: true, files: {[index]: doc('## 一 {#a}\n\n## 二 {#a}\n').replace(/\n/g, '\r')}, expect: [`${index}:12:6 heading-id-duplicate`]},
  {name: 'a tab inside a heading id', files: {[index]: doc('## 一 {#a\tb}\n\n正文。\n')}, expect: [`${index}:10:6 heading-id-malformed`]},
  {name: 'a NUL character', cli: true, files: {[index]: doc('## 一 {#a}\n\n正文\u0000正文。\n')}, expect: [`${index}:12:3 content-control-character`]},
  {name: 'BEL and ESC characters', files: {[index]: doc('## 一 {#a}\n\n响铃\u0007与\u001b[31m转义。\n')}, expect: [`${index}:12:3 content-control-character`, `${index}:12:5 content-control-character`]},
  {name: 'the noncharacter U+FFFE', files: {[index]: doc('## 一 {#a}\n\n正文\uFFFE。\n')}, expect: [`${index}:12:3 content-control-character`]},
  {name: 'a C1 control character (U+0085)', files: {[index]: doc('## 一 {#a}\n\n正文\u0085。\n')}, expect: [`${index}:12:3 content-control-character`]},
  {name: 'a control character in a clause', files: {[clause]: '条款\u0008正文。\n'}, expect: [`${clause}:1:3 content-control-character`]},
  {name: 'a control character in the vocabulary', files: {'content/vocabulary.yaml': 'phone:\n  zh-CN: 手机\u0000号码\n  sensitive: false\n'}, expect: ['content/vocabulary.yaml:2:12 content-control-character']},
  {
    name: 'bytes that are not UTF-8', cli: true,
    files: {[index]: Buffer.concat([Buffer.from(doc('## 一 {#a}\n\n正文')), Buffer.from([0xc3, 0x28]), Buffer.from('。\n')])},
    expect: [`${index}:12:3 content-encoding`]
  },
  {name: 'a UTF-16 file', files: {[index]: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(doc('## 一 {#a}\n'), 'utf16le')])}, expect: [`${index}:1:1 content-encoding`]},
  {name: 'a GBK file', files: {[index]: Buffer.concat([Buffer.from(doc('## 一 {#a}\n\n')), Buffer.from([0xd5, 0xfd, 0xce, 0xc4, 0x0a])])}, expect: [`${index}:12:1 content-encoding`]},
  {name: 'a PNG saved as Markdown', cli: true, files: {[index]: Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')}, expect: [`${index}:1:1 content-encoding`]},

  // Ids
  {name: 'a zero-width space in an id', cli: true, files: {[index]: doc('## 一 {#coll\u200bection}\n\n正文。\n')}, expect: [`${index}:10:6 heading-id-malformed`]},
  {name: 'full-width letters in an id', files: {[index]: doc('## 一 {#ｃｏｌｌｅｃｔｉｏｎ}\n\n正文。\n')}, expect: [`${index}:10:6 heading-id-malformed`]},
  {name: 'a full-width number sign', files: {[index]: doc('## 一 {＃collection}\n\n正文。\n')}, expect: [`${index}:10:6 heading-id-malformed`]},
  {name: 'a zero-width no-break space in an id', files: {[index]: doc('## 一 {#a\uFEFFb}\n\n正文。\n')}, expect: [`${index}:10:6 heading-id-malformed`]},
  {name: 'an upper-case id', files: {[index]: doc('## 一 {#Collection}\n\n正文。\n')}, expect: [`${index}:10:6 heading-id-malformed`]},
  {name: 'a duplicate id', files: {[index]: doc('## 一 {#a}\n\n正文。\n\n## 二 {#a}\n')}, expect: [`${index}:14:6 heading-id-duplicate`]},
  {name: 'a missing id', files: {[index]: doc('## 一\n\n正文。\n')}, expect: [`${index}:10:1 heading-id-missing`]},
  {name: 'a level-1 heading', files: {[index]: doc('# 一 {#a}\n\n正文。\n')}, expect: [`${index}:10:1 heading-depth`]},

  // Directives and includes
  {name: 'an unclosed container directive', cli: true, files: {[index]: doc('## 一 {#a}\n\n:::note\n正文。\n')}, expect: [`${index}:12:1 directive-unknown`]},
  {name: 'an unknown leaf directive', files: {[index]: doc('## 一 {#a}\n\n::video{src="x.mp4"}\n')}, expect: [`${index}:12:1 directive-unknown`]},
  {name: 'an include without src', files: {[index]: doc('## 一 {#a}\n\n::include\n')}, expect: [`${index}:12:1 include-missing`]},
  {name: 'an include of a missing clause', files: {[index]: doc('## 一 {#a}\n\n::include{src="clauses/nope.md"}\n')}, expect: [`${index}:12:1 include-missing`]},
  {
    name: 'an include loop through two clauses', cli: true,
    files: {[clause]: '::include{src="b.md"}\n', 'content/privacy/zh-CN/clauses/b.md': '正文。\n\n::include{src="a.md"}\n'},
    expect: ['content/privacy/zh-CN/clauses/b.md:3:1 include-loop']
  },
  {name: 'a clause including itself', files: {[clause]: '正文。\n\n::include{src="a.md"}\n'}, expect: [`${clause}:3:1 include-loop`]},
  {name: 'an include leaving the content folder', files: {[index]: doc('## 一 {#a}\n\n::include{src="../../../../../etc/passwd"}\n')}, expect: [`${index}:12:1 include-outside`]},
  {name: 'an include of an absolute path', files: {[index]: doc('## 一 {#a}\n\n::include{src="/etc/passwd"}\n')}, expect: [`${index}:12:1 include-outside`]},
  {name: 'an include with percent-encoded ../', files: {[index]: doc('## 一 {#a}\n\n::include{src="..%2F..%2F..%2F..%2Fetc%2Fpasswd"}\n')}, expect: [`${index}:12:1 include-outside`]},
  {
    name: 'an include bomb: clauses that include the next one twice, 24 deep', cli: true,
    files: Object.fromEntries(
      Array.from({length: 25}, (_, i) => [
        `content/privacy/zh-CN/clauses/c${i}.md`,
        i === 24 ? '叶子。\n' : `第 ${i} 层。\n\n::include{src="c${i + 1}.md"}\n\n::include{src="c${i + 1}.md"}\n`
      ]).concat([[clause, '::include{src="c0.md"}\n']])
    ),
    expect: ['content/privacy/zh-CN/clauses/c0.md:5:1 include-limit'],
    timeout: 20_000
  },
  {
    name: 'a chain of 40 clauses, each including the next',
    files: Object.fromEntries(
      Array.from({length: 41}, (_, i) => [`content/privacy/zh-CN/clauses/d${i}.md`, i === 40 ? '末端。\n' : `::include{src="d${i + 1}.md"}\n`]).concat([[clause, '::include{src="d0.md"}\n']])
    ),
    expect: ['content/privacy/zh-CN/clauses/d30.md:1:1 include-limit']
  },

  // Links and files outside the content folder
  {
    name: 'a clause that is a symbolic link to a file outside content/', cli: true,
    files: {[clause]: null},
    setup: (dir) => {
      writeFiles(dir, {'outside/secret.md': '机密。\n'})
      fs.symlinkSync(path.join(dir, 'outside/secret.md'), path.join(dir, clause))
    },
    expect: [`${clause}:1:1 content-symlink`]
  },
  {
    name: 'a clauses folder that is a symbolic link out of content/',
    files: {[clause]: null},
    setup: (dir) => {
      writeFiles(dir, {'outside/a.md': '机密。\n'})
      fs.rmSync(path.join(dir, 'content/privacy/zh-CN/clauses'), {recursive: true, force: true})
      fs.symlinkSync(path.join(dir, 'outside'), path.join(dir, 'content/privacy/zh-CN/clauses'))
    },
    expect: [`${index}:14:1 include-missing`]
  },
  {
    name: 'a dangling symbolic link',
    files: {[clause]: null},
    setup: (dir) => fs.symlinkSync(path.join(dir, 'nowhere.md'), path.join(dir, clause)),
    expect: [`${clause}:1:1 content-symlink`]
  },

  // Empty files
  {name: 'an empty policy file', cli: true, files: {[index]: ''}, expect: [`${index}:1:1 frontmatter-missing`]},
  {name: 'a policy with front matter only', files: {[index]: raw(meta({}), '')}, expect: [`${index}:1:1 content-empty`]},
  {name: 'a policy of blank lines and spaces', files: {[index]: ' \n\n   \n\t\n'}, expect: [`${index}:1:1 frontmatter-missing`]},

  // Markup the policy may not use
  {name: 'raw HTML', cli: true, files: {[index]: doc('## 一 {#a}\n\n<script>alert(1)</script>\n')}, expect: [`${index}:12:1 no-html`]},
  {name: 'an image', files: {[index]: doc('## 一 {#a}\n\n看图 ![x](https://evil.example/x.png)\n')}, expect: [`${index}:12:4 no-image`]},
  {name: 'a javascript: link', files: {[index]: doc('## 一 {#a}\n\n[点击](javascript:alert(1))\n')}, expect: [`${index}:12:1 link-protocol`]},
  {name: 'a link to a missing file', files: {[index]: doc('## 一 {#a}\n\n见[清单](lists/nope.md)。\n')}, expect: [`${index}:12:2 link-missing-file`]},
  {name: 'a list file of an unknown kind', files: {'content/privacy/zh-CN/lists/cookies.md': '## 一 {#a}\n\n- 名称: x\n'}, expect: ['content/privacy/zh-CN/lists/cookies.md:1:1 list-unknown']},
  {
    name: 'a list entry with a wrong yes/no and a missing field',
    files: {'content/privacy/zh-CN/lists/collection.md': '## 手机号码 {#phone}\n\n- 信息类型: phone\n- 使用目的: 注册\n- 基本模式必需: 也许\n'},
    expect: ['content/privacy/zh-CN/lists/collection.md:1:1 list-missing-field', 'content/privacy/zh-CN/lists/collection.md:5:11 list-yes-no']
  },

  // Size and depth
  {
    name: 'a 20 MB policy with a mistake at the end', cliOnly: true,
    files: {[index]: doc(`## 一 {#a}\n\n${bigLine.repeat(Math.ceil((20 << 20) / Buffer.byteLength(bigLine)))}## 二 {#a}\n`)},
    expect: [`${index}:${12 + 2 * Math.ceil((20 << 20) / Buffer.byteLength(bigLine))}:6 heading-id-duplicate`],
    timeout: 90_000
  },
  {name: '10 000 nested list levels on one line', cli: true, files: {[index]: doc(`## 一 {#a}\n\n${'- '.repeat(10_000)}正文\n`)}, expect: [`${index}:12:201 content-nesting`]},
  {name: '10 000 nested block quotes', cli: true, files: {[index]: doc(`## 一 {#a}\n\n${'> '.repeat(10_000)}正文\n`)}, expect: [`${index}:12:201 content-nesting`]},
  {name: '10 000 nested quotes without spaces', files: {[index]: doc(`## 一 {#a}\n\n${'>'.repeat(10_000)}正文\n`)}, expect: [`${index}:12:101 content-nesting`]},
  {
    name: 'lists nested 300 deep by indentation',
    files: {[index]: doc(`## 一 {#a}\n\n${Array.from({length: 300}, (_, i) => `${' '.repeat(2 * i)}- 第 ${i} 层`).join('\n')}\n`)},
    expect: [`${index}:112:201 content-nesting`]
  },
  {name: 'a clause nested 10 000 deep', files: {[clause]: `${'- '.repeat(10_000)}正文\n`}, expect: [`${clause}:1:201 content-nesting`]},
  {
    name: '100 000 headings with one duplicate id', cliOnly: true,
    files: {[index]: doc(`${Array.from({length: 100_000}, (_, i) => `## 第 ${i} 节 {#h${i}}\n`).join('\n')}\n## 重复 {#h5}\n`)},
    expect: [`${index}:200010:7 heading-id-duplicate`],
    timeout: 90_000
  }
]

/** YAML anchors nine wide and ten deep: a billion leaves if expanded. */
function aliasBomb(): string {
  let yaml = 'a0: &a0 [l, l, l, l, l, l, l, l, l]\n'
  for (let i = 1; i < 10; i++) yaml += `a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]\n`
  return yaml
}

let shared = ''
const sharedDist = () => path.join(shared, 'dist')
const sharedArchive = () => path.join(shared, 'archive')
let before_: Map<string, string>

before(async () => {
  shared = tempDir('policypress-bad-')
  writeFiles(shared, base)
  const published = await publish({content: path.join(shared, 'content'), document: 'privacy'})
  assert.equal(published.ok, true)
  const built = await build({content: path.join(shared, 'content'), out: sharedDist()})
  assert.equal(built.ok, true)
  before_ = outputs()
})

after(() => {
  // Every case has run against the same dist/ and archive: still the same bytes.
  assert.deepEqual(outputs(), before_)
})

/** The bytes of the shared dist/ and archive. */
function outputs(): Map<string, string> {
  const all = new Map<string, string>()
  for (const [file, bytes] of snapshot(sharedDist())) all.set(`dist/${file}`, bytes)
  for (const [file, bytes] of snapshot(sharedArchive())) all.set(`archive/${file}`, bytes)
  return all
}

/** `file:line:column rule` of every message in CLI text output. */
function positions(output: string): string[] {
  return [...output.matchAll(/^(\S+):(\d+):(\d+)\s+(?:error|warning)\s+.*\s([a-z]+(?:-[a-z]+)*)$/gm)].map((m) => `${m[1]}:${m[2]}:${m[3]} ${m[4]}`)
}

/** A fresh folder holding the base content with the case applied. */
async function caseFolder(c: Case): Promise<string> {
  const dir = tempDir('policypress-case-')
  writeFiles(dir, base)
  for (const [relative, contents] of Object.entries(c.files ?? {})) {
    if (contents === null) fs.rmSync(path.join(dir, relative), {force: true})
    else writeFiles(dir, {[relative]: contents})
  }
  await c.setup?.(dir)
  return dir
}

describe('the bad-input corpus through the library: no exception, errors at the right place, nothing written', () => {
  test('has at least 50 cases', () => assert.ok(cases.length >= 50, `${cases.length} cases`))
  for (const c of cases.filter((c) => !c.cliOnly)) {
    test(c.name, async () => {
      const dir = await caseFolder(c)
      try {
        const result = await build({content: path.join(dir, 'content'), out: sharedDist(), archive: sharedArchive()})
        const found = result.files.flatMap((file) => file.messages.map((m) => `content/${file.path}:${m.line}:${m.column} ${m.ruleId}`))
        assert.equal(result.ok, false)
        assert.deepEqual(result.written, [])
        for (const expected of c.expect) assert.ok(found.includes(expected), `${expected} in ${found.join(', ')}`)
      } finally {
        fs.rmSync(dir, {recursive: true, force: true})
      }
    })
  }
})

describe('the bad-input corpus through the CLI: exit 1, no stack trace, within the time limit', {concurrency: 2}, () => {
  for (const c of cases.filter((c) => c.cli || c.cliOnly)) {
    test(c.name, {timeout: (c.timeout ?? 30_000) + 10_000}, async () => {
      const dir = await caseFolder(c)
      try {
        const run = await runCli(['build', '--content', 'content', '--out', sharedDist(), '--archive', sharedArchive()], dir, {timeout: c.timeout ?? 30_000})
        const output = `${run.stdout}\n${run.stderr}`
        assert.equal(run.timedOut, false, `finished within ${c.timeout ?? 30_000} ms`)
        assert.doesNotMatch(output, stackFrame)
        assert.doesNotMatch(output, /internal error/)
        assert.equal(run.code, 1, output.slice(0, 500))
        assert.match(run.stderr, /Nothing was written/)
        const found = positions(output)
        for (const expected of c.expect) assert.ok(found.includes(expected), `${expected} in ${found.slice(0, 8).join(', ')}`)
      } finally {
        fs.rmSync(dir, {recursive: true, force: true})
      }
    })
  }
})

const docxTypes =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
const docxRels =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
const docxBody = (xml: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${xml}</w:body></w:document>`

/** A .docx of `paragraphs`, built by hand. */
async function docx(paragraphs: string[]): Promise<Buffer> {
  const body = paragraphs.map((text) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`).join('')
  return makeZip([
    {name: '[Content_Types].xml', data: Buffer.from(docxTypes)},
    {name: '_rels/.rels', data: Buffer.from(docxRels)},
    {name: 'word/document.xml', data: Buffer.from(docxBody(body))}
  ])
}

/**
 * A .docx of about 1 MB whose document inflates to 1 GiB: one paragraph of one character repeated (the
 * most deflate compresses: about 1000 to 1). Made once, copied for each test.
 */
const docxBomb = (() => {
  let made: Promise<Buffer> | undefined
  return async (): Promise<Buffer> => {
    made ??= makeZip([
      {name: '[Content_Types].xml', data: Buffer.from(docxTypes)},
      {name: '_rels/.rels', data: Buffer.from(docxRels)},
      {
        name: 'word/document.xml',
        bomb: {prefix: docxBody('').replace('</w:body></w:document>', '<w:p><w:r><w:t>'), repeat: '我', times: (1 << 30) / 3, suffix: '</w:t></w:r></w:p></w:body></w:document>'}
      }
    ])
    return Buffer.from(await made)
  }
})()

/** A JavaScript heap far below what unpacking a bomb takes (2.2 GB before the directory was checked). */
const smallHeap = ['--max-old-space-size=256']

/** Make the zip directory (and the local header) of `zip` state `size` as the unpacked size of `name`. */
function understate(zip: Buffer, name: string, size: number): void {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  for (let at = zip.readUInt32LE(end + 16); zip.readUInt32LE(at) === 0x02014b50; ) {
    const nameLength = zip.readUInt16LE(at + 28)
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      zip.writeUInt32LE(size, at + 24)
      zip.writeUInt32LE(size, zip.readUInt32LE(at + 42) + 22)
      return
    }
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32)
  }
  throw new Error(`${name} is not in the zip`)
}

/**
 * Run `policypress import <name>` on `bytes` in a fresh folder (`nodeArgs` before the script); dist/ and
 * archive/ beside it must not change.
 */
async function importFile(name: string, bytes: Uint8Array, timeout = 30_000, nodeArgs: string[] = []): Promise<{run: TimedRun; dir: string}> {
  const dir = tempDir('policypress-import-')
  writeFiles(dir, {[name]: bytes, 'dist/.policypress-output': 'x', 'dist/index.html': '<p>old</p>', 'archive/lock.json': '{"lockfileVersion":1,"versions":[]}\n'})
  const before = [snapshot(path.join(dir, 'dist')), snapshot(path.join(dir, 'archive'))]
  const run = await runCli(['import', name, '--out', 'content'], dir, {timeout, nodeArgs})
  assert.deepEqual([snapshot(path.join(dir, 'dist')), snapshot(path.join(dir, 'archive'))], before, 'dist/ and archive/ untouched')
  const output = `${run.stdout}\n${run.stderr}`
  assert.equal(run.timedOut, false, `finished within ${timeout} ms`)
  assert.doesNotMatch(output, stackFrame)
  assert.doesNotMatch(output, /internal error/)
  return {run, dir}
}

describe('import of hostile files', {concurrency: 2}, () => {
  test('a truncated .docx is refused as unreadable (exit 2) and writes nothing', async () => {
    const whole = await docx(['快手隐私政策', '一、我们如何收集信息', '我们收集手机号码。'])
    const {run, dir} = await importFile('policy.docx', whole.subarray(0, Math.floor(whole.length / 2)))
    assert.equal(run.code, 2)
    assert.match(run.stderr, /^policypress: policy\.docx: \S[^\n]*\n$/)
    assert.equal(fs.existsSync(path.join(dir, 'content')), false)
  })

  test('a .docx whose XML is cut off is refused, not an internal error', async () => {
    const zip = await makeZip([
      {name: '[Content_Types].xml', data: Buffer.from(docxTypes)},
      {name: '_rels/.rels', data: Buffer.from(docxRels)},
      {name: 'word/document.xml', data: Buffer.from(docxBody('<w:p><w:r><w:t>我们收集').slice(0, -20))}
    ])
    const {run} = await importFile('policy.docx', zip)
    assert.ok(run.code === 1 || run.code === 2, `exit ${run.code}`)
    if (run.code === 2) assert.match(run.stderr, /^policypress: policy\.docx: \S[^\n]*\n$/)
  })

  test('a zip bomb (a .docx of about 1 MB inflating to 1 GiB) is refused within the time and memory limits', async () => {
    const zip = await docxBomb()
    assert.ok(zip.length < 2 << 20)
    const {run, dir} = await importFile('policy.docx', zip, 60_000, smallHeap)
    assert.ok(run.code === 1 || run.code === 2, `exit ${run.code}`)
    // One line naming the file, the size it would have and the limit.
    assert.match(run.stderr, /^policypress: policy\.docx: the document would unpack to 1\.0 GB, more than the 64 MB a policy can have; [^\n]+\n$/)
    assert.equal(fs.existsSync(path.join(dir, 'content')), false)
  })

  test('a zip bomb whose directory understates its size is refused once inflating passes the size stated', async () => {
    const zip = await docxBomb()
    // The directory says the document is 1 000 bytes; only inflating it shows otherwise.
    understate(zip, 'word/document.xml', 1000)
    const {run, dir} = await importFile('policy.docx', zip, 60_000, smallHeap)
    assert.equal(run.code, 2)
    assert.match(run.stderr, /^policypress: policy\.docx: [^\n]*`word\/document\.xml` unpacks to more than the 1000 bytes the zip directory says[^\n]*\n$/)
    assert.equal(fs.existsSync(path.join(dir, 'content')), false)
  })

  test('HTML full of scripts and event handlers: every one dropped and reported at its place, the result safe', async () => {
    const html = [
      '<!doctype html><html><head><title>隐私政策</title><script src="https://evil.example/x.js"></script>',
      '<style>body{background:url(javascript:alert(1))}</style><meta http-equiv="refresh" content="0;url=javascript:alert(1)"></head>',
      '<body onload="alert(1)"><h1 onclick="alert(1)">快手隐私政策</h1>',
      '<h2>一、我们如何收集信息</h2><p onmouseover="alert(1)">我们收集<img src=x onerror=alert(1)>手机号码。</p>',
      '<p><a href="javascript:alert(1)">点击</a>和<a href="https://example.com/" onclick="alert(1)">官网</a>。</p>',
      '<iframe src="javascript:alert(1)"></iframe><svg onload="alert(1)"><script>alert(1)</script></svg>',
      '<script>document.title="PWNED"</script></body></html>'
    ].join('\n')
    const {run, dir} = await importFile('policy.html', Buffer.from(html))
    assert.ok(run.code === 0 || run.code === 1, `exit ${run.code}: ${run.stderr}`)
    const dropped = positions(run.stdout.replace(/^\s+/gm, '').replace(/^(\S+:\d+:\d+)\s+dropped\s+(.*)\s(import-dropped)$/gm, '$1  error  $2  $3'))
    // <script src>, <style>, onload, onclick, onmouseover, the image and its onerror, javascript:, onclick, <iframe>, <svg>, <script>
    for (const place of ['1:47', '2:1', '3:1', '3:25', '4:20', '4:50', '5:4', '5:41', '6:1', '6:44', '7:1'].map((p) => `policy.html:${p}`)) {
      assert.ok(dropped.some((line) => line.startsWith(`${place} `)), `${place} in ${dropped.join(', ')}`)
    }
    const written = listFiles(path.join(dir, 'content')).map((file) => fs.readFileSync(path.join(dir, 'content', file), 'utf8')).join('\n')
    assert.match(written, /我们收集手机号码/)
    assert.doesNotMatch(written, /<|javascript:|onerror|onclick|onload|alert\(1\)|PWNED|evil\.example/i)
    const check = await runCli(['check'], dir)
    assert.equal(check.code, 0, check.stdout)
  })

  test('a binary file named .txt: no control character reaches the content, each is reported at its place', async () => {
    const bytes = Buffer.from(Array.from({length: 4096}, (_, i) => (i * 7919 + 13) % 256))
    const {run, dir} = await importFile('policy.txt', bytes)
    const output = run.stdout.replace(/^\s+/gm, '')
    const written = listFiles(path.join(dir, 'content')).map((file) => fs.readFileSync(path.join(dir, 'content', file), 'utf8')).join('\n')
    if (run.code === 0) {
      // Dropped by the importer, each run of them reported where it was.
      assert.doesNotMatch(written, /(?![\t\n\r])[\p{Cc}\p{Noncharacter_Code_Point}]/u)
      assert.match(output, /^policy\.txt:\d+:\d+\s+dropped\s+Dropped \d+ control characters/m)
    } else {
      // Or kept, and then every one is an error in the imported file.
      assert.equal(run.code, 1, output)
      const found = positions(output)
      assert.ok(found.length > 0 && found.every((line) => /^content\/[^:]+:\d+:\d+ content-control-character$/.test(line)), found.slice(0, 5).join(', '))
    }
  })
})
