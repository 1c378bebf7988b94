/**
 * Render stage: the histories of every document → every file of `dist/`, as plain data. Writing is
 * another stage.
 *
 * The site is planned as units (the pages of one release, the pages of one change) whose output
 * depends only on what their key names, then finished with the pages that list everything (history,
 * indexes, feed). `renderSite` renders every unit; `renderSiteCached` takes unchanged units from a
 * cache and loads a release's models only when one of its units must be rendered.
 */
import type {PolicyDocument, Project, SiteConfig} from '../model/types.js'
import {
  buildHistories,
  compareReleases,
  outlineHistories,
  outlineOf,
  resolveHandle,
  type ChangeHandle,
  type HistoryOutline,
  type LocaleHistory,
  type LocaleRelease,
  type Release,
  type ReleaseHandle,
  type ReleaseOutline
} from '../changes/history.js'
import type {ChangeSummary} from '../changes/summary.js'
import {cacheKey, codeFingerprint} from '../cache/key.js'
import type {CacheStore, TextStore} from '../cache/store.js'
import {sha256} from '../versions/lock.js'
import type {Templates} from './templates.js'
import {outputPathOf} from './paths.js'
import {listSharedFiles, renderList} from './lists.js'
import {portalCssPath, renderInAppPolicy, renderPortalPolicy, type Notice, type Placement} from './policy-pages.js'
import {historyPaths, historySharedFiles, releaseSegment, renderChange, renderFeed, renderHistoryPage, renderVersionIndex} from './history.js'
import {label} from './labels.js'

export {portalCssPath} from './policy-pages.js'

/** Where policy texts live in a release: `<document id>/<locale>/index.md`. */
const policyPath = /^[^/]+\/[^/]+\/index\.md$/

/** One file of the build output. */
export interface OutputFile {
  /** Path relative to the output folder, `/`-separated. */
  path: string
  /** The text (read from the cache on first use when the file came from one). */
  contents: string
  /** SHA-256 of `contents`, when known: the writer keeps an unchanged file without reading it. */
  hash?: string | undefined
}

/** Everything a site is rendered from. */
export interface SiteModel {
  site: SiteConfig
  /** One per document and locale. */
  histories: LocaleHistory[]
}

/** A site of the working copy alone, as if nothing were published (one draft release per document). */
export function siteOfProject(project: Project): SiteModel {
  const ids = [...new Set(project.documents.map((document) => document.id))]
  const releases: Release[][] = ids.map((id) => [
    {document: id, version: project.documents.find((d) => d.id === id)?.version ?? '', status: 'draft', project}
  ])
  return {site: project.site, histories: buildHistories(releases, project.site)}
}

/** What a unit renders: its files and, for a change, its summary (the history page and feed list them). */
export interface UnitOutput {
  files: OutputFile[]
  summary?: ChangeSummary | undefined
}

/** A part of the site whose files depend on nothing but what its key is computed from. */
export interface RenderUnit {
  /** Hash of every input of the unit; `undefined` when a release in it has no key (never cached). */
  key: string | undefined
  /** Releases whose models `render` reads. */
  needs: ReleaseOutline[]
  /** Render, given the compiled release of each handle in `needs`. */
  render(resolve: (handle: ReleaseHandle) => LocaleRelease): UnitOutput
}

/** The units of a site and the pages made from all of them. */
export interface SitePlan {
  units: RenderUnit[]
  /**
   * The files of the whole site, sorted by path, from the outputs of `units` (same order). Pages made
   * from all of them (history, index) are taken from `cache` when their view is the same.
   */
  finish(outputs: UnitOutput[], cache?: CacheStore): OutputFile[]
}

/** Render every output file, sorted by path. Same input, same bytes. */
export function renderSite(model: SiteModel, templates: Templates): OutputFile[] {
  const outlines = new Map<Release, ReleaseOutline>()
  const outline = (release: Release) => {
    let found = outlines.get(release)
    if (!found) outlines.set(release, (found = outlineOf(release)))
    return found
  }
  const byDocument = new Map<string, Release[]>()
  for (const history of model.histories) {
    const releases = byDocument.get(history.document) ?? []
    for (const release of history.releases) if (!releases.includes(release.release)) releases.push(release.release)
    byDocument.set(history.document, releases)
  }
  const histories = outlineHistories([...byDocument.values()].map((releases) => releases.map(outline)))
  // Keep each history's own choice of current release.
  for (const history of histories) {
    const given = model.histories.find((h) => h.document === history.document && h.locale === history.locale)
    const current = given && history.releases.find((handle) => handle.release === outlines.get(given.current.release))
    if (current) history.current = current
  }
  const plan = planSite({site: model.site, histories}, templates)
  const compiled = new Map([...outlines].map(([release, outline]) => [outline, release]))
  return plan.finish(plan.units.map((unit) => unit.render((handle) => resolveHandle(handle, compiled.get(handle.release)!))))
}

/** A unit as cached: its files by hash (texts in the cache's text store) or with their texts. */
interface StoredUnit {
  files: Array<{path: string; hash: string; contents?: string}>
  summary?: ChangeSummary | undefined
}

/**
 * Render every output file like `renderSite`, taking units from `cache` when their key is there and
 * loading (at most a few) release models at a time for the units that must be rendered. With a cache
 * that stores texts, the files of a unit are read from it only when `contents` is used.
 */
export async function renderSiteCached(
  model: {site: SiteConfig; histories: HistoryOutline[]},
  templates: Templates,
  cache: CacheStore
): Promise<OutputFile[]> {
  const plan = planSite(model, templates)
  const loaded = new Map<ReleaseOutline, Release>()
  const outputs: UnitOutput[] = []
  // With page texts kept apart, the entries of the last build's units are small: one read for all of
  // them instead of one per unit (thousands in a long history). Keyed like the entries, never stale.
  const indexKey = cache.texts ? cacheKey('unit-index', codeFingerprint(), templates.key) : undefined
  const stored = indexKey === undefined ? undefined : cache.get(indexKey)
  const index = new Map<string, StoredUnit>(stored && typeof stored === 'object' ? Object.entries(stored as Record<string, StoredUnit>) : [])
  const used = new Map<string, StoredUnit>()
  for (const unit of plan.units) {
    const entry = unit.key === undefined ? undefined : (index.get(unit.key) ?? (cache.get(unit.key) as StoredUnit | undefined))
    const cached = fromCache(entry, cache)
    if (cached) {
      if (unit.key !== undefined) used.set(unit.key, entry!)
      outputs.push(cached)
      continue
    }
    for (const release of unit.needs) {
      if (loaded.has(release)) continue
      loaded.set(release, await release.load())
      // Units come in release order: a few models in memory are enough, however long the history.
      for (const old of loaded.keys()) if (loaded.size > 3 && !unit.needs.includes(old)) loaded.delete(old)
    }
    const output = unit.render((handle) => resolveHandle(handle, loaded.get(handle.release)!))
    const files = output.files.map((file) => ({...file, hash: sha256(file.contents)}))
    if (unit.key !== undefined) {
      const entry = toCache({files, summary: output.summary}, cache)
      cache.set(unit.key, entry)
      used.set(unit.key, entry)
    }
    // Kept by the cache, a long history's pages need not stay in memory until they are written.
    outputs.push({files: cache.texts ? files.map((file) => storedFile(file, cache.texts!)) : files, summary: output.summary})
  }
  if (indexKey !== undefined && (used.size !== index.size || [...used.keys()].some((key) => !index.has(key)))) {
    cache.set(indexKey, Object.fromEntries(used))
  }
  return plan.finish(outputs, cache)
}

/** `templates` whose pages are taken from `cache` when rendered from the same view before. */
function viewCached(templates: Templates, cache: CacheStore): Templates {
  return {
    ...templates,
    render(name, view) {
      const key = cacheKey('page', codeFingerprint(), templates.key, name, view)
      const cached = cache.get(key)
      if (typeof cached === 'string') return cached
      const html = templates.render(name, view)
      cache.set(key, html)
      return html
    }
  }
}

function toCache(output: {files: Array<OutputFile & {hash: string}>; summary: ChangeSummary | undefined}, cache: CacheStore): StoredUnit {
  const {texts} = cache
  if (!texts) return output
  for (const file of output.files) texts.set(file.hash, file.contents)
  return {files: output.files.map(({path, hash}) => ({path, hash})), summary: output.summary}
}

function fromCache(entry: StoredUnit | undefined, cache: CacheStore): UnitOutput | undefined {
  if (!entry || !Array.isArray(entry.files)) return undefined
  const files: OutputFile[] = []
  for (const file of entry.files) {
    if (typeof file.contents === 'string') files.push({path: file.path, contents: file.contents, hash: file.hash})
    // Not checked now (thousands of files): a text found missing when it is read fails the build
    // over to one without the cache (`CacheDamagedError`).
    else if (cache.texts && typeof file.hash === 'string') files.push(storedFile(file, cache.texts))
    else return undefined
  }
  return {files, summary: entry.summary}
}

/** A file whose text is read from `texts` when needed. */
function storedFile({path, hash}: {path: string; hash: string}, texts: TextStore): OutputFile {
  // Only the path and hash are kept: holding on to the rendered file would keep its text in memory.
  return {
    path,
    hash,
    get contents(): string {
      const text = texts.get(hash)
      if (text === undefined) throw new CacheDamagedError(path)
      return text
    }
  }
}

/** A text the cache said it had went missing or changed while a build was running. */
export class CacheDamagedError extends Error {
  constructor(path: string) {
    super(`The build cache lost the text of \`${path}\` during the build`)
    this.name = 'CacheDamagedError'
  }
}

/** Plan the units of a site. Reads only metadata: no release is loaded. */
export function planSite(model: {site: SiteConfig; histories: HistoryOutline[]}, templates: Templates): SitePlan {
  const {site, histories} = model
  const css = {
    portal: templates.css('base', 'portal', 'lists', 'diff'),
    inApp: templates.css('base', 'inapp', 'lists', 'diff')
  }
  // Everything every unit depends on besides its own releases.
  const common = cacheKey('site', codeFingerprint(), templates.key, site)
  const units: RenderUnit[] = []
  /** Units of each history, to hand their outputs to the history page. */
  const changeUnits = new Map<HistoryOutline, number[]>()

  for (const history of histories) {
    const published = history.releases.filter((release) => release.release.status === 'published')
    const labels = templates.labels(history.locale)
    const paths = historyPaths(history)
    const siblingsOf = (release: ReleaseHandle) =>
      histories
        .filter((other) => other.document === history.document)
        .flatMap((other) => other.releases.filter((r) => r.release === release.release).map((r) => ({locale: r.document.locale, path: r.document.path})))
    const changeInto = (release: ReleaseHandle) => history.changes.find((c) => c.to === release)

    // The main pages show the current release.
    const current = history.current
    const currentChange = changeInto(current)
    const currentNotice = (): Notice => {
      const links = history.releases.length > 1 ? [{text: label(labels, 'viewHistory'), target: paths.history}] : []
      if (currentChange) links.unshift({text: label(labels, 'viewDiff'), target: paths.diff(currentChange)})
      if (current.release.status === 'published') {
        return {kind: 'current', text: label(labels, 'noticeCurrent', {version: current.document.version, effective: current.document.effective}), links}
      }
      return {kind: 'draft', text: label(labels, published.length > 0 ? 'noticeDraft' : 'noticeUnpublished', {version: current.document.version}), links}
    }
    units.push(
      ...releaseUnits(current, {
        notice: published.length > 0 || history.releases.length > 1 ? currentNotice() : undefined,
        siblings: siblingsOf(current),
        lists: current.lists
      }, true)
    )

    for (const release of history.releases) {
      if (release.release.status === 'draft' && release === current) continue
      const change = changeInto(release)
      const links = [{text: label(labels, 'viewHistory'), target: paths.history}]
      if (change) links.unshift({text: label(labels, 'viewDiff'), target: paths.diff(change)})
      let notice: Notice
      if (release.release.status === 'draft') notice = {kind: 'draft', text: label(labels, 'noticeDraft', {version: release.document.version}), links}
      else if (release === current) notice = {kind: 'current', text: label(labels, 'noticeCurrent', {version: release.document.version, effective: release.document.effective}), links}
      else {
        links.unshift({text: label(labels, 'viewCurrent'), target: outputPathOf(current.document.path, 'portal')})
        notice = {kind: 'archived', text: label(labels, 'noticeArchived', {version: release.document.version, effective: release.document.effective}), links}
      }
      units.push(
        ...releaseUnits(release, {segment: releaseSegment(release), notice, siblings: siblingsOf(release), lists: release.lists, noindex: release.release.status === 'draft'}, false)
      )
    }

    if (history.releases.length > 1 || published.length > 0) {
      changeUnits.set(history, history.changes.map((change) => units.push(changeUnit(change, history)) - 1))
    }
  }

  return {units, finish}

  /** The policy pages of a release, and the pages of each of its lists. */
  function releaseUnits(release: ReleaseHandle, placement: Placement, inApp: boolean): RenderUnit[] {
    const {key: releaseKey, files} = release.release
    const policy: RenderUnit = {
      key: releaseKey === undefined ? undefined : cacheKey('policy-pages', common, releaseKey, release.document.locale, placement, inApp),
      needs: [release.release],
      render(resolve) {
        const {document} = resolve(release)
        const files: OutputFile[] = [renderPortalPolicy(document, site, templates, placement)]
        if (inApp) files.push(renderInAppPolicy(document, site, templates, css.inApp, placement))
        return {files}
      }
    }
    // A list is compiled from every file of its release but the policy texts, whose metadata it shows:
    // editing the policy text leaves its lists' pages as they were.
    const listFiles = files && Object.entries(files).filter(([file]) => !policyPath.test(file))
    const lists = release.lists.map((list): RenderUnit => ({
      key: listFiles === undefined ? undefined : cacheKey('list-pages', common, listFiles, release.document, list, placement.segment, inApp),
      needs: [release.release],
      render(resolve) {
        const compiled = resolve(release)
        const found = compiled.lists.find((l) => l.kind === list.kind)!
        return {files: renderList({list: found, project: compiled.release.project, document: compiled.document, templates, css, segment: placement.segment, inApp})}
      }
    }))
    return [policy, ...lists]
  }

  function changeUnit(change: ChangeHandle, history: HistoryOutline): RenderUnit {
    const toIsCurrent = change.to === history.current
    const keys = [change.from?.release.key ?? null, change.to.release.key]
    const key = keys.includes(undefined)
      ? undefined
      : cacheKey('change', common, keys, history.document, history.locale, history.current.document.title, change.to.release.status, toIsCurrent)
    return {
      key,
      needs: change.from ? [change.from.release, change.to.release] : [change.to.release],
      render(resolve) {
        const compared = compareReleases(change.from && resolve(change.from), resolve(change.to), site)
        return renderChange(compared, {history, toIsCurrent}, site, templates, css.inApp)
      }
    }
  }

  function finish(outputs: UnitOutput[], cache?: CacheStore): OutputFile[] {
    const pages = cache ? viewCached(templates, cache) : templates
    const files: OutputFile[] = [{path: portalCssPath, contents: css.portal}]
    if (histories.some((history) => history.releases.some((release) => release.lists.length > 0))) files.push(...listSharedFiles(templates))
    if (histories.some((history) => history.changes.length > 0)) files.push(...historySharedFiles(templates))
    for (const output of outputs) files.push(...output.files)
    const summaries: ChangeSummary[] = []
    for (const [history, indexes] of changeUnits) {
      const own = indexes.map((index) => outputs[index]!.summary!)
      summaries.push(...own)
      files.push(renderHistoryPage(history, own, site, pages))
    }
    files.push(...renderVersionIndex(histories, site), ...renderFeed(summaries, site))
    files.push(renderIndex(histories, site, pages))
    return dedupe(files).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  }
}

function renderIndex(histories: HistoryOutline[], site: SiteConfig, templates: Templates): OutputFile {
  const path = 'index.html'
  const ids = [...new Set(histories.map((history) => history.document))]
  const labels = templates.labels(site.locale)
  const currentOf = (id: string): Array<Pick<PolicyDocument, 'locale' | 'title' | 'path' | 'version' | 'updated' | 'effective'>> =>
    histories.filter((h) => h.document === id).map((h) => h.current.document)
  const view = {
    lang: site.locale,
    siteTitle: site.title,
    labels,
    assets: {css: portalCssPath},
    documents: ids.map((id) => {
      const locales = currentOf(id)
      return {
        id,
        title: (locales.find((document) => document.locale === site.locale) ?? locales[0])?.title ?? id,
        locales: locales.map((document) => {
          const history = histories.find((h) => h.document === id && h.locale === document.locale)!
          return {
            locale: document.locale,
            label: templates.labels(document.locale)['languageName'] ?? document.locale,
            title: document.title,
            href: outputPathOf(document.path, 'portal'),
            inAppHref: outputPathOf(document.path, 'app'),
            historyHref: history.releases.length > 1 || history.current.release.status === 'published' ? historyPaths(history).history : '',
            lists: history.current.lists.map((list) => ({title: list.title, href: outputPathOf(list.path, 'portal')})),
            version: document.version,
            updated: document.updated,
            effective: document.effective
          }
        })
      }
    })
  }
  return {path, contents: templates.render('index', view)}
}

/** A release rendered twice (the current one is also at its permanent URL) must not duplicate files. */
function dedupe(files: OutputFile[]): OutputFile[] {
  const seen = new Map<string, OutputFile>()
  for (const file of files) seen.set(file.path, file)
  return [...seen.values()]
}
