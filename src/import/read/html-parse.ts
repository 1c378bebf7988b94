/**
 * Parse HTML into a hast tree with positions, tolerating what real pages contain: unclosed `<p>` and
 * `<li>`, stray end tags, unquoted attributes, raw `<script>`/`<style>` text, unknown entities.
 *
 * This is a stopgap with the shape of `hast-util-from-html` (`fromHtml(text)`), which implements the
 * full HTML standard and should replace it once added as a dependency; the reader only needs the tree.
 * It follows the standard where text could otherwise be lost or misplaced: raw-text elements, void
 * elements, and the implied end tags of paragraphs, list items and table cells.
 */
import type {Element, ElementContent, Root, Text, Comment} from 'hast'
import type {Point} from 'unist'

const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr'])
/** Elements whose content is raw text up to their end tag. */
const rawText = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'template', 'plaintext'])
/** Elements that close an open `<p>`. */
const closesParagraph = new Set(['address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul', 'li', 'dd', 'dt'])
/** For an element: the open elements it closes, and the elements that stop the search. */
const implied: Record<string, [Set<string>, Set<string>]> = {
  li: [new Set(['li']), new Set(['ul', 'ol', 'menu'])],
  dt: [new Set(['dt', 'dd']), new Set(['dl'])],
  dd: [new Set(['dt', 'dd']), new Set(['dl'])],
  tr: [new Set(['tr', 'td', 'th']), new Set(['table', 'tbody', 'thead', 'tfoot'])],
  td: [new Set(['td', 'th']), new Set(['tr', 'table'])],
  th: [new Set(['td', 'th']), new Set(['tr', 'table'])],
  tbody: [new Set(['tbody', 'thead', 'tfoot', 'tr', 'td', 'th']), new Set(['table'])],
  thead: [new Set(['tbody', 'thead', 'tfoot', 'tr', 'td', 'th']), new Set(['table'])],
  tfoot: [new Set(['tbody', 'thead', 'tfoot', 'tr', 'td', 'th']), new Set(['table'])],
  option: [new Set(['option']), new Set(['select', 'datalist'])],
  h1: [new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']), new Set(['body', 'div', 'section', 'article'])],
  h2: [new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']), new Set(['body', 'div', 'section', 'article'])],
  h3: [new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']), new Set(['body', 'div', 'section', 'article'])],
  h4: [new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']), new Set(['body', 'div', 'section', 'article'])],
  h5: [new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']), new Set(['body', 'div', 'section', 'article'])],
  h6: [new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']), new Set(['body', 'div', 'section', 'article'])]
}
/** Open elements a `<p>` is not closed across. */
const paragraphScope = new Set(['td', 'th', 'table', 'li', 'dd', 'dt', 'blockquote', 'button', 'body', 'html'])

/** Named character references common in policies; others are kept as written. */
const entities: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009',
  zwnj: '\u200c', zwj: '\u200d', shy: '\u00ad', copy: '©', reg: '®', trade: '™', hellip: '…', mdash: '—', ndash: '–',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', sbquo: '‚', bdquo: '„', laquo: '«', raquo: '»', middot: '·',
  bull: '•', times: '×', divide: '÷', deg: '°', sect: '§', para: '¶', yen: '¥', euro: '€', pound: '£', cent: '¢',
  plusmn: '±', le: '≤', ge: '≥', ne: '≠', rarr: '→', larr: '←', uarr: '↑', darr: '↓', iexcl: '¡', iquest: '¿',
  eacute: 'é', egrave: 'è', agrave: 'à', aacute: 'á', ccedil: 'ç', uuml: 'ü', ouml: 'ö', auml: 'ä', szlig: 'ß',
  micro: 'µ', frac12: '½', frac14: '¼', frac34: '¾', prime: '′', Prime: '″', emsp13: '\u2004', numsp: '\u2007'
}

/** Decode character references in `text`. */
export function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));?/g, (match, dec?: string, hex?: string, name?: string) => {
    if (dec || hex) {
      const code = dec ? Number(dec) : Number.parseInt(hex ?? '', 16)
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd'
    }
    const value = name ? entities[name] : undefined
    // Without a semicolon only the most common references are read, as browsers do for legacy ones.
    return value !== undefined && (match.endsWith(';') || ['amp', 'lt', 'gt', 'quot', 'nbsp', 'copy', 'reg'].includes(name ?? '')) ? value : match
  })
}

/** Parse `html` into a hast root. Never throws; malformed markup is read as browsers would, or as text. */
export function parseHtml(html: string): Root {
  const lineStarts = [0]
  for (let i = 0; i < html.length; i++) if (html[i] === '\n') lineStarts.push(i + 1)
  const point = (offset: number): Point => {
    let low = 0
    let high = lineStarts.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if ((lineStarts[mid] ?? 0) <= offset) low = mid
      else high = mid - 1
    }
    return {line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1, offset}
  }

  const root: Root = {type: 'root', children: []}
  const stack: Array<Root | Element> = [root]
  const current = (): Root | Element => stack.at(-1)!
  const openNames = (): string[] => stack.slice(1).map((node) => (node as Element).tagName)
  const append = (node: ElementContent): void => {
    current().children.push(node)
  }
  const text = (value: string, start: number, end: number): void => {
    if (value === '') return
    const last = current().children.at(-1)
    if (last && last.type === 'text' && last.position && last.position.end.offset === start) {
      last.value += value
      last.position.end = point(end)
      return
    }
    const node: Text = {type: 'text', value, position: {start: point(start), end: point(end)}}
    append(node)
  }
  /**
   * Close open elements named in `names`, and everything inside them, back to the outermost one before
   * an element in `stop` (a new `<tr>` closes the open `<td>` and `<tr>`, not an enclosing table).
   */
  const closeTo = (names: Set<string>, stop: Set<string>): void => {
    const open = openNames()
    let cut: number | undefined
    for (let k = open.length - 1; k >= 0; k--) {
      const name = open[k]!
      if (stop.has(name)) break
      if (names.has(name)) cut = k
    }
    // `open[k]` is `stack[k + 1]`.
    if (cut !== undefined) stack.length = cut + 1
  }

  let i = 0
  while (i < html.length) {
    const lt = html.indexOf('<', i)
    if (lt < 0) {
      text(decodeEntities(html.slice(i)), i, html.length)
      break
    }
    if (lt > i) text(decodeEntities(html.slice(i, lt)), i, lt)
    i = lt
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4)
      const stop = end < 0 ? html.length : end + 3
      const node: Comment = {type: 'comment', value: html.slice(i + 4, end < 0 ? html.length : end), position: {start: point(i), end: point(stop)}}
      append(node as ElementContent)
      i = stop
      continue
    }
    if (html.startsWith('<![CDATA[', i)) {
      const end = html.indexOf(']]>', i)
      const stop = end < 0 ? html.length : end
      text(html.slice(i + 9, stop), i, stop)
      i = end < 0 ? html.length : end + 3
      continue
    }
    if (/^<[!?]/.test(html.slice(i, i + 2))) {
      const end = html.indexOf('>', i)
      i = end < 0 ? html.length : end + 1
      continue
    }
    const endTag = /^<\/([A-Za-z][A-Za-z0-9:-]*)[^>]*>/.exec(html.slice(i, i + 300))
    if (endTag) {
      const name = (endTag[1] ?? '').toLowerCase()
      if (openNames().includes(name)) {
        const open = openNames()
        stack.length = open.lastIndexOf(name) + 1
      }
      i += endTag[0].length
      continue
    }
    const startTag = /^<([A-Za-z][A-Za-z0-9:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/.exec(html.slice(i, i + 4000))
    if (!startTag) {
      // A `<` that starts no tag is text (`a < b`).
      text('<', i, i + 1)
      i++
      continue
    }
    const name = (startTag[1] ?? '').toLowerCase()
    const properties: Record<string, string> = {}
    for (const attribute of (startTag[2] ?? '').matchAll(/([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
      const key = (attribute[1] ?? '').toLowerCase()
      if (!(key in properties)) properties[key] = decodeEntities(attribute[2] ?? attribute[3] ?? attribute[4] ?? '')
    }
    const tagStart = i
    i += startTag[0].length
    if (closesParagraph.has(name)) closeTo(new Set(['p']), paragraphScope)
    const rule = implied[name]
    if (rule) closeTo(rule[0], rule[1])
    const element: Element = {type: 'element', tagName: name, properties, children: [], position: {start: point(tagStart), end: point(i)}}
    append(element)
    if (voidElements.has(name) || startTag[3] === '/') continue
    if (rawText.has(name)) {
      const close = new RegExp(`</${name}\\s*>`, 'i').exec(html.slice(i))
      const end = close ? i + close.index : html.length
      const value = name === 'title' || name === 'textarea' ? decodeEntities(html.slice(i, end)) : html.slice(i, end)
      if (value !== '') element.children.push({type: 'text', value, position: {start: point(i), end: point(end)}})
      i = close ? end + close[0].length : html.length
      if (element.position) element.position.end = point(i)
      continue
    }
    stack.push(element)
  }
  return root
}
