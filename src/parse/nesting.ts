/**
 * A guard against Markdown nested so deep that parsing it would exhaust the stack (a list or quote
 * thousands of levels deep). Runs on the text before the parser: the depth each line reaches is
 * estimated from its list and quote markers, plus the indentation that carries it into the containers
 * of the lines above.
 */

/** Deepest nesting of lists and block quotes a file may have. */
export const maxNesting = 100

/** Where a line first goes deeper than the limit. */
export interface NestingProblem {
  line: number
  column: number
}

/** The first place `text` nests lists and quotes deeper than `limit`, or `undefined`. */
export function excessNesting(text: string, limit = maxNesting): NestingProblem | undefined {
  let depth = 0
  let line = 1
  for (let start = 0; start <= text.length; line++) {
    const newline = text.indexOf('\n', start)
    const end = newline === -1 ? text.length : newline
    let index = start
    let columns = 0
    while (index < end && (text[index] === ' ' || text[index] === '\t')) columns += text[index++] === '\t' ? 4 : 1
    if (index < end) {
      // Indentation only continues containers that are open: at most the depth of the line above.
      let reached = Math.min(Math.floor(columns / 2), depth)
      while (index < end) {
        const marker = markerLength(text, index, end)
        if (marker === 0) break
        reached++
        if (reached > limit) return {line, column: index - start + 1}
        index += marker
        while (index < end && (text[index] === ' ' || text[index] === '\t')) index++
      }
      depth = reached
    }
    if (newline === -1) break
    start = newline + 1
  }
  return undefined
}

/** Length of a quote or list marker at `index` (`>`, `-`, `*`, `+`, `1.`, `1)`), or 0. */
function markerLength(text: string, index: number, end: number): number {
  const char = text[index]
  if (char === '>') return 1
  const spaceAfter = (at: number) => at >= end || text[at] === ' ' || text[at] === '\t'
  if ((char === '-' || char === '*' || char === '+') && spaceAfter(index + 1)) return 1
  let digits = index
  while (digits < end && digits - index < 9 && text[digits]! >= '0' && text[digits]! <= '9') digits++
  if (digits > index && (text[digits] === '.' || text[digits] === ')') && spaceAfter(digits + 1)) return digits - index + 1
  return 0
}
