/**
 * The pipeline as a library: check and build a content folder without the CLI.
 */
import os from 'node:os'
import path from 'node:path'
import fs from 'node:fs/promises'
import {VFile} from 'vfile'
import {loadContent} from './load/content.js'
import {loadTemplates} from './load/templates.js'
import {compileContent, type CompileResult} from './compile.js'
import {compileTemplates, type Templates} from './render/templates.js'
import {CacheDamagedError, renderSiteCached, type OutputFile} from './render/site.js'
import {writeOutput} from './write/atomic.js'
import {applyHeadingIds, planHeadingIds} from './fix/heading-ids.js'
import {lockFileName, readArchive, type Archive, type VerifiedFiles} from './versions/archive.js'
import {defaultArchive, freeze, sameFiles} from './versions/freeze.js'
import {loadPublished, outlineReleases, publishedKey, type ReleaseCache} from './versions/releases.js'
import {buildHistories, outlineHistories} from './changes/history.js'
import {folderCache, memoryCache, noCache, type CacheStore} from './cache/store.js'
import {cacheKey, codeFingerprint} from './cache/key.js'
import {restoreMessages, storeMessages, type StoredMessage} from './cache/messages.js'
import {lazyNoticeTemplates, readNoticeTemplatesIn, type LazyNoticeTemplates} from './notices/templates.js'
import {sha256} from './versions/lock.js'
import type {Project} from './model/types.js'
import {checkEffectiveOrder, checkNoticePeriod} from './changes/notice-period.js'
import {checkPublishedIds} from './changes/published-ids.js'
import {checkNoticeLengths} from './notices/check.js'
import {summaryOf} from './render/history.js'
import {hasErrors, report} from './messages.js'
import type {ContentSource} from './load/content.js'

/** Options shared by `check` and `build`. */
export interface PipelineOptions {
  /** Content folder (default `content`). */
  content?: string | undefined
  /** Archive of published versions (default: `archive` beside the content folder). */
  archive?: string | undefined
  /**
   * Compiled published versions and rendered pages from earlier runs, by the hash of everything they
   * were made from (default: none). See `folderCache` and `memoryCache`.
   */
  cache?: CacheStore | undefined
  /**
   * Templates folder (default: the shipped `templates/`). `check` uses only its `notices/`, whose texts
   * are length-checked.
   */
  templates?: string | undefined
}

/** Options of `build`. */
export interface BuildOptions extends PipelineOptions {
  /** Output folder (default `dist`); replaced as a whole. */
  out?: string | undefined
  /** Leave out draft pages (the working copy when it differs from the latest published version). */
  drafts?: boolean | undefined
  /** Show the draft on the main pages and in the in-app view, as the preview does (default false). */
  draftIsCurrent?: boolean | undefined
  /** Remove the replaced output in a detached process instead of waiting for it (the command line). */
  backgroundCleanup?: boolean | undefined
}

/** What `build` did. */
export interface BuildResult extends CheckResult {
  /** Files written, relative to the output folder; empty when the content has errors. */
  written: OutputFile[]
}

/** What `check` found: the content's problems and the archive's. */
export interface CheckResult extends CompileResult {
  /** The content as loaded. */
  source: ContentSource
  /** The verified archive of published versions. */
  archive: Archive
}

/**
 * Load, parse and check the content folder, verify the archive of published versions, and check the
 * working copy's notice period against the latest published version.
 */
export async function check(options: PipelineOptions = {}, cache?: ReleaseCache, notices?: LazyNoticeTemplates): Promise<CheckResult> {
  const content = options.content ?? 'content'
  const store = options.cache ?? noCache
  const archive = await readVerified(defaultArchive(content, options.archive), store)
  const source = await loadContent(content)
  // Notice texts are length-checked: the templates are read now, compiled only when a change needs them.
  const noticeTemplates = notices ?? lazyNoticeTemplates(readNoticeTemplatesIn(options.templates))
  const keys = store === noCache ? undefined : checkKeys(archive, source, noticeTemplates.key)
  const cached = keys === undefined ? undefined : (store.get(keys.compile) as CompileEntry | undefined)
  let result: CompileResult
  if (cached && Array.isArray(cached.project?.documents) && restoreMessages(source.files, cached.messages)) {
    const files = [...source.files.values()]
    result = {project: cached.project, files, ok: !hasErrors(files)}
  } else {
    result = compileContent(source, store)
    if (keys !== undefined) store.set(keys.compile, {project: result.project, messages: storeMessages(result.files)} satisfies CompileEntry)
  }
  if (archive.ok && result.ok) {
    const noticeKey = keys?.notices()
    const stored = noticeKey === undefined ? undefined : (store.get(noticeKey) as Record<string, StoredMessage[]> | undefined)
    if (!(stored && typeof stored === 'object' && restoreMessages(source.files, stored))) {
      const before = new Map(result.files.map((file) => [file, file.messages.length]))
      await checkAgainstPublished(archive, source, result, cache, store, noticeTemplates)
      const added = result.files.map((file) => ({path: file.path, messages: file.messages.slice(before.get(file) ?? 0)}))
      if (noticeKey !== undefined) store.set(noticeKey, storeMessages(added))
    }
    result = {...result, ok: !hasErrors(result.files)}
  }
  const files = [...archive.files, ...result.files, ...(source.ignored ?? []), ...(archive.ok ? missingWorkingCopies(archive, source) : [])]
  return {...result, source, archive, files, ok: archive.ok && !hasErrors(result.files)}
}

/**
 * A policy of the latest published version of a document whose working copy is gone (deleted, or saved
 * as `index.md.txt`): the pages keep the published text, but no change of it can be previewed, diffed or
 * published. A warning on the missing file.
 */
function missingWorkingCopies(archive: Archive, source: ContentSource): VFile[] {
  const latest = new Map(archive.lock.versions.map((entry) => [entry.document, entry]))
  const missing: VFile[] = []
  for (const entry of latest.values()) {
    for (const locale of entry.locales) {
      const policy = `${entry.document}/${locale}/index.md`
      if (source.files.has(policy)) continue
      const file = new VFile({path: policy, cwd: source.root, value: ''})
      report(file, `Missing the working copy of \`${policy}\`, published as version ${entry.version}: changes to it cannot be previewed or published`, 'content-missing', {line: 1, column: 1}, 'warning')
      missing.push(file)
    }
  }
  return missing
}

/** Read and verify the archive, hashing only files changed on disk since the store last saw them verified. */
async function readVerified(root: string, store: CacheStore): Promise<Archive> {
  if (store === noCache) return readArchive(root)
  const key = cacheKey('archive-verified', path.resolve(root))
  const stored = store.get(key)
  const verified: VerifiedFiles = new Map(stored && typeof stored === 'object' ? Object.entries(stored as Record<string, string>) : [])
  const known = JSON.stringify([...verified])
  const archive = await readArchive(root, verified)
  if (JSON.stringify([...verified]) !== known) store.set(key, Object.fromEntries(verified))
  return archive
}

/** A compile as cached: the models and every message. */
interface CompileEntry {
  project: Project
  messages: Record<string, StoredMessage[]>
}

/**
 * Keys of a check: the compile of every content file, then the check of the notice period against the
 * latest published version of each document (with the notice templates, whose texts are length-checked).
 * `undefined` (not cached) when a file could not be read as text.
 */
function checkKeys(archive: Archive, source: ContentSource, noticeKey: string): {compile: string; notices(): string | undefined} | undefined {
  if ([...source.files.values()].some((file) => file.messages.length > 0)) return undefined
  const files = [...source.files].map(([path, file]) => [path, sha256(String(file.value))])
  const compile = cacheKey('compile', codeFingerprint(), files)
  return {
    compile,
    notices() {
      if (!archive.ok) return undefined
      const latest = new Map(archive.lock.versions.map((entry) => [entry.document, publishedKey(entry)]))
      return cacheKey('notice-check', compile, noticeKey, [...latest].sort())
    }
  }
}

/** Compare each document with its latest published version: the notice period of material changes. */
async function checkAgainstPublished(
  archive: Archive,
  source: ContentSource,
  result: CompileResult,
  cache: ReleaseCache | undefined,
  store: CacheStore,
  notices: LazyNoticeTemplates
): Promise<void> {
  const ids = new Set(result.project.documents.map((document) => document.id))
  for (const id of ids) {
    const latest = archive.lock.versions.filter((entry) => entry.document === id).at(-1)
    if (!latest || sameFiles(latest, await freeze(source, id))) continue
    const published = await loadPublished(archive, latest, cache, store)
    const draft = {document: id, version: '', status: 'draft' as const, project: result.project}
    for (const history of buildHistories([[published, draft]], result.project.site)) {
      const change = history.changes[0]
      const file = change && source.files.get(change.to.document.path)
      if (change && file) {
        checkNoticePeriod(change, result.project.site, file)
        checkEffectiveOrder(change, file)
        checkPublishedIds(change, (path) => source.files.get(path))
        checkNoticeLengths(summaryOf(change, history, result.project.site, notices.compiled()), change.to.document, file)
      }
    }
  }
}

/** Check, render and write the output folder; writes nothing when the content has errors. */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const content = path.resolve(options.content ?? 'content')
  const out = path.resolve(options.out ?? 'dist')
  if (isWithin(out, content) || isWithin(content, out)) {
    throw new Error(`The output folder \`${out}\` and the content folder \`${content}\` must not contain each other`)
  }
  // Without a cache from earlier runs, a long history gets one on disk for this run only: each published
  // version is compiled once (a bounded store in memory would drop models and compile them again), and
  // rendered pages wait on disk, not in memory, until they are written. A short one is quicker in memory.
  const scratch = options.cache || (await publishedCount(defaultArchive(content, options.archive))) <= memoryVersions
    ? undefined
    : await fs.mkdtemp(path.join(os.tmpdir(), 'policypress-build-'))
  try {
    const result = await render({...options, content, cache: options.cache ?? (scratch ? folderCache(scratch) : undefined)})
    if (!result.ok) return result
    try {
      await writeOutputTo(out, result.written, options)
      return result
    } catch (error) {
      if (!(error instanceof CacheDamagedError)) throw error
      // Someone removed or changed cache files during the build: build once more without the cache.
      const fresh = await render({...options, content, cache: undefined})
      if (fresh.ok) await writeOutputTo(out, fresh.written, options)
      return fresh
    }
  } finally {
    if (scratch) await fs.rm(scratch, {recursive: true, force: true})
  }
}

/** Write the output folder; a system error becomes one line that names the folder and what to do. */
async function writeOutputTo(out: string, files: OutputFile[], options: BuildOptions): Promise<void> {
  try {
    await writeOutput(out, files, {background: options.backgroundCleanup})
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code
    const why: Record<string, string> = {
      ENOTDIR: 'it, or a folder above it, is a file',
      EEXIST: 'it, or a folder above it, is a file',
      EACCES: 'permission denied',
      EPERM: 'permission denied',
      EROFS: 'the disk is read-only',
      ENOSPC: 'the disk is full',
      EDQUOT: 'the disk quota is used up'
    }
    if (code === undefined || why[code] === undefined) throw error
    throw new Error(`Cannot write the output folder \`${options.out ?? 'dist'}\`: ${why[code]}; pass a folder you can write with --out`)
  }
}

/** Most published versions a build without a cache keeps in memory (see `build`). */
const memoryVersions = 16

/** How many versions the lock file of `archive` lists (0 when it cannot be read: the check says why). */
async function publishedCount(archive: string): Promise<number> {
  try {
    const lock = JSON.parse(await fs.readFile(path.join(archive, lockFileName), 'utf8')) as {versions?: unknown}
    return Array.isArray(lock.versions) ? lock.versions.length : 0
  } catch {
    return 0
  }
}

/**
 * Check and render in memory, writing nothing: what `build` writes, or the problems that stop it.
 *
 * @param templates compiled templates to reuse (default: compiled from `options.templates`).
 * @param cache compiled published versions to keep in memory across calls (the preview server; default: none).
 */
export async function render(options: BuildOptions = {}, templates?: Templates, cache?: ReleaseCache): Promise<BuildResult> {
  // Without a cache from earlier runs, a bounded one for this run: each version is compiled once.
  const store = options.cache ?? memoryCache(128 * 2 ** 20)
  const compiled = templates ?? compileTemplates(await loadTemplates(options.templates), store)
  const result = await check({...options, cache: store}, cache, compiled.notices)
  if (!result.ok) return {...result, written: []}
  const loaded = await outlineReleases(result.archive, {source: result.source, project: result.project}, cache, store)
  // Production builds can leave drafts out; with nothing published, the working copy is all there is.
  const releases = options.drafts === false
    ? loaded.map((history) => (history.some((r) => r.status === 'published') ? history.filter((r) => r.status !== 'draft') : history))
    : loaded
  const histories = outlineHistories(releases, {draftIsCurrent: options.draftIsCurrent ?? false})
  return {...result, written: await renderSiteCached({site: result.project.site, histories}, compiled, store)}
}

/** Add missing heading ids to the Markdown files of the content folder. Returns the files changed. */
export async function fixContent(options: PipelineOptions = {}): Promise<Array<{file: VFile; ids: string[]}>> {
  const source = await loadContent(options.content ?? 'content')
  const changed: Array<{file: VFile; ids: string[]}> = []
  for (const [relative, file] of source.files) {
    if (!relative.endsWith('.md') || file.messages.length > 0) continue
    const fixes = planHeadingIds(file)
    if (fixes.length === 0) continue
    const full = path.join(source.root, ...relative.split('/'))
    const original = await fs.readFile(full, 'utf8')
    // Re-plan against the exact bytes on disk (a BOM is kept) so offsets match.
    const bom = original.startsWith('\uFEFF') ? '\uFEFF' : ''
    await writeFileAtomically(full, bom + applyHeadingIds(String(file.value), fixes))
    changed.push({file, ids: fixes.map((fix) => fix.id)})
  }
  return changed
}

async function writeFileAtomically(file: string, text: string): Promise<void> {
  const temporary = `${file}.policypress-${process.pid}.tmp`
  await fs.writeFile(temporary, text)
  await fs.rename(temporary, file)
}

function isWithin(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner)
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
}
