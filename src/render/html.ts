/**
 * Syntax tree → safe HTML. Every piece of author text passes through the sanitizer: Markdown is
 * untrusted input to HTML.
 */
import type {Nodes as MdastNodes, RootContent, PhrasingContent, Root} from 'mdast'
import type {Root as HastRoot} from 'hast'
import {toHast} from 'mdast-util-to-hast'
import {sanitize, defaultSchema, type Schema} from 'hast-util-sanitize'
import {toHtml} from 'hast-util-to-html'
import {visit} from 'unist-util-visit'

/** Maps a link `url` as written to the `href` of one output page. */
export type LinkRewriter = (url: string, fromFile: string) => string

/**
 * What the sanitizer lets through: GitHub's schema, plus `tel:` links, minus images. Policy text has no
 * images (the check reports them), and a published version is rendered even if today's check would flag
 * it, so an image must not reach a page: it would be a request to someone else's server.
 */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((name) => name !== 'img'),
  protocols: {...defaultSchema.protocols, href: ['http', 'https', 'mailto', 'tel']}
}

/**
 * Render mdast nodes to sanitized HTML.
 *
 * @param nodes blocks or phrasing content; not mutated.
 * @param file content-relative path the nodes were written in (links are relative to it).
 * @param rewrite maps link urls for the page being rendered.
 */
export function renderNodes(nodes: Array<RootContent | PhrasingContent>, file: string, rewrite: LinkRewriter): string {
  const root = {type: 'root', children: nodes} as Root
  // toHast builds new nodes, so links are rewritten there and the model is never mutated.
  const hast = toHast(root as MdastNodes) as HastRoot
  visit(hast, 'element', (element) => {
    if (element.tagName === 'a' && typeof element.properties['href'] === 'string') {
      element.properties['href'] = rewrite(element.properties['href'], file)
    }
  })
  const clean = sanitize(hast, sanitizeSchema)
  return toHtml(clean)
}

/** Escape text for an HTML text node or a double-quoted attribute. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
