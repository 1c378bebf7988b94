/**
 * Turn bare URLs and email addresses in text into links, stopping at the first non-ASCII character.
 *
 * This replaces GFM's autolink literal, which runs on into Chinese text: here
 * `访问https://example.com了解` links `https://example.com` and keeps `了解` as text.
 */
import type {Root, Link} from 'mdast'
import {findAndReplace} from 'mdast-util-find-and-replace'
import type {VFile} from 'vfile'

const url = /(?:https?:\/\/|www\.)[\w\-.~:/?#[\]@!$&'()*+,;=%]+/g
const email = /(?<![\w.+-])[\w.+-]+@[A-Za-z\d-]+(?:\.[A-Za-z\d-]+)+/g
const trailing = /[.,:;!?'")\]]+$/

/**
 * What the source of a block holds when its text may hold an address: the start of one, or an entity or
 * escape, which read as other characters in the text (`&#64;` is `@`).
 */
const mayHoldAddress = /https?:\/\/|www\.|@|&|\\/

/** Link bare `https://…`, `www.…` and `name@example.com` runs in text. */
export function remarkLinkLiterals() {
  return function (tree: Root, file: VFile): void {
    const source = String(file.value)
    // Offsets do not count a byte order mark.
    const bom = source.charCodeAt(0) === 0xfeff ? 1 : 0
    for (const block of tree.children) {
      const start = block.position?.start.offset
      const end = block.position?.end.offset
      // Most blocks hold no address: a look at their source saves walking their text.
      if (start !== undefined && end !== undefined && !mayHoldAddress.test(source.slice(start + bom, end + bom))) continue
      findAndReplace(
        block,
        [
          [url, (match: string) => linkFor(match, (value) => (value.startsWith('www.') ? `https://${value}` : value))],
          [email, (match: string) => linkFor(match, (value) => `mailto:${value}`)]
        ],
        {ignore: ['link', 'linkReference', 'inlineCode', 'code']}
      )
    }
  }
}

function linkFor(match: string, toUrl: (value: string) => string): Array<Link | {type: 'text'; value: string}> | false {
  const value = trimTrailing(match)
  if (value === '' || value === 'www.') return false
  const link: Link = {type: 'link', url: toUrl(value), title: null, children: [{type: 'text', value}]}
  const rest = match.slice(value.length)
  return rest ? [link, {type: 'text', value: rest}] : [link]
}

/** Drop trailing punctuation, keeping a closing paren that balances one in the URL. */
function trimTrailing(value: string): string {
  let result = value.replace(trailing, '')
  const tail = value.slice(result.length)
  if (tail.startsWith(')')) {
    const opens = (result.match(/\(/g) ?? []).length
    const closes = (result.match(/\)/g) ?? []).length
    if (opens > closes) result += ')'
  }
  return result
}
