/**
 * Small helpers over redline ops: the two texts they stand for and how much they change.
 */
import type {DiffOp} from './types.js'

/** The old text of `ops`: `equal` and `delete` runs joined. */
export function oldText(ops: readonly DiffOp[]): string {
  let text = ''
  for (const op of ops) if (op.type !== 'insert') text += op.text
  return text
}

/** The new text of `ops`: `equal` and `insert` runs joined. */
export function newText(ops: readonly DiffOp[]): string {
  let text = ''
  for (const op of ops) if (op.type !== 'delete') text += op.text
  return text
}

/** Number of Unicode code points in `text` (`𠮷` is one character, not two UTF-16 units). */
export function characterCount(text: string): number {
  let count = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    // A low surrogate that follows a high one is the second half of the same character.
    if (code >= 0xdc00 && code <= 0xdfff && i > 0 && isHigh(text.charCodeAt(i - 1))) continue
    count++
  }
  return count
}

/** Characters in the `insert` ops of `ops`. */
export function insertedCharacters(ops: readonly DiffOp[]): number {
  return ops.reduce((sum, op) => sum + (op.type === 'insert' ? characterCount(op.text) : 0), 0)
}

/** Characters in the `delete` ops of `ops`. */
export function deletedCharacters(ops: readonly DiffOp[]): number {
  return ops.reduce((sum, op) => sum + (op.type === 'delete' ? characterCount(op.text) : 0), 0)
}

/** Whether `ops` changes anything. */
export function hasChanges(ops: readonly DiffOp[]): boolean {
  return ops.some((op) => op.type !== 'equal')
}

/** The ops of a text that did not change: one `equal` op, none for empty text. */
export function unchanged(text: string): DiffOp[] {
  return text === '' ? [] : [{type: 'equal', text}]
}

/** The ops of a text replaced as a whole: delete the old, insert the new (empty sides left out). */
export function replaced(old: string, text: string): DiffOp[] {
  const ops: DiffOp[] = []
  if (old !== '') ops.push({type: 'delete', text: old})
  if (text !== '') ops.push({type: 'insert', text})
  return ops
}

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}
