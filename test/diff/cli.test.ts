/**
 * `policypress diff` end to end: the real binary (compiled `lib/`, built by `npm test`) on two files.
 */
import {test} from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {policypress, root} from '../cli/run.js'
import type {DocumentDiff} from '../../src/diff/types.js'

const fixtures = path.join(root, 'test', 'fixtures', 'diff', 'cli')
const compiled = fs.existsSync(path.join(root, 'lib', 'cli', 'diff.js'))
const needsBuild = compiled ? false : 'lib/ is not compiled: run `npx tsc -p tsconfig.build.json` (npm test does)'

test('diff --format json prints the diff as data and exits 0', {skip: needsBuild}, () => {
  const run = policypress(['diff', 'v1.md', 'v2.md', '--format', 'json'], fixtures)
  assert.equal(run.code, 0, run.stderr)
  const diff = JSON.parse(run.stdout) as DocumentDiff
  assert.equal(diff.schemaVersion, 1)
  assert.deepEqual([diff.from.version, diff.to.version], ['2023-09-20', '2024-01-01'])
  assert.deepEqual(
    diff.sections.map((section) => `${section.id} ${section.kind}${section.renamed ? ' renamed' : ''}`),
    ['collection modified renamed', 'sharing modified', 'old removed', 'new added']
  )
  assert.deepEqual(diff.sections[0]?.blocks[0]?.ops, [
    {type: 'equal', text: '我们会收集您的手机号码'},
    {type: 'insert', text: '和位置信息'},
    {type: 'equal', text: '。'}
  ])
  assert.equal(diff.counts.blocksChanged, 4)
})

test('diff prints a text redline by default', {skip: needsBuild}, () => {
  const run = policypress(['diff', 'v1.md', 'v2.md'], fixtures)
  assert.equal(run.code, 0, run.stderr)
  assert.match(run.stdout, /~ ## 一、收集\{\+和使用\+\}  #collection  \(renamed\)/)
  assert.match(run.stdout, /我们会收集您的手机号码\{\+和位置信息\+\}。/)
})

test('diff --format html prints a standalone page', {skip: needsBuild}, () => {
  const run = policypress(['diff', 'v1.md', 'v2.md', '--format', 'html'], fixtures)
  assert.equal(run.code, 0, run.stderr)
  assert.match(run.stdout, /^<!doctype html>/)
  assert.match(run.stdout, /<ins class="diff-ins">和位置信息<\/ins>/)
})

/** Arguments, expected message on stderr. */
const usage: Array<[string[], RegExp]> = [
  [['diff', 'v1.md', 'missing.md'], /Cannot read `missing\.md`/],
  [['diff', 'v1.md'], /missing required argument 'new'/],
  [['diff', 'v1.md', 'v2.md', '--format', 'pdf'], /Allowed choices are html, json, text|Allowed choices are text, json, html/]
]

for (const [args, message] of usage) {
  test(`diff ${args.slice(1).join(' ')} is a usage error: exit 2, a message, no stack trace`, {skip: needsBuild}, () => {
    const run = policypress(args, fixtures)
    assert.equal(run.code, 2)
    assert.match(run.stderr, message)
    assert.doesNotMatch(run.stderr, /\bat .+:\d+:\d+\)/)
    assert.equal(run.stdout, '')
  })
}

test('a file nested too deep to read is a content error with its place, not an empty version', {skip: needsBuild}, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policypress-diff-deep-'))
  fs.writeFileSync(path.join(dir, 'old.md'), '## 一、收集 {#collection}\n\n我们收集手机号码。\n')
  fs.writeFileSync(path.join(dir, 'new.md'), `## 一、收集 {#collection}\n\n${'> '.repeat(5000)}我们收集手机号码。\n`)
  const run = policypress(['diff', 'old.md', 'new.md'], dir)
  assert.equal(run.code, 1, run.stdout)
  assert.match(run.stderr, /new\.md:3:\d+/)
  assert.match(run.stderr, /content-nesting/)
  assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace')
  assert.equal(run.stdout, '')
})
