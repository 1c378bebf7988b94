/**
 * Plain, serializable data of a policy diff: what changed between two versions of a document.
 *
 * Every text change is lossless: joining the `equal` and `delete` ops of a change gives exactly the old
 * text, joining the `equal` and `insert` ops gives exactly the new text. Renderers (terminal, HTML,
 * notices) read only these types; nothing here knows about HTML.
 */
import type {Block} from '../model/types.js'

/** Version of the `DocumentDiff` JSON shape; bumped when a field changes meaning. */
export const diffSchemaVersion = 1

/** One run of text in a redline. */
export interface DiffOp {
  type: 'equal' | 'insert' | 'delete'
  text: string
}

/** One side of a block change: the block as it reads in one version. */
export interface BlockSide {
  /** The mdast node type (`paragraph`, `list`, `table` …). */
  kind: Block['kind']
  /** The block's plain text (`Block.text`). */
  text: string
}

/** Where a block stands in one version: its section (`null` for the preamble) and its index there. */
export interface BlockPlace {
  /** Section id, or `null` for the blocks before the first heading. */
  section: string | null
  /** Index in that section's `blocks` (or the preamble) of that version. */
  index: number
}

/** A block that reads the same in both versions. `ops` is one `equal` op (none for empty text). */
export interface EqualBlock {
  kind: 'equal'
  old: BlockSide
  new: BlockSide
  ops: DiffOp[]
}

/** A block whose text changed in place; `ops` is its word diff. */
export interface ModifiedBlock {
  kind: 'modified'
  old: BlockSide
  new: BlockSide
  ops: DiffOp[]
}

/** A block only in the new version; `ops` is one `insert` op. */
export interface AddedBlock {
  kind: 'added'
  new: BlockSide
  ops: DiffOp[]
}

/** A block only in the old version; `ops` is one `delete` op. */
export interface RemovedBlock {
  kind: 'removed'
  old: BlockSide
  ops: DiffOp[]
}

/**
 * A block that left one place and arrived at another, identical or nearly so (`ops` is its word diff).
 *
 * A move is listed twice, at both places, with the same data: `side: 'from'` stands where the block was
 * (a page shows a link to `to.section` there), `side: 'to'` where it is now. Counts take the `to` entry.
 */
export interface MovedBlock {
  kind: 'moved'
  side: 'from' | 'to'
  from: BlockPlace
  to: BlockPlace
  old: BlockSide
  new: BlockSide
  ops: DiffOp[]
}

/** What happened to one block. */
export type BlockChange = EqualBlock | ModifiedBlock | AddedBlock | RemovedBlock | MovedBlock

/** One side of a section change: the section as it stands in one version. */
export interface SectionSide {
  /** Section id in that version (differs from the other side only when paired by content). */
  id: string
  /** Plain-text title, numbering included. */
  title: string
  /** Heading depth, 2–6. */
  depth: number
  /** Id of the parent section, `null` for a chapter. */
  parent: string | null
  /** Index among its parent's children. */
  position: number
}

/** Fields every section change has. */
interface SectionChangeBase {
  /** The section id (`{#id}`) in the new version (the old one for a removed section). */
  id: string
  /** Heading depth in the new version (the old one for a removed section). */
  depth: number
  /** Same id under another parent, or out of order among the siblings both versions share. */
  moved: boolean
  /** The title changed; `titleOps` shows how. */
  renamed: boolean
  /** Word diff of the title (one `equal` op when unchanged, one `insert`/`delete` when added/removed). */
  titleOps: DiffOp[]
  /** Whether anything in this section or below it changed (blocks, titles, moves, subsections). */
  changed: boolean
  /** The section's own blocks, in new order; removed blocks stand where they were. */
  blocks: BlockChange[]
  /** Subsections, in new order; removed ones stand where they were. */
  children: SectionChange[]
}

/** A section only in the new version (its blocks are `added`, or `moved` in). */
export interface AddedSection extends SectionChangeBase {
  kind: 'added'
  old: null
  new: SectionSide
}

/** A section only in the old version (its blocks are `removed`, or `moved` out). */
export interface RemovedSection extends SectionChangeBase {
  kind: 'removed'
  old: SectionSide
  new: null
}

/**
 * A section in both versions: `modified` when one of its own blocks changed, else `unchanged` (which
 * may still be `moved`, `renamed`, or have changed subsections).
 */
export interface KeptSection extends SectionChangeBase {
  kind: 'modified' | 'unchanged'
  old: SectionSide
  new: SectionSide
}

/** What happened to one section. */
export type SectionChange = AddedSection | RemovedSection | KeptSection

/** Front matter of one version, as a diff header shows it. */
export interface VersionInfo {
  id: string
  locale: string
  path: string
  title: string
  version: string
  updated: string
  effective: string
}

/** How much changed, for summaries and notices. */
export interface DiffCounts {
  sectionsAdded: number
  sectionsRemoved: number
  /** Sections in both versions with a changed block of their own. */
  sectionsModified: number
  sectionsMoved: number
  sectionsRenamed: number
  /** Blocks modified, added, removed or moved (a move counts once). */
  blocksChanged: number
  /** Characters (Unicode code points) inserted, in blocks and titles. */
  charactersInserted: number
  /** Characters (Unicode code points) deleted, in blocks and titles. */
  charactersDeleted: number
}

/** The difference between two versions of a policy document. */
export interface DocumentDiff {
  schemaVersion: typeof diffSchemaVersion
  from: VersionInfo
  to: VersionInfo
  /** Blocks before the first heading. */
  preamble: BlockChange[]
  /** Chapters in new order, removed ones where they were; subsections nest in `children`. */
  sections: SectionChange[]
  counts: DiffCounts
}
