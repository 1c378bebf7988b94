/**
 * How alike two block texts are, 0 (nothing shared) to 1: the larger of their shared beginning and end
 * (a block edited in one place) and Dice's coefficient over their sets of words.
 *
 * Word sets ignore order, white space, punctuation and Latin case, so a reworded sentence still scores
 * high while an unrelated one sharing a few particles scores low.
 */
import {isWordToken, tokenize} from './tokens.js'

/** Memoized tokens and word sets of the texts seen during one document diff. */
export class TextIndex {
  private readonly tokens = new Map<string, string[]>()
  private readonly words = new Map<string, Set<string>>()

  /** The tokens of `text` (computed once per distinct text). */
  tokensOf = (text: string): string[] => {
    let tokens = this.tokens.get(text)
    if (!tokens) {
      tokens = tokenize(text)
      this.tokens.set(text, tokens)
    }
    return tokens
  }

  /** The distinct words of `text`, Latin lowercased. */
  wordsOf(text: string): Set<string> {
    let words = this.words.get(text)
    if (!words) {
      words = new Set(this.tokensOf(text).filter(isWordToken).map((token) => token.toLowerCase()))
      this.words.set(text, words)
    }
    return words
  }

  /**
   * How alike two texts are: the larger of the share of the longer text that is a common beginning and
   * end of both (cheap, catches a block edited in one place) and the Dice coefficient of their word sets
   * (order-free, catches rewording). Once the first reaches `enough` (default 1), words are not compared.
   */
  similarity(a: string, b: string, enough = 1): number {
    if (a === b) return 1
    const ends = sharedEnds(a, b)
    if (ends >= enough) return ends
    return Math.max(ends, this.dice(a, b))
  }

  /** Dice coefficient of the word sets of two texts; texts without words are alike only when equal. */
  dice(a: string, b: string): number {
    if (a === b) return 1
    const left = this.wordsOf(a)
    const right = this.wordsOf(b)
    if (left.size === 0 || right.size === 0) return 0
    const [small, large] = left.size <= right.size ? [left, right] : [right, left]
    let shared = 0
    for (const word of small) if (large.has(word)) shared++
    return (2 * shared) / (left.size + right.size)
  }

  /** Upper bound of the Dice coefficient of `a` and `b` from their word counts alone (cheap pre-filter). */
  diceBound(a: string, b: string): number {
    if (a === b) return 1
    const left = this.wordsOf(a).size
    const right = this.wordsOf(b).size
    return left + right === 0 ? 0 : (2 * Math.min(left, right)) / (left + right)
  }
}

/** Share (0–1) of the longer text that is a common beginning plus a common end of both texts. */
export function sharedEnds(a: string, b: string): number {
  const longest = Math.max(a.length, b.length)
  if (longest === 0) return 1
  const limit = Math.min(a.length, b.length)
  let prefix = 0
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++
  let suffix = 0
  while (suffix < limit - prefix && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++
  return (prefix + suffix) / longest
}

