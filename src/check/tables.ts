/**
 * A table whose separator row is missing or has the wrong number of cells is not a table to the
 * parser: every row would be published as a line of text full of `|`. Report it where it starts.
 */
import {visit} from 'unist-util-visit'
import {report} from '../messages.js'
import {fileOf, type PolicyContext} from './context.js'

/** Report each paragraph of two or more lines that all start with `|`: rows that did not make a table. */
export function checkBrokenTables(context: PolicyContext): void {
  visit(context.tree, 'paragraph', (node) => {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) return
    const file = fileOf(context, node)
    const lines = String(file.value).slice(start, end).split(/\r\n|\r|\n/)
    if (lines.length < 2 || !lines.every((line) => line.trimStart().startsWith('|'))) return
    const columns = lines[0]!.trim().replace(/^\||\|$/g, '').split(/(?<!\\)\|/).length
    const separator = `|${' --- |'.repeat(columns)}`
    report(file, `Unexpected rows of \`|\` cells that do not make a table: expected the separator row \`${separator}\` as the second line`, 'table-malformed', node.position)
  })
}
