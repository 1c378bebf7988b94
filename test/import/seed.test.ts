/**
 * Round trip of the seed: importing the original text builds, keeps every sentence, and gives the same
 * chapters (`##`) and sections (`###`) as the hand-polished published version. Skipped, with the
 * reason, when ../shared is absent.
 */
import {test} from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {importPolicy} from '../../src/import/index.js'
import {compileContent} from '../../src/compile.js'
import {contentFromFiles} from '../../src/load/content.js'
import {documentText} from '../../src/model/build.js'
import {root} from '../cli/run.js'

const shared = path.join(root, '..', 'shared')
const seedPath = path.join(shared, 'seeds', '000_9ee2085b346bf7ea.txt')
const reference = path.join(root, 'archive', 'privacy', '2023-09-20', 'privacy', 'zh-CN', 'index.md')
const squash = (text: string) => text.replace(/\s+/g, '')

/** Headings of `level` (2 = `##`) as written, ids and white space removed. */
function headings(markdown: string, levels: RegExp): string[] {
  return markdown
    .split('\n')
    .filter((line) => levels.test(line))
    .map((line) => squash(line.replace(/^#+\s*/, '').replace(/\s*\{#[^}]*\}\s*$/, '')))
}

test('the seed imports into content that builds, keeps every sentence and matches the reference chapters and sections', async (t) => {
  if (!fs.existsSync(shared)) {
    t.skip('../shared is absent')
    return
  }
  const seed = fs.readFileSync(seedPath, 'utf8')
  const result = await importPolicy({name: seedPath, data: seed}, {doc: 'privacy'})
  assert.deepEqual(result.problems, [])
  assert.deepEqual(result.lost, [])
  assert.deepEqual(result.meta, {id: 'privacy', title: '快手隐私政策', locale: 'zh-CN', version: '2023-09-20', updated: '2023-09-20', effective: '2023-09-27'})

  const compiled = compileContent(contentFromFiles(result.files))
  assert.equal(compiled.ok, true)
  const document = compiled.project.documents[0]
  assert.ok(document)
  // The same sentence split as test/content/fidelity.test.ts, independent of the importer's own check.
  const header = '快手隐私政策更新日期：2023年9月20日生效日期：2023年9月27日'
  const text = squash(documentText(document))
  const missing = (seed.match(/[^。；]+[。；]?/g) ?? [])
    .map((sentence) => squash(sentence))
    .filter((sentence) => sentence !== '')
    .map((sentence) => (sentence.startsWith(header) ? sentence.slice(header.length) : sentence))
    .filter((sentence) => !text.includes(sentence))
  assert.deepEqual(missing, [])

  const imported = result.files['privacy/zh-CN/index.md']!
  const polished = fs.readFileSync(reference, 'utf8')
  assert.deepEqual(headings(imported, /^##\s/), headings(polished, /^##\s/), 'chapters')
  assert.deepEqual(headings(imported, /^#{2,3}\s/), headings(polished, /^#{2,3}\s/), 'chapters and sections, in order')
  // The consent exceptions appear twice in the seed: one clause, included twice, as in the reference.
  assert.deepEqual(Object.keys(result.files), ['privacy/zh-CN/index.md', 'privacy/zh-CN/clauses/clause-1.md'])
  assert.equal(squash(result.files['privacy/zh-CN/clauses/clause-1.md']!), squash(fs.readFileSync(path.join(path.dirname(reference), 'clauses', 'consent-exceptions.md'), 'utf8')))
})
