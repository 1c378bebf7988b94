/**
 * Diff two versions of a policy document: sections aligned by id, blocks aligned within sections, moves
 * found across the document, word diffs only where a block changed. Pure: returns plain data.
 *
 * Three passes: plan (align sections, then the blocks of each section), moves (match blocks removed in
 * one place with blocks added in another), and build (word diffs, change records, counts).
 */
import type {Block, PolicyDocument} from '../model/types.js'
import type {BlockChange, BlockPlace, BlockSide, DiffCounts, DiffOp, DocumentDiff, SectionChange, SectionSide, VersionInfo} from './types.js'
import {diffSchemaVersion} from './types.js'
import {alignBlocks, matchMoves, type AlignOptions} from './align.js'
import {alignSections, type SectionAlignOptions, type SectionNode, type SectionPair} from './sections.js'
import {TextIndex} from './similarity.js'
import {diffText, type WordDiffOptions} from './words.js'
import {deletedCharacters, insertedCharacters, replaced, unchanged} from './ops.js'

/** Options of `diffDocuments`: thresholds and bounds (see each option for its default). */
export interface DiffOptions extends AlignOptions, SectionAlignOptions, WordDiffOptions {}

/**
 * The difference between `old` and `next`, two versions of one policy document.
 *
 * Blocks with empty text (thematic breaks, raw HTML, images) are left out: they carry nothing a reader
 * could compare. Defaults: blocks in the same place are one block modified when ≥ 0.5 alike (≥ 0.3 when
 * alone in their gap), a block elsewhere is moved when ≥ 0.9 alike, sections pair by id only, and each
 * word diff is bounded by a work budget of 4 000 000 (see `DiffOptions`).
 */
export function diffDocuments(old: PolicyDocument, next: PolicyDocument, options: DiffOptions = {}): DocumentDiff {
  const plan = new Plan(new TextIndex(), options)
  const preamble = plan.blocks(old.preamble, null, next.preamble, null, true)
  const sections = alignSections(old.sections, next.sections, plan.index, options).map((pair) => plan.section(pair))
  plan.findMoves()
  const build = new Build(options)
  return {
    schemaVersion: diffSchemaVersion,
    from: versionOf(old),
    to: versionOf(next),
    preamble: build.blocks(preamble),
    sections: sections.map((section) => build.section(section)),
    counts: build.counts
  }
}

/** A block of one version with its index in its section's `blocks`. */
interface Placed {
  block: Block
  index: number
  section: string | null
}

/** A block removed here and added there, once found. */
interface Move {
  old: Placed
  new: Placed
  /** Word diff, computed once for both places. */
  ops?: DiffOp[] | undefined
}

type Removed = {type: 'removed'; old: Placed; move?: Move}
type Added = {type: 'added'; new: Placed; move?: Move}

/** A block change before moves are known and word diffs are run. */
type Slot = {type: 'equal' | 'modified'; old: Placed; new: Placed} | Removed | Added

/** A section with the plan of its blocks. */
interface PlannedSection {
  pair: SectionPair
  slots: Slot[]
  children: PlannedSection[]
}

/** Pass 1 and 2: align blocks section by section, keeping every removed and added block for moves. */
class Plan {
  private readonly removed: Removed[] = []
  private readonly added: Added[] = []

  constructor(
    readonly index: TextIndex,
    private readonly options: DiffOptions
  ) {}

  /** Plan a section pair and its subsections. */
  section(pair: SectionPair): PlannedSection {
    const slots = this.blocks(
      pair.old?.section.blocks ?? [],
      pair.old?.section.id ?? null,
      pair.new?.section.blocks ?? [],
      pair.new?.section.id ?? null,
      pair.old !== null && pair.new !== null
    )
    return {pair, slots, children: pair.children.map((child) => this.section(child))}
  }

  /** Plan the blocks of one section; blocks of a section in one version only are all removed or added. */
  blocks(oldBlocks: Block[], oldId: string | null, newBlocks: Block[], newId: string | null, paired: boolean): Slot[] {
    const left = placed(oldBlocks, oldId)
    const right = placed(newBlocks, newId)
    const steps = paired
      ? alignBlocks(left.map((p) => p.block.text), right.map((p) => p.block.text), this.index, this.options)
      : [...left.map((_, o) => ({type: 'removed' as const, old: o})), ...right.map((_, n) => ({type: 'added' as const, new: n}))]
    return steps.map((step): Slot => {
      if (step.type === 'removed') return this.keep(this.removed, {type: 'removed', old: left[step.old]!})
      if (step.type === 'added') return this.keep(this.added, {type: 'added', new: right[step.new]!})
      return {type: step.type, old: left[step.old]!, new: right[step.new]!}
    })
  }

  /** Link each removed block that reappears elsewhere with its new place. */
  findMoves(): void {
    const pairs = matchMoves(
      this.removed.map((slot) => ({text: slot.old.block.text})),
      this.added.map((slot) => ({text: slot.new.block.text})),
      this.index,
      this.options
    )
    for (const [r, a] of pairs) {
      const move: Move = {old: this.removed[r]!.old, new: this.added[a]!.new}
      this.removed[r]!.move = move
      this.added[a]!.move = move
    }
  }

  private keep<T extends Slot>(list: T[], slot: T): T {
    list.push(slot)
    return slot
  }
}

/** Pass 3: word diffs and change records, counting as it goes. */
class Build {
  readonly counts: DiffCounts = {
    sectionsAdded: 0,
    sectionsRemoved: 0,
    sectionsModified: 0,
    sectionsMoved: 0,
    sectionsRenamed: 0,
    blocksChanged: 0,
    charactersInserted: 0,
    charactersDeleted: 0
  }
  private readonly words: WordDiffOptions

  constructor(options: DiffOptions) {
    this.words = {budget: options.budget, timeout: options.timeout}
  }

  /** The change records of planned blocks. A move is counted at its new place only. */
  blocks(slots: Slot[]): BlockChange[] {
    return slots.map((slot) => {
      const change = this.block(slot)
      if (change.kind !== 'equal' && !(change.kind === 'moved' && change.side === 'from')) {
        this.counts.blocksChanged++
        this.tally(change.ops)
      }
      return change
    })
  }

  /** The change record of a planned section and its subsections. */
  section(planned: PlannedSection): SectionChange {
    const {pair} = planned
    const blocks = this.blocks(planned.slots)
    const children = planned.children.map((child) => this.section(child))
    const ownChange = blocks.some((block) => block.kind !== 'equal')
    const base = {moved: pair.moved, blocks, children, changed: pair.moved || ownChange || children.some((child) => child.changed)}
    if (pair.old && pair.new) {
      const old = sideOf(pair.old)
      const next = sideOf(pair.new)
      const renamed = old.title !== next.title
      const titleOps = this.title(old.title, next.title)
      if (ownChange) this.counts.sectionsModified++
      if (pair.moved) this.counts.sectionsMoved++
      if (renamed) this.counts.sectionsRenamed++
      const changed = base.changed || renamed || old.id !== next.id
      return {...base, id: next.id, depth: next.depth, kind: ownChange ? 'modified' : 'unchanged', renamed, titleOps, changed, old, new: next}
    }
    if (pair.new) {
      const next = sideOf(pair.new)
      this.counts.sectionsAdded++
      return {...base, id: next.id, depth: next.depth, kind: 'added', renamed: false, titleOps: this.title('', next.title), changed: true, old: null, new: next}
    }
    const old = sideOf(pair.old!)
    this.counts.sectionsRemoved++
    return {...base, id: old.id, depth: old.depth, kind: 'removed', renamed: false, titleOps: this.title(old.title, ''), changed: true, old, new: null}
  }

  private block(slot: Slot): BlockChange {
    switch (slot.type) {
      case 'equal':
        return {kind: 'equal', old: sideOfBlock(slot.old), new: sideOfBlock(slot.new), ops: unchanged(slot.new.block.text)}
      case 'modified':
        return {kind: 'modified', old: sideOfBlock(slot.old), new: sideOfBlock(slot.new), ops: diffText(slot.old.block.text, slot.new.block.text, this.words)}
      case 'removed':
      case 'added': {
        const {move} = slot
        if (move) {
          move.ops ??= diffText(move.old.block.text, move.new.block.text, this.words)
          const side = slot.type === 'removed' ? 'from' : 'to'
          return {kind: 'moved', side, from: placeOf(move.old), to: placeOf(move.new), old: sideOfBlock(move.old), new: sideOfBlock(move.new), ops: move.ops}
        }
        return slot.type === 'removed'
          ? {kind: 'removed', old: sideOfBlock(slot.old), ops: replaced(slot.old.block.text, '')}
          : {kind: 'added', new: sideOfBlock(slot.new), ops: replaced('', slot.new.block.text)}
      }
    }
  }

  private title(old: string, text: string): DiffOp[] {
    const ops = diffText(old, text, this.words)
    this.tally(ops)
    return ops
  }

  private tally(ops: DiffOp[]): void {
    this.counts.charactersInserted += insertedCharacters(ops)
    this.counts.charactersDeleted += deletedCharacters(ops)
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
  return {id: node.section.id, title: node.section.title, depth: node.section.depth, parent: node.parent?.section.id ?? null, position: node.position}
}

function versionOf(document: PolicyDocument): VersionInfo {
  const {id, locale, path, title, version, updated, effective} = document
  return {id, locale, path, title, version, updated, effective}
}
