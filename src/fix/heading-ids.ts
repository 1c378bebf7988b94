/**
 * `check --fix`: write missing heading ids into the source, changing nothing else.
 *
 * An id is derived from the section's number path: the parent's id, a hyphen, and the heading's own
 * number (`一、` → `section-1`; its `（二）` → `section-1-2`). Headings without a number get a slug of their
 * title. Ids already in the file are never changed.
 */
import type {Heading} from 'mdast'
import GithubSlugger from 'github-slugger'
import {visit} from 'unist-util-visit'
import type {VFile} from 'vfile'
import {isValidId} from '../model/ids.js'
import {plainText} from '../model/plain-text.js'
import {parseMarkdown} from '../parse/processor.js'
import {headingNumber} from './numbering.js'

/** One insertion into a file. */
export interface IdFix {
  /** Offset in the file where ` {#id}` goes. */
  offset: number
  id: string
  line: number
}

/** The ids to add to `file`, in source order. Pure: `file` is not changed. */
export function planHeadingIds(file: VFile): IdFix[] {
  const tree = parseMarkdown(file)
  const headings: Heading[] = []
  const text = String(file.value)
  visit(tree, 'heading', (heading) => {
    // Text over a `---` line is a heading to Markdown, but rarely to its author (check says so): no id.
    const offset = heading.position?.start.offset
    if (offset !== undefined && text[offset] !== '#') return
    headings.push(heading)
  })
  const taken = new Set(headings.map((h) => h.data?.id).filter((id): id is string => id !== undefined))
  const slugger = new GithubSlugger()
  const stack: Array<{depth: number; id: string | undefined}> = []
  const fixes: IdFix[] = []
  let counter = 0
  for (const heading of headings) {
    while (stack.length > 0 && (stack.at(-1)?.depth ?? 0) >= heading.depth) stack.pop()
    const parent = stack.at(-1)?.id
    let id = heading.data?.id
    if (id === undefined && heading.data?.idMalformed === undefined) {
      id = unique(deriveId(heading, parent, slugger, () => ++counter), taken)
      taken.add(id)
      const last = heading.children.at(-1)
      const offset = last?.position?.end.offset ?? heading.position?.end.offset
      if (offset !== undefined) fixes.push({offset, id, line: heading.position?.start.line ?? 0})
    }
    stack.push({depth: heading.depth, id})
  }
  return fixes
}

/** Apply `fixes` to `text`. */
export function applyHeadingIds(text: string, fixes: IdFix[]): string {
  let result = text
  for (const fix of [...fixes].sort((a, b) => b.offset - a.offset)) {
    result = `${result.slice(0, fix.offset)} {#${fix.id}}${result.slice(fix.offset)}`
  }
  return result
}

function deriveId(heading: Heading, parent: string | undefined, slugger: GithubSlugger, next: () => number): string {
  const title = plainText(heading).trim()
  // A malformed parent id would make every derived id malformed too.
  if (parent !== undefined && !isValidId(parent)) parent = undefined
  const number = headingNumber(title)
  if (number !== undefined) return `${parent ?? 'section'}-${number}`
  // An id is an anchor in every link to the section: a long title gives its first words, not all of it.
  const slug = [...slugger.slug(title).replace(/-+/g, '-')].slice(0, maxSlugLength).join('').replace(/^[-_]+|[-_]+$/g, '')
  if (slug && isValidId(slug)) return parent ? `${parent}-${slug}` : slug
  return `${parent ?? 'section'}-${next()}`
}

/** Most characters a title gives a derived id. */
const maxSlugLength = 32

function unique(id: string, taken: Set<string>): string {
  if (!taken.has(id)) return id
  let n = 2
  while (taken.has(`${id}-${n}`)) n++
  return `${id}-${n}`
}
