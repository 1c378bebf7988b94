/**
 * Split the text of ONE block into the tokens a reader thinks in: Chinese and Japanese words (from
 * `Intl.Segmenter`), Latin words and numbers, runs of white space, line breaks, and single punctuation
 * marks or symbols (an emoji with its modifiers stays one token).
 *
 * Never pass a whole document: on Node 20 every segment the segmenter yields holds its own copy of the
 * input, so segmenting N characters at once costs memory quadratic in N. Only runs of Han and kana are
 * segmented here, each in slices of at most `segmentSlice` characters, so cost stays linear.
 */

/** Longest run (in UTF-16 units) handed to the segmenter at once. */
const segmentSlice = 256

const cjk = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u30FC'
const mark = '[\\p{M}\\p{Emoji_Modifier}\\uFE0E\\uFE0F]'

/**
 * One token per match, tried in order: line break, white space, CJK run (segmented afterwards), Latin
 * word or number (joined across `'’.-_` as in `don't`, `3.5`, `e-mail`), a flag, any other character
 * with its combining marks and zero-width-joined parts. The last branch matches every code point (lone
 * surrogates too), so scanning always advances and the tokens always cover the text.
 */
const tokenPattern = new RegExp(
  [
    '(\\r\\n|\\n|\\r)',
    '([^\\S\\r\\n]+)',
    `([${cjk}]+)`,
    `((?:(?![${cjk}])[\\p{L}\\p{N}\\p{M}])+(?:['’._\\-](?:(?![${cjk}])[\\p{L}\\p{N}\\p{M}])+)*)`,
    '(\\p{Regional_Indicator}\\p{Regional_Indicator})',
    `([\\s\\S]${mark}*(?:\\u200D[\\s\\S]${mark}*)*)`
  ].join('|'),
  'uy'
)

let segmenter: Intl.Segmenter | undefined

/** The one shared Chinese word segmenter, created on first use (creating one is not free). */
function wordSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('zh', {granularity: 'word'})
  return segmenter
}

/** The tokens of `text`, in order; joined they give `text` exactly. */
export function tokenize(text: string): string[] {
  const tokens: string[] = []
  tokenPattern.lastIndex = 0
  while (tokenPattern.lastIndex < text.length) {
    const match = tokenPattern.exec(text)
    // Unreachable: the last branch matches any code point. Kept so a regex mistake cannot loop forever.
    if (!match) {
      tokens.push(text.slice(tokenPattern.lastIndex))
      break
    }
    if (match[3] !== undefined) segmentCjk(match[3], tokens)
    else tokens.push(match[0])
  }
  return tokens
}

/** Push the words of a run of Han/kana characters, segmenting slice by slice. */
function segmentCjk(run: string, tokens: string[]): void {
  const segmenter = wordSegmenter()
  for (let start = 0; start < run.length; ) {
    let end = Math.min(run.length, start + segmentSlice)
    // Never cut a surrogate pair (𠮷 is two UTF-16 units).
    if (end < run.length && isHighSurrogate(run.charCodeAt(end - 1))) end++
    for (const {segment} of segmenter.segment(run.slice(start, end))) tokens.push(segment)
    start = end
  }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

/** Whether a token carries words (letters, digits, Han), as opposed to white space or punctuation. */
export function isWordToken(token: string): boolean {
  return /[\p{L}\p{N}]/u.test(token)
}
