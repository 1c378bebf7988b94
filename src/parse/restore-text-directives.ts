/**
 * Put text directives back as the text the author wrote.
 *
 * remark-directive reads an ASCII colon before a letter (`邮箱:privacy@example.com`, `Note:see`) as a
 * text directive. Policy text has no text directives, so each one becomes a text node holding its exact
 * source, and neighbouring text nodes are merged so later passes (bare links) see the whole run.
 */
import type {Root, Parent, PhrasingContent, Text} from 'mdast'
import type {VFile} from 'vfile'
import {visit} from 'unist-util-visit'

const directiveStart = /:(?=[^\s\p{P}!-/:-@[-`{-~])/u

/** Replace every text directive with its source text. */
export function remarkRestoreTextDirectives() {
  return function (tree: Root, file: VFile): void {
    const source = String(file.value)
    // A text directive starts with a colon before anything but white space or punctuation (remark-directive's
    // name): without one in the source, there is nothing to restore.
    if (!directiveStart.test(source)) return
    const parents = new Set<Parent>()
    visit(tree, 'textDirective', function (node, index, parent) {
      if (!parent || index === undefined) return
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      const value =
        start !== undefined && end !== undefined ? source.slice(start, end) : `:${node.name}`
      const text: Text = {type: 'text', value}
      if (node.position) text.position = node.position
      parent.children[index] = text
      parents.add(parent)
    })
    for (const parent of parents) mergeText(parent)
  }
}

function mergeText(parent: Parent): void {
  const merged: PhrasingContent[] = []
  for (const child of parent.children as PhrasingContent[]) {
    const previous = merged.at(-1)
    if (child.type === 'text' && previous && previous.type === 'text') {
      previous.value += child.value
      if (previous.position && child.position) previous.position.end = child.position.end
    } else {
      merged.push(child)
    }
  }
  parent.children = merged
}
