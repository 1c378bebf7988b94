/**
 * A policy page in the portal or the in-app view, for any release (current, archived, draft).
 */
import type {PolicyDocument, PolicyList, SiteConfig} from '../model/types.js'
import type {Templates} from './templates.js'
import {renderBody, tableOfContents} from './document.js'
import {linkRewriterFor, outputPathOf, relativeUrl} from './paths.js'
import type {OutputFile} from './site.js'

/** Path of the portal stylesheet in the output. */
export const portalCssPath = 'assets/portal.css'

/** A box telling the reader which release a page shows; links name output paths, made relative per page. */
export interface Notice {
  kind: 'current' | 'archived' | 'draft'
  text: string
  links: Array<{text: string; target: string}>
}

/** Where and how a release's pages are placed: plain data, so it can be part of a cache key. */
export interface Placement {
  /** Folder of the release below `<doc>/<locale>/` (`v/2023-09-20`, `draft`); none for the current one. */
  segment?: string | undefined
  /** The notice to show. Plain data, so it can be part of a cache key. */
  notice: Notice | undefined
  /** Other locales of the same release, for the language switcher. */
  siblings: Array<Pick<PolicyDocument, 'locale' | 'path'>>
  /** Lists of this release in this locale, linked from the page. */
  lists: Array<Pick<PolicyList, 'title' | 'path'>>
  /** Extra `<meta name="robots">` for pages that must not be indexed (drafts). */
  noindex?: boolean | undefined
}

/** The portal page of `document` at `placement`. */
export function renderPortalPolicy(document: PolicyDocument, site: SiteConfig, templates: Templates, placement: Placement): OutputFile {
  const path = outputPathOf(document.path, 'portal', placement.segment)
  const labels = templates.labels(document.locale)
  const view = {
    ...documentView(document, site, labels, placement, path, 'portal'),
    bodyHtml: renderBody(document, {
      rewrite: linkRewriterFor(path, 'portal', placement.segment),
      permalinkLabel: labels['permalink'] ?? 'Permalink',
      tableLabel: labels['table']
    }),
    assets: {css: relativeUrl(path, portalCssPath)},
    home: relativeUrl(path, 'index.html'),
    inAppHref: placement.segment ? '' : relativeUrl(path, outputPathOf(document.path, 'app')),
    alternates: placement.siblings.map((other) => ({
      locale: other.locale,
      label: templates.labels(other.locale)['languageName'] ?? other.locale,
      href: relativeUrl(path, outputPathOf(other.path, 'portal', placement.segment)),
      current: other.locale === document.locale
    }))
  }
  return {path, contents: templates.render('portal', view)}
}

/** The in-app page of `document` (always the current release). */
export function renderInAppPolicy(document: PolicyDocument, site: SiteConfig, templates: Templates, css: string, placement: Placement): OutputFile {
  const path = outputPathOf(document.path, 'app')
  const labels = templates.labels(document.locale)
  const view = {
    ...documentView(document, site, labels, placement, path, 'app'),
    bodyHtml: renderBody(document, {rewrite: linkRewriterFor(path, 'app'), tableLabel: labels['table']}),
    css
  }
  return {path, contents: templates.render('inapp', view)}
}

function documentView(
  document: PolicyDocument,
  site: SiteConfig,
  labels: Record<string, string>,
  placement: Placement,
  path: string,
  variant: 'portal' | 'app'
) {
  return {
    lang: document.locale,
    siteTitle: site.title,
    title: document.title,
    documentId: document.id,
    locale: document.locale,
    version: document.version,
    updated: document.updated,
    effective: document.effective,
    labels,
    noindex: placement.noindex ?? false,
    notice: placement.notice
      ? {...placement.notice, links: placement.notice.links.map((link) => ({text: link.text, href: relativeUrl(path, link.target)}))}
      : false,
    lists: placement.lists.map((list) => ({title: list.title, href: relativeUrl(path, outputPathOf(list.path, variant, placement.segment))})),
    toc: tableOfContents(document)
  }
}
