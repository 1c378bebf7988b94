/**
 * Heading rules: depth (`##` for chapters, no skipped levels) and ids (present, well-formed, unique).
 */
import type {Heading} from 'mdast'
import {visit} from 'unist-util-visit'
import {isValidId} from '../model/ids.js'
import {report} from '../messages.js'
import {fileOf, sourcePathOf, type PolicyContext} from './context.js'

/** Check every heading of the policy; returns the set of valid, unique ids. */
export function checkHeadings(context: PolicyContext): Set<string> {
  const seen = new Map<string, Heading>()
  let previousDepth = 1
  visit(context.tree, 'heading', function (heading) {
    const file = fileOf(context, heading)
    // A line of text with `---` or `===` right under it is a heading to Markdown (a "setext" heading).
    // Meant as a rule, it would turn the text into a heading; `check --fix` would even give it an id.
    const offset = heading.position?.start.offset
    if (offset !== undefined && String(file.value)[offset] !== '#') {
      const end = heading.position?.end.offset ?? offset
      const underline = /[-=]+\s*$/.exec(String(file.value).slice(offset, end))?.[0].trim() ?? '---'
      report(file, `Unexpected \`${underline}\` right under a line of text, which makes the text a heading: leave a blank line above it for a rule, or write the heading with \`##\``, 'heading-malformed', heading.position?.start)
      return
    }
    if (heading.depth === 1) {
      report(file, 'Unexpected level-1 heading (`#`), expected `##` for a chapter: the title comes from front matter', 'heading-depth', heading.position)
    } else if (heading.depth > previousDepth + 1) {
      report(
        file,
        `Unexpected heading level ${heading.depth} after level ${previousDepth}, expected level ${previousDepth + 1} at most`,
        'heading-depth',
        heading.position,
        'warning'
      )
    }
    previousDepth = Math.max(heading.depth, 2)

    const data = heading.data ?? {}
    const idPlace = data.idStart ?? heading.position?.start
    if (data.idMalformed !== undefined) {
      report(file, `Unexpected heading attributes \`${data.idMalformed}\`, expected \`{#id}\``, 'heading-id-malformed', idPlace)
      return
    }
    const id = data.id
    if (id === undefined) {
      report(file, 'Missing heading id, expected `{#id}` at the end of the heading', 'heading-id-missing', heading.position?.start)
      return
    }
    if (!isValidId(id)) {
      report(file, `Unexpected id \`${id}\`, expected lowercase letters, digits and Chinese characters joined by single \`-\` or \`_\``, 'heading-id-malformed', idPlace)
      return
    }
    const first = seen.get(id)
    if (first) {
      const where = `${sourcePathOf(context, first)}:${first.position?.start.line ?? '?'}`
      report(file, `Unexpected duplicate id \`${id}\` (first used at ${where}), expected unique ids`, 'heading-id-duplicate', idPlace)
      return
    }
    seen.set(id, heading)
  })
  return new Set(seen.keys())
}
