/**
 * Make a raw word diff readable for a lawyer: one change per place, deletions before insertions, and no
 * confetti of tiny unchanged fragments between changes.
 *
 * A fragment that stands between two changes is folded into them (it appears in both the deletion and
 * the insertion) when it is, on one line:
 * - only punctuation and white space, at most 8 characters (`，`, `, `, `、`);
 * - at most 2 Han characters, with punctuation or spaces around them, at most 4 characters (`的`, `和`);
 * - a single Latin word or number of at most 3 characters with spaces or punctuation (` the `, ` of `).
 * Folding never changes the texts the ops stand for.
 */
import type {DiffOp} from './types.js'

/** A run of the diff: unchanged text, or a change with what was deleted and what was inserted. */
type Run = {type: 'equal'; text: string} | {type: 'change'; deleted: string; inserted: string}

/**
 * Normalize `ops`: merge neighbours of the same type, put each change's deletion before its insertion,
 * fold tiny unchanged fragments between changes, drop empty ops.
 */
export function readableOps(ops: readonly DiffOp[]): DiffOp[] {
  return toOps(foldRuns(toRuns(ops)))
}

/** Whether an unchanged fragment between two changes is too small to stand on its own. */
export function isFoldable(text: string): boolean {
  if (/[\r\n]/.test(text)) return false
  const length = [...text].length
  const core = text.replace(/^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu, '')
  if (core === '') return length <= 8
  if (/^\p{Script=Han}{1,2}$/u.test(core)) return length <= 4
  return /^[\p{L}\p{N}]{1,3}$/u.test(core) && !/\p{Script=Han}/u.test(core) && length <= 7
}

function toRuns(ops: readonly DiffOp[]): Run[] {
  const runs: Run[] = []
  for (const op of ops) {
    if (op.text === '') continue
    const last = runs.at(-1)
    if (op.type === 'equal') {
      if (last?.type === 'equal') last.text += op.text
      else runs.push({type: 'equal', text: op.text})
    } else {
      const change = last?.type === 'change' ? last : {type: 'change' as const, deleted: '', inserted: ''}
      if (change !== last) runs.push(change)
      if (op.type === 'delete') change.deleted += op.text
      else change.inserted += op.text
    }
  }
  return runs
}

/** Fold each foldable unchanged run that has a change on both sides into one change. */
function foldRuns(runs: Run[]): Run[] {
  const result: Run[] = []
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!
    const previous = result.at(-1)
    const next = runs[i + 1]
    if (run.type === 'equal' && previous?.type === 'change' && next?.type === 'change' && isFoldable(run.text)) {
      previous.deleted += run.text + next.deleted
      previous.inserted += run.text + next.inserted
      i++
      continue
    }
    result.push(run.type === 'equal' ? {...run} : {...run})
  }
  return result
}

function toOps(runs: Run[]): DiffOp[] {
  const ops: DiffOp[] = []
  for (const run of runs) {
    if (run.type === 'equal') {
      ops.push({type: 'equal', text: run.text})
      continue
    }
    if (run.deleted !== '') ops.push({type: 'delete', text: run.deleted})
    if (run.inserted !== '') ops.push({type: 'insert', text: run.inserted})
  }
  return ops
}
