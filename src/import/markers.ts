/**
 * Numbering markers a policy writes at the start of a heading or clause: 一、 （一） 第三条 1. 1.1 1、
 * （1） (a) a. ① Article 4 Section 2 I. — each with a style (which numbering scheme, so nesting can be
 * told apart) and its value (so sequences can be followed). The marker is kept as written; only the
 * style and value are read.
 */
import {parseChineseNumeral} from '../fix/numbering.js'

/** A numbering marker at the start of a text. */
export interface Marker {
  /** The numbering scheme, e.g. `zh-num` for 一、, `arabic2` for 1.1, `zh-第条` for 第三条. */
  style: string
  /** The marker's value (一 → 1, 1.2 → 2, (c) → 3), `undefined` when it cannot be read. */
  value: number | undefined
  /** The marker as written, without the white space after it. */
  text: string
  /** What follows the marker, leading white space removed. */
  rest: string
}

const cn = '[零〇一二两三四五六七八九十百]+'
const romanValues: Record<string, number> = {i: 1, v: 5, x: 10, l: 50, c: 100}

function roman(value: string): number | undefined {
  let total = 0
  const chars = value.toLowerCase().split('')
  for (let i = 0; i < chars.length; i++) {
    const current = romanValues[chars[i] ?? ''] ?? 0
    const next = romanValues[chars[i + 1] ?? ''] ?? 0
    total += current < next ? -current : current
  }
  return total > 0 ? total : undefined
}

type Reader = [RegExp, (match: RegExpExecArray) => {style: string; value: number | undefined}]

// Order matters: the more specific patterns come first (第三条 before 三、, 1.1 before 1.).
const readers: Reader[] = [
  [new RegExp(`^第(${cn}|\\d{1,3})(条|章|节|部分|款|篇|项)`), (m) => ({style: `zh-第${m[2]}`, value: /\d/.test(m[1] ?? '') ? Number(m[1]) : parseChineseNumeral(m[1] ?? '')})],
  [new RegExp(`^[（(](${cn})[）)]`), (m) => ({style: 'zh-paren', value: parseChineseNumeral(m[1] ?? '')})],
  [new RegExp(`^(${cn})[、．.](?![.．])`), (m) => ({style: 'zh-num', value: parseChineseNumeral(m[1] ?? '')})],
  // `Section 4 of this policy …` is a sentence, not a heading: a word marker is followed by
  // punctuation, a capital, a Chinese character or the end.
  [/^(Article|Section|Part|Chapter|Clause|Schedule|Annex|Appendix)\s+(\d{1,3}|[IVXLC]{1,6})(?:[.:：)]|(?=\s*[-–—]|\s+[\p{Lu}\p{Script=Han}"“(（]|\s*$))/u, (m) => ({style: `en-${(m[1] ?? '').toLowerCase()}`, value: /\d/.test(m[2] ?? '') ? Number(m[2]) : roman(m[2] ?? '')})],
  // 1.1 / 1.1.1 (a trailing dot is allowed); components never start with 0, so `2.0版` is not one.
  [/^([1-9]\d{0,2})((?:\.[1-9]\d{0,2})+)\.?(?=[\s\p{Script=Han}（(“"「【《]|$)/u, (m) => ({style: `arabic${(m[2] ?? '').split('.').length}`, value: Number((m[2] ?? '').split('.').at(-1))})],
  [/^([1-9]\d{0,2})([.．、)）])(?![\d.．])/, (m) => ({style: `arabic1${m[2] === '、' ? '、' : m[2] === ')' || m[2] === '）' ? ')' : '.'}`, value: Number(m[1])})],
  [/^[（(]([1-9]\d{0,2})[）)]/, (m) => ({style: 'arabic-paren', value: Number(m[1])})],
  [/^[（(]((?:ii|iii|iv|vi|vii|viii|ix|xi|xii))[）)]/, (m) => ({style: 'roman-paren', value: roman(m[1] ?? '')})],
  [/^[（(]([a-z])[）)]/, (m) => ({style: 'alpha-paren', value: (m[1] ?? 'a').charCodeAt(0) - 96})],
  [/^[（(]([A-Z])[）)]/, (m) => ({style: 'ALPHA-paren', value: (m[1] ?? 'A').charCodeAt(0) - 64})],
  // `a.` but not `e.g.` / `i.e.` / `a.m.`.
  [/^([a-z])[.．)](?![a-z][.．])(?=[\s\p{Script=Han}]|$)/u, (m) => ({style: 'alpha-dot', value: (m[1] ?? 'a').charCodeAt(0) - 96})],
  [/^([①-⑳])/, (m) => ({style: 'circled', value: (m[1] ?? '①').charCodeAt(0) - 0x2460 + 1})],
  [/^([IVX]{1,5})\.(?=\s)/, (m) => ({style: 'ROMAN-dot', value: roman(m[1] ?? '')})]
]

/** The numbering marker `text` starts with, or `undefined`. */
export function readMarker(text: string): Marker | undefined {
  const trimmed = text.trimStart()
  for (const [pattern, read] of readers) {
    const match = pattern.exec(trimmed)
    if (!match) continue
    const {style, value} = read(match)
    return {style, value, text: match[0], rest: trimmed.slice(match[0].length).trimStart()}
  }
  return undefined
}

/** What the text after a marker looks like, which decides heading or list item. */
export type Shape = 'title' | 'colon' | 'sentence' | 'empty'

/** Longest heading title, in characters: wide (Chinese) and narrow (Latin) text. */
const maxTitle = {wide: 30, narrow: 90}

/**
 * Whether `rest` reads as a title (short, no sentence punctuation), a title-like lead-in ending in a
 * colon, or a sentence (a clause of an enumeration).
 */
export function shapeOf(rest: string): Shape {
  const text = rest.trim()
  if (text === '') return 'empty'
  const wide = (text.match(/[\p{Script=Han}]/gu) ?? []).length
  const limit = wide * 2 >= text.length ? maxTitle.wide : maxTitle.narrow
  if (text.length > limit) return 'sentence'
  if (/[。；;！!]/.test(text) || /\.(?:\s|$)/.test(text) || /[，,、]$/.test(text)) return 'sentence'
  if (/[：:]$/.test(text)) return 'colon'
  return 'title'
}
