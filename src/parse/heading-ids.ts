/**
 * Read `{#id}` from the end of each heading into `heading.data.id` and remove it from the text.
 *
 * Validation happens in the check stage; this plugin only records what was written and where.
 */
import type {Root, Heading} from 'mdast'
import type {VFile} from 'vfile'
import {SKIP, visit} from 'unist-util-visit'
import {location} from 'vfile-location'

// Full-width braces too: typed with a Chinese input method, `｛＃id｝` must be reported, not kept as title text.
const attributes = /[ \t]*([{｛])([^{}｛｝]*)[}｝][ \t]*$/

/** Move a trailing `{#id}` on headings into `data.id`. */
export function remarkHeadingIds() {
  return function (tree: Root, file: VFile): void {
    const place = location(file)
    visit(tree, function (node) {
      // Headings are flow content: nothing inside a paragraph, heading or table can be one.
      if (node.type === 'paragraph' || node.type === 'table') return SKIP
      if (node.type !== 'heading') return
      readId(node)
      return SKIP
    })

    function readId(heading: Heading): void {
      const last = heading.children.at(-1)
      if (!last || last.type !== 'text') return
      const match = attributes.exec(last.value)
      if (!match) return
      const inner = (match[2] ?? '').trim()
      const data = (heading.data ??= {})
      const written = match[0].trim()
      if (/^#[^\s#]+$/.test(inner) && written.startsWith('{') && written.endsWith('}')) data.id = inner.slice(1)
      else data.idMalformed = written
      // The text node ends at the closing brace, so the opening one is the last `{` before it.
      const end = last.position?.end.offset
      if (end !== undefined) {
        const brace = String(file.value).lastIndexOf(match[1] ?? '{', end - 1)
        if (brace >= 0) data.idStart = place.toPoint(brace)
      }
      last.value = last.value.slice(0, match.index)
      if (last.value === '') heading.children.pop()
    }
  }
}
