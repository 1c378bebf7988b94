/**
 * Render the notice texts of a change summary: build the view, apply the locale's templates, measure
 * the SMS.
 */
import type {ChangeSummary, ChangeSummaryCore} from '../changes/summary.js'
import type {SiteConfig} from '../model/types.js'
import {measureSms} from './lengths.js'
import type {Notices} from './schema.js'
import {defaultNoticeTemplates, type NoticeTemplates, type NoticeView} from './templates.js'

/** The site settings notices use: its name and public address. */
export type NoticeSite = Pick<SiteConfig, 'title' | 'url'>

/**
 * The view notice templates receive for `summary`. The portal link is the site `url`, or the
 * summary's history link when the site has none.
 */
export function noticeView(summary: ChangeSummaryCore, site: NoticeSite): NoticeView {
  return {
    siteTitle: site.title,
    title: summary.title,
    version: summary.to.version,
    updated: summary.to.updated,
    effective: summary.to.effective,
    updatedText: formatDate(summary.to.updated, summary.locale),
    effectiveText: formatDate(summary.to.effective, summary.locale),
    noticeDays: summary.noticeDays,
    material: summary.material,
    separateConsent: summary.separateConsent,
    summary: summary.summary,
    reasons: summary.reasons.map((reason) => reason.text),
    consentReasons: summary.consentReasons.map((reason) => reason.text),
    links: {
      diff: summary.links.diff,
      diffFull: summary.links.diffFull,
      version: summary.links.version,
      history: summary.links.history,
      portal: site.url ?? summary.links.history
    }
  }
}

/** The notice texts of `summary` (templates default to the shipped ones). */
export function renderNotices(summary: ChangeSummaryCore, site: NoticeSite, templates: NoticeTemplates = defaultNoticeTemplates()): Notices {
  const texts = templates.render(summary.locale, noticeView(summary, site))
  return {locale: templates.localeFor(summary.locale), popup: texts.popup, push: texts.push, sms: {text: texts.sms, ...measureSms(texts.sms)}, email: texts.email}
}

/** `summary` with its notice texts (templates default to the shipped ones). */
export function withNotices(summary: ChangeSummaryCore, site: NoticeSite, templates?: NoticeTemplates): ChangeSummary {
  return {...summary, notices: renderNotices(summary, site, templates)}
}

/** A `YYYY-MM-DD` date written out for `locale` (`2024年3月8日`, `March 8, 2024`); the date itself if the locale is unknown. */
export function formatDate(date: string, locale: string): string {
  try {
    return new Intl.DateTimeFormat(locale, {dateStyle: 'long', timeZone: 'UTC'}).format(new Date(`${date}T00:00:00Z`))
  } catch {
    return date
  }
}
