/**
 * Word diff of two block texts, bounded so pathological input never hangs, and made readable.
 *
 * 0. The common beginning and end are cut off at safe places (`trim.ts`): only the middle is tokenized.
 * 1. Tokens (words, see `tokens.ts`) are diffed with jsdiff's `diffArrays`, after trimming the common
 *    prefix and suffix; the edit distance is capped so `tokens × edits` stays under the work budget.
 * 2. When that bails out, lines are diffed instead, and each changed group of lines is word-diffed on
 *    its own (same cap) or, failing that, replaced as a whole. A long middle (over 4 000 characters)
 *    with line breaks, such as a big list or table, goes to lines first.
 * 3. When even lines bail out, the whole block is one deletion and one insertion.
 * Lone insertions and deletions then slide to the most readable boundary (`slide.ts`), and the result
 * passes through `readableOps` (folding, deletions first). Every step is lossless.
 */
import {diffArrays} from 'diff'
import type {DiffOp} from './types.js'
import {tokenize} from './tokens.js'
import {readableOps} from './readable.js'
import {replaced, unchanged} from './ops.js'
import {slideRuns, type TokenRun} from './slide.js'
import {commonEnds} from './trim.js'

/** Bounds of one word diff. */
export interface WordDiffOptions {
  /** Work budget: (tokens of both sides) × (edits explored) per diff (default 4 000 000). */
  budget?: number | undefined
  /** Milliseconds after which one diff gives up (default 2 000); a safety net, the budget decides first. */
  timeout?: number | undefined
}

const defaultBudget = 4_000_000
const defaultTimeout = 2_000
/** Changed middles longer than this (both sides, UTF-16 units) with line breaks are compared by lines first. */
const linesFirst = 4_000
/** Fewest edits a diff may explore, however long the texts (small edits in huge blocks stay word-level). */
const minimumEdits = 8

/**
 * The word diff of `old` → `text`. Lossless: its `equal`+`delete` texts join to `old`, its
 * `equal`+`insert` texts to `text`. Defaults: see `WordDiffOptions`.
 */
export function diffText(old: string, text: string, options: WordDiffOptions = {}): DiffOp[] {
  if (old === text) return unchanged(old)
  if (old === '' || text === '') return replaced(old, text)
  // Only the changed middle (with some context) is tokenized: segmenting is the costly part.
  const {prefix, suffix} = commonEnds(old, text)
  const a = old.slice(prefix, old.length - suffix)
  const b = text.slice(prefix, text.length - suffix)
  let middle: DiffOp[] | undefined
  if (a.length + b.length > linesFirst && /[\r\n]/.test(a + b)) {
    // A long list or table: lines are cheap to compare, and only the changed ones need tokens.
    middle = diffByLines(a, b, options, false)
  } else {
    const runs = diffSequences(tokenize(a), tokenize(b), options)
    middle = runs ? toOps(runs) : diffByLines(a, b, options, true)
  }
  middle ??= replaced(a, b)
  const ops: DiffOp[] = [{type: 'equal', text: old.slice(0, prefix)}, ...middle, {type: 'equal', text: old.slice(old.length - suffix)}]
  return readableOps(ops)
}

/** Diff two token (or line) sequences; `undefined` when the edit cap is reached. */
function diffSequences(a: string[], b: string[], options: WordDiffOptions): TokenRun[] | undefined {
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start++
  let endA = a.length
  let endB = b.length
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--
    endB--
  }
  const runs: TokenRun[] = [{type: 'equal', tokens: a.slice(0, start)}]
  const middleA = a.slice(start, endA)
  const middleB = b.slice(start, endB)
  if (middleA.length === 0 || middleB.length === 0) {
    runs.push({type: 'delete', tokens: middleA}, {type: 'insert', tokens: middleB})
  } else {
    const size = middleA.length + middleB.length
    const maxEditLength = Math.min(size, Math.max(minimumEdits, Math.floor((options.budget ?? defaultBudget) / size)))
    const changes = diffArrays(middleA, middleB, {maxEditLength, timeout: options.timeout ?? defaultTimeout})
    if (!changes) return undefined
    for (const change of changes) {
      runs.push({type: change.added ? 'insert' : change.removed ? 'delete' : 'equal', tokens: change.value})
    }
  }
  runs.push({type: 'equal', tokens: a.slice(endA)})
  const compact = runs.filter((run) => run.tokens.length > 0)
  slideRuns(compact)
  return compact
}

/** Diff line by line, then word-diff each changed group of lines; `undefined` when lines bail out too. */
function diffByLines(old: string, text: string, options: WordDiffOptions, wordsFailed: boolean): DiffOp[] | undefined {
  const lines = diffSequences(splitLines(old), splitLines(text), options)
  if (!lines) return undefined
  const ops: DiffOp[] = []
  let deleted = ''
  let inserted = ''
  const flush = (): void => {
    // When the whole text has failed as words already, only a smaller group is worth a try.
    const worth = !wordsFailed || deleted.length + inserted.length < old.length + text.length
    const words = worth && deleted && inserted ? diffSequences(tokenize(deleted), tokenize(inserted), options) : undefined
    ops.push(...(words ? toOps(words) : replaced(deleted, inserted)))
    deleted = ''
    inserted = ''
  }
  for (const op of toOps(lines)) {
    if (op.type === 'delete') deleted += op.text
    else if (op.type === 'insert') inserted += op.text
    else {
      flush()
      ops.push(op)
    }
  }
  flush()
  return ops
}

function toOps(runs: TokenRun[]): DiffOp[] {
  return runs.map((run) => ({type: run.type, text: run.tokens.join('')}))
}

/** Lines of `text`, each with its line break (`\r\n`, `\n` or `\r`); joined they give `text`. */
export function splitLines(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\n|\r)|[^\r\n]+$/g) ?? []
}
