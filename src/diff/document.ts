/**
 * Diff two versions of a policy document: sections aligned by id, blocks aligned within sections, moves
 * found across the document, word diffs only where a block changed. Pure: returns plain data.
 */
import type {Block, PolicyDocument} from '../model/types.js'
import type {
  BlockChange,
  BlockPlace,
  BlockSide,
  DiffCounts,
  DiffOp,
  DocumentDiff,
  SectionChange,
  SectionSide,
  VersionInfo
} from './types.js'
import {diffSchemaVersion} from './types.js'
import {alignBlocks, matchMoves, type AlignOptions} from './align.js'
import {alignSections, type SectionAlignOptions, type SectionNode, type SectionPair} from './sections.js'
import {TextIndex} from './similarity.js'
import {diffText, type WordDiffOptions} from './words.js'
import {deletedCharacters, hasChanges, insertedCharacters, replaced, unchanged} from './ops.js'

/** Options of `diffDocuments`: thresholds and bounds (see each option for its default). */
export interface DiffOptions extends AlignOptions, SectionAlignOptions, WordDiffOptions {}

/** A block of one version with its index in its section's `blocks`. */
interface Placed {
  block: Block
  index: number
  section: string | null
}

/** A block change before moves are known and word diffs are run. */
type Slot =
  | {type: 'equal' | 'modified'; old: Placed; new: Placed}
  | {type: 'removed'; old: Placed; move?: Move}
  | {type: 'added'; new: Placed; move?: Move}

interface Move {
  old: Placed
  new: Placed
  ops?: DiffOp[]
}

/**
 * The difference between `old` and `next`, two versions of one policy document.
 *
 * Blocks with empty text (thematic breaks, raw HTML, images) are left out: they carry nothing a reader
 * could compare. Defaults: modified ≥ 0.5 similar, moved ≥ 0.9, sections paired by content ≥ 0.5, word
 * diffs bounded by a work budget of 4 000 000 (see `DiffOptions`).
 */
export function diffDocuments(old: PolicyDocument, next: PolicyDocument, options: DiffOptions = {}): DocumentDiff {
  const index = new TextIndex()
  const removed: Array<Extract<Slot, {type: 'removed'}>> = []
  const added: Array<Extract<Slot, {type: 'added'}>> = []
  const planBlocks = (oldBlocks: Block[], oldId: string | null, newBlocks: Block[], newId: string | null, paired: boolean): Slot[] => {
    const left = placed(oldBlocks, oldId)
    const right = placed(newBlocks, newId)
    const steps = paired
      ? alignBlocks(left.map((p) => p.block.text), right.map((p) => p.block.text), index, options)
      : [...left.map((_, o) => ({type: 'removed' as const, old: o})), ...right.map((_, n) => ({type: 'added' as const, new: n}))]
    return steps.map((step): Slot => {
      if (step.type === 'removed') {
        const slot = {type: step.type, old: left[step.old]!}
        removed.push(slot)
        return slot
      }
      if (step.type === 'added') {
        const slot = {type: step.type, new: right[step.new]!}
        added.push(slot)
        return slot
      }
      return {type: step.type, old: left[step.old]!, new: right[step.new]!}
    })
  }

  const preamble = planBlocks(old.preamble, null, next.preamble, null, true)
  const plan = (pair: SectionPair): PlannedSection => ({
    pair,
    slots: planBlocks(pair.old?.section.blocks ?? [], pair.old?.section.id ?? null, pair.new?.section.blocks ?? [], pair.new?.section.id ?? null, pair.old !== null && pair.new !== null),
    children: pair.children.map(plan)
  })
  const sections = alignSections(old.sections, next.sections, index, options).map(plan)

  const moves = matchMoves(removed.map((slot) => ({text: slot.old.block.text})), added.map((slot) => ({text: slot.new.block.text})), index, options)
  for (const [r, a] of moves) {
    const move: Move = {old: removed[r]!.old, new: added[a]!.new}
    removed[r]!.move = move
    added[a]!.move = move
  }

  const words: WordDiffOptions = {budget: options.budget, timeout: options.timeout}
  const counts: DiffCounts = {
    sectionsAdded: 0,
    sectionsRemoved: 0,
    sectionsModified: 0,
    sectionsMoved: 0,
    sectionsRenamed: 0,
    blocksChanged: 0,
    charactersInserted: 0,
    charactersDeleted: 0
  }
  const tally = (ops: DiffOp[]): void => {
    counts.charactersInserted += insertedCharacters(ops)
    counts.charactersDeleted += deletedCharacters(ops)
  }
  const blockChanges = (slots: Slot[]): BlockChange[] =>
    slots.map((slot) => {
      const change = toBlockChange(slot, words)
      if (change.kind === 'equal' || (change.kind === 'moved' && change.side === 'from')) return change
      counts.blocksChanged++
      tally(change.ops)
      return change
    })
  const sectionChange = (planned: PlannedSection): SectionChange => {
    const {pair} = planned
    const blocks = blockChanges(planned.slots)
    const children = planned.children.map(sectionChange)
    const base = {
      moved: pair.moved,
      blocks,
      children,
      changed: pair.moved || blocks.some((block) => block.kind !== 'equal') || children.some((child) => child.changed)
    }
    if (pair.old && pair.new) {
      const oldSide = sideOf(pair.old)
      const newSide = sideOf(pair.new)
      const renamed = oldSide.title !== newSide.title
      const titleOps = diffText(oldSide.title, newSide.title, words)
      tally(titleOps)
      const modified = blocks.some((block) => block.kind !== 'equal')
      if (modified) counts.sectionsModified++
      if (pair.moved) counts.sectionsMoved++
      if (renamed) counts.sectionsRenamed++
      return {
        ...base,
        id: newSide.id,
        depth: newSide.depth,
        kind: modified ? 'modified' : 'unchanged',
        renamed,
        titleOps,
        changed: base.changed || renamed || oldSide.id !== newSide.id,
        old: oldSide,
        new: newSide
      }
    }
    if (pair.new) {
      const newSide = sideOf(pair.new)
      const titleOps = replaced('', newSide.title)
      tally(titleOps)
      counts.sectionsAdded++
      return {...base, id: newSide.id, depth: newSide.depth, kind: 'added', renamed: false, titleOps, changed: true, old: null, new: newSide}
    }
    const oldSide = sideOf(pair.old!)
    const titleOps = replaced(oldSide.title, '')
    tally(titleOps)
    counts.sectionsRemoved++
    return {...base, id: oldSide.id, depth: oldSide.depth, kind: 'removed', renamed: false, titleOps, changed: true, old: oldSide, new: null}
  }

  return {
    schemaVersion: diffSchemaVersion,
    from: versionOf(old),
    to: versionOf(next),
    preamble: blockChanges(preamble),
    sections: sections.map(sectionChange),
    counts
  }
}

interface PlannedSection {
  pair: SectionPair
  slots: Slot[]
  children: PlannedSection[]
}

function toBlockChange(slot: Slot, words: WordDiffOptions): BlockChange {
  switch (slot.type) {
    case 'equal':
      return {kind: 'equal', old: sideOfBlock(slot.old), new: sideOfBlock(slot.new), ops: unchanged(slot.new.block.text)}
    case 'modified':
      return {kind: 'modified', old: sideOfBlock(slot.old), new: sideOfBlock(slot.new), ops: diffText(slot.old.block.text, slot.new.block.text, words)}
    case 'removed':
    case 'added': {
      const {move} = slot
      if (move) {
        move.ops ??= diffText(move.old.block.text, move.new.block.text, words)
        const side = slot.type === 'removed' ? 'from' : 'to'
        return {kind: 'moved', side, from: placeOf(move.old), to: placeOf(move.new), old: sideOfBlock(move.old), new: sideOfBlock(move.new), ops: move.ops}
      }
      return slot.type === 'removed'
        ? {kind: 'removed', old: sideOfBlock(slot.old), ops: replaced(slot.old.block.text, '')}
        : {kind: 'added', new: sideOfBlock(slot.new), ops: replaced('', slot.new.block.text)}
    }
  }
}

/** Blocks a reader can compare: those with text. */
function placed(blocks: Block[], section: string | null): Placed[] {
  const result: Placed[] = []
  blocks.forEach((block, index) => {
    if (block.text !== '') result.push({block, index, section})
  })
  return result
}

function sideOfBlock(placed: Placed): BlockSide {
  return {kind: placed.block.kind, text: placed.block.text}
}

function placeOf(placed: Placed): BlockPlace {
  return {section: placed.section, index: placed.index}
}

function sideOf(node: SectionNode): SectionSide {
  return {
    id: node.section.id,
    title: node.section.title,
    depth: node.section.depth,
    parent: node.parent?.section.id ?? null,
    position: node.position
  }
}

function versionOf(document: PolicyDocument): VersionInfo {
  const {id, locale, path, title, version, updated, effective} = document
  return {id, locale, path, title, version, updated, effective}
}

/** Whether a block change alters text (anything but `equal`, and a move that is not word for word). */
export function changesText(change: BlockChange): boolean {
  return change.kind !== 'equal' && (change.kind !== 'moved' || hasChanges(change.ops))
}
