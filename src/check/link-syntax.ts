/**
 * A link written with full-width parentheses (`[联系我们]（#contact）`) or a space before the
 * parenthesis (`[联系我们] (#contact)`) is not a link to the parser: the brackets and the target would
 * be published as text, and the reader could not follow it. Report it where it is written.
 */
import {visit} from 'unist-util-visit'
import {location} from 'vfile-location'
import {report} from '../messages.js'
import {fileOf, type PolicyContext} from './context.js'

/** `](`-like joins that did not make a link: a full-width `（`, or space before `(`, then a link target. */
const brokenLink = /\]([^\S\r\n]*（|[^\S\r\n]+\()[^\S\r\n]*(?:#|https?:\/\/|mailto:|tel:|\.{0,2}\/|[^\s()（）]+\.md\b)[^\s()（）]*[)）]?/g

/** Report each link that did not become one because of its parenthesis. */
export function checkLinkSyntax(context: PolicyContext): void {
  // The whole block's source: a bare address after `（` is a link of its own, splitting the text.
  visit(context.tree, (node) => {
    if (node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'tableCell') return
    if (node.position?.start.offset === undefined || node.position.end.offset === undefined) return
    const file = fileOf(context, node)
    const start = node.position.start.offset
    const written = String(file.value).slice(start, node.position.end.offset)
    if (!/\][^\S\r\n]*[（(]/.test(written)) return
    for (const match of written.matchAll(brokenLink)) {
      const place = location(file).toPoint(start + match.index) ?? node.position.start
      const why = match[1]!.includes('（') ? 'a full-width `（`' : 'a space before `(`'
      report(file, `Unexpected \`${match[0]}\` as text: ${why} keeps this from being a link`, 'link-malformed', place)
    }
  })
}
