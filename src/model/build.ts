/**
 * Model stage: turn a checked policy tree into a `PolicyDocument` of nested sections and blocks.
 */
import type {Root, RootContent, Heading} from 'mdast'
import type {Node} from 'unist'
import type {Block, PolicyDocument, PolicyMeta, Section, SourcePlace} from './types.js'
import {plainText} from './plain-text.js'

/**
 * Build the document model of the policy at `path` from its expanded tree.
 *
 * Headings without a valid id get a positional one (`section-3`) so a model can always be built; the
 * check stage has reported them as errors already, so such a model is never published.
 */
export function buildDocument(
  meta: PolicyMeta,
  path: string,
  tree: Root,
  metaPlaces: Record<string, SourcePlace> = {}
): PolicyDocument {
  const document: PolicyDocument = {...meta, path, preamble: [], sections: [], metaPlaces}
  const stack: Section[] = []
  let anonymous = 0
  for (const node of tree.children) {
    if (node.type === 'yaml' || node.type === 'definition') continue
    if (node.type === 'heading') {
      const depth = Math.max(2, node.depth)
      while (stack.length > 0 && (stack.at(-1)?.depth ?? 0) >= depth) stack.pop()
      const section: Section = {
        id: node.data?.id ?? `section-${++anonymous}`,
        title: plainText(node).trim(),
        titleContent: trimEnd(node).children,
        depth,
        blocks: [],
        children: [],
        place: placeOf(node, path)
      }
      const parent = stack.at(-1)
      if (parent) parent.children.push(section)
      else document.sections.push(section)
      stack.push(section)
      continue
    }
    const block = toBlock(node, path)
    const current = stack.at(-1)
    if (current) current.blocks.push(block)
    else document.preamble.push(block)
  }
  return document
}

/** Every section of `document`, depth first, in reading order. */
export function allSections(document: {sections: Section[]}): Section[] {
  const result: Section[] = []
  const walk = (sections: Section[]): void => {
    for (const section of sections) {
      result.push(section)
      walk(section.children)
    }
  }
  walk(document.sections)
  return result
}

/** The plain text of a whole document: titles and blocks in reading order, one per line. */
export function documentText(document: PolicyDocument): string {
  const lines = document.preamble.map((block) => block.text)
  for (const section of allSections(document)) {
    lines.push(section.title, ...section.blocks.map((block) => block.text))
  }
  return lines.join('\n')
}

function toBlock(node: RootContent, path: string): Block {
  return {kind: node.type, text: plainText(node), node, place: placeOf(node, path)}
}

function placeOf(node: Node, path: string): SourcePlace {
  return {
    file: node.data?.sourceFile ?? path,
    line: node.position?.start.line ?? 1,
    column: node.position?.start.column ?? 1
  }
}

/** The heading with trailing white space of its last text removed (left by `{#id}`). */
function trimEnd(heading: Heading): Heading {
  const children = heading.children.slice()
  const last = children.at(-1)
  if (last && last.type === 'text') {
    const value = last.value.trimEnd()
    if (value === '') children.pop()
    else children[children.length - 1] = {...last, value}
  }
  return {...heading, children}
}
