/**
 * A line meant as a heading that the parser took for text: no space after the `#` marks (easy to miss
 * before a Chinese character), full-width `＃` from a Chinese input method, or more than six marks. The
 * section would silently drop out of the table of contents and lose its anchor: report the line.
 */
import {visit} from 'unist-util-visit'
import {location} from 'vfile-location'
import {report} from '../messages.js'
import {fileOf, type PolicyContext} from './context.js'

/** Report each line of a paragraph that looks like a heading the parser did not take as one. */
export function checkHeadingMarks(context: PolicyContext): void {
  visit(context.tree, 'paragraph', (node) => {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) return
    const file = fileOf(context, node)
    const text = String(file.value).slice(start, end)
    const place = location(file)
    for (const line of text.matchAll(/^[^\S\r\n]*(.*)$/gm)) {
      const written = line[1]!
      const why = headingMistake(written)
      if (!why) continue
      const shown = written.length > 24 ? `${written.slice(0, 24)}…` : written
      const offset = start + line.index! + line[0].length - written.length
      report(file, `Unexpected \`${shown}\` as text: ${why}`, 'heading-malformed', place.toPoint(offset) ?? node.position?.start)
    }
  })
}

function headingMistake(line: string): string | undefined {
  // `#话题#` is a hashtag, not a heading.
  if (/^#{1,6}[^\s#]/.test(line) && !/^#[^#\s]+#/.test(line)) return 'a heading needs a space after its `#` marks'
  if (/^＃/.test(line)) return 'a heading is written with ASCII `#`, not full-width `＃`'
  if (/^#{7,}\s/.test(line)) return 'a heading has at most six `#` marks'
  return undefined
}
