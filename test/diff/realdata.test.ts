/**
 * Real version histories (../shared/realdata): every consecutive pair of captures diffs losslessly,
 * block by block and title by title. Skipped, with the reason, when ../shared is absent.
 */
import {test} from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {diffMarkdownDocuments, readMarkdown} from '../../src/diff/markdown.js'
import {newText, oldText} from '../../src/diff/ops.js'
import type {DocumentDiff, SectionChange} from '../../src/diff/types.js'
import {root} from '../cli/run.js'

const realdata = path.join(root, '..', 'shared', 'realdata')
const histories = ['threads', 'zh/xuexi', 'zh/douban']

/** Every place in `diff` where ops do not give back their texts. */
function lossy(diff: DocumentDiff): string[] {
  const problems: string[] = []
  const check = (where: string, ops: Parameters<typeof oldText>[0], old: string | undefined, text: string | undefined): void => {
    if (old !== undefined && oldText(ops) !== old) problems.push(`${where}: old text`)
    if (text !== undefined && newText(ops) !== text) problems.push(`${where}: new text`)
  }
  const blocks = (where: string, section: {blocks: DocumentDiff['preamble']}): void => {
    section.blocks.forEach((block, i) => {
      check(`${where} block ${i}`, block.ops, block.kind === 'added' ? undefined : block.old.text, block.kind === 'removed' ? undefined : block.new.text)
    })
  }
  blocks('preamble', {blocks: diff.preamble})
  const walk = (section: SectionChange): void => {
    check(`#${section.id} title`, section.titleOps, section.old?.title, section.new?.title)
    blocks(`#${section.id}`, section)
    section.children.forEach(walk)
  }
  diff.sections.forEach(walk)
  return problems
}

for (const history of histories) {
  const folder = path.join(realdata, history)
  test(`every consecutive pair of ${history} diffs losslessly`, (t) => {
    if (!fs.existsSync(folder)) {
      t.skip(`${path.join('..', 'shared', 'realdata')} is absent`)
      return
    }
    const files = fs.readdirSync(folder).filter((name) => name.endsWith('.md')).sort()
    assert.ok(files.length >= 2, `expected a history in ${folder}`)
    // Each capture is read once and compared with the one before it.
    const read = (name: string) => readMarkdown(fs.readFileSync(path.join(folder, name), 'utf8'), `${history}/${name}`)
    let previous = read(files[0]!)
    for (const name of files.slice(1)) {
      const current = read(name)
      const diff = diffMarkdownDocuments(previous, current)
      assert.deepEqual(lossy(diff), [], `${previous.document.path} → ${current.document.path}`)
      previous = current
    }
  })
}
