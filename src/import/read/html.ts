/**
 * Read HTML (`.html`, and Word documents through mammoth's HTML) into blocks: headings, paragraphs,
 * list items, tables; bold, `<strong>`, `<u>` and bold or underlined spans as key clauses; links.
 * Scripts, styles, event handlers, images and form controls are not policy text: they are dropped and
 * reported.
 */
import type {Element, ElementContent, Root, RootContent} from 'hast'
import {collapseSpace, mergeSpans, textOf, trimSpans} from '../spans.js'
import type {Block, ImportNote, InputPlace, ReadResult, SourcePiece, Span} from '../types.js'
import {fromHtml} from 'hast-util-from-html'

/** How places in the input are counted. */
export interface HtmlReadOptions {
  /** `line` (default): line and column in the HTML; `paragraph`: the block's number (for Word). */
  places?: 'line' | 'paragraph'
}

/** Elements whose content is not policy text. */
const dropped = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'canvas', 'audio', 'video', 'select', 'button', 'input', 'textarea', 'form-control', 'map', 'math'])
/** Elements that start a new block but keep the surrounding container (list item, cell…). */
const blockElements = new Set(['p', 'div', 'section', 'article', 'main', 'header', 'footer', 'nav', 'aside', 'address', 'blockquote', 'figure', 'figcaption', 'dl', 'dt', 'dd', 'details', 'summary', 'center', 'fieldset', 'legend', 'form', 'body', 'html', 'hgroup', 'caption'])
const headings: Record<string, number> = {h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6}

interface Container {
  kind: 'paragraph' | 'heading' | 'item'
  depth: number
  level?: number
  /** Blocks emitted so far in this container: only the first of a list item is the item. */
  emitted: number
  number?: string | undefined
}

interface Context {
  bold: boolean
  href: string | undefined
}

/** Read HTML into blocks. */
export function readHtml(html: string, options: HtmlReadOptions = {}): ReadResult {
  return readHast(fromHtml(html), options)
}

/** Read a hast tree (as `hast-util-from-html` makes it) into blocks. */
export function readHast(tree: Root, options: HtmlReadOptions = {}): ReadResult {
  const blocks: Block[] = []
  const notes: ImportNote[] = []
  const source: SourcePiece[] = []
  const byParagraph = options.places === 'paragraph'
  const placeOf = (node: {position?: {start: {line: number; column: number}} | undefined} | undefined): InputPlace | undefined =>
    byParagraph ? {paragraph: blocks.length + 1} : node?.position ? {line: node.position.start.line, column: node.position.start.column} : undefined
  let title: ReadResult['title']
  let buffer: Span[] = []
  let bufferPlace: InputPlace | undefined

  const flush = (container: Container): void => {
    const spans = trimSpans(collapseSpace(buffer))
    const place = bufferPlace
    buffer = []
    bufferPlace = undefined
    if (textOf(spans) === '') return
    if (container.kind === 'heading') {
      blocks.push({kind: 'heading', spans, depth: 0, level: container.level, explicit: true, place: byParagraph ? {paragraph: blocks.length + 1} : place})
    } else if (container.kind === 'item' && container.emitted === 0) {
      const numbered = container.number ? [{text: `${container.number} `}, ...spans] : spans
      blocks.push({kind: 'item', spans: mergeSpans(numbered), depth: container.depth, explicit: true, place: byParagraph ? {paragraph: blocks.length + 1} : place})
    } else {
      blocks.push({kind: 'paragraph', spans, depth: container.depth, explicit: container.depth > 0, place: byParagraph ? {paragraph: blocks.length + 1} : place})
    }
    container.emitted++
  }

  const report = (node: Element, what: string): void => {
    notes.push({rule: 'import-dropped', message: what, place: placeOf(node)})
  }

  const inline = (node: ElementContent | RootContent, context: Context, container: Container, listDepth: number): void => {
    if (node.type === 'text') {
      if (node.value.trim() !== '' && bufferPlace === undefined) bufferPlace = placeOf(node)
      buffer.push({text: node.value, bold: context.bold || undefined, href: context.href})
      return
    }
    if (node.type === 'comment') {
      if (node.value.trim() !== '') notes.push({rule: 'import-dropped', message: `Dropped an HTML comment (${preview(node.value)})`, place: placeOf(node as {position?: {start: {line: number; column: number}}})})
      return
    }
    if (node.type !== 'element') return
    const name = node.tagName.toLowerCase()
    checkAttributes(node, report)
    if (name === 'title') {
      const text = collapseText(node)
      if (text && !title) title = {text, place: placeOf(node)}
      return
    }
    if (name === 'head') {
      // The head holds no policy text: only its title is read, and scripts and styles are reported.
      for (const child of node.children) if (child.type === 'element' && (child.tagName === 'title' || dropped.has(child.tagName))) inline(child, context, container, listDepth)
      return
    }
    if (dropped.has(name)) {
      const text = collapseText(node)
      report(node, `Dropped <${name}>${text ? ` with its text (${preview(text)})` : ''}: not policy text`)
      return
    }
    if (name === 'img') {
      const alt = String(node.properties?.['alt'] ?? '').trim()
      report(node, `Dropped an image${alt ? ` (alt text: ${preview(alt)})` : ''}: describe it in words if it matters`)
      return
    }
    if (name === 'br') {
      if (container.kind === 'heading') buffer.push({text: ' '})
      else flush(container)
      return
    }
    if (name === 'hr') {
      flush(container)
      return
    }
    if (name in headings) {
      flush(container)
      const heading: Container = {kind: 'heading', depth: 0, level: headings[name], emitted: 0}
      for (const child of node.children) inline(child, {bold: false, href: undefined}, heading, listDepth)
      flush(heading)
      return
    }
    if (name === 'ul' || name === 'ol' || name === 'menu') {
      flush(container)
      const ordered = name === 'ol'
      let number = Number(node.properties?.['start'] ?? 1) || 1
      const type = String(node.properties?.['type'] ?? '1')
      for (const child of node.children) {
        if (child.type === 'element' && child.tagName === 'li') {
          const value = Number(child.properties?.['value'] ?? Number.NaN)
          if (Number.isFinite(value)) number = value
          // The browser numbers an <ol>; the numbers are written as text so they stay as shown.
          const item: Container = {kind: 'item', depth: listDepth + 1, emitted: 0, number: ordered ? `${listNumber(number, type)}.` : undefined}
          for (const grandchild of child.children) inline(grandchild, context, item, listDepth + 1)
          flush(item)
          if (item.emitted === 0) continue
          number++
        } else {
          inline(child, context, container, listDepth)
        }
      }
      return
    }
    if (name === 'li') {
      flush(container)
      const item: Container = {kind: 'item', depth: listDepth + 1, emitted: 0}
      for (const child of node.children) inline(child, context, item, listDepth + 1)
      flush(item)
      return
    }
    if (name === 'table') {
      flush(container)
      readTable(node, context, container, listDepth)
      return
    }
    if (name === 'pre') {
      flush(container)
      const lines = collapseLines(node)
      if (lines.length > 1) notes.push({rule: 'import-split', message: `Wrote preformatted text as ${lines.length} paragraphs`, place: placeOf(node)})
      for (const line of lines) {
        buffer.push({text: line})
        bufferPlace = placeOf(node)
        flush(container)
      }
      return
    }
    if (blockElements.has(name)) {
      flush(container)
      for (const child of node.children) inline(child, context, container, listDepth)
      flush(container)
      return
    }
    if (isPermalink(node)) {
      report(node, `Dropped the section link \`${collapseText(node)}\` of a heading (page furniture, not policy text)`)
      return
    }
    const next: Context = {bold: context.bold || isKey(node), href: context.href}
    if (name === 'a') {
      const href = String(node.properties?.['href'] ?? '').trim()
      if (/^\s*(?:javascript|vbscript|data):/i.test(href)) report(node, `Dropped a script link (${preview(href)}); its text is kept`)
      next.href = href && !href.startsWith('#') ? href : undefined
    }
    for (const child of node.children) inline(child, next, container, listDepth)
  }

  const readTable = (table: Element, context: Context, container: Container, listDepth: number): void => {
    const rows: Span[][][] = []
    const place = placeOf(table)
    const collect = (node: Element): void => {
      for (const child of node.children) {
        if (child.type !== 'element') continue
        if (child.tagName === 'tr') {
          const row: Span[][] = []
          for (const cell of child.children) {
            if (cell.type !== 'element' || (cell.tagName !== 'td' && cell.tagName !== 'th')) continue
            const saved = buffer
            buffer = []
            const cellContainer: Container = {kind: 'paragraph', depth: 0, emitted: 0}
            // A cell holds one line of text: its paragraphs are joined with spaces.
            const parts: Span[][] = []
            const visit = (node: ElementContent): void => {
              if (node.type === 'element' && (blockElements.has(node.tagName) || node.tagName === 'li' || node.tagName === 'br' || node.tagName in headings || node.tagName === 'ul' || node.tagName === 'ol')) {
                parts.push(trimSpans(collapseSpace(buffer)))
                buffer = []
                for (const inner of node.children) visit(inner)
                parts.push(trimSpans(collapseSpace(buffer)))
                buffer = []
              } else if (node.type === 'element' && node.tagName === 'table') {
                parts.push(trimSpans(collapseSpace(buffer)))
                buffer = []
                for (const inner of node.children) visit(inner)
              } else {
                inline(node, {bold: context.bold, href: undefined}, cellContainer, listDepth)
              }
            }
            for (const inner of cell.children) visit(inner)
            parts.push(trimSpans(collapseSpace(buffer)))
            buffer = saved
            const nonEmpty = parts.filter((part) => textOf(part) !== '')
            if (nonEmpty.length > 1) notes.push({rule: 'import-split', message: 'Joined the paragraphs of a table cell into one line', place: placeOf(cell)})
            const spans: Span[] = []
            nonEmpty.forEach((part, k) => spans.push(...(k > 0 ? [{text: ' '}] : []), ...part))
            row.push(mergeSpans(spans))
            const span = Number(cell.properties?.['colSpan'] ?? 1)
            for (let extra = 1; extra < Math.min(span, 20); extra++) row.push([])
          }
          if (row.some((cell) => textOf(cell) !== '')) rows.push(row)
        } else {
          collect(child)
        }
      }
    }
    collect(table)
    if (rows.length === 0) return
    blocks.push({kind: 'table', spans: [], rows, depth: container.kind === 'item' ? container.depth : 0, explicit: true, place: byParagraph ? {paragraph: blocks.length + 1} : place})
  }

  const top: Container = {kind: 'paragraph', depth: 0, emitted: 0}
  for (const child of tree.children) inline(child, {bold: false, href: undefined}, top, 0)
  flush(top)
  return {blocks, source: visibleText(tree, byParagraph), title, notes}
}

/** Elements after which a reader starts a new line. */
const lineBreaking = new Set([...blockElements, 'br', 'li', 'tr', 'td', 'th', 'ul', 'ol', 'table', 'pre', 'hr', ...Object.keys(headings)])

/**
 * The text a browser shows, line by line, found without the block reader: what the no-text-lost check
 * compares against. Dropped elements (scripts, styles, images, form controls) show no policy text.
 */
function visibleText(tree: Root, byParagraph: boolean): SourcePiece[] {
  const pieces: SourcePiece[] = []
  let text = ''
  let place: InputPlace | undefined
  const end = (): void => {
    if (text.trim() !== '') pieces.push({text, place: byParagraph ? undefined : place})
    text = ''
    place = undefined
  }
  const walk = (node: ElementContent | RootContent): void => {
    if (node.type === 'text') {
      if (place === undefined && node.position) place = {line: node.position.start.line, column: node.position.start.column}
      text += node.value
    } else if (node.type === 'element') {
      const name = node.tagName.toLowerCase()
      if (dropped.has(name) || name === 'title' || name === 'img' || name === 'head' || isPermalink(node)) return
      const breaks = lineBreaking.has(name)
      if (breaks) end()
      if (name === 'pre') {
        for (const line of collapseLines(node)) pieces.push({text: line, place: byParagraph ? undefined : place})
        return
      }
      node.children.forEach(walk)
      if (breaks) end()
    }
  }
  tree.children.forEach(walk)
  end()
  return pieces
}

/** A heading's own anchor link (`<a href="#id">#</a>`, `¶`, `§`): page furniture, not text. */
function isPermalink(node: Element): boolean {
  return node.tagName === 'a' && String(node.properties?.['href'] ?? '').startsWith('#') && /^[#¶§🔗]$/u.test(collapseText(node))
}

/** Bold or underline: `<b>`, `<strong>`, `<u>`, `<ins>`, or a style that makes text bold or underlined. */
function isKey(node: Element): boolean {
  const name = node.tagName
  if (name === 'b' || name === 'strong' || name === 'u' || name === 'ins') return true
  const style = String(node.properties?.['style'] ?? '').toLowerCase()
  return /font-weight\s*:\s*(?:bold|bolder|[6-9]00)/.test(style) || /text-decoration(?:-line)?\s*:[^;]*underline/.test(style)
}

function checkAttributes(node: Element, report: (node: Element, what: string) => void): void {
  const handlers = Object.keys(node.properties ?? {}).filter((key) => /^on/i.test(key))
  if (handlers.length > 0) report(node, `Dropped event handler${handlers.length > 1 ? 's' : ''} ${handlers.map((h) => `\`${h.toLowerCase()}\``).join(', ')} on <${node.tagName}>`)
}

function collapseText(node: Element): string {
  const parts: string[] = []
  const walk = (child: ElementContent): void => {
    if (child.type === 'text') parts.push(child.value)
    else if (child.type === 'element') child.children.forEach(walk)
  }
  node.children.forEach(walk)
  return parts.join('').replace(/\s+/g, ' ').trim()
}

function collapseLines(node: Element): string[] {
  const parts: string[] = []
  const walk = (child: ElementContent): void => {
    if (child.type === 'text') parts.push(child.value)
    else if (child.type === 'element') child.children.forEach(walk)
  }
  node.children.forEach(walk)
  return parts.join('').split('\n').map((line) => line.trim()).filter((line) => line !== '')
}

function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return `\`${flat.length > 40 ? `${flat.slice(0, 40)}…` : flat}\``
}

/** The number an `<ol type>` shows for item `n`: `1`, `a`, `A`, `i`, `I`. */
function listNumber(n: number, type: string): string {
  if (type === 'a' || type === 'A') {
    const letter = String.fromCharCode(96 + (((n - 1) % 26) + 1))
    return type === 'A' ? letter.toUpperCase() : letter
  }
  if (type === 'i' || type === 'I') {
    const numerals: Array<[number, string]> = [[10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']]
    let rest = n
    let out = ''
    for (const [value, numeral] of numerals) {
      while (rest >= value) {
        out += numeral
        rest -= value
      }
    }
    return type === 'I' ? out.toUpperCase() : out
  }
  return String(n)
}
