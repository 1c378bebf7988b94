/**
 * Replace reference links (`[text][label]` with `[label]: url`) by plain links, so every block can be
 * rendered and diffed on its own without the definitions elsewhere in the document.
 */
import type {Root, Definition, Link} from 'mdast'
import {visit} from 'unist-util-visit'

/** Resolve link references in `tree` to links, in place. */
export function resolveReferences(tree: Root): void {
  const definitions = new Map<string, Definition>()
  visit(tree, 'definition', (definition) => {
    const key = definition.identifier.toLowerCase()
    if (!definitions.has(key)) definitions.set(key, definition)
  })
  visit(tree, 'linkReference', (node, index, parent) => {
    if (!parent || index === undefined) return
    const definition = definitions.get(node.identifier.toLowerCase())
    if (!definition) return
    const link: Link = {type: 'link', url: definition.url, title: definition.title ?? null, children: node.children}
    if (node.position) link.position = node.position
    if (node.data) link.data = node.data
    parent.children[index] = link
  })
}
