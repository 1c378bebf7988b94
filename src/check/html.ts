/**
 * Raw HTML and images have no place in legal text: both are errors at their position.
 */
import {visit} from 'unist-util-visit'
import {report} from '../messages.js'
import {fileOf, type PolicyContext} from './context.js'

/** Report raw HTML and images. */
export function checkHtml(context: PolicyContext): void {
  visit(context.tree, function (node) {
    if (node.type === 'html') {
      const value = node.value.length > 40 ? `${node.value.slice(0, 40)}…` : node.value
      report(fileOf(context, node), `Unexpected raw HTML \`${value}\`, expected Markdown`, 'no-html', node.position)
    } else if (node.type === 'image' || node.type === 'imageReference') {
      report(fileOf(context, node), 'Unexpected image, expected text', 'no-image', node.position)
    }
  })
}
