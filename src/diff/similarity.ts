/**
 * How alike two block texts are, 0 (nothing shared) to 1: the larger of their shared beginning and end
 * (a block edited in one place) and Dice's coefficient over their sets of words.
 *
 * Word sets ignore order, white space, punctuation and Latin case, so a reworded sentence still scores
 * high while an unrelated one sharing a few particles scores low. Chinese "words" here are pairs of
 * neighbouring characters (`手机号码` → 手机, 机号, 号码): as telling as segmented words for comparing
 * blocks, and much cheaper, since no segmenter runs.
 */

/** Memoized word sets of the texts seen during one document diff. */
export class TextIndex {
  private readonly words = new Map<string, Set<string>>()

  /** The words of `text` (see `wordsOf`), computed once per distinct text. */
  wordsOf(text: string): Set<string> {
    let words = this.words.get(text)
    if (!words) {
      words = wordsOf(text)
      this.words.set(text, words)
    }
    return words
  }

  /**
   * How alike two texts are: the larger of the share of the longer text that is a common beginning and
   * end of both (cheap, catches a block edited in one place) and the Dice coefficient of their word sets
   * (order-free, catches rewording). With a `threshold` (default 0: always both measures), it answers
   * early: the shared ends once they reach the threshold, and a lower bound when the word counts show
   * that the threshold is out of reach.
   */
  similarity(a: string, b: string, threshold = 0): number {
    if (a === b) return 1
    const ends = sharedEnds(a, b)
    if (ends >= threshold && threshold > 0) return ends
    if (this.diceBound(a, b) < threshold) return ends
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


const wordRun = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FC]+|[\p{L}\p{N}\p{M}]+/gu

/** The distinct words of `text`: Latin words and numbers lowercased, CJK runs as character pairs. */
export function wordsOf(text: string): Set<string> {
  const words = new Set<string>()
  for (const [run] of text.matchAll(wordRun)) {
    if (!/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FC]/u.test(run)) {
      words.add(run.toLowerCase())
      continue
    }
    const characters = [...run]
    if (characters.length === 1) words.add(run)
    for (let i = 1; i < characters.length; i++) words.add(characters[i - 1]! + characters[i]!)
  }
  return words
}
