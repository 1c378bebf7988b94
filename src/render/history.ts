/**
 * History, diff pages, change summaries, the version index and the feed of one document's releases.
 */
import {Feed} from 'feed'
import {z} from 'zod'
import type {SiteConfig} from '../model/types.js'
import type {HistoryOutline, LocaleRelease, VersionChange} from '../changes/history.js'
import {buildChangeSummary, changeSummarySchema, type ChangeSummary} from '../changes/summary.js'
import {renderDiffBody, renderOps, diffLabelsEn, diffLabelsZh} from '../diff/html.js'
import {diffText} from '../diff/words.js'
import type {DiffOp} from '../diff/types.js'
import type {EntryChange, FieldChange} from '../lists/diff.js'
import {listFields, listTitles, localized, type FieldType} from '../lists/fields.js'
import {dataTypeName} from '../lists/vocabulary.js'
import {escapeHtml} from './html.js'
import {outputPathOf, relativeUrl} from './paths.js'
import {portalCssPath} from './policy-pages.js'
import type {Templates} from './templates.js'
import type {OutputFile} from './site.js'
import {label} from './labels.js'
import {withNotices} from '../notices/render.js'
import type {NoticeTemplates} from '../notices/templates.js'

/** Output path of the diff-navigation script. */
export const diffScriptPath = 'assets/diff-nav.js'
/** Output path of the change-summary JSON Schema. */
export const changeSummarySchemaPath = 'schemas/change-summary.schema.json'
/** Output path of the Atom feed of published change summaries. */
export const feedPath = 'changes.atom'

/** A release as paths see it: its status, version and source path. */
interface ReleasePlace {
  release: {status: 'published' | 'draft'; version: string}
  document: {path: string}
}

/** Key of a release in file names: its version, or `draft`. */
export function releaseKey(release: ReleasePlace): string {
  return release.release.status === 'draft' ? 'draft' : release.release.version
}

/** Folder of a release below `<doc>/<locale>/`. */
export function releaseSegment(release: ReleasePlace): string {
  return release.release.status === 'draft' ? 'draft' : `v/${release.release.version}`
}

/** Output paths of one document's history in one locale. */
export function historyPaths(history: {document: string; locale: string}) {
  const base = `${history.document}/${history.locale}`
  const changeKey = (change: {from: ReleasePlace | undefined; to: ReleasePlace}) => `${change.from ? releaseKey(change.from) : 'initial'}..${releaseKey(change.to)}`
  return {
    history: `${base}/history.html`,
    release: (release: ReleasePlace) => outputPathOf(release.document.path, 'portal', releaseSegment(release)),
    diff: (change: {from: ReleasePlace | undefined; to: ReleasePlace}, full = false) => `${base}/diff/${changeKey(change)}${full ? '.full' : ''}.html`,
    appDiff: (change: {from: ReleasePlace | undefined; to: ReleasePlace}) => `app/${base}/diff/${changeKey(change)}.html`,
    summary: (change: {to: ReleasePlace}) => `${base}/changes/${releaseKey(change.to)}.json`,
    versions: `${history.document}/versions.json`
  }
}

/**
 * The change summary of `change` with its notice texts, links absolute when the site has a `url`.
 * Notice templates default to the shipped ones.
 */
export function summaryOf(change: VersionChange, history: {document: string; locale: string}, site: SiteConfig, notices?: NoticeTemplates): ChangeSummary {
  const paths = historyPaths(history)
  const link = (path: string) => (site.url ? new URL(path, site.url).href : path)
  const summary = buildChangeSummary({
    from: change.from?.document,
    to: change.to.document,
    status: change.to.release.status,
    diff: change.diff,
    lists: change.lists,
    materiality: change.materiality,
    vocabulary: change.to.vocabulary,
    links: {
      diff: link(paths.diff(change)),
      diffFull: link(paths.diff(change, true)),
      version: link(paths.release(change.to)),
      previous: change.from ? link(paths.release(change.from)) : null,
      history: link(paths.history),
      section: (id, removed) => link(`${paths.release(removed && change.from ? change.from : change.to)}#${id}`)
    }
  })
  return withNotices(summary, site, notices)
}

/** Files shared by all histories: the summary schema and the navigation script. */
export function historySharedFiles(templates: Templates): OutputFile[] {
  const files: OutputFile[] = [
    {path: changeSummarySchemaPath, contents: json({...(z.toJSONSchema(changeSummarySchema) as object), $id: changeSummarySchemaPath, title: 'policypress change summary'})}
  ]
  const script = templates.script('diff-nav')
  if (script !== undefined) files.push({path: diffScriptPath, contents: script})
  return files
}

/** The history page of one document in one locale, from the summaries of its changes (in order). */
export function renderHistoryPage(history: HistoryOutline, summaries: ChangeSummary[], site: SiteConfig, templates: Templates): OutputFile {
  const paths = historyPaths(history)
  const labels = templates.labels(history.locale)
  const rows = [...history.releases].reverse().map((release) => {
    const index = history.changes.findIndex((c) => c.to === release)
    const change = history.changes[index]
    const summary = summaries[index]
    const isCurrent = release === history.current
    const status = release.release.status === 'draft' ? 'statusDraft' : isCurrent ? 'statusCurrent' : 'statusArchived'
    return {
      version: release.document.version,
      updated: release.document.updated,
      effective: release.document.effective,
      href: relativeUrl(paths.history, paths.release(release)),
      statusText: label(labels, status),
      isCurrent,
      isDraft: release.release.status === 'draft',
      diffHref: change ? relativeUrl(paths.history, paths.diff(change)) : '',
      diffText: change ? label(labels, 'viewDiff') : '',
      summaryHref: change ? relativeUrl(paths.history, paths.summary(change)) : '',
      materialText: summary ? label(labels, summary.material ? 'materialYes' : 'materialNo') : '',
      consentText: summary?.separateConsent ? label(labels, 'consentNeeded') : ''
    }
  })
  return {
    path: paths.history,
    contents: templates.render('history', {
      ...pageBase(history, site, labels, paths.history),
      heading: label(labels, 'historyHeading'),
      intro: label(labels, 'historyIntro', {title: history.current.document.title}),
      rows,
      indexJsonHref: relativeUrl(paths.history, paths.versions),
      indexJsonText: label(labels, 'versionsJson')
    })
  }
}

/** Where a change sits in its history, as its pages show it. */
export interface ChangePlace {
  /** The history the change belongs to (its current release titles the pages). */
  history: HistoryOutline
  /** Whether the newer release of the change is the one the main pages show. */
  toIsCurrent: boolean
}

/** Diff pages (portal: changed-only and full; in-app) and the summary JSON of one change, with the summary. */
export function renderChange(
  change: VersionChange,
  place: ChangePlace,
  site: SiteConfig,
  templates: Templates,
  inAppCss: string
): {files: OutputFile[]; summary: ChangeSummary} {
  const {history} = place
  const paths = historyPaths(history)
  const labels = templates.labels(history.locale)
  const summary = summaryOf(change, history, site, templates.notices.compiled())
  const files: OutputFile[] = [{path: paths.summary(change), contents: json(summary)}]
  for (const full of [false, true]) {
    const path = paths.diff(change, full)
    files.push({path, contents: templates.render('diff', diffView(change, summary, place, site, labels, path, full, false))})
  }
  const appPath = paths.appDiff(change)
  files.push({path: appPath, contents: templates.render('diff-inapp', {...diffView(change, summary, place, site, labels, appPath, false, true), css: inAppCss})})
  return {files, summary}
}

/** `<doc>/versions.json`: every published version per locale, to answer "which version was in force on date D". */
export function renderVersionIndex(histories: HistoryOutline[], site: SiteConfig): OutputFile[] {
  const byDocument = new Map<string, HistoryOutline[]>()
  for (const history of histories) byDocument.set(history.document, [...(byDocument.get(history.document) ?? []), history])
  const published = [...byDocument].filter(([, locales]) => locales.some((h) => h.releases.some((r) => r.release.status === 'published')))
  return published.map(([document, locales]) => {
    const link = (path: string) => (site.url ? new URL(path, site.url).href : path)
    const data = {
      schemaVersion: 1,
      document,
      note: 'The version in force on date D is the one with the latest `effective` on or before D.',
      locales: Object.fromEntries(
        locales.map((history) => [
          history.locale,
          history.releases
            .filter((release) => release.release.status === 'published')
            .map((release) => ({
              version: release.document.version,
              updated: release.document.updated,
              effective: release.document.effective,
              url: link(historyPaths(history).release(release))
            }))
        ])
      )
    }
    return {path: historyPaths({document, locale: ''}).versions, contents: json(data)}
  })
}

/** The version of `document` in force on `date` (`YYYY-MM-DD`), from a `versions.json` locale list. */
export function versionInForce<T extends {effective: string}>(versions: T[], date: string): T | undefined {
  return versions.filter((version) => version.effective <= date).sort((a, b) => (a.effective < b.effective ? -1 : a.effective > b.effective ? 1 : 0)).at(-1)
}

/** The Atom feed of published change summaries (needs the site `url`: feed links must be absolute). */
export function renderFeed(changeSummaries: ChangeSummary[], site: SiteConfig): OutputFile[] {
  if (!site.url) return []
  const summaries = changeSummaries.filter((summary) => summary.status === 'published')
  summaries.sort((a, b) => (a.to.updated === b.to.updated ? (a.id < b.id ? -1 : 1) : a.to.updated < b.to.updated ? -1 : 1))
  const updated = summaries.at(-1)?.to.updated ?? '1970-01-01'
  const feed = new Feed({
    title: `${site.title}`,
    id: new URL(feedPath, site.url).href,
    link: site.url,
    updated: new Date(`${updated}T00:00:00Z`),
    copyright: site.title,
    generator: 'policypress',
    // Atom requires an author of the feed (RFC 4287 4.1.1): the portal that publishes the policies.
    author: {name: site.title, link: site.url}
  })
  for (const summary of summaries) {
    // The feed library marks titles and summaries `type="html"`: the author's plain text must be escaped,
    // or a reader would render `<b>` in a summary as markup and `&amp;` as `&`.
    feed.addItem({
      title: escapeHtml(`${summary.title} ${summary.to.version}${summary.material ? ' ★' : ''}`),
      id: new URL(`${summary.document}/${summary.locale}/changes/${summary.to.version}.json`, site.url).href,
      link: summary.links.diff,
      date: new Date(`${summary.to.updated}T00:00:00Z`),
      description: escapeHtml(summary.summary)
    })
  }
  return [{path: feedPath, contents: feed.atom1()}]
}

function pageBase(history: HistoryOutline, site: SiteConfig, labels: Record<string, string>, path: string) {
  return {
    lang: history.locale,
    siteTitle: site.title,
    title: history.current.document.title,
    labels,
    assets: {css: relativeUrl(path, portalCssPath), script: relativeUrl(path, diffScriptPath)},
    home: relativeUrl(path, 'index.html'),
    inAppHref: '',
    alternates: [],
    toc: [],
    bodyHtml: '',
    notice: false
  }
}

function diffView(
  change: VersionChange,
  summary: ChangeSummary,
  {history, toIsCurrent}: ChangePlace,
  site: SiteConfig,
  labels: Record<string, string>,
  path: string,
  full: boolean,
  inApp: boolean
) {
  const paths = historyPaths(history)
  const en = history.locale.startsWith('en')
  const diffHtml = renderDiffBody(change.diff, {changedOnly: !full, labels: en ? diffLabelsEn : diffLabelsZh})
  const changeCount = Number(/data-changes="(\d+)"/.exec(diffHtml)?.[1] ?? 0)
  const side = (release: LocaleRelease | undefined) =>
    release
      ? {version: release.document.version, updated: release.document.updated, effective: release.document.effective, href: inApp ? '' : relativeUrl(path, paths.release(release))}
      : {version: '', updated: '', effective: '', href: ''}
  const draft = change.to.release.status === 'draft'
  return {
    ...pageBase(history, site, labels, path),
    notice: draft ? {kind: 'draft', text: label(labels, 'noticeDraft', {version: change.to.document.version}), links: []} : false,
    heading: label(labels, 'diffHeading', {title: change.to.document.title}),
    from: side(change.from),
    to: {...side(change.to), statusText: label(labels, change.to.release.status === 'draft' ? 'statusDraft' : toIsCurrent ? 'statusCurrent' : 'statusArchived')},
    countsText: (en ? diffLabelsEn : diffLabelsZh).counts
      .replace('{blocks}', String(change.diff.counts.blocksChanged))
      .replace('{inserted}', String(change.diff.counts.charactersInserted))
      .replace('{deleted}', String(change.diff.counts.charactersDeleted)),
    changeCount,
    changeLinks: Array.from({length: changeCount}, (_, index) => ({href: `#change-${index + 1}`, text: label(labels, 'changeLink', {n: index + 1})})),
    material: summary.material,
    materialText: label(labels, summary.material ? 'materialYes' : 'materialNo'),
    reasons: summary.reasons.map((reason) => reason.text),
    consentText: summary.separateConsent ? label(labels, 'consentNeeded') : '',
    consentReasons: summary.consentReasons.map((reason) => reason.text),
    summary: summary.summary,
    changedOnly: !full,
    toggle: inApp
      ? {href: '', text: ''}
      : {href: relativeUrl(path, paths.diff(change, !full)), text: label(labels, full ? 'diffChangedOnly' : 'diffFull')},
    legend: {inserted: (en ? diffLabelsEn : diffLabelsZh).inserted, deleted: (en ? diffLabelsEn : diffLabelsZh).deleted, moved: (en ? diffLabelsEn : diffLabelsZh).moved},
    diffHtml,
    listChanges: change.lists.map((list) => ({
      title: change.to.lists.find((l) => l.kind === list.kind)?.title ?? localized(listTitles[list.kind], history.locale),
      href: inApp ? '' : relativeUrl(path, outputPathOf(`${history.document}/${history.locale}/lists/${list.kind}.md`, 'portal', releaseSegment(change.to))),
      rows: list.entries.map((entry) => listChangeRow(list.kind, entry, labels, history.locale, fieldValueNames(change, history.locale)))
    })),
    summaryHref: inApp ? '' : relativeUrl(path, paths.summary(change)),
    summaryText: label(labels, 'summaryJson')
  }
}

function listChangeRow(kind: keyof typeof listFields, change: EntryChange, labels: Record<string, string>, locale: string, nameOf: (type: FieldType, id: string) => string) {
  const fieldLabel = (key: string) => {
    if (key === 'name') return locale.startsWith('en') ? 'Name' : '名称'
    const spec = listFields[kind].find((field) => field.key === key)
    return spec ? localized(spec.names, locale) : key
  }
  // Information types and permissions by their names, as the list pages show them, not by their ids.
  const text = (key: string, value: unknown) => {
    const type = listFields[kind].find((field) => field.key === key)?.type ?? 'text'
    const shown = (item: unknown) => (typeof item === 'string' ? nameOf(type, item) : String(item))
    if (Array.isArray(value)) return value.map(shown).join(locale.startsWith('en') ? ', ' : '、')
    if (typeof value === 'boolean') return value ? '✓' : '✗'
    return value === undefined ? '' : shown(value)
  }
  const entryFields = (entry: object) =>
    listFields[kind]
      .filter((spec) => (entry as Record<string, unknown>)[spec.key] !== undefined)
      .map((spec) => ({label: localized(spec.names, locale), value: text(spec.key, (entry as Record<string, unknown>)[spec.key])}))
  switch (change.type) {
    case 'added':
      return {name: change.name, id: change.id, kind: 'added', changeText: label(labels, 'changeAdded'), fields: entryFields(change.entry).map((f) => ({label: f.label, oldText: '', newText: f.value}))}
    case 'removed':
      return {name: change.name, id: change.id, kind: 'removed', changeText: label(labels, 'changeRemoved'), fields: entryFields(change.entry).map((f) => ({label: f.label, oldText: f.value, newText: ''}))}
    case 'modified':
      return {
        name: change.name,
        id: change.id,
        kind: 'modified',
        changeText: label(labels, 'changeModified'),
        fields: change.fields.map((field) => ({
          label: fieldLabel(field.field),
          oldText: text(field.field, field.old),
          newText: text(field.field, field.new),
          inlineHtml: inlineChange(field, (item) => text(field.field, item), locale)
        }))
      }
  }
}

/**
 * A changed list field as one text with its insertions and deletions marked, as the policy text is: the
 * words of a purpose, the items of a list of information types. `undefined` when old and new share too
 * little to read that way (the page then shows the old value, then the new one).
 */
function inlineChange(field: FieldChange, shown: (value: unknown) => string, locale: string): string | undefined {
  if (Array.isArray(field.old) && Array.isArray(field.new)) {
    const added = new Set(field.added ?? [])
    const removed = new Set(field.removed ?? [])
    const separator = locale.startsWith('en') ? ', ' : '、'
    const items: DiffOp[] = [
      ...field.old.map((item): DiffOp => ({type: removed.has(String(item)) ? 'delete' : 'equal', text: shown(item)})),
      ...field.new.filter((item) => added.has(String(item))).map((item): DiffOp => ({type: 'insert', text: shown(item)}))
    ]
    if (!items.some((op) => op.type === 'equal')) return undefined
    // Each separator goes with the item after it: `A<del>、B</del><ins>、C</ins>`, one mark per run.
    const ops: DiffOp[] = []
    for (const [index, op] of items.entries()) {
      const text = index === 0 ? op.text : `${separator}${op.text}`
      const last = ops.at(-1)
      if (last && last.type === op.type) last.text += text
      else ops.push({type: op.type, text} as DiffOp)
    }
    return renderOps(ops)
  }
  if (typeof field.old !== 'string' || typeof field.new !== 'string') return undefined
  const ops = diffText(field.old, field.new)
  const kept = ops.filter((op) => op.type === 'equal').reduce((sum, op) => sum + op.text.trim().length, 0)
  return kept >= Math.min(field.old.length, field.new.length) / 2 ? renderOps(ops) : undefined
}

/** Names of information types (vocabulary) and permissions (permissions list) in either version of `change`. */
function fieldValueNames(change: VersionChange, locale: string): (type: FieldType, id: string) => string {
  const types = new Map([...(change.from?.vocabulary ?? []), ...change.to.vocabulary].map((type) => [type.id, type]))
  const permissions = new Map(
    [...(change.from?.lists ?? []), ...change.to.lists].filter((list) => list.kind === 'permissions').flatMap((list) => list.entries.map((entry) => [entry.id, entry.name] as const))
  )
  return (type, id) => {
    if (type === 'data' || type === 'data-one') {
      const found = types.get(id)
      return found ? dataTypeName(found, locale) : id
    }
    return type === 'permissions' ? permissions.get(id) ?? id : id
  }
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`
}
