/**
 * Render stage: releases and their histories → every file of `dist/`, as plain data. Writing is
 * another stage.
 */
import type {PolicyDocument, Project, SiteConfig} from '../model/types.js'
import type {LocaleHistory, LocaleRelease, Release} from '../changes/history.js'
import {buildHistories} from '../changes/history.js'
import type {Templates} from './templates.js'
import {outputPathOf, relativeUrl} from './paths.js'
import {listSharedFiles, renderList} from './lists.js'
import {portalCssPath, renderInAppPolicy, renderPortalPolicy, type Notice, type Placement} from './policy-pages.js'
import {historyPaths, historySharedFiles, releaseSegment, renderFeed, renderHistory, renderVersionIndex} from './history.js'
import {label} from './labels.js'

export {portalCssPath} from './policy-pages.js'

/** One file of the build output. */
export interface OutputFile {
  /** Path relative to the output folder, `/`-separated. */
  path: string
  contents: string
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

/** Render every output file, sorted by path. Same input, same bytes. */
export function renderSite(model: SiteModel, templates: Templates): OutputFile[] {
  const {site, histories} = model
  const css = {
    portal: templates.css('base', 'portal', 'lists', 'diff'),
    inApp: templates.css('base', 'inapp', 'lists', 'diff')
  }
  const files: OutputFile[] = [{path: portalCssPath, contents: css.portal}]
  if (histories.some((history) => history.releases.some((release) => release.lists.length > 0))) files.push(...listSharedFiles(templates))
  if (histories.some((history) => history.changes.length > 0)) files.push(...historySharedFiles(templates))

  for (const history of histories) {
    const published = history.releases.filter((release) => release.release.status === 'published')
    const labels = templates.labels(history.locale)
    const paths = historyPaths(history)
    const siblingsOf = (release: LocaleRelease) =>
      histories
        .filter((other) => other.document === history.document)
        .flatMap((other) => other.releases.filter((r) => r.release === release.release).map((r) => r.document))

    // The main pages show the current release.
    const current = history.current
    const currentChange = history.changes.find((c) => c.to === current)
    const currentNotice = (path: string): Notice => {
      const links = history.releases.length > 1 ? [{text: label(labels, 'viewHistory'), href: relativeUrl(path, paths.history)}] : []
      if (currentChange) links.unshift({text: label(labels, 'viewDiff'), href: relativeUrl(path, paths.diff(currentChange))})
      if (current.release.status === 'published') {
        return {kind: 'current', text: label(labels, 'noticeCurrent', {version: current.document.version, effective: current.document.effective}), links}
      }
      return {kind: 'draft', text: label(labels, published.length > 0 ? 'noticeDraft' : 'noticeUnpublished', {version: current.document.version}), links}
    }
    files.push(...renderRelease(current, {notice: published.length > 0 || history.releases.length > 1 ? currentNotice : undefined, siblings: siblingsOf(current), lists: current.lists}, true))

    for (const release of history.releases) {
      if (release.release.status === 'draft' && release === current) continue
      const segment = releaseSegment(release)
      const change = history.changes.find((c) => c.to === release)
      const notice = (path: string): Notice => {
        const links = [{text: label(labels, 'viewHistory'), href: relativeUrl(path, paths.history)}]
        if (change) links.unshift({text: label(labels, 'viewDiff'), href: relativeUrl(path, paths.diff(change))})
        if (release.release.status === 'draft') return {kind: 'draft', text: label(labels, 'noticeDraft', {version: release.document.version}), links}
        if (release === current) return {kind: 'current', text: label(labels, 'noticeCurrent', {version: release.document.version, effective: release.document.effective}), links}
        links.unshift({text: label(labels, 'viewCurrent'), href: relativeUrl(path, outputPathOf(current.document.path, 'portal'))})
        return {kind: 'archived', text: label(labels, 'noticeArchived', {version: release.document.version, effective: release.document.effective}), links}
      }
      files.push(
        ...renderRelease(release, {segment, notice, siblings: siblingsOf(release), lists: release.lists, noindex: release.release.status === 'draft'}, false)
      )
    }
    if (history.releases.length > 1 || published.length > 0) files.push(...renderHistory(history, site, templates, css.inApp))
  }
  files.push(...renderVersionIndex(histories, site), ...renderFeed(histories, site))
  files.push(renderIndex(histories, site, templates))
  return dedupe(files).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))

  function renderRelease(release: LocaleRelease, placement: Placement, inApp: boolean): OutputFile[] {
    const output: OutputFile[] = [renderPortalPolicy(release.document, site, templates, placement)]
    if (inApp) output.push(renderInAppPolicy(release.document, site, templates, css.inApp, placement))
    for (const list of release.lists) {
      output.push(...renderList({list, project: release.release.project, document: release.document, templates, css, segment: placement.segment, inApp}))
    }
    return output
  }
}

function renderIndex(histories: LocaleHistory[], site: SiteConfig, templates: Templates): OutputFile {
  const path = 'index.html'
  const ids = [...new Set(histories.map((history) => history.document))]
  const labels = templates.labels(site.locale)
  const currentOf = (id: string): PolicyDocument[] => histories.filter((h) => h.document === id).map((h) => h.current.document)
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
