/**
 * The archive lock file: what was published, when it takes effect, and the SHA-256 of every file.
 *
 * Entries of one document form a hash chain (each names the previous entry's hash), so editing,
 * removing or reordering a recorded version is detected as surely as editing a published file.
 */
import {createHash} from 'node:crypto'

/** Version of the lock file format. */
export const lockfileVersion = 1

/** One published version of a document. */
export interface PublishedVersion {
  document: string
  version: string
  /** Locales published in this version. */
  locales: string[]
  /** 更新日期 and 生效日期 per locale. */
  dates: Record<string, {updated: string; effective: string}>
  /** Archive-relative path (`privacy/2023-09-20/privacy/zh-CN/index.md`) → SHA-256 (hex). */
  files: Record<string, string>
  /** Hash of the previous version of the same document, or `null` for the first. */
  previous: string | null
  /** Hash of this entry (all fields above, canonical JSON). */
  hash: string
}

/** The whole lock file. */
export interface ArchiveLock {
  lockfileVersion: typeof lockfileVersion
  versions: PublishedVersion[]
}

/** SHA-256 of text or bytes, hex. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/** The hash an entry must carry: over every field but `hash`, keys sorted. */
export function entryHash(entry: Omit<PublishedVersion, 'hash'>): string {
  return sha256(canonicalJson({...entry, hash: undefined}))
}

/** An empty lock. */
export function emptyLock(): ArchiveLock {
  return {lockfileVersion, versions: []}
}

/** The lock as its file text: stable key order, one trailing newline. */
export function serializeLock(lock: ArchiveLock): string {
  return `${canonicalJson(lock, 2)}\n`
}

/** The versions of `document`, oldest first (the order they were published). */
export function versionsOf(lock: ArchiveLock, document: string): PublishedVersion[] {
  return lock.versions.filter((entry) => entry.document === document)
}

/** JSON with object keys sorted at every level, `undefined` dropped. */
export function canonicalJson(value: unknown, indent?: number): string {
  return JSON.stringify(sortKeys(value), null, indent)
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])])
    )
  }
  return value
}
