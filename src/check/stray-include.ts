/**
 * An `::include` written inside a paragraph is not a directive to the parser and would be published as
 * literal text; report it where it stands.
 */
import {visit} from 'unist-util-visit'
import {location} from 'vfile-location'
import {report} from '../messages.js'
import {fileOf, type PolicyContext} from './context.js'

/**
 * Report each `::include{…}` left in running text, and each one typed with full-width colons
 * (`：：include`), where it is written. An escaped `\:\:include` is the author asking for the literal
 * text, and is not reported.
 */
export function checkStrayIncludes(context: PolicyContext): void {
  visit(context.tree, 'text', (node) => {
    if (!/[:：][:：]include/.test(node.value) || node.position?.start.offset === undefined || node.position.end.offset === undefined) return
    const file = fileOf(context, node)
    const start = node.position.start.offset
    // The node's own source: a later `::include` elsewhere in the file is not this one.
    const written = String(file.value).slice(start, node.position.end.offset)
    for (const match of written.matchAll(/[:：][:：]include/g)) {
      const place = location(file).toPoint(start + match.index) ?? node.position.start
      // Typed with a Chinese input method, the colons are full-width: the clause would silently vanish.
      const reason = match[0].startsWith('::')
        ? 'Unexpected `::include` inside a paragraph, expected it on a line of its own'
        : `Unexpected \`${match[0]}\` with full-width colons, expected \`::include\` with ASCII colons on a line of its own`
      report(file, reason, 'directive-unknown', place)
    }
  })
}
