/**
 * Small operations on runs of formatted text: plain text, slicing, trimming and joining, so the stages
 * can cut a paragraph in two without losing a character or a key clause.
 */
import type {Span} from './types.js'

/** The text of `spans`, formatting removed. */
export function textOf(spans: readonly Span[]): string {
  return spans.map((span) => span.text).join('')
}

/** `spans` from character `start` to `end` (default: the end), formatting kept. */
export function sliceSpans(spans: readonly Span[], start: number, end = Number.POSITIVE_INFINITY): Span[] {
  const result: Span[] = []
  let offset = 0
  for (const span of spans) {
    const from = Math.max(start, offset)
    const to = Math.min(end, offset + span.text.length)
    if (to > from) result.push({...span, text: span.text.slice(from - offset, to - offset)})
    offset += span.text.length
  }
  return result
}

/** `spans` without white space at either end; empty spans are removed. */
export function trimSpans(spans: readonly Span[]): Span[] {
  const text = textOf(spans)
  const start = text.length - text.trimStart().length
  const end = text.trimEnd().length
  return mergeSpans(sliceSpans(spans, start, end))
}

/** Neighbouring spans with the same formatting merged into one; empty spans removed. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const result: Span[] = []
  for (const span of spans) {
    if (span.text === '') continue
    const last = result.at(-1)
    if (last && Boolean(last.bold) === Boolean(span.bold) && last.href === span.href) {
      result[result.length - 1] = {...last, text: last.text + span.text}
    } else {
      result.push({...span})
    }
  }
  return result
}

/** Whether a character is written without spaces around it (Chinese, Japanese, full-width punctuation). */
export function isWide(char: string | undefined): boolean {
  return char !== undefined && /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef\u2018-\u201f\u2026\u2014]/u.test(char)
}

/** Collapse white space runs to one space, as HTML and soft line breaks read. */
export function collapseSpace(spans: readonly Span[]): Span[] {
  const result: Span[] = []
  let previousSpace = false
  for (const span of spans) {
    let text = ''
    for (const char of span.text.replace(/[\t\n\r\f\v \u00a0]+/g, ' ')) {
      if (char === ' ' && previousSpace) continue
      previousSpace = char === ' '
      text += char
    }
    result.push({...span, text})
  }
  return mergeSpans(result)
}

/**
 * Control characters other than tab and line breaks, and noncharacters: not text (they come from PDF or
 * word-processor copies), and `policypress check` rejects them (`content-control-character`).
 */
export const controlCharacters = /(?![\t\n\r])[\p{Cc}\p{Noncharacter_Code_Point}]/gu

/** Remove all white space, invisible and control characters: the form sentences are compared in. */
export function squash(text: string): string {
  return text.replace(/[\s\u200b-\u200d\u2060\ufeff]+/g, '').replace(controlCharacters, '')
}
