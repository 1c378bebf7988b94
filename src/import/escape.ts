/**
 * Write runs of text as Markdown that reads back as exactly that text: every character Markdown could
 * take as syntax is escaped, and bold is placed so the parser accepts it next to Latin letters.
 */
import {isWide, mergeSpans} from './spans.js'
import type {Span} from './types.js'

/** Characters escaped wherever they are: emphasis, links, HTML, code, tables, entities, strikethrough. */
const special = /[\\*_[\]<>`~|&#]/g

/** `text` with every Markdown-special character backslash-escaped. Line breaks become spaces. */
export function escapeText(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').replace(special, (char) => `\\${char}`)
}

/** Escape what only matters at the start of a line: list markers (`1.` `-` `+`) and directives (`::`). */
export function escapeLineStart(markdown: string): string {
  return markdown
    .replace(/^(\d{1,9})([.)])(?=[ \t]|$)/, '$1\\$2')
    .replace(/^([-+])(?=[ \t]|$)/, '\\$1')
    .replace(/^:(?=:)/, '\\:')
}

const punctuation = /[\p{P}\p{S}]/u
const wordChar = (char: string | undefined): boolean => char !== undefined && /[\p{L}\p{N}]/u.test(char) && !isWide(char)

/**
 * Bold text must start and end next to something the parser accepts: leading and trailing white space
 * move outside the `**`, and so does punctuation that touches a Latin letter or digit outside
 * (`APP“我的钱包”` would otherwise print its asterisks).
 */
function fitBold(spans: Span[]): Span[] {
  const result = spans.map((span) => ({...span}))
  for (let i = 0; i < result.length; i++) {
    const span = result[i]!
    if (!span.bold) continue
    let lead = ''
    let body = span.text
    let trail = ''
    for (;;) {
      const first = body[0]
      if (first === undefined) break
      const previous = lead.at(-1) ?? (result[i - 1]?.text ?? '').at(-1)
      if (/\s/.test(first) || (punctuation.test(first) && wordChar(previous))) {
        lead += first
        body = body.slice(1)
      } else break
    }
    for (;;) {
      const last = body.at(-1)
      if (last === undefined) break
      const next = trail[0] ?? result[i + 1]?.text[0]
      if (/\s/.test(last) || (punctuation.test(last) && wordChar(next))) {
        trail = last + trail
        body = body.slice(0, -1)
      } else break
    }
    const parts: Span[] = []
    if (lead) parts.push({text: lead, href: span.href})
    if (body) parts.push({...span, text: body, bold: !/^[\p{P}\p{S}\s]*$/u.test(body)})
    if (trail) parts.push({text: trail, href: span.href})
    result.splice(i, 1, ...parts)
    i += parts.length - 1
  }
  return mergeSpans(result)
}

/** Whether a link target may be kept: the protocols policypress allows. */
export function keepsLink(href: string | undefined): href is string {
  return href !== undefined && /^(?:https?:\/\/|mailto:|tel:)\S/i.test(href.trim())
}

function destination(href: string): string {
  const url = href.trim().replace(/ /g, '%20').replace(/</g, '%3C').replace(/>/g, '%3E')
  return /[()\s]/.test(url) ? `<${url}>` : url
}

/** `spans` as one line of inline Markdown. */
export function inlineMarkdown(spans: readonly Span[]): string {
  let out = ''
  // Links that cannot be kept are text; dropping them first lets bold runs around them join up.
  const kept = spans.map((span) => (keepsLink(span.href) ? span : {...span, href: undefined}))
  const fitted = fitBold(mergeSpans(kept))
  for (let i = 0; i < fitted.length; i++) {
    const span = fitted[i]!
    const href = span.href
    if (href) {
      // Consecutive spans of one link share one `[…](…)`.
      let inner = ''
      let j = i
      for (; j < fitted.length && fitted[j]!.href === span.href; j++) {
        const part = fitted[j]!
        inner += part.bold ? `**${escapeText(part.text)}**` : escapeText(part.text)
      }
      out += `[${inner}](${destination(href)})`
      i = j - 1
    } else {
      out += span.bold ? `**${escapeText(span.text)}**` : escapeText(span.text)
    }
  }
  return out
}
