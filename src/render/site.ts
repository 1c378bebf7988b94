/**
 * Render stage: project models → every file of `dist/`, as plain data. Writing is another stage.
 */
import type {PolicyDocument, Project} from '../model/types.js'
import type {Templates} from './templates.js'
import {renderBody, tableOfContents} from './document.js'
import {linkRewriterFor, outputPathOf, relativeUrl} from './paths.js'
import {renderLists} from './lists.js'

/** One file of the build output. */
export interface OutputFile {
  /** Path relative to the output folder, `/`-separated. */
  path: string
  contents: string
}

/** Path of the portal stylesheet in the output. */
export const portalCssPath = 'assets/portal.css'

/** Render every output file of `project`, sorted by path. Same input, same bytes. */
export function renderSite(project: Project, templates: Templates): OutputFile[] {
  const portalCss = templates.css('base', 'portal', 'lists')
  const inAppCss = templates.css('base', 'inapp')
  const files: OutputFile[] = [{path: portalCssPath, contents: portalCss}]
  for (const document of project.documents) {
    const siblings = project.documents.filter((other) => other.id === document.id)
    files.push(renderPortalPage(document, siblings, project, templates))
    files.push(renderInAppPage(document, project, templates, inAppCss))
  }
  files.push(...renderLists(project, templates, {portal: portalCss, inApp: templates.css('base', 'inapp', 'lists')}))
  files.push(renderIndex(project, templates))
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

function renderPortalPage(document: PolicyDocument, siblings: PolicyDocument[], project: Project, templates: Templates): OutputFile {
  const path = outputPathOf(document.path, 'portal')
  const labels = templates.labels(document.locale)
  const view = {
    ...documentView(document, project, labels),
    bodyHtml: renderBody(document, {
      rewrite: linkRewriterFor(path, 'portal'),
      permalinkLabel: labels['permalink'] ?? 'Permalink',
      tableLabel: labels['table']
    }),
    assets: {css: relativeUrl(path, portalCssPath)},
    home: relativeUrl(path, 'index.html'),
    inAppHref: relativeUrl(path, outputPathOf(document.path, 'app')),
    alternates: siblings.map((other) => ({
      locale: other.locale,
      label: templates.labels(other.locale)['languageName'] ?? other.locale,
      href: relativeUrl(path, outputPathOf(other.path, 'portal')),
      current: other === document
    }))
  }
  return {path, contents: templates.render('portal', view)}
}

function renderInAppPage(document: PolicyDocument, project: Project, templates: Templates, css: string): OutputFile {
  const path = outputPathOf(document.path, 'app')
  const labels = templates.labels(document.locale)
  const view = {
    ...documentView(document, project, labels),
    bodyHtml: renderBody(document, {rewrite: linkRewriterFor(path, 'app'), tableLabel: labels['table']}),
    css
  }
  return {path, contents: templates.render('inapp', view)}
}

function renderIndex(project: Project, templates: Templates): OutputFile {
  const path = 'index.html'
  const ids = [...new Set(project.documents.map((document) => document.id))]
  const preferred = (documents: PolicyDocument[]) =>
    documents.find((document) => document.locale === project.site.locale) ?? documents[0]
  const view = {
    lang: project.site.locale,
    siteTitle: project.site.title,
    labels: templates.labels(project.site.locale),
    assets: {css: portalCssPath},
    documents: ids.map((id) => {
      const locales = project.documents.filter((document) => document.id === id)
      return {
        id,
        title: preferred(locales)?.title ?? id,
        locales: locales.map((document) => ({
          locale: document.locale,
          label: templates.labels(document.locale)['languageName'] ?? document.locale,
          title: document.title,
          href: outputPathOf(document.path, 'portal'),
          inAppHref: outputPathOf(document.path, 'app'),
          version: document.version,
          updated: document.updated,
          effective: document.effective
        }))
      }
    })
  }
  return {path, contents: templates.render('index', view)}
}

function documentView(document: PolicyDocument, project: Project, labels: Record<string, string>) {
  return {
    lang: document.locale,
    siteTitle: project.site.title,
    title: document.title,
    documentId: document.id,
    locale: document.locale,
    version: document.version,
    updated: document.updated,
    effective: document.effective,
    labels,
    toc: tableOfContents(document)
  }
}
