/**
 * A policy document → the body HTML and table of contents that layouts show.
 */
import type {Block, PolicyDocument, Section} from '../model/types.js'
import {escapeHtml, renderNodes, type LinkRewriter} from './html.js'

/** One table-of-contents entry. */
export interface TocEntry {
  id: string
  title: string
  href: string
  children: TocEntry[]
}

/** Options for rendering a document body. */
export interface BodyOptions {
  /** Maps link urls for the page being rendered. */
  rewrite: LinkRewriter
  /** Accessible label of heading permalinks; no permalinks when `undefined`. */
  permalinkLabel?: string | undefined
  /** Accessible label of the scrollable region around a table (default `Table`). */
  tableLabel?: string | undefined
}

/** Render the body of `document`: preamble, then nested `<section>`s with their headings. */
export function renderBody(document: PolicyDocument, options: BodyOptions): string {
  const parts = [renderBlocks(document.preamble, document.path, options)]
  for (const section of document.sections) parts.push(renderSection(section, document.path, options))
  return parts.join('')
}

/** The table of contents of `document`, down to `maxDepth` (default 4: chapters, sections, items). */
export function tableOfContents(document: PolicyDocument, maxDepth = 4): TocEntry[] {
  const walk = (sections: Section[]): TocEntry[] =>
    sections.map((section) => ({
      id: section.id,
      title: section.title,
      href: `#${section.id}`,
      children: section.depth < maxDepth ? walk(section.children) : []
    }))
  return walk(document.sections)
}

function renderSection(section: Section, file: string, options: BodyOptions): string {
  const tag = `h${section.depth}`
  const id = escapeHtml(section.id)
  const title = renderNodes(section.titleContent, section.place.file ?? file, options.rewrite)
  const permalink =
    options.permalinkLabel === undefined
      ? ''
      : `<a class="permalink" href="#${id}" aria-label="${escapeHtml(`${options.permalinkLabel}: ${section.title}`)}">#</a>`
  const children = section.children.map((child) => renderSection(child, file, options)).join('')
  return (
    `<section class="section" data-depth="${section.depth}">` +
    `<${tag} id="${id}">${title}${permalink}</${tag}>` +
    renderBlocks(section.blocks, file, options) +
    children +
    '</section>'
  )
}

function renderBlocks(blocks: Block[], file: string, options: BodyOptions): string {
  return blocks
    .map((block) => {
      const html = renderNodes([block.node], block.place.file ?? file, options.rewrite)
      // A wide table scrolls inside a keyboard-reachable region instead of widening the page.
      if (block.kind !== 'table') return html
      const label = escapeHtml(options.tableLabel ?? 'Table')
      return `<div class="table-wrap" role="region" tabindex="0" aria-label="${label}">${html}</div>`
    })
    .join('')
}
