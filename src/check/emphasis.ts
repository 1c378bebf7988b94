/**
 * Bold marks key clauses (PIPL asks for sensitive-information clauses to stand out). A `**` the parser
 * did not take as bold is published as two asterisks and the clause is not highlighted: report it.
 *
 * CommonMark does not open bold between a Latin letter or digit and punctuation (`SDK**“设备信息”**`),
 * nor close it the other way round; remark-cjk-friendly lifts this for CJK punctuation such as `《》`
 * and `（）`, but curly quotes `“”` `‘’` are not CJK punctuation to it.
 */
import {visit} from 'unist-util-visit'
import {location} from 'vfile-location'
import {report} from '../messages.js'
import {fileOf, type PolicyContext} from './context.js'

/** Report each `**` that is left in the text, where it is written; an escaped `\*\*` is literal on purpose. */
export function checkUnmatchedStrong(context: PolicyContext): void {
  visit(context.tree, 'text', (node) => {
    if (!/\*\*|＊＊/.test(node.value) || node.position?.start.offset === undefined || node.position.end.offset === undefined) return
    const file = fileOf(context, node)
    const start = node.position.start.offset
    // The node's own source, where escapes are still visible.
    const written = String(file.value).slice(start, node.position.end.offset)
    for (const match of written.matchAll(/(?<!\\)\*\*+|＊＊+/g)) {
      const place = location(file).toPoint(start + match.index) ?? node.position.start
      // Full-width asterisks come from a Chinese input method; they never make bold.
      const reason = match[0].startsWith('＊')
        ? `Unexpected full-width \`${match[0]}\` shown as text, expected ASCII \`**\` for bold`
        : `Unexpected \`${match[0]}\` shown as text: it does not start or end bold here`
      report(file, reason, 'strong-unmatched', place)
    }
  })
}
