/**
 * The history of one document in one locale: its releases (published versions, then the draft in
 * the working copy) and what changed between consecutive ones.
 */
import type {DataType, PolicyDocument, PolicyList, PolicyMeta, Project, SiteConfig} from '../model/types.js'
import type {DocumentDiff} from '../diff/types.js'
import {diffDocuments} from '../diff/document.js'
import {diffLists, type ListDiff} from '../lists/diff.js'
import {listKinds} from '../lists/fields.js'
import {assessMateriality, type Materiality} from './material.js'

/** One release of a document: a published version or the unpublished draft. */
export interface Release {
  document: string
  version: string
  status: 'published' | 'draft'
  /** Everything the release was built from. */
  project: Project
}

/** A release in one locale. */
export interface LocaleRelease {
  release: Release
  document: PolicyDocument
  lists: PolicyList[]
  vocabulary: DataType[]
}

/** What changed from one release to the next. */
export interface VersionChange {
  /** `undefined` for the first release. */
  from: LocaleRelease | undefined
  to: LocaleRelease
  diff: DocumentDiff
  lists: ListDiff[]
  materiality: Materiality
}

/** The history of one document in one locale. */
export interface LocaleHistory {
  document: string
  locale: string
  /** Oldest first; a draft, if any, last. */
  releases: LocaleRelease[]
  /** One per release after the first. */
  changes: VersionChange[]
  /** The release the main pages show: the latest published one, else the draft. */
  current: LocaleRelease
}

/**
 * Histories of every document and locale, from `releases` (per document, oldest first).
 * A locale missing from a release is skipped for that release.
 *
 * @param options.draftIsCurrent show the draft on the main pages (the preview does; default false).
 */
export function buildHistories(releases: Release[][], site: SiteConfig, options: {draftIsCurrent?: boolean} = {}): LocaleHistory[] {
  const histories: LocaleHistory[] = []
  for (const documentReleases of releases) {
    const locales = new Set(documentReleases.flatMap((release) => release.project.documents.filter((d) => d.id === release.document).map((d) => d.locale)))
    for (const locale of [...locales].sort()) {
      const inLocale: LocaleRelease[] = []
      for (const release of documentReleases) {
        const document = release.project.documents.find((d) => d.id === release.document && d.locale === locale)
        if (!document) continue
        const lists = release.project.lists.filter((list) => list.documentId === release.document && list.locale === locale)
        inLocale.push({release, document, lists, vocabulary: release.project.vocabulary})
      }
      const first = inLocale[0]
      if (!first) continue
      const changes: VersionChange[] = []
      for (let index = 1; index < inLocale.length; index++) {
        changes.push(compareReleases(inLocale[index - 1], inLocale[index]!, site))
      }
      // The preview shows the draft where users will see it; a build shows what is published.
      const current = (options.draftIsCurrent ? inLocale.at(-1) : [...inLocale].reverse().find((r) => r.release.status === 'published')) ?? first
      histories.push({document: first.document.id, locale, releases: inLocale, changes, current})
    }
  }
  return histories
}

/**
 * Changes already compared, by the newer document: a build checks the notice period of the draft
 * against the latest published version and then renders the same comparison.
 */
const compared = new WeakMap<PolicyDocument, Array<{from: LocaleRelease | undefined; to: LocaleRelease; site: SiteConfig; change: VersionChange}>>()

/** Diff two releases of a document in one locale and assess the change. */
export function compareReleases(from: LocaleRelease | undefined, to: LocaleRelease, site: SiteConfig): VersionChange {
  const earlier = compared.get(to.document) ?? []
  // Models are never changed once compiled: the same objects, the same comparison.
  const same = earlier.find((entry) => entry.site === site && sameRelease(entry.from, from) && sameRelease(entry.to, to))
  if (same) return {...same.change, from, to}
  const change = compareAnew(from, to, site)
  compared.set(to.document, [...earlier.slice(-3), {from, to, site, change}])
  return change
}

function sameRelease(a: LocaleRelease | undefined, b: LocaleRelease | undefined): boolean {
  if (!a || !b) return a === b
  return a.document === b.document && a.release.project === b.release.project && a.release.status === b.release.status
}

function compareAnew(from: LocaleRelease | undefined, to: LocaleRelease, site: SiteConfig): VersionChange {
  const empty: PolicyDocument = {...to.document, preamble: [], sections: []}
  const diff = diffDocuments(from?.document ?? empty, to.document)
  const lists = listKinds
    .map((kind) => diffLists(kind, from?.lists.find((l) => l.kind === kind), to.lists.find((l) => l.kind === kind)))
    .filter((list) => list.entries.length > 0)
  const vocabulary = mergeVocabulary(from?.vocabulary ?? [], to.vocabulary)
  const materiality = assessMateriality({document: to.document, diff, lists, vocabulary, site})
  return {from, to, diff, lists, materiality}
}

/** The newer definition of each type wins; types only the old version knew are kept for names. */
function mergeVocabulary(old: DataType[], next: DataType[]): DataType[] {
  const merged = new Map(old.map((type) => [type.id, type]))
  for (const type of next) merged.set(type.id, type)
  return [...merged.values()]
}

/** A document's front matter and where it lives, without its text: what navigation and indexes show. */
export type DocumentMeta = PolicyMeta & {path: string}

/** A list known by its kind, title and place. */
export type ListMeta = Pick<PolicyList, 'kind' | 'documentId' | 'locale' | 'title' | 'path'>

/**
 * A release known by its metadata, its models read only when a page that is not cached needs them:
 * a portal of hundreds of versions is rebuilt without parsing every one of them again.
 */
export interface ReleaseOutline {
  document: string
  version: string
  status: 'published' | 'draft'
  /** Hash of every file the release is compiled from (equal keys, equal models); `undefined` when unknown. */
  key: string | undefined
  /** SHA-256 of each file of the release by content-relative path, when known (finer cache keys). */
  files?: Record<string, string> | undefined
  /** Metadata per locale, sorted by locale. */
  locales: Array<{document: DocumentMeta; lists: ListMeta[]}>
  /** The compiled release. */
  load(): Promise<Release>
}

/** A release in one locale, by its metadata. */
export interface ReleaseHandle {
  release: ReleaseOutline
  document: DocumentMeta
  lists: ListMeta[]
}

/** Two consecutive releases in one locale; the diff is computed when a page needs it. */
export interface ChangeHandle {
  /** `undefined` for the first release. */
  from: ReleaseHandle | undefined
  to: ReleaseHandle
}

/** The history of one document in one locale, by metadata. */
export interface HistoryOutline {
  document: string
  locale: string
  /** Oldest first; a draft, if any, last. */
  releases: ReleaseHandle[]
  /** One per release after the first. */
  changes: ChangeHandle[]
  /** The release the main pages show: the latest published one, else the draft. */
  current: ReleaseHandle
}

/** Metadata of a compiled release, per locale: what a `ReleaseOutline` carries. */
export function outlineLocales(release: Release): ReleaseOutline['locales'] {
  return release.project.documents
    .filter((document) => document.id === release.document)
    .map((document) => ({
      document: documentMeta(document),
      lists: release.project.lists
        .filter((list) => list.documentId === release.document && list.locale === document.locale)
        .map(({kind, documentId, locale, title, path}) => ({kind, documentId, locale, title, path}))
    }))
    .sort((a, b) => (a.document.locale < b.document.locale ? -1 : a.document.locale > b.document.locale ? 1 : 0))
}

/** The metadata of `document`. */
export function documentMeta(document: PolicyDocument): DocumentMeta {
  const {preamble, sections, metaPlaces, ...meta} = document
  return meta
}

/** Outlines of already compiled releases (nothing to load). */
export function outlineOf(release: Release, key?: string): ReleaseOutline {
  return {document: release.document, version: release.version, status: release.status, key, locales: outlineLocales(release), load: async () => release}
}

/**
 * Histories of every document and locale by metadata, from `releases` (per document, oldest first):
 * the same shape `buildHistories` computes, without diffing anything.
 */
export function outlineHistories(releases: ReleaseOutline[][], options: {draftIsCurrent?: boolean} = {}): HistoryOutline[] {
  const histories: HistoryOutline[] = []
  for (const documentReleases of releases) {
    const locales = new Set(documentReleases.flatMap((release) => release.locales.map((l) => l.document.locale)))
    for (const locale of [...locales].sort()) {
      const inLocale: ReleaseHandle[] = []
      for (const release of documentReleases) {
        const found = release.locales.find((l) => l.document.locale === locale)
        if (found) inLocale.push({release, document: found.document, lists: found.lists})
      }
      const first = inLocale[0]
      if (!first) continue
      const changes = inLocale.slice(1).map((to, index) => ({from: inLocale[index], to}))
      const current = (options.draftIsCurrent ? inLocale.at(-1) : [...inLocale].reverse().find((r) => r.release.status === 'published')) ?? first
      histories.push({document: first.document.id, locale, releases: inLocale, changes, current})
    }
  }
  return histories
}

/** The compiled release in one locale that `handle` stands for. */
export function resolveHandle(handle: ReleaseHandle, release: Release): LocaleRelease {
  const document = release.project.documents.find((d) => d.id === release.document && d.locale === handle.document.locale)
  if (!document) throw new Error(`Release ${release.document} ${release.version} has no ${handle.document.locale} document`)
  const lists = release.project.lists.filter((list) => list.documentId === release.document && list.locale === document.locale)
  return {release, document, lists, vocabulary: release.project.vocabulary}
}
