/**
 * The archive of published versions on disk: `archive/<doc>/<version>/` holds a frozen copy of the
 * content a version was built from, `archive/lock.json` the hash of every file.
 *
 * Reading verifies: an edited, added, deleted or renamed archived file, or an edited lock, is an error
 * that names the file. Publishing never overwrites and is crash-safe: files are staged, the lock is
 * replaced atomically, then the staged folder is renamed into place; an interrupted publish is
 * completed (or its staging discarded) by the next run.
 */
import fs from 'node:fs/promises'
import fsSync from 'node:fs'
import path from 'node:path'
import {randomBytes} from 'node:crypto'
import {VFile} from 'vfile'
import {report} from '../messages.js'
import {emptyLock, entryHash, lockfileVersion, serializeLock, sha256, type ArchiveLock, type PublishedVersion} from './lock.js'

/** Name of the lock file in the archive folder. */
export const lockFileName = 'lock.json'

/** A verified archive. */
export interface Archive {
  /** Absolute path of the archive folder. */
  root: string
  lock: ArchiveLock
  /** Files with problems (each carries its messages); empty when the archive is intact. */
  files: VFile[]
  ok: boolean
}

/**
 * Files verified before, by archive-relative path: the file's identity and times when its hash was
 * found right (`statKey`). A file whose key is unchanged need not be hashed again: a change to its
 * bytes changes its ctime, which no program can set back (the way git trusts its index).
 */
export type VerifiedFiles = Map<string, string>

/** What identifies a file's state on disk, with the hash it was verified against. */
function statKey(file: string, hash: string): string | undefined {
  const stat = fsSync.statSync(file, {bigint: true, throwIfNoEntry: false})
  return stat && `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}:${hash}`
}

/**
 * Read and verify the archive at `root` (a missing folder is an empty archive).
 *
 * @param verified files verified by earlier runs; updated with the files verified now.
 */
export async function readArchive(root: string, verified?: VerifiedFiles): Promise<Archive> {
  const absolute = path.resolve(root)
  const files = new Map<string, VFile>()
  const fileFor = (relative: string) => {
    let file = files.get(relative)
    if (!file) {
      file = new VFile({path: relative, cwd: absolute})
      files.set(relative, file)
    }
    return file
  }
  const exists = await fs.stat(absolute).then((s) => s.isDirectory(), () => false)
  if (!exists) return {root: absolute, lock: emptyLock(), files: [], ok: true}

  await completeInterruptedPublish(absolute)
  const present = (await walk(absolute, '')).filter((file) => file !== lockFileName)
  const read = await readLock(absolute, fileFor)
  // Without a lock nothing can be verified; calling every published file "added" would advise deleting it.
  if (read === 'missing' && present.length > 0) {
    report(fileFor(lockFileName), `Missing lock file: the archive holds ${present.length} published files but no \`${lockFileName}\` recording them`, 'archive-lock', {line: 1, column: 1})
  }
  if (read === 'missing' || read === 'invalid') {
    const problems = [...files.values()]
    return {root: absolute, lock: emptyLock(), files: problems, ok: problems.length === 0}
  }
  const lock = read
  verifyChain(lock, fileFor(lockFileName))

  const recorded = new Map<string, string>()
  for (const entry of lock.versions) for (const [file, hash] of Object.entries(entry.files)) recorded.set(file, hash)
  for (const file of present) {
    const expected = recorded.get(file)
    if (expected === undefined) {
      report(fileFor(file), 'Unexpected file in the archive: it was not published', 'archive-added', {line: 1, column: 1})
      continue
    }
    const full = path.join(absolute, ...file.split('/'))
    const before = verified && statKey(full, expected)
    if (before !== undefined && verified?.get(file) === before) continue
    // Synchronous: a long history has thousands of files, each a thread-pool hop otherwise.
    const actual = sha256(fsSync.readFileSync(full))
    if (actual === expected && before !== undefined && statKey(full, expected) === before) verified?.set(file, before)
    if (actual !== expected) {
      report(fileFor(file), `Published file was changed after publishing (SHA-256 ${actual.slice(0, 12)}…, recorded ${expected.slice(0, 12)}…)`, 'archive-edited', {line: 1, column: 1})
    }
  }
  const presentSet = new Set(present)
  for (const file of recorded.keys()) {
    if (!presentSet.has(file)) report(fileFor(file), 'Published file is missing from the archive', 'archive-deleted', {line: 1, column: 1})
  }
  const problems = [...files.values()].filter((file) => file.messages.length > 0).sort((a, b) => (a.path < b.path ? -1 : 1))
  return {root: absolute, lock, files: problems, ok: problems.length === 0}
}

/** Folder of a published version, relative to the archive. */
export function versionFolder(document: string, version: string): string {
  return `${document}/${version}`
}

/** A file to freeze into a new version: content-relative path and exact bytes. */
export interface FrozenFile {
  path: string
  bytes: Uint8Array
}

/**
 * Write a new version into the archive. Throws when the version exists already (published versions
 * never change); the caller has checked the content and verified the archive.
 */
export async function writeVersion(
  archive: Archive,
  entry: Omit<PublishedVersion, 'files' | 'hash' | 'previous'>,
  frozen: FrozenFile[]
): Promise<PublishedVersion> {
  const folder = versionFolder(entry.document, entry.version)
  const target = path.join(archive.root, ...folder.split('/'))
  if (await fs.stat(target).then(() => true, () => false)) {
    throw new Error(`Version \`${entry.version}\` of \`${entry.document}\` is already published; published versions never change`)
  }
  if (archive.lock.versions.some((v) => v.document === entry.document && v.version === entry.version)) {
    throw new Error(`Version \`${entry.version}\` of \`${entry.document}\` is already in ${lockFileName}`)
  }
  const files: Record<string, string> = {}
  for (const file of [...frozen].sort((a, b) => (a.path < b.path ? -1 : 1))) files[`${folder}/${file.path}`] = sha256(file.bytes)
  const previous = archive.lock.versions.filter((v) => v.document === entry.document).at(-1)?.hash ?? null
  const withoutHash = {...entry, files, previous}
  const published: PublishedVersion = {...withoutHash, hash: entryHash(withoutHash)}

  const documentFolder = path.dirname(target)
  await fs.mkdir(documentFolder, {recursive: true})
  const staging = path.join(documentFolder, `.${entry.version}.staging-${randomBytes(4).toString('hex')}`)
  try {
    for (const file of frozen) {
      const destination = path.join(staging, ...file.path.split('/'))
      await fs.mkdir(path.dirname(destination), {recursive: true})
      await fs.writeFile(destination, file.bytes)
    }
  } catch (error) {
    await fs.rm(staging, {recursive: true, force: true})
    throw error
  }
  // The lock goes first: a crash after it leaves a staged folder the next run renames into place.
  const lock: ArchiveLock = {lockfileVersion, versions: [...archive.lock.versions, published]}
  await writeAtomically(path.join(archive.root, lockFileName), serializeLock(lock))
  await fs.rename(staging, target)
  archive.lock = lock
  return published
}

/** The lock; `missing` when there is none, `invalid` (reported) when it is not a lock. */
async function readLock(root: string, fileFor: (relative: string) => VFile): Promise<ArchiveLock | 'missing' | 'invalid'> {
  const text = await fs.readFile(path.join(root, lockFileName), 'utf8').catch(() => undefined)
  if (text === undefined) return 'missing'
  try {
    const data = JSON.parse(text) as ArchiveLock
    if (data.lockfileVersion !== lockfileVersion || !Array.isArray(data.versions) || !data.versions.every(isEntry)) throw new Error('format')
    return data
  } catch {
    report(fileFor(lockFileName), 'Unexpected lock file that is not a policypress archive lock', 'archive-lock', {line: 1, column: 1})
    return 'invalid'
  }
}

/** Whether `value` has the shape of a lock entry (its hash is checked by `verifyChain`). */
function isEntry(value: unknown): value is PublishedVersion {
  if (typeof value !== 'object' || value === null) return false
  const entry = value as Record<string, unknown>
  const strings = (record: unknown) => typeof record === 'object' && record !== null && Object.values(record).every((v) => typeof v === 'string')
  return (
    typeof entry['document'] === 'string' &&
    typeof entry['version'] === 'string' &&
    typeof entry['hash'] === 'string' &&
    (entry['previous'] === null || typeof entry['previous'] === 'string') &&
    Array.isArray(entry['locales']) &&
    typeof entry['dates'] === 'object' &&
    entry['dates'] !== null &&
    strings(entry['files'])
  )
}

function verifyChain(lock: ArchiveLock, file: VFile): void {
  const last = new Map<string, string>()
  for (const entry of lock.versions) {
    const {hash, ...rest} = entry
    const expectedPrevious = last.get(entry.document) ?? null
    if (hash !== entryHash(rest)) {
      report(file, `Unexpected change to the record of \`${entry.document}\` version \`${entry.version}\` in the lock file`, 'archive-lock', {line: 1, column: 1})
    } else if (entry.previous !== expectedPrevious) {
      report(file, `Unexpected lock file history before \`${entry.document}\` version \`${entry.version}\`: a recorded version was removed or reordered`, 'archive-lock', {line: 1, column: 1})
    }
    last.set(entry.document, hash)
  }
}

/** Finish a publish killed after writing the lock: rename its staged folder into place. */
async function completeInterruptedPublish(root: string): Promise<void> {
  const text = await fs.readFile(path.join(root, lockFileName), 'utf8').catch(() => undefined)
  let lock: ArchiveLock | undefined
  try {
    lock = text ? (JSON.parse(text) as ArchiveLock) : undefined
  } catch {
    lock = undefined
  }
  for (const document of await fs.readdir(root, {withFileTypes: true})) {
    if (document.isFile() && /^lock\.json\.\d+\.tmp$/.test(document.name)) {
      await fs.rm(path.join(root, document.name), {force: true})
      continue
    }
    if (!document.isDirectory()) continue
    const folder = path.join(root, document.name)
    for (const name of await fs.readdir(folder)) {
      const match = /^\.(.+)\.staging-[0-9a-f]+$/.exec(name)
      if (!match) continue
      const staged = path.join(folder, name)
      const target = path.join(folder, match[1] ?? '')
      const recorded = Array.isArray(lock?.versions) && lock.versions.some((v) => isEntry(v) && v.document === document.name && v.version === match[1])
      const targetExists = await fs.stat(target).then(() => true, () => false)
      if (recorded && !targetExists) await fs.rename(staged, target)
      else await fs.rm(staged, {recursive: true, force: true})
    }
  }
}

async function walk(root: string, relative: string): Promise<string[]> {
  const entries = fsSync.readdirSync(path.join(root, relative), {withFileTypes: true})
  const found: string[] = []
  for (const entry of entries) {
    // Staging folders of an unfinished publish are handled by completeInterruptedPublish.
    if (/^\..+\.staging-[0-9a-f]+$/.test(entry.name)) continue
    const child = relative ? `${relative}/${entry.name}` : entry.name
    if (entry.isDirectory()) found.push(...(await walk(root, child)))
    else found.push(child)
  }
  return found.sort()
}

async function writeAtomically(file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`
  await fs.writeFile(temporary, text)
  await fs.rename(temporary, file)
}
