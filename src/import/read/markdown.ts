/**
 * Read Markdown (`.md`) into blocks: headings, paragraphs, lists (ordered numbers kept as text),
 * tables, bold as key clauses, links. Wiki front matter gives the title; admonitions (`!!! note "…"`,
 * `> [!note] …`) and code blocks become plain paragraphs; inline HTML keeps its text (`<u>` and `<b>`
 * as key clauses); images and HTML comments are dropped and reported.
 */
import type {Code, Definition, Nodes, PhrasingContent, Root, RootContent} from 'mdast'
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkFrontmatter from 'remark-frontmatter'
import remarkCjkFriendly from 'remark-cjk-friendly'
import YAML from 'yaml'
import {remarkTables} from '../../parse/tables.js'
import {isWide, mergeSpans, textOf, trimSpans} from '../spans.js'
import type {Block, ImportNote, InputPlace, ReadResult, SourcePiece, Span} from '../types.js'
import {readHtml} from './html.js'

// As policypress parses its own Markdown, so `**（API）**以及` is bold here too.
const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkTables).use(remarkCjkFriendly).freeze()

/** `!!! type "title"` / `??? type` / `???+ type` (MkDocs admonitions). */
const admonition = /^(?:!!!|\?\?\?\+?)[ \t]*([\w-]+)(?:[ \t]+"([^"]*)")?[ \t]*$/
/** `[!type] title` at the start of a blockquote (Obsidian and GitHub callouts). */
const callout = /^\[!([\w-]+)\][+-]?[ \t]*/

/** Where the text being read sits in the whole file (for re-parsed admonition bodies). */
interface Offset {
  line: number
  column: number
}

/** Read Markdown into blocks. */
export function readMarkdown(markdown: string): ReadResult {
  const notes: ImportNote[] = []
  const source: SourcePiece[] = []
  let title: ReadResult['title']
  const blocks = readTree(parser.parse(markdown.replace(/^\uFEFF/, '')), {line: 0, column: 0}, notes, source, (found) => {
    title ??= found
  })
  return {blocks, source, title, notes}
}

function readTree(tree: Root, offset: Offset, notes: ImportNote[], source: SourcePiece[], onTitle: (title: {text: string; place: InputPlace | undefined}) => void): Block[] {
  const blocks: Block[] = []
  const definitions = new Map<string, string>()
  const collect = (node: Nodes): void => {
    if (node.type === 'definition') definitions.set((node as Definition).identifier.toLowerCase(), (node as Definition).url)
    if ('children' in node) for (const child of node.children as Nodes[]) collect(child)
  }
  collect(tree)
  // A re-parsed admonition body lost its indent: every line moves by the same line and column.
  const placeOf = (node: {position?: {start: {line: number; column: number}} | undefined}): InputPlace | undefined =>
    node.position ? {line: node.position.start.line + offset.line, column: node.position.start.column + offset.column} : undefined

  const phrasing = (nodes: PhrasingContent[], bold = false, href?: string): Span[] => {
    const spans: Span[] = []
    let htmlBold = 0
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          spans.push({text: node.value, bold: bold || htmlBold > 0 || undefined, href})
          break
        case 'inlineCode':
          spans.push({text: node.value, bold: bold || htmlBold > 0 || undefined, href})
          break
        case 'break':
          spans.push({text: ' '})
          break
        case 'strong':
          spans.push(...phrasing(node.children, true, href))
          break
        case 'emphasis':
        case 'delete':
          spans.push(...phrasing(node.children, bold || htmlBold > 0, href))
          break
        case 'link':
          spans.push(...phrasing(node.children, bold || htmlBold > 0, node.url))
          break
        case 'linkReference':
          spans.push(...phrasing(node.children, bold || htmlBold > 0, definitions.get(node.identifier.toLowerCase())))
          break
        case 'image':
        case 'imageReference':
          notes.push({rule: 'import-dropped', message: `Dropped an image${node.alt ? ` (alt text: \`${node.alt}\`)` : ''}: describe it in words if it matters`, place: placeOf(node)})
          break
        case 'html': {
          const tag = /^<(\/?)([A-Za-z][\w-]*)/.exec(node.value)
          if (tag && /^(?:b|strong|u|ins)$/i.test(tag[2] ?? '')) htmlBold = Math.max(0, htmlBold + (tag[1] ? -1 : 1))
          else if (/^<br\b/i.test(node.value)) spans.push({text: ' '})
          else if (node.value.startsWith('<!--')) notes.push({rule: 'import-dropped', message: `Dropped an HTML comment (\`${node.value.replace(/^<!--|-->$/g, '').trim().slice(0, 40)}\`)`, place: placeOf(node)})
          else if (!tag) spans.push({text: node.value})
          break
        }
        default:
          if ('children' in node) spans.push(...phrasing(node.children as PhrasingContent[], bold, href))
      }
    }
    return spans
  }

  const emit = (block: Block): void => {
    const spans = trimSpans(softBreaks(block.spans))
    if (block.kind === 'table' || textOf(spans) !== '') blocks.push({...block, spans})
  }

  const visit = (nodes: RootContent[], depth: number): void => {
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!
      switch (node.type) {
        case 'yaml': {
          const data = readYaml(node.value)
          const stated = typeof data['title'] === 'string' ? data['title'].trim() : ''
          if (stated) onTitle({text: stated, place: placeOf(node)})
          const others = Object.keys(data).filter((key) => key !== 'title')
          if (others.length > 0) notes.push({rule: 'import-dropped', message: `Dropped front matter keys ${others.map((key) => `\`${key}\``).join(', ')} (page metadata, not policy text)`, place: placeOf(node)})
          break
        }
        case 'heading':
          source.push({text: plain(node), place: placeOf(node)})
          emit({kind: 'heading', spans: phrasing(node.children), depth: 0, level: node.depth, explicit: true, place: placeOf(node)})
          break
        case 'paragraph': {
          const text = plain(node)
          const head = admonition.exec(text.trim())
          if (head && depth === 0) {
            const label = head[2] ?? head[1] ?? ''
            source.push({text: label, place: placeOf(node)})
            notes.push({rule: 'import-dropped', message: `Wrote the admonition \`${text.trim()}\` as plain paragraphs`, place: placeOf(node)})
            // A label, not a heading: `explicit` keeps it from being guessed as one.
            emit({kind: 'paragraph', spans: [{text: label}], depth, explicit: true, place: placeOf(node)})
            const body = nodes[i + 1]
            if (body && body.type === 'code' && !body.lang && body.position && body.position.start.column >= 5) {
              blocks.push(...readTree(parser.parse(body.value), {line: body.position.start.line - 1, column: body.position.start.column - 1}, notes, source, () => undefined))
              i++
            }
            break
          }
          source.push({text, place: placeOf(node)})
          emit({kind: 'paragraph', spans: phrasing(node.children), depth, explicit: depth > 0, place: placeOf(node)})
          break
        }
        case 'blockquote': {
          const first = node.children[0]
          const marker = first && first.type === 'paragraph' && first.children[0]?.type === 'text' ? callout.exec(first.children[0].value) : null
          if (marker && first && first.type === 'paragraph' && first.children[0]?.type === 'text') {
            notes.push({rule: 'import-dropped', message: `Wrote the callout \`[!${marker[1]}]\` as plain paragraphs`, place: placeOf(node)})
            const rest = first.children[0].value.slice(marker[0].length)
            const label = rest.split('\n')[0]?.trim() || (marker[1] ?? '')
            source.push({text: label, place: placeOf(first)})
            emit({kind: 'paragraph', spans: [{text: label}], depth, explicit: true, place: placeOf(first)})
            const remaining = rest.includes('\n') ? rest.slice(rest.indexOf('\n') + 1) : ''
            const paragraph = {...first, children: [...(remaining ? [{type: 'text' as const, value: remaining}] : []), ...first.children.slice(1)]}
            visit([...(paragraph.children.length > 0 ? [paragraph] : []), ...node.children.slice(1)], depth)
          } else {
            visit(node.children, depth)
          }
          break
        }
        case 'list': {
          let number = node.start ?? 1
          for (const item of node.children) {
            const [first, ...rest] = item.children
            // Ordered lists are written with their numbers as text, so they stay as shown.
            const prefix: Span[] = node.ordered ? [{text: `${number}. `}] : []
            if (first && first.type === 'paragraph') {
              source.push({text: plain(first), place: placeOf(first)})
              emit({kind: 'item', spans: [...prefix, ...phrasing(first.children)], depth: depth + 1, explicit: true, place: placeOf(item)})
              visit(rest, depth + 1)
            } else {
              emit({kind: 'item', spans: prefix.length > 0 ? prefix : [{text: ''}], depth: depth + 1, explicit: true, place: placeOf(item)})
              visit(item.children, depth + 1)
            }
            number++
          }
          break
        }
        case 'table': {
          const rows = node.children.map((row) => row.children.map((cell) => trimSpans(softBreaks(phrasing(cell.children)))))
          for (const row of rows) source.push({text: row.map(textOf).join('\n'), place: placeOf(node)})
          blocks.push({kind: 'table', spans: [], rows, depth, explicit: true, place: placeOf(node)})
          break
        }
        case 'code': {
          const lines = (node as Code).value.split('\n').filter((line) => line.trim() !== '' && !/^(?:```|~~~)/.test(line.trim()))
          if (lines.length > 0) notes.push({rule: 'import-split', message: `Wrote a code block as ${lines.length} plain paragraph${lines.length === 1 ? '' : 's'}`, place: placeOf(node)})
          lines.forEach((line, k) => {
            const place = node.position ? {line: node.position.start.line + offset.line + k + (node.lang !== undefined && node.lang !== null ? 1 : 0), column: 1} : undefined
            source.push({text: line, place})
            emit({kind: 'paragraph', spans: [{text: line.trim()}], depth, explicit: depth > 0, place})
          })
          break
        }
        case 'html': {
          const read = readHtml(node.value)
          for (const note of read.notes) notes.push({...note, place: placeOf(node)})
          for (const piece of read.source) source.push({text: piece.text, place: placeOf(node)})
          for (const block of read.blocks) emit({...block, depth: block.kind === 'item' ? depth + block.depth : depth, place: placeOf(node)})
          break
        }
        case 'definition':
        case 'thematicBreak':
          break
        default:
          if ('children' in node) visit(node.children as RootContent[], depth)
      }
    }
  }
  visit(tree.children, 0)
  return blocks
}

/** A soft line break inside a paragraph reads as nothing between Chinese characters, a space otherwise. */
function softBreaks(spans: Span[]): Span[] {
  const text = textOf(spans)
  const result: Span[] = []
  let offset = 0
  for (const span of spans) {
    let value = ''
    for (let k = 0; k < span.text.length; k++) {
      const char = span.text[k]!
      if (char === '\n') {
        const before = text[offset + k - 1]
        let after = offset + k + 1
        while (after < text.length && /[ \t]/.test(text[after] ?? '')) after++
        value += isWide(before) && isWide(text[after]) ? '' : ' '
      } else {
        value += char
      }
    }
    offset += span.text.length
    result.push({...span, text: value.replace(/[ \t]{2,}/g, ' ')})
  }
  return mergeSpans(result)
}

/** The plain text of a node, as the no-text-lost check reads the input: images and HTML tags left out. */
function plain(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value
  if (node.type === 'html') return node.value.startsWith('<!--') ? '' : node.value.replace(/<[^>]*>/g, '')
  if (node.type === 'image' || node.type === 'imageReference' || node.type === 'definition') return ''
  if (node.type === 'break') return ' '
  if ('children' in node) return (node.children as Nodes[]).map(plain).join('')
  return ''
}

function readYaml(text: string): Record<string, unknown> {
  try {
    const data: unknown = YAML.parse(text)
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}
