/**
 * A machine that asks for JSON gets JSON on stdout, also when the command fails before it has a report:
 * a bad option, a missing folder, a refusal. The text stays on stderr for people.
 */
import {test} from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {run} from '../../src/cli/index.js'
import {workspace} from './run.js'

async function capture(args: string[], cwd: string): Promise<{code: number; stdout: string; stderr: string}> {
  const out: string[] = []
  const err: string[] = []
  const code = await run(['node', 'policypress', ...args], {stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd})
  return {code, stdout: out.join('\n'), stderr: err.join('\n')}
}

test('failures with --json or --format json print one JSON object with the exit code and the reason', async () => {
  const dir = workspace('multilocale')
  const content = path.join(dir, 'content')
  const cases: Array<[string[], number, RegExp]> = [
    [['build', '--json', '--bogus'], 2, /unknown option '--bogus'/],
    [['check', '--format', 'json', '--content', path.join(dir, 'nope')], 2, /Content folder .* not found/],
    [['check', '--format=json', '--content', content, '--archive', path.join(dir, 'nope')], 2, /Archive folder .* not found/],
    [['build', '--json', '--content', path.join(dir, 'nope')], 2, /Content folder .* not found/],
    [['publish', 'nosuch', '--json', '--content', content], 2, /No document `nosuch`/],
    [['import', path.join(dir, 'missing.docx'), '--json'], 2, /Cannot read/]
  ]
  for (const [args, code, reason] of cases) {
    const result = await capture(args, dir)
    assert.equal(result.code, code, args.join(' '))
    const report = JSON.parse(result.stdout) as {ok: boolean; exitCode: number; error: string}
    assert.deepEqual({ok: report.ok, exitCode: report.exitCode}, {ok: false, exitCode: code}, args.join(' '))
    assert.match(report.error, reason, args.join(' '))
    assert.doesNotMatch(report.error, /^policypress: /)
    assert.match(result.stderr, reason, 'people still read it on stderr')
  }
})

test('diff --format json on a file with errors prints the messages as check does', async () => {
  const dir = workspace()
  fs.writeFileSync(path.join(dir, 'a.md'), '---\nversion: 1\n---\n\n## 一 {#a}\n\n正文。\n')
  fs.writeFileSync(path.join(dir, 'b.md'), '---\nversion: [1\n---\n\n## 一 {#a}\n\n正文。\n')
  const result = await capture(['diff', path.join(dir, 'a.md'), path.join(dir, 'b.md'), '--format', 'json'], dir)
  assert.equal(result.code, 1)
  const report = JSON.parse(result.stdout) as {ok: boolean; messages: Array<{file: string; line: number; ruleId: string}>}
  assert.equal(report.ok, false)
  assert.ok(report.messages.some((message) => message.file.endsWith('b.md') && message.line > 0), result.stdout)
})

test('without JSON asked for, a failure prints nothing on stdout', async () => {
  const result = await capture(['build', '--bogus'], workspace())
  assert.equal(result.code, 2)
  assert.equal(result.stdout, '')
})
