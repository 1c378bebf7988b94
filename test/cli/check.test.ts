import {test} from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {fixtures, policypress, snapshot, workspace} from './run.js'

test('check reports each planted mistake at file:line:column with its rule, and exits 1', () => {
  const dir = workspace('planted-mistakes')
  const run = policypress(['check'], dir)
  assert.equal(run.code, 1)
  const lines = run.stdout.split('\n').filter((line) => line.startsWith('content/'))
  const expected = fs.readFileSync(path.join(fixtures, 'planted-mistakes', 'expected.txt'), 'utf8').trim().split('\n')
  assert.deepEqual(lines, expected)
  assert.match(run.stdout, /✖ 6 errors, 0 warnings/)
})

test('check prints a hint under each message and never a stack trace', () => {
  const run = policypress(['check'], workspace('planted-mistakes'))
  assert.match(run.stdout, /\n {2}hint: Write dates as `YYYY-MM-DD`/)
  assert.doesNotMatch(run.stdout + run.stderr, /\bat .+:\d+:\d+\)/)
})

test('check --format json lists every message with positions', () => {
  const run = policypress(['check', '--format', 'json'], workspace('planted-mistakes'))
  assert.equal(run.code, 1)
  const report = JSON.parse(run.stdout) as {ok: boolean; errors: number; messages: Array<Record<string, unknown>>}
  assert.equal(report.ok, false)
  assert.equal(report.errors, 6)
  assert.deepEqual(report.messages[0], {
    file: 'content/privacy/zh-CN/index.md',
    line: 6,
    column: 1,
    severity: 'error',
    message: 'Unexpected value `2024-02-30` for `updated`, expected a date like `2023-09-20`',
    ruleId: 'frontmatter-date',
    source: 'policypress',
    hint: 'Write dates as `YYYY-MM-DD`, for example `2023-09-20`, and use a day that exists.'
  })
})

test('check passes clean content with exit 0', () => {
  const run = policypress(['check'], workspace('multilocale'))
  assert.equal(run.code, 0, run.stdout + run.stderr)
  assert.match(run.stdout, /no problems/)
})

test('check --fix adds the missing id and changes nothing else', () => {
  const dir = workspace('planted-mistakes')
  const file = path.join(dir, 'content/privacy/zh-CN/index.md')
  const before = fs.readFileSync(file, 'utf8')
  const run = policypress(['check', '--fix'], dir)
  const after = fs.readFileSync(file, 'utf8')
  assert.equal(after, before.replace('## 三、联系我们\n', '## 三、联系我们 {#section-3}\n'))
  assert.match(run.stderr, /added 1 heading id \(section-3\)/)
  assert.doesNotMatch(run.stdout, /heading-id-missing/)
})

test('check never writes to dist/', () => {
  const dir = workspace('planted-mistakes')
  fs.mkdirSync(path.join(dir, 'dist'))
  fs.writeFileSync(path.join(dir, 'dist', 'keep.html'), 'old')
  policypress(['check'], dir)
  assert.deepEqual([...snapshot(path.join(dir, 'dist')).keys()], ['keep.html'])
})

const usage: Array<[string, string[], RegExp]> = [
  ['an unknown command', ['publish-everything'], /unknown command/],
  ['an unknown option', ['check', '--colour'], /unknown option/],
  ['a bad format', ['check', '--format', 'xml'], /Allowed choices are text, json/],
  ['a missing content folder', ['check', '--content', 'nope'], /Content folder `nope` not found/]
]

for (const [name, args, message] of usage) {
  test(`${name} is a usage error: exit 2 with a message`, () => {
    const run = policypress(args, workspace())
    assert.equal(run.code, 2)
    assert.match(run.stderr, message)
  })
}

test('--version prints the version and --help the commands', () => {
  const dir = workspace()
  const version = policypress(['--version'], dir)
  assert.equal(version.code, 0)
  assert.match(version.stdout, /^\d+\.\d+\.\d+/)
  const help = policypress(['--help'], dir)
  assert.equal(help.code, 0)
  assert.match(help.stdout, /check \[options\]/)
  assert.match(help.stdout, /build \[options\]/)
})

test('check and build refuse a tampered archive and name the file', () => {
  const dir = workspace('multilocale')
  assert.equal(policypress(['publish', 'privacy'], dir).code, 0)
  fs.appendFileSync(path.join(dir, 'archive/privacy/2024-01-10/privacy/zh-CN/index.md'), '改动')
  const checked = policypress(['check'], dir)
  assert.equal(checked.code, 1)
  assert.match(checked.stdout, /archive\/privacy\/2024-01-10\/privacy\/zh-CN\/index\.md:1:1 {2}error {2}Published file was changed after publishing/)
  const built = policypress(['build'], dir)
  assert.equal(built.code, 1)
  assert.equal(fs.existsSync(path.join(dir, 'dist')), false)
})

test('publish refuses to overwrite and says why, with exit 2', () => {
  const dir = workspace('multilocale')
  assert.equal(policypress(['publish', 'privacy', '--version', '2024-01-10'], dir).code, 0)
  fs.appendFileSync(path.join(dir, 'content/privacy/zh-CN/index.md'), '\n新增。\n')
  const again = policypress(['publish', 'privacy'], dir)
  assert.equal(again.code, 2)
  assert.match(again.stderr, /already published; published versions never change/)
})
