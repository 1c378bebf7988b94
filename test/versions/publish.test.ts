/**
 * `publish` checks what `check` checks against the last published version before it freezes anything:
 * a version published with a problem would stay a legal record with it.
 */
import {test} from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {publish} from '../../src/versions/publish.js'
import {run} from '../../src/cli/index.js'
import {editVersion, workspaceWithVersions} from '../notices/helpers.js'

/** Every file of `dir`, with its bytes, by relative path. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>()
  for (const name of fs.readdirSync(dir, {recursive: true}).map(String).sort()) {
    const full = path.join(dir, name)
    if (fs.statSync(full).isFile()) files.set(name, fs.readFileSync(full, 'base64'))
  }
  return files
}

/** Set the working copy's effective date `days` after its updated date, in both locales. */
function noticeOf(content: string, days: number): void {
  for (const locale of ['zh-CN', 'en-US']) {
    const file = path.join(content, 'privacy', locale, 'index.md')
    const text = fs.readFileSync(file, 'utf8')
    const updated = /^updated: (.*)$/m.exec(text)![1]!
    const effective = new Date(Date.parse(updated) + days * 86_400_000).toISOString().slice(0, 10)
    fs.writeFileSync(file, text.replace(/^effective: .*$/m, `effective: ${effective}`))
  }
}

test('a material change with too short a notice period is not published', async () => {
  const dir = await workspaceWithVersions(1)
  const content = path.join(dir, 'content')
  editVersion(content, 2) // a sentence added to 一、, a material section of the fixture
  noticeOf(content, 1)
  const before = snapshot(path.join(dir, 'archive'))
  const result = await publish({content, document: 'privacy'})
  assert.equal(result.ok, false)
  assert.ok(result.files.some((file) => file.messages.some((message) => message.ruleId === 'notice-period' && message.fatal)))
  assert.deepEqual(snapshot(path.join(dir, 'archive')), before, 'the archive is as it was')
  noticeOf(content, 7)
  assert.equal((await publish({content, document: 'privacy'})).ok, true, 'with the notice period it is published')
})

test('a notice text over its channel’s limit is not published', async () => {
  const dir = await workspaceWithVersions(1)
  const content = path.join(dir, 'content')
  editVersion(content, 2, '本次更新补充了个人信息收集的说明。'.repeat(12))
  const result = await publish({content, document: 'privacy'})
  assert.equal(result.ok, false)
  assert.ok(result.files.some((file) => file.messages.some((message) => message.ruleId === 'notice-length')))
})

test('publish --json says why nothing was published, with the messages check gives', async () => {
  const dir = await workspaceWithVersions(1)
  const content = path.join(dir, 'content')
  editVersion(content, 2)
  noticeOf(content, 1)
  const out: string[] = []
  const code = await run(['node', 'policypress', 'publish', 'privacy', '--content', content, '--json'], {stdout: (t) => out.push(t), stderr: () => {}, cwd: dir})
  assert.equal(code, 1)
  const report = JSON.parse(out.join('\n')) as {ok: boolean; published: null; errors: number; messages: Array<{file: string; ruleId: string; line: number}>}
  assert.equal(report.ok, false)
  assert.equal(report.published, null)
  assert.ok(report.errors >= 1)
  assert.ok(report.messages.some((message) => message.ruleId === 'notice-period' && message.file.endsWith(path.join('privacy', 'zh-CN', 'index.md')) && message.line > 0))
})

test('a version that would take effect before the published one it follows is not published', async () => {
  const dir = await workspaceWithVersions(1)
  const content = path.join(dir, 'content')
  editVersion(content, 2) // published one: effective 2024-01-17; this one: updated 2024-02-09
  // Back-date the effective date before the published version's (and keep it after updated by setting both).
  for (const locale of ['zh-CN', 'en-US']) {
    const file = path.join(content, 'privacy', locale, 'index.md')
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^updated: .*$/m, 'updated: 2024-01-10').replace(/^effective: .*$/m, 'effective: 2024-01-11').replace(/^version: .*$/m, 'version: 2024-01-11'))
  }
  const result = await publish({content, document: 'privacy'})
  assert.equal(result.ok, false)
  const reasons = result.files.flatMap((file) => file.messages.filter((m) => m.ruleId === 'notice-period' && m.fatal).map((m) => m.reason))
  assert.ok(reasons.includes('Unexpected effective date `2024-01-11` before that of the published version 2024-01-10 (`2024-01-17`), expected `2024-01-17` or later'), reasons.join('\n'))
})
