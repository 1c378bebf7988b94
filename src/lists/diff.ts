/**
 * Lists diffed by entry id: entries added, removed, and fields changed with old and new values.
 */
import type {ListEntry, ListKind, PolicyList} from '../model/types.js'
import {listFields, type FieldSpec} from './fields.js'

/** A field whose value changed. For multi-value fields, what was added and removed. */
export interface FieldChange {
  /** Field key (`purpose`, `data` …). */
  field: string
  old: unknown
  new: unknown
  /** Multi-value fields only: values only in the new entry. */
  added?: string[]
  /** Multi-value fields only: values only in the old entry. */
  removed?: string[]
}

/** What happened to one entry. */
export type EntryChange =
  | {type: 'added'; id: string; name: string; entry: ListEntry}
  | {type: 'removed'; id: string; name: string; entry: ListEntry}
  | {type: 'modified'; id: string; name: string; old: ListEntry; new: ListEntry; fields: FieldChange[]}

/** The changes of one list between two versions. */
export interface ListDiff {
  kind: ListKind
  /** Entry changes: kept entries in new order, then removed ones. Unchanged entries are left out. */
  entries: EntryChange[]
}

/** Diff two versions of a list of the same kind; either may be missing (a list added or removed). */
export function diffLists(kind: ListKind, old: PolicyList | undefined, next: PolicyList | undefined): ListDiff {
  const before = new Map((old?.entries ?? []).map((entry) => [entry.id, entry]))
  const after = new Map((next?.entries ?? []).map((entry) => [entry.id, entry]))
  const entries: EntryChange[] = []
  for (const entry of next?.entries ?? []) {
    const previous = before.get(entry.id)
    if (!previous) {
      entries.push({type: 'added', id: entry.id, name: entry.name, entry})
      continue
    }
    const fields = diffFields(kind, previous, entry)
    if (fields.length > 0) entries.push({type: 'modified', id: entry.id, name: entry.name, old: previous, new: entry, fields})
  }
  for (const entry of old?.entries ?? []) {
    if (!after.has(entry.id)) entries.push({type: 'removed', id: entry.id, name: entry.name, entry})
  }
  return {kind, entries}
}

function diffFields(kind: ListKind, old: ListEntry, next: ListEntry): FieldChange[] {
  const changes: FieldChange[] = []
  const specs: Array<Pick<FieldSpec, 'key' | 'type'>> = [{key: 'name', type: 'text'}, ...listFields[kind]]
  for (const spec of specs) {
    const a = (old as unknown as Record<string, unknown>)[spec.key]
    const b = (next as unknown as Record<string, unknown>)[spec.key]
    if (JSON.stringify(a) === JSON.stringify(b)) continue
    if (Array.isArray(a) || Array.isArray(b)) {
      const before = (a ?? []) as string[]
      const after = (b ?? []) as string[]
      changes.push({
        field: spec.key,
        old: a,
        new: b,
        added: after.filter((value) => !before.includes(value)),
        removed: before.filter((value) => !after.includes(value))
      })
    } else {
      changes.push({field: spec.key, old: a, new: b})
    }
  }
  return changes
}
