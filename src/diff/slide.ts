/**
 * Slide a lone insertion or deletion to the most readable of its equivalent places.
 *
 * Inserting `。\n3. 位置` between `邮箱` and `。` and inserting `\n3. 位置。` after `邮箱。` give the same
 * text; a reader sees the second as "a line was added". A diff may return either, so each pure insertion
 * or deletion between unchanged text is moved, token by token, to the place whose two edges fall on
 * the strongest boundaries: text edge, line break, end of sentence, white space, punctuation, word.
 */

/** One run of tokens of a raw diff. */
export interface TokenRun {
  type: 'equal' | 'insert' | 'delete'
  tokens: string[]
}

/** Slide every lone insertion or deletion in `runs` (mutated in place) to its most readable place. */
export function slideRuns(runs: TokenRun[]): void {
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!
    if (run.type === 'equal') continue
    const before = runs[i - 1]
    const after = runs[i + 1]
    // Only a lone change can slide: a deletion next to an insertion is a replacement, fixed in place.
    if (before && before.type !== 'equal') continue
    if (after && after.type !== 'equal') continue
    slide(before?.tokens ?? [], run.tokens, after?.tokens ?? [])
  }
}

/** Slide `change` between `left` and `right` (all mutated), keeping the texts the same. */
function slide(left: string[], change: string[], right: string[]): void {
  // As far left as it goes…
  while (left.length > 0 && left.at(-1) === change.at(-1)) {
    right.unshift(change.pop()!)
    change.unshift(left.pop()!)
  }
  // …then step right, remembering the best place (the rightmost among equals).
  let best = score(left.at(-1), change[0]) + score(change.at(-1), right[0])
  let bestShift = 0
  const moves: string[] = []
  for (let k = 0; k < right.length && right[k] === change[k % change.length]; k++) {
    moves.push(right[k]!)
    const shifted = [...change.slice(moves.length % change.length), ...change.slice(0, moves.length % change.length)]
    const leftEdge = moves.at(-1)
    const rightEdge = right[k + 1]
    const value = score(leftEdge, shifted[0]) + score(shifted.at(-1), rightEdge)
    if (value >= best) {
      best = value
      bestShift = moves.length
    }
  }
  if (bestShift === 0) return
  // Rotate: the first `bestShift` tokens of `right` join `left`; `change` rotates by the same count.
  const moved = right.splice(0, bestShift)
  left.push(...moved)
  const rotation = bestShift % change.length
  change.push(...change.splice(0, rotation))
}

/** How good a place the boundary between tokens `a` and `b` is for a change to start or end. */
function score(a: string | undefined, b: string | undefined): number {
  if (a === undefined || b === undefined) return 6
  if (/[\r\n]$/.test(a) || /^[\r\n]/.test(b)) return 5
  if (/[。；！？.;!?]$/.test(a)) return 4
  if (/^\s|\s$/.test(a) || /^\s/.test(b)) return 3
  if (/^[\p{P}\p{S}]/u.test(b) || /[\p{P}\p{S}]$/u.test(a)) return 2
  return 1
}
