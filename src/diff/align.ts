/**
 * Block alignment: which block of the old version became which block of the new one.
 *
 * Within one section: blocks with identical text are matched first (longest common subsequence), then,
 * in each gap between those anchors, remaining blocks are paired in order by similarity (`modified`:
 * ≥ 0.5 alike, or ≥ 0.3 for the lone pair of a gap); the rest are `removed` or `added`. Across the
 * whole document, a block removed in one place and added, identical or nearly so (≥ 0.9), in another
 * is then recognised as moved (`matchMoves`). Similarity: see `similarity.ts`.
 */
import {diffArrays} from 'diff'
import type {TextIndex} from './similarity.js'

/** How one block of a section fares: indices are into the old and new block lists. */
export type BlockStep =
  | {type: 'equal'; old: number; new: number}
  | {type: 'modified'; old: number; new: number}
  | {type: 'removed'; old: number}
  | {type: 'added'; new: number}

/** Thresholds and bounds of alignment. */
export interface AlignOptions {
  /** Least similarity for two blocks in the same place to be one block, modified (default 0.5). */
  modifiedThreshold?: number | undefined
  /**
   * Least similarity for the only removed and the only added block between the same two unchanged
   * blocks to be one block, modified (default 0.3): standing in the same place is evidence too.
   */
  loneModifiedThreshold?: number | undefined
  /** Least similarity for a block removed here and added there to be one block, moved (default 0.9). */
  movedThreshold?: number | undefined
  /** Most similarity computations for one gap of unmatched blocks (default 40 000); beyond, no pairing. */
  pairingBudget?: number | undefined
  /** Most similarity computations when looking for moved blocks (default 200 000). */
  moveBudget?: number | undefined
}

/** Defaults of `AlignOptions`. */
export const alignDefaults = {
  modifiedThreshold: 0.5,
  loneModifiedThreshold: 0.3,
  movedThreshold: 0.9,
  pairingBudget: 40_000,
  moveBudget: 200_000
} as const

/** Blocks shorter than this (non-space characters) are never reported as moved: `是。` is no move. */
const minimumMovedLength = 6

/**
 * Align the block texts of one section in two versions. Steps come in new order; removed blocks stand
 * where they were, before the added blocks of the same gap. Defaults: see `AlignOptions`.
 */
export function alignBlocks(old: readonly string[], text: readonly string[], index: TextIndex, options: AlignOptions = {}): BlockStep[] {
  const steps: BlockStep[] = []
  let i = 0
  let j = 0
  let gapOld: number[] = []
  let gapNew: number[] = []
  const flush = (): void => {
    steps.push(...pairGap(gapOld, gapNew, old, text, index, options))
    gapOld = []
    gapNew = []
  }
  for (const change of commonBlocks(old, text)) {
    for (let k = 0; k < change.count; k++) {
      if (change.removed) gapOld.push(i++)
      else if (change.added) gapNew.push(j++)
      else {
        flush()
        steps.push({type: 'equal', old: i++, new: j++})
      }
    }
  }
  flush()
  return steps
}

/** Runs of identical blocks (LCS); when even that is too costly, everything is one gap. */
function commonBlocks(old: readonly string[], text: readonly string[]): Array<{count: number; added?: boolean; removed?: boolean}> {
  if (old.length === 0 || text.length === 0) {
    return [{count: old.length, removed: true}, {count: text.length, added: true}]
  }
  const size = old.length + text.length
  // Block lists are short; the cap only guards against thousands of blocks rewritten wholesale.
  const changes = diffArrays(old.slice(), text.slice(), {maxEditLength: Math.max(64, Math.floor(4_000_000 / size))})
  return changes ?? [{count: old.length, removed: true}, {count: text.length, added: true}]
}

/**
 * Pair the unmatched blocks of one gap in order, favouring the pairs most above the threshold (a small
 * dynamic programme, see `orderedPairs`); unpaired blocks are removed or added.
 */
function pairGap(
  gapOld: number[],
  gapNew: number[],
  old: readonly string[],
  text: readonly string[],
  index: TextIndex,
  options: AlignOptions
): BlockStep[] {
  const rows = gapOld.length
  const columns = gapNew.length
  const threshold =
    rows === 1 && columns === 1
      ? (options.loneModifiedThreshold ?? alignDefaults.loneModifiedThreshold)
      : (options.modifiedThreshold ?? alignDefaults.modifiedThreshold)
  if (rows === 0 || columns === 0 || rows * columns > (options.pairingBudget ?? alignDefaults.pairingBudget)) {
    return [...gapOld.map((o): BlockStep => ({type: 'removed', old: o})), ...gapNew.map((n): BlockStep => ({type: 'added', new: n}))]
  }
  const pairs = orderedPairs(rows, columns, (r, c) => index.similarity(old[gapOld[r]!]!, text[gapNew[c]!]!, threshold), threshold)
  const steps: BlockStep[] = []
  let r = 0
  let c = 0
  for (const [pr, pc] of [...pairs, [rows, columns] as const]) {
    while (r < pr) steps.push({type: 'removed', old: gapOld[r++]!})
    while (c < pc) steps.push({type: 'added', new: gapNew[c++]!})
    if (pr < rows && pc < columns) {
      steps.push({type: 'modified', old: gapOld[r++]!, new: gapNew[c++]!})
    }
  }
  return steps
}

/**
 * Non-crossing pairs (row, column) with `score ≥ threshold`, in order, maximizing the total of how far
 * each pair's score exceeds the threshold: one strong pair beats two barely alike ones.
 * `score` is called once per cell.
 */
export function orderedPairs(rows: number, columns: number, score: (row: number, column: number) => number, threshold: number): Array<[number, number]> {
  const width = columns + 1
  const best = new Float64Array((rows + 1) * width)
  const scores = new Float64Array(rows * columns)
  for (let r = 1; r <= rows; r++) {
    for (let c = 1; c <= columns; c++) {
      const s = score(r - 1, c - 1)
      scores[(r - 1) * columns + (c - 1)] = s
      const diagonal = s >= threshold ? best[(r - 1) * width + (c - 1)]! + weight(s, threshold) : -1
      best[r * width + c] = Math.max(best[(r - 1) * width + c]!, best[r * width + (c - 1)]!, diagonal)
    }
  }
  const pairs: Array<[number, number]> = []
  let r = rows
  let c = columns
  while (r > 0 && c > 0) {
    const here = best[r * width + c]!
    const s = scores[(r - 1) * columns + (c - 1)]!
    if (s >= threshold && here === best[(r - 1) * width + (c - 1)]! + weight(s, threshold)) {
      pairs.push([r - 1, c - 1])
      r--
      c--
    } else if (here === best[(r - 1) * width + c]!) r--
    else c--
  }
  return pairs.reverse()
}

/** What a pair adds to the total: its margin over the threshold, plus a little so every pair counts. */
function weight(score: number, threshold: number): number {
  return score - threshold + 0.01
}

/** A block that lost its place (removed) or found a new one (added), as a move candidate. */
export interface MoveCandidate {
  text: string
}

/**
 * Match removed blocks to added blocks elsewhere: identical texts first (in document order), then the
 * most similar added block at or above `movedThreshold`. Returns pairs of indices (removed, added).
 * Defaults: see `AlignOptions`.
 */
export function matchMoves(
  removed: readonly MoveCandidate[],
  added: readonly MoveCandidate[],
  index: TextIndex,
  options: AlignOptions = {}
): Array<[number, number]> {
  const eligible = (candidate: MoveCandidate): boolean => candidate.text.replace(/\s+/g, '').length >= minimumMovedLength
  const pairs: Array<[number, number]> = []
  const taken = new Set<number>()
  const byText = new Map<string, number[]>()
  added.forEach((candidate, a) => {
    if (!eligible(candidate)) return
    const list = byText.get(candidate.text)
    if (list) list.push(a)
    else byText.set(candidate.text, [a])
  })
  const open: number[] = []
  removed.forEach((candidate, r) => {
    if (!eligible(candidate)) return
    const a = byText.get(candidate.text)?.shift()
    if (a === undefined) open.push(r)
    else {
      pairs.push([r, a])
      taken.add(a)
    }
  })

  const threshold = options.movedThreshold ?? alignDefaults.movedThreshold
  let budget = options.moveBudget ?? alignDefaults.moveBudget
  // Sorted by word count, so only added blocks of a size that could reach the threshold are compared.
  const bySize = added
    .map((candidate, a) => ({a, size: index.wordsOf(candidate.text).size}))
    .filter(({a}) => !taken.has(a) && eligible(added[a]!))
    .sort((x, y) => x.size - y.size || x.a - y.a)
  for (const r of open) {
    const text = removed[r]!.text
    const size = index.wordsOf(text).size
    if (size === 0) continue
    const low = (size * threshold) / (2 - threshold)
    const high = (size * (2 - threshold)) / threshold
    let best: {a: number; score: number} | undefined
    for (let k = lowerBound(bySize, low); k < bySize.length && bySize[k]!.size <= high && budget > 0; k++) {
      const {a} = bySize[k]!
      if (taken.has(a)) continue
      budget--
      const score = index.similarity(text, added[a]!.text, threshold)
      if (score >= threshold && (!best || score > best.score)) best = {a, score}
    }
    if (best) {
      pairs.push([r, best.a])
      taken.add(best.a)
    }
  }
  return pairs.sort((x, y) => x[0] - y[0])
}

function lowerBound(items: Array<{size: number}>, size: number): number {
  let low = 0
  let high = items.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (items[middle]!.size < size) low = middle + 1
    else high = middle
  }
  return low
}
