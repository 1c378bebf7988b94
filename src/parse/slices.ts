/**
 * Long Markdown parsed in slices. micromark keeps every token of a text until the text is done: a policy
 * of a megabyte holds ~150 MB of tokens at once, and collecting them costs more than making them. Cut at
 * places where no construct can run on, the slices parse to exactly the nodes the whole text parses to,
 * with a fraction of the memory, in about two thirds of the time.
 *
 * A cut goes after a blank line, before a line that starts a heading or a paragraph at its very start
 * (`#`, or a letter: never a space, a list marker, `>`, `<`, `|`, `:` …). A blank line ends paragraphs,
 * tables and HTML blocks of kinds 6 and 7; an unindented line after it ends lists, quotes and indented
 * code (only indented lines continue them, and a list marker would continue the list). What could still
 * run on, or reach across slices, stops all cutting (rare in policies): fenced code and math (`` ``` ``,
 * `~~~`, `$$`), HTML blocks that end at a closing tag (`<script`, `<pre`, `<style`, `<textarea`, `<!--`,
 * `<?`, `<!X`), container directives (`:::`), link reference definitions and footnotes (`]:`), and an
 * unclosed front matter fence.
 */
import type {Root, RootContent} from 'mdast'
import type {Point, Position} from 'unist'

/** Anything that could run on past a blank line and a heading, or reach across slices. */
const spansSlices = /`{3}|~{3}|\$\$|:::|\]:|<(?:script|pre|style|textarea)(?=[\s/>]|$)|<!|<\?/i

/** Where the front matter ends (after its closing fence), when the text starts with one. */
const frontmatterEnd = /^---[ \t]*(?:\r?\n|\r)(?:[^]*?(?:\r?\n|\r))?---[ \t]*(?:\r?\n|\r|$)/

/** A blank line, then a line starting with `#` or a letter: the cut goes there (capture 1 ends where it starts). */
const cutPlace = /((?:\r\n|\n|\r(?!\n))[ \t]*(?:\r\n|\n|\r(?!\n)))(?=[#\p{L}])/gu

/**
 * Offsets where `text` can be cut into slices of at least `length` UTF-16 units (the last may be
 * shorter); empty when it is shorter than two slices or holds anything that could span a cut.
 */
export function sliceOffsets(text: string, length: number): number[] {
  if (text.length < 2 * length || spansSlices.test(text)) return []
  let from = 0
  const bom = text.startsWith('\uFEFF') ? 1 : 0
  if (text.startsWith('---', bom)) {
    const end = frontmatterEnd.exec(text.slice(bom))
    if (!end) return []
    from = bom + end[0].length
  }
  const cuts: number[] = []
  let last = 0
  cutPlace.lastIndex = Math.max(from, length) - 1
  for (let match = cutPlace.exec(text); match; match = cutPlace.exec(text)) {
    const cut = match.index + match[1]!.length
    if (cut - last < length) {
      // Too close to the previous cut: look again one slice on.
      cutPlace.lastIndex = Math.max(cutPlace.lastIndex, last + length - 1)
      continue
    }
    if (text.length - cut < length / 2) break
    cuts.push(cut)
    last = cut
    cutPlace.lastIndex = cut + length - 1
  }
  return cuts
}

/**
 * Parse `text` slice by slice with `parse` (which reads a whole text) and join the results into the tree
 * of the whole text: every position is moved to where its slice sits.
 */
export function parseSlices(text: string, cuts: readonly number[], parse: (text: string) => Root): Root {
  // micromark counts offsets without a byte order mark.
  const bom = text.startsWith('\uFEFF') ? 1 : 0
  const children: RootContent[] = []
  const starts = [0, ...cuts]
  let line = 1
  let lineCounted = 0
  let position: Position | undefined
  for (const [index, start] of starts.entries()) {
    const end = starts[index + 1] ?? text.length
    line += lineEndings(text, lineCounted, start)
    lineCounted = start
    const tree = parse(text.slice(start, end))
    const moved = new Set<Point>()
    const move = (point: Point): void => {
      // Points may be shared between nodes: move each once.
      if (moved.has(point)) return
      moved.add(point)
      point.line += line - 1
      if (point.offset !== undefined) point.offset += start - (index > 0 ? bom : 0)
    }
    const walk = (node: {position?: Position | undefined; children?: unknown}): void => {
      if (node.position) {
        move(node.position.start)
        move(node.position.end)
      }
      if (Array.isArray(node.children)) for (const child of node.children) walk(child as typeof node)
    }
    walk(tree)
    children.push(...tree.children)
    position = tree.position && {start: position?.start ?? tree.position.start, end: tree.position.end}
  }
  return position ? {type: 'root', children, position} : {type: 'root', children}
}

/** Line endings (`\r\n`, `\n`, `\r`) in `text` from `from` to `to`. */
function lineEndings(text: string, from: number, to: number): number {
  let count = 0
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index)
    if (code === 10 || (code === 13 && text.charCodeAt(index + 1) !== 10)) count++
  }
  return count
}
