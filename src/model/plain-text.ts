/**
 * Plain text of syntax-tree nodes as a reader sees it: inline content run together, blocks, list
 * items and table cells separated by a newline (cells by a tab), so sentences never merge across blocks.
 */
import type {Nodes} from 'mdast'

const blockParents = new Set(['root', 'blockquote', 'list', 'listItem', 'table', 'footnoteDefinition'])

/** The plain text of `node`. */
export function plainText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
    case 'code':
      return node.value
    case 'break':
      return '\n'
    case 'html':
    case 'yaml':
    case 'definition':
    case 'image':
    case 'imageReference':
      return ''
    case 'tableRow':
      return node.children.map(plainText).join('\t')
    default:
      break
  }
  if (!('children' in node)) return ''
  const parts = (node.children as Nodes[]).map(plainText)
  return parts.join(blockParents.has(node.type) ? '\n' : '')
}
