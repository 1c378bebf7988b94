/**
 * Load the releases of every document: each published version compiled from its frozen copy in the
 * archive, then the working copy as a draft when it differs from the latest published version.
 */
import path from 'node:path'
import type {ContentSource} from '../load/content.js'
import {loadContent} from '../load/content.js'
import {compileContent} from '../compile.js'
import type {Project} from '../model/types.js'
import type {Release} from '../changes/history.js'
import type {Archive} from './archive.js'
import {freeze, sameFiles} from './publish.js'
import type {PublishedVersion} from './lock.js'

/**
 * Compiled published versions by lock-entry hash. A verified archive entry never changes, so a
 * compiled release can be reused for as long as the process lives (the preview server, benchmarks).
 */
export type ReleaseCache = Map<string, Release>

/** Compile a published version from the archive (from `cache` when it was compiled before). */
export async function loadPublished(archive: Archive, entry: PublishedVersion, cache?: ReleaseCache): Promise<Release> {
  const cached = cache?.get(entry.hash)
  if (cached) return cached
  const source = await loadContent(path.join(archive.root, entry.document, entry.version))
  // A legal record is shown as published even if today's rules would flag it.
  const {project} = compileContent(source)
  const release: Release = {document: entry.document, version: entry.version, status: 'published', project}
  cache?.set(entry.hash, release)
  return release
}

/** Releases per document id (sorted), oldest first, with the draft last when there is one. */
export async function loadReleases(
  archive: Archive,
  working: {source: ContentSource; project: Project},
  cache: ReleaseCache = new Map()
): Promise<Release[][]> {
  const ids = new Set([...archive.lock.versions.map((v) => v.document), ...working.project.documents.map((d) => d.id)])
  const result: Release[][] = []
  for (const id of [...ids].sort()) {
    const entries = archive.lock.versions.filter((v) => v.document === id)
    const releases: Release[] = []
    for (const entry of entries) releases.push(await loadPublished(archive, entry, cache))
    const latest = entries.at(-1)
    const draft = working.project.documents.find((d) => d.id === id)
    if (draft && (!latest || !sameFiles(latest, await freeze(working.source, id)))) {
      releases.push({document: id, version: draft.version, status: 'draft', project: working.project})
    }
    result.push(releases)
  }
  return result
}
