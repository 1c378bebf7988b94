/**
 * The seed policy against a copy with 50 scattered edits: every block lossless, every edit found, and
 * nothing else reported.
 */
import {test} from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {documentFromMarkdown} from '../../src/diff/markdown.js'
import {diffDocuments} from '../../src/diff/document.js'
import {newText, oldText} from '../../src/diff/ops.js'
import type {BlockChange, DocumentDiff, SectionChange} from '../../src/diff/types.js'
import {root} from '../cli/run.js'
import {scatterEdits} from './scattered-edits.js'

const seedPath = path.join(root, 'content', 'privacy', 'zh-CN', 'index.md')

/** Every block change of `diff`, preamble first, in reading order. */
function allBlockChanges(diff: DocumentDiff): BlockChange[] {
  const result = [...diff.preamble]
  const walk = (section: SectionChange): void => {
    result.push(...section.blocks)
    section.children.forEach(walk)
  }
  diff.sections.forEach(walk)
  return result
}

const seed = fs.readFileSync(seedPath, 'utf8')
const edited = scatterEdits(seed, 50, 20230920)
const diff = diffDocuments(documentFromMarkdown(seed, 'old.md'), documentFromMarkdown(edited.text, 'new.md'))
const changes = allBlockChanges(diff)

test('the generator made 50 edits on distinct lines', () => {
  assert.equal(edited.edits.length, 50)
  assert.equal(new Set(edited.edits.map((edit) => edit.line)).size, 50)
})

test('every block of the seed diff is lossless', () => {
  for (const change of changes) {
    if (change.kind !== 'added') assert.equal(oldText(change.ops), change.old.text)
    if (change.kind !== 'removed') assert.equal(newText(change.ops), change.new.text)
  }
})

test('every insertion is found as inserted text, every deletion as deleted text', () => {
  const inserted = changes.flatMap((change) => change.ops.filter((op) => op.type === 'insert').map((op) => op.text))
  const deleted = changes.flatMap((change) => change.ops.filter((op) => op.type === 'delete').map((op) => op.text))
  // A replaced clause and its replacement both end in `，`, which stays unchanged: compare without it.
  const core = (text: string) => text.replace(/[，；]$/, '')
  const missing = edited.edits.filter(
    (edit) =>
      (edit.inserted && !inserted.some((text) => text.includes(core(edit.inserted)))) ||
      (edit.deleted && !deleted.some((text) => text.includes(core(edit.deleted))))
  )
  assert.deepEqual(missing, [])
})

test('only edited blocks changed: no section or block added, removed or moved', () => {
  const kinds = new Set(changes.map((change) => change.kind))
  assert.deepEqual([...kinds].sort(), ['equal', 'modified'])
  const edits = new Set(edited.edits.map((edit) => edit.line))
  const modified = changes.filter((change) => change.kind === 'modified')
  // Edits on lines of the same list are one block.
  assert.ok(modified.length <= edits.size && modified.length >= edits.size - 5, `${modified.length} modified blocks for ${edits.size} edits`)
  assert.equal(diff.counts.sectionsAdded + diff.counts.sectionsRemoved + diff.counts.sectionsMoved + diff.counts.sectionsRenamed, 0)
})
