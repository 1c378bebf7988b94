/**
 * A Markdown numbered list (`1.` `2.` at the start of lines) is numbered by the page, not by the author:
 * items written `1.` `2.` `4.` show as 1, 2, 3. A policy's item numbers are legal text that others cite,
 * so the guide has them written as text (`- 1\. …`). A list whose numbers would change is an error at
 * the first item shown differently; one that would show as written is a warning, since its numbers are
 * still not text (a diff would not show them change).
 */
import {visit} from 'unist-util-visit'
import {report} from '../messages.js'
import {fileOf, type PolicyContext} from './context.js'

/** Report numbered lists: an error where a number would be shown differently, else a warning. */
export function checkOrderedLists(context: PolicyContext): void {
  visit(context.tree, 'list', (list) => {
    if (!list.ordered) return
    const file = fileOf(context, list)
    const source = String(file.value)
    const first = list.start ?? 1
    for (const [index, item] of list.children.entries()) {
      const offset = item.position?.start.offset
      if (offset === undefined) continue
      const written = /^\d+/.exec(source.slice(offset, offset + 12))?.[0]
      if (written === undefined || Number(written) === first + index) continue
      report(
        file,
        `Unexpected item number \`${written}.\` shown as ${first + index}: the page numbers a list by itself; write \`- ${written}\\. …\` to keep the policy's number`,
        'ordered-list',
        item.position?.start
      )
      return
    }
    const example = `${first}`
    report(file, `Unexpected numbered list: its numbers are not part of the text; write \`- ${example}\\. …\` to keep them as the policy's own`, 'ordered-list', list.position?.start, 'warning')
  })
}
