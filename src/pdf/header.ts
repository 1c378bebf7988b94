/**
 * The running header and footer Chromium prints on every page of a policy PDF: the title, version and
 * dates at the top, the page number at the bottom. Chromium renders them apart from the page (no page
 * CSS, a tiny default font size), so every style is inline.
 */
import {escapeHtml} from '../render/html.js'

/** What the header and footer show. */
export interface RunningText {
  lang: string
  title: string
  siteTitle: string
  version: string
  updated: string
  effective: string
  /** Shown first and in bold (e.g. `未发布草案` for the working copy); `''` for none. */
  status: string
  /** UI words: `version`, `updated`, `effective` (from `templates/labels`). */
  labels: Record<string, string>
}

/** Page margins: room for the header and footer, the body as the portal's A4 `@page` sets it. */
export const pdfMargins = {top: '20mm', right: '16mm', bottom: '20mm', left: '16mm'} as const

const fontStack = `system-ui,'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif`
// Chromium puts the template in a flex row as wide as the page: grow to fill it; the side margins line
// the text up with the body.
const box = `box-sizing:border-box;flex:1 1 auto;margin:0 ${pdfMargins.right} 0 ${pdfMargins.left};font-family:${fontStack};font-size:8pt;line-height:1.4;color:#333;display:flex;justify-content:space-between;align-items:baseline;gap:6mm`

/** `headerTemplate`: title on the left; version, 更新日期 and 生效日期 on the right. */
export function headerTemplate(text: RunningText): string {
  const word = (key: string, fallback: string) => escapeHtml(text.labels[key] ?? fallback)
  const dates = [
    text.version ? `${word('version', 'Version')} ${escapeHtml(text.version)}` : '',
    text.updated ? `${word('updated', 'Updated')} ${escapeHtml(text.updated)}` : '',
    text.effective ? `${word('effective', 'Effective')} ${escapeHtml(text.effective)}` : ''
  ].filter((part) => part !== '')
  const status = text.status ? `<strong style="font-weight:700;border:0.6pt solid #333;padding:0 1.5mm;margin-right:2mm">${escapeHtml(text.status)}</strong>` : ''
  return `<div lang="${escapeHtml(text.lang)}" style="${box};border-bottom:0.5pt solid #999;padding-bottom:1.5mm"><span style="overflow:hidden;white-space:nowrap;text-overflow:ellipsis">${status}${escapeHtml(text.title)}</span><span style="white-space:nowrap">${dates.join(' · ')}</span></div>`
}

/** `footerTemplate`: the site title on the left, `page / pages` on the right. */
export function footerTemplate(text: RunningText): string {
  return `<div lang="${escapeHtml(text.lang)}" style="${box}"><span>${escapeHtml(text.siteTitle)}</span><span style="white-space:nowrap;font-variant-numeric:tabular-nums"><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`
}
