/**
 * Turn bare URLs and email addresses in text into links, stopping at the first non-ASCII character.
 *
 * This replaces GFM's autolink literal, which runs on into Chinese text: here
 * `访问https://example.com了解` links `https://example.com` and keeps `了解` as text.
 */
import type {Root, Link} from 'mdast'
import {findAndReplace} from 'mdast-util-find-and-replace'

const url = /(?:https?:\/\/|www\.)[\w\-.~:/?#[\]@!$&'()*+,;=%]+/g
const email = /(?<![\w.+-])[\w.+-]+@[A-Za-z\d-]+(?:\.[A-Za-z\d-]+)+/g
const trailing = /[.,:;!?'")\]]+$/

/** Link bare `https://…`, `www.…` and `name@example.com` runs in text. */
export function remarkLinkLiterals() {
  return function (tree: Root): void {
    findAndReplace(
      tree,
      [
        [url, (match: string) => linkFor(match, (value) => (value.startsWith('www.') ? `https://${value}` : value))],
        [email, (match: string) => linkFor(match, (value) => `mailto:${value}`)]
      ],
      {ignore: ['link', 'linkReference', 'inlineCode', 'code']}
    )
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
