/**
 * An `::include` written inside a paragraph is not a directive to the parser and would be published as
 * literal text; report it where it stands.
 */
import {visit} from 'unist-util-visit'
import {location} from 'vfile-location'
import {report} from '../messages.js'
import {fileOf, type PolicyContext} from './context.js'

/**
 * Report each `::include{…}` left in running text, where it is written. An escaped `\:\:include` is
 * the author asking for the literal text, and is not reported.
 */
export function checkStrayIncludes(context: PolicyContext): void {
  visit(context.tree, 'text', (node) => {
    if (!node.value.includes('::include') || node.position?.start.offset === undefined || node.position.end.offset === undefined) return
    const file = fileOf(context, node)
    const start = node.position.start.offset
    // The node's own source: a later `::include` elsewhere in the file is not this one.
    const written = String(file.value).slice(start, node.position.end.offset)
    for (let found = written.indexOf('::include'); found !== -1; found = written.indexOf('::include', found + 1)) {
      const place = location(file).toPoint(start + found) ?? node.position.start
      report(file, 'Unexpected `::include` inside a paragraph, expected it on a line of its own', 'directive-unknown', place)
    }
  })
}
