/**
 * Where each content file goes in each output, and relative links between outputs, so `dist/` works
 * from any host path and straight from disk.
 */
import path from 'node:path'
import {classifyLink} from '../check/links.js'
import {isValidId} from '../model/ids.js'

/** The outputs that show policies. */
export type Variant = 'portal' | 'app'

const policyPath = /^([^/]+)\/([^/]+)\/index\.md$/

/**
 * Output path (in `dist/`) of a content file for a variant.
 *
 * @param release where a release other than the current one lives below `<doc>/<locale>/`
 *   (`v/2023-09-20`, `draft`); the current release has none.
 */
export function outputPathOf(contentPath: string, variant: Variant, release?: string): string {
  const policy = policyPath.exec(contentPath)
  const prefix = release ? `${release}/` : ''
  if (policy) {
    return variant === 'portal' ? `${policy[1]}/${policy[2]}/${prefix}index.html` : `app/${policy[1]}/${policy[2]}${release ? `/${release}` : ''}.html`
  }
  const segments = contentPath.replace(/\.md$/, '.html').split('/')
  const html = segments.length > 2 && release ? [...segments.slice(0, 2), release, ...segments.slice(2)].join('/') : segments.join('/')
  return variant === 'portal' ? html : `app/${html}`
}

/** A relative URL from the page at `fromOutput` to `toOutput` (both `dist/`-relative). */
export function relativeUrl(fromOutput: string, toOutput: string): string {
  const relative = path.posix.relative(path.posix.dirname(fromOutput), toOutput)
  return relative === '' ? path.posix.basename(toOutput) : relative
}

/** The link rewriter for the page at `pageOutput` in `variant`, linking within `release`. */
export function linkRewriterFor(pageOutput: string, variant: Variant, release?: string) {
  return function (url: string, fromFile: string): string {
    const target = classifyLink(url, fromFile)
    switch (target.type) {
      case 'external':
        return target.url
      case 'anchor':
        return `#${fragment(target.fragment)}`
      case 'forbidden':
        return '#'
      case 'content': {
        const href = relativeUrl(pageOutput, outputPathOf(target.path, variant, release))
        return target.fragment ? `${href}#${fragment(target.fragment)}` : href
      }
    }
  }
}

/** Valid ids stay readable (Chinese included); anything else is percent-encoded. */
function fragment(value: string): string {
  return isValidId(value) ? value : encodeURIComponent(value)
}
