import {test} from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {VFile} from 'vfile'
import {report, ruleHints, type RuleId} from '../src/messages.js'

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..')
const authoring = fs.readFileSync(path.join(root, 'docs', 'authoring.md'), 'utf8')

test('every message links to a section of the rule reference that exists', () => {
  const message = report(new VFile({path: 'content/policypress.yaml'}), 'Unexpected key `colour`', 'config-invalid', {line: 2, column: 1})
  assert.equal(message.url, 'docs/authoring.md#config-invalid')
  // GitHub and the docs site make `### rule-id` into the anchor `#rule-id`.
  const sections = new Set([...authoring.matchAll(/^### ([a-z0-9-]+)$/gm)].map((match) => match[1]))
  const missing = (Object.keys(ruleHints) as RuleId[]).filter((rule) => !sections.has(rule))
  assert.deepEqual(missing, [], 'rules without a `### rule-id` section in docs/authoring.md')
})

test('every rule has a hint that says what to do, in one line', () => {
  for (const [rule, hint] of Object.entries(ruleHints)) {
    assert.match(hint, /^[A-Z`].*[.)]$/, rule)
    assert.ok(!hint.includes('\n'), rule)
  }
})
