/**
 * An `::include` written inside a paragraph is not a directive to the parser and would be published as
 * literal text; report it where it stands.
 */
import {visit} from 'unist-util-visit'
import {location} from 'vfile-location'
import {report} from '../messages.js'
import {fileOf, type PolicyContext} from './context.js'

/** Report `::include{…}` left in running text. */
export function checkStrayIncludes(context: PolicyContext): void {
  visit(context.tree, 'text', (node) => {
    const index = node.value.indexOf('::include')
    if (index === -1 || !node.position) return
    const file = fileOf(context, node)
    const source = String(file.value)
    const start = node.position.start.offset ?? 0
    const found = source.indexOf('::include', start)
    const place = found === -1 ? node.position.start : (location(file).toPoint(found) ?? node.position.start)
    report(file, 'Unexpected `::include` inside a paragraph, expected it on a line of its own', 'directive-unknown', place)
  })
}
