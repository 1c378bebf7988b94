/**
 * Load the releases of every document: each published version compiled from its frozen copy in the
 * archive, then the working copy as a draft when it differs from the latest published version.
 */
import path from 'node:path'
import type {ContentSource} from '../load/content.js'
import {loadContent} from '../load/content.js'
import {compileContent} from '../compile.js'
import type {Project} from '../model/types.js'
import {outlineLocales, type Release, type ReleaseOutline} from '../changes/history.js'
import {cacheKey, codeFingerprint} from '../cache/key.js'
import {noCache, type CacheStore} from '../cache/store.js'
import type {Archive} from './archive.js'
import {freeze, sameFiles} from './freeze.js'
import type {PublishedVersion} from './lock.js'
import {sha256} from './lock.js'

/**
 * Compiled published versions by lock-entry hash. A verified archive entry never changes, so a
 * compiled release can be reused for as long as the process lives (the preview server, benchmarks).
 */
export type ReleaseCache = Map<string, Release>

/**
 * Compile a published version from the archive: from `cache` when it was compiled in this process,
 * else from `store` when this code compiled the same files before, else from the archive.
 */
export async function loadPublished(archive: Archive, entry: PublishedVersion, cache?: ReleaseCache, store: CacheStore = noCache): Promise<Release> {
  const cached = cache?.get(entry.hash)
  if (cached) return cached
  const key = cacheKey('project', codeFingerprint(), publishedKey(entry))
  let project = store.get(key) as Project | undefined
  if (!project || !Array.isArray(project.documents)) {
    const source = await loadContent(path.join(archive.root, entry.document, entry.version))
    // A legal record is shown as published even if today's rules would flag it.
    project = compileContent(source, store, {checks: false}).project
    store.set(key, project)
  }
  const release: Release = {document: entry.document, version: entry.version, status: 'published', project}
  cache?.set(entry.hash, release)
  return release
}

/** The content key of a published version: the hash of each of its files, by path inside the version. */
export function publishedKey(entry: PublishedVersion): string {
  const prefix = `${entry.document}/${entry.version}/`
  return cacheKey('release', Object.entries(entry.files).map(([file, hash]) => [file.slice(prefix.length), hash]).sort())
}

/** Releases per document id (sorted), oldest first, with the draft last when there is one. */
export async function loadReleases(
  archive: Archive,
  working: {source: ContentSource; project: Project},
  cache: ReleaseCache = new Map()
): Promise<Release[][]> {
  const outlines = await outlineReleases(archive, working, cache)
  const result: Release[][] = []
  for (const releases of outlines) {
    const loaded: Release[] = []
    for (const release of releases) loaded.push(await release.load())
    result.push(loaded)
  }
  return result
}

/**
 * Like `loadReleases`, by metadata: a published version is compiled only when its metadata is not in
 * `store` or when `load` is called. Each release carries the key of its content.
 */
export async function outlineReleases(
  archive: Archive,
  working: {source: ContentSource; project: Project},
  cache?: ReleaseCache,
  store: CacheStore = noCache
): Promise<ReleaseOutline[][]> {
  const ids = new Set([...archive.lock.versions.map((v) => v.document), ...working.project.documents.map((d) => d.id)])
  const result: ReleaseOutline[][] = []
  // The metadata of every published version in one entry: one read for a history of hundreds.
  const indexKey = cacheKey('outline-index', codeFingerprint(), archive.root)
  const stored = store.get(indexKey)
  const index = new Map<string, ReleaseOutline['locales']>(stored && typeof stored === 'object' ? Object.entries(stored as Record<string, ReleaseOutline['locales']>) : [])
  const used = new Map<string, ReleaseOutline['locales']>()
  for (const id of [...ids].sort()) {
    const entries = archive.lock.versions.filter((v) => v.document === id)
    const releases: ReleaseOutline[] = []
    for (const entry of entries) {
      const key = publishedKey(entry)
      const load = () => loadPublished(archive, entry, cache, store)
      const metaKey = cacheKey('outline', codeFingerprint(), key)
      let locales = index.get(metaKey) ?? (store.get(metaKey) as ReleaseOutline['locales'] | undefined)
      if (!Array.isArray(locales)) {
        locales = outlineLocales(await load())
        store.set(metaKey, locales)
      }
      used.set(metaKey, locales)
      const files = Object.fromEntries(Object.entries(entry.files).map(([file, hash]) => [file.slice(`${id}/${entry.version}/`.length), hash]))
      releases.push({document: id, version: entry.version, status: 'published', key, files, locales, load})
    }
    const latest = entries.at(-1)
    const draft = working.project.documents.find((d) => d.id === id)
    const frozen = draft ? await freeze(working.source, id) : []
    if (draft && (!latest || !sameFiles(latest, frozen))) {
      const release: Release = {document: id, version: draft.version, status: 'draft', project: working.project}
      const files = Object.fromEntries(frozen.map((file) => [file.path, sha256(file.bytes)]))
      const key = cacheKey('release', Object.entries(files))
      releases.push({document: id, version: draft.version, status: 'draft', key, files, locales: outlineLocales(release), load: async () => release})
    }
    result.push(releases)
  }
  if (used.size !== index.size || [...used.keys()].some((key) => !index.has(key))) store.set(indexKey, Object.fromEntries(used))
  return result
}
