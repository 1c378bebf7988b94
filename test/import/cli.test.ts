/**
 * `policypress import` end to end, through the compiled binary: files written where they belong, a
 * report on stdout, existing files never overwritten without --force, usage errors exit 2.
 */
import {test} from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {policypress, root, workspace} from '../cli/run.js'

const fixtures = path.join(root, 'test', 'fixtures', 'import')

test('import writes the policy and its clauses, reports, and the result passes check', () => {
  const dir = workspace()
  const run = policypress(['import', path.join(fixtures, 'policy.html'), '--doc', 'privacy'], dir)
  assert.equal(run.code, 0, run.stderr)
  assert.deepEqual(fs.readdirSync(path.join(dir, 'content', 'privacy', 'en-US')).sort(), ['clauses', 'index.md'])
  assert.ok(fs.existsSync(path.join(dir, 'content', 'privacy', 'en-US', 'clauses', 'clause-1.md')))
  assert.match(run.stdout, /^Imported .*policy\.html \(html\) into content\/privacy\/en-US\/index\.md and 1 clause$/m)
  assert.match(run.stdout, /policy\.html:7:1 {2}dropped {2}Dropped <script>/)
  assert.match(run.stdout, /Check: ✓ no problems/)
  assert.match(run.stdout, /Text: ✓ every sentence of the input is in the output/)
  const check = policypress(['check', '--content', 'content'], dir)
  assert.equal(check.code, 0, check.stdout)
})

test('import refuses to overwrite an existing policy unless --force', () => {
  const dir = workspace()
  const input = path.join(fixtures, 'policy.txt')
  assert.equal(policypress(['import', input, '--doc', 'rules', '--out', 'site'], dir).code, 0)
  const target = path.join(dir, 'site', 'rules', 'zh-CN', 'index.md')
  fs.writeFileSync(target, 'edited by hand\n')
  const refused = policypress(['import', input, '--doc', 'rules', '--out', 'site'], dir)
  assert.equal(refused.code, 2)
  assert.match(refused.stderr, /Refusing to overwrite `site[\\/]rules[\\/]zh-CN[\\/]index\.md`.*--force/)
  assert.equal(fs.readFileSync(target, 'utf8'), 'edited by hand\n')
  const forced = policypress(['import', input, '--doc', 'rules', '--out', 'site', '--force'], dir)
  assert.equal(forced.code, 0, forced.stderr)
  assert.match(fs.readFileSync(target, 'utf8'), /^---\nid: rules\n/)
})

test('import --force names the clause files of an earlier import it leaves in place, and check warns of them', () => {
  const dir = workspace()
  const input = path.join(fixtures, 'policy.html')
  assert.equal(policypress(['import', input, '--doc', 'privacy'], dir).code, 0)
  const clauses = path.join(dir, 'content', 'privacy', 'en-US', 'clauses')
  // As if the earlier import had found two repeated blocks and this one finds only the first.
  fs.writeFileSync(path.join(clauses, 'clause-2.md'), 'A clause the new policy no longer has.\n')
  const forced = policypress(['import', input, '--doc', 'privacy', '--force'], dir)
  assert.equal(forced.code, 0, forced.stderr)
  assert.match(forced.stdout, /\nLeft as they were: 1 clause file this import did not write, which the new policy does not include; delete it if no longer needed:\n {2}content\/privacy\/en-US\/clauses\/clause-2\.md\n?$/)
  assert.ok(fs.existsSync(path.join(clauses, 'clause-2.md')), 'the author’s file is kept')
  const json = policypress(['import', input, '--doc', 'privacy', '--force', '--json'], dir)
  assert.deepEqual((JSON.parse(json.stdout) as {leftOver: string[]}).leftOver, ['privacy/en-US/clauses/clause-2.md'])
  const check = policypress(['check', '--content', 'content'], dir)
  assert.equal(check.code, 0, check.stdout)
  assert.match(check.stdout, /content\/privacy\/en-US\/clauses\/clause-2\.md:1:1 +warning +Unexpected clause that no policy includes: it is shown nowhere +content-unused/)
})

test('import --json prints a machine-readable report', () => {
  const dir = workspace()
  const run = policypress(['import', path.join(fixtures, 'policy.md'), '--json', '--locale', 'zh-CN'], dir)
  assert.equal(run.code, 0, run.stderr)
  const report = JSON.parse(run.stdout) as {schemaVersion: number; ok: boolean; meta: {id: string; locale: string}; written: string[]; notes: Array<{rule: string; place: unknown}>; lost: unknown[]}
  assert.equal(report.schemaVersion, 1)
  assert.equal(report.ok, true)
  assert.deepEqual(report.written, ['policy/zh-CN/index.md'])
  assert.deepEqual(report.lost, [])
  assert.ok(report.notes.some((note) => note.rule === 'import-dropped'))
})

test('usage errors exit 2 and write nothing', () => {
  const dir = workspace()
  const cases: Array<[string[], RegExp]> = [
    [['import', path.join(fixtures, 'missing.txt')], /Cannot read/],
    [['import', path.join(root, 'package.json')], /expected a \.txt, \.html, \.htm, \.md or \.docx file/],
    [['import', path.join(fixtures, 'policy.txt'), '--doc', 'Privacy Policy'], /Unexpected document id/],
    [['import', path.join(fixtures, 'policy.txt'), '--locale', 'chinese'], /Unexpected locale/],
    [['import'], /missing required argument/]
  ]
  for (const [args, message] of cases) {
    const run = policypress(args, dir)
    assert.equal(run.code, 2, args.join(' '))
    assert.match(run.stderr, message)
  }
  assert.equal(fs.existsSync(path.join(dir, 'content')), false)
})
