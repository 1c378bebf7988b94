/**
 * The common beginning and end of two texts, cut at places where tokenizing the parts separately gives
 * the same tokens as tokenizing the whole: so a word diff only tokenizes (and segments) what changed,
 * plus a little context for sliding changes to readable places.
 */

/** Characters of unchanged context kept on each side of the changed middle (at least). */
const context = 8

/**
 * Lengths (UTF-16 units) of a common prefix and suffix of `a` and `b` that end and start at safe cuts,
 * leaving at least `context` characters of unchanged text next to the changed middle.
 */
export function commonEnds(a: string, b: string): {prefix: number; suffix: number} {
  const limit = Math.min(a.length, b.length)
  let prefix = 0
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++
  let suffix = 0
  while (suffix < limit - prefix && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++
  prefix = Math.max(0, prefix - context)
  while (prefix > 0 && !isSafeCut(a, prefix)) prefix--
  suffix = Math.max(0, suffix - context)
  while (suffix > 0 && !(isSafeCut(a, a.length - suffix) && isSafeCut(b, b.length - suffix))) suffix--
  return {prefix, suffix}
}

/** Separators that are tokens of their own and never part of a word (`.` `-` `'` `_` join Latin words). */
const separator = /[\s\p{Z}，。；：！？、（）“”‘《》【】「」『』,;:!?()[\]{}"<>/|]/u
/** Characters that attach to the one before them (marks, joiners, selectors, skin tones). */
const attaching = /^[\p{M}\u200d\ufe0e\ufe0f\u{1f3fb}-\u{1f3ff}]$/u

/** Whether `text` can be cut at `index` without changing its tokens. */
export function isSafeCut(text: string, index: number): boolean {
  if (index <= 0 || index >= text.length) return true
  const code = text.charCodeAt(index)
  // Never between the two halves of one character.
  if (code >= 0xdc00 && code <= 0xdfff) return false
  const before = text[index - 1]!
  const at = String.fromCodePoint(text.codePointAt(index)!)
  if (attaching.test(at) || before === '\u200d') return false
  if (before === '\r' && at === '\n') return false
  // A run of spaces is one token, but a line break is a token of its own.
  if (/\s/.test(before) && /\s/.test(at)) return /[\r\n]/.test(before + at)
  return separator.test(before) || separator.test(at)
}
