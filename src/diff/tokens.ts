/**
 * Split the text of ONE block into the tokens a reader thinks in: Chinese and Japanese words (from
 * `Intl.Segmenter`), Latin words and numbers, runs of white space, line breaks, and single punctuation
 * marks or symbols (an emoji with its modifiers stays one token).
 *
 * Never pass a whole document: on Node 20 every segment the segmenter yields holds its own copy of the
 * input, so segmenting N characters at once costs memory quadratic in N. Text is segmented in slices of
 * at most `sliceLength` characters, cut at places where tokens do not change (`trim.ts`), so cost stays
 * linear; text without CJK characters never reaches the segmenter.
 */
import {isSafeCut} from './trim.js'

/** Longest slice (UTF-16 units) handed to the segmenter at once. */
const sliceLength = 256

const cjk = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u30FC'
const mark = '[\\p{M}\\p{Emoji_Modifier}\\uFE0E\\uFE0F]'
const hasCjk = new RegExp(`[${cjk}]`, 'u')
const onlyCjk = new RegExp(`^[${cjk}]+$`, 'u')

/**
 * One token per match, tried in order: line break, white space, CJK run, Latin word or number (joined
 * across `'’._-` as in `don't`, `3.5`, `e-mail`), a flag, any other character with its combining marks
 * and zero-width-joined parts. The last branch matches every code point (lone surrogates too), so
 * scanning always advances and the tokens always cover the text.
 */
const tokenPattern = new RegExp(
  [
    '\\r\\n|\\n|\\r',
    '[^\\S\\r\\n]+',
    `[${cjk}]+`,
    `(?:(?![${cjk}])[\\p{L}\\p{N}\\p{M}])+(?:['’._\\-](?:(?![${cjk}])[\\p{L}\\p{N}\\p{M}])+)*`,
    '\\p{Regional_Indicator}\\p{Regional_Indicator}',
    `[\\s\\S]${mark}*(?:\\u200D[\\s\\S]${mark}*)*`
  ].join('|'),
  'uy'
)

let segmenter: Intl.Segmenter | undefined

/** The one shared Chinese word segmenter, created on first use (creating one loads a dictionary). */
function wordSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('zh', {granularity: 'word'})
  return segmenter
}

/** The tokens of `text`, in order; joined they give `text` exactly. */
export function tokenize(text: string): string[] {
  const tokens: string[] = []
  if (!hasCjk.test(text)) {
    scan(text, tokens)
    return tokens
  }
  for (let start = 0; start < text.length; ) {
    const end = sliceEnd(text, start)
    segment(text.slice(start, end), tokens)
    start = end
  }
  return tokens
}

/** Where the slice starting at `start` ends: a safe cut at most `sliceLength` on, else a hard cut. */
function sliceEnd(text: string, start: number): number {
  const limit = start + sliceLength
  if (limit >= text.length) return text.length
  for (let end = limit; end > start + sliceLength / 2; end--) if (isSafeCut(text, end)) return end
  // A long run without punctuation (only in pathological text): cut anyway, but not inside a character.
  const code = text.charCodeAt(limit)
  return code >= 0xdc00 && code <= 0xdfff ? limit + 1 : limit
}

/** Push the tokens of one slice: CJK words from the segmenter, everything between them scanned. */
function segment(slice: string, tokens: string[]): void {
  if (!hasCjk.test(slice)) {
    scan(slice, tokens)
    return
  }
  let pending = ''
  for (const {segment} of wordSegmenter().segment(slice)) {
    if (onlyCjk.test(segment)) {
      if (pending !== '') scan(pending, tokens)
      pending = ''
      tokens.push(segment)
    } else {
      pending += segment
    }
  }
  if (pending !== '') scan(pending, tokens)
}

/** Push the tokens of text, CJK runs as whole tokens (the segmenter has split those it could). */
function scan(text: string, tokens: string[]): void {
  tokenPattern.lastIndex = 0
  while (tokenPattern.lastIndex < text.length) {
    const match = tokenPattern.exec(text)
    // Unreachable: the last branch matches any code point. Kept so a regex mistake cannot loop forever.
    if (!match) {
      tokens.push(text.slice(tokenPattern.lastIndex))
      return
    }
    tokens.push(match[0])
  }
}
