/**
 * A terminal redline of a `DocumentDiff`, like `git diff --word-diff`: `[-deleted-]{+inserted+}` inline,
 * one header per section that holds a change (`+` added, `-` removed, `~` changed, blank for context),
 * and a note where a block or section moved. Unchanged blocks are left out.
 */
import type {BlockChange, DiffCounts, DiffOp, DocumentDiff, SectionChange, VersionInfo} from './types.js'

/** Format `diff` as plain text for a terminal or a review email; ends without a newline. */
export function formatDiffText(diff: DocumentDiff): string {
  const lines: string[] = [
    `policypress diff: ${diff.to.title}`,
    `  from ${describeVersion(diff.from)}`,
    `  to   ${describeVersion(diff.to)}`,
    `  ${describeCounts(diff.counts)}`
  ]
  const preamble = diff.preamble.filter((block) => block.kind !== 'equal')
  if (preamble.length > 0) {
    lines.push('', '~ (before the first heading)')
    lines.push(...formatBlocks(preamble))
  }
  const walk = (section: SectionChange): void => {
    if (!section.changed) return
    lines.push('', ...formatHeading(section))
    lines.push(...formatBlocks(section.blocks))
    section.children.forEach(walk)
  }
  diff.sections.forEach(walk)
  return lines.join('\n')
}

/** Ops as inline word-diff text: `[-deleted-]` and `{+inserted+}` around changed runs. */
export function inlineRedline(ops: readonly DiffOp[]): string {
  return ops.map((op) => (op.type === 'equal' ? op.text : op.type === 'delete' ? `[-${op.text}-]` : `{+${op.text}+}`)).join('')
}

/** One line of counts: `sections: 2 added, 1 removed · 5 blocks changed · +120 −40 characters`, or `No changes.` */
export function describeCounts(counts: DiffCounts): string {
  const sections = [
    [counts.sectionsAdded, 'added'],
    [counts.sectionsRemoved, 'removed'],
    [counts.sectionsModified, 'modified'],
    [counts.sectionsMoved, 'moved'],
    [counts.sectionsRenamed, 'renamed']
  ] as const
  const parts = sections.filter(([count]) => count > 0).map(([count, what]) => `${count} ${what}`)
  if (parts.length === 0 && counts.blocksChanged === 0) return 'No changes.'
  const blocks = `${counts.blocksChanged} block${counts.blocksChanged === 1 ? '' : 's'} changed`
  const characters = `+${counts.charactersInserted} −${counts.charactersDeleted} characters`
  return [parts.length > 0 ? `sections: ${parts.join(', ')}` : undefined, blocks, characters].filter(Boolean).join(' · ')
}

function describeVersion(version: VersionInfo): string {
  const dates = [version.updated && `updated ${version.updated}`, version.effective && `effective ${version.effective}`].filter(Boolean)
  return `${version.version}${dates.length > 0 ? ` (${dates.join(', ')})` : ''}  ${version.path}`
}

function formatHeading(section: SectionChange): string[] {
  const marker = section.kind === 'added' ? '+' : section.kind === 'removed' ? '-' : section.kind === 'modified' || section.moved || section.renamed ? '~' : ' '
  const title = section.kind === 'added' || section.kind === 'removed' ? (section.new ?? section.old).title : inlineRedline(section.titleOps)
  const notes: string[] = []
  if (section.kind === 'added') notes.push('added')
  if (section.kind === 'removed') notes.push('removed')
  if (section.renamed) notes.push('renamed')
  if (section.old && section.new && section.old.id !== section.new.id) notes.push(`id was #${section.old.id}`)
  if (section.moved && section.old && section.new) {
    notes.push(section.old.parent === section.new.parent ? 'moved among its siblings' : `moved from ${section.old.parent ? `under #${section.old.parent}` : 'the top level'}`)
  }
  const note = notes.length > 0 ? `  (${notes.join('; ')})` : ''
  return [`${marker} ${'#'.repeat(section.depth)} ${title}  #${section.id}${note}`]
}

/** The changed blocks of a section; blocks moved in one after another from one place share a note. */
function formatBlocks(blocks: readonly BlockChange[]): string[] {
  const lines: string[] = []
  let movedFrom: string | null | undefined
  for (const block of blocks) {
    const arriving = block.kind === 'moved' && block.side === 'to' ? block.from.section : undefined
    if (arriving !== undefined && arriving !== movedFrom) lines.push(`  < moved here from ${where(arriving)}:`)
    movedFrom = arriving
    lines.push(...formatBlock(block))
  }
  return lines
}

function formatBlock(block: BlockChange): string[] {
  switch (block.kind) {
    case 'equal':
      return []
    case 'moved':
      if (block.side === 'from') return [`  > moved to ${where(block.to.section)}: ${excerpt(block.old.text)}`]
      return indent(inlineRedline(block.ops), '  < ')
    case 'added':
      return indent(inlineRedline(block.ops), '  + ')
    case 'removed':
      return indent(inlineRedline(block.ops), '  - ')
    case 'modified':
      return indent(inlineRedline(block.ops), '  ~ ')
  }
}

/** Every line of `text` indented, the first with `first`, the rest aligned under it. */
function indent(text: string, first: string): string[] {
  const pad = ' '.repeat(first.length)
  return text.split(/\r\n|\n|\r/).map((line, i) => `${i === 0 ? first : pad}${line}`)
}

function where(section: string | null): string {
  return section === null ? 'the text before the first heading' : `#${section}`
}

function excerpt(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  const characters = [...line]
  return characters.length > 40 ? `${characters.slice(0, 40).join('')}…` : line
}
