/**
 * Write blocks as policypress Markdown: front matter, `##`…`######` headings with `{#id}`, paragraphs,
 * `- ` list items that keep the policy's own numbers as text, GFM tables and `::include` lines.
 */
import YAML from 'yaml'
import {escapeLineStart, inlineMarkdown} from './escape.js'
import type {Block, Span} from './types.js'

/** The front matter of an imported policy. */
export interface ImportedMeta {
  id: string
  title: string
  locale: string
  version: string
  updated: string
  effective: string
}

/** Markdown text and the line each written block starts on (1-based; `undefined` when skipped). */
export interface Written {
  text: string
  lines: Array<number | undefined>
}

/** The front matter block, ending with a newline. Values YAML could misread are quoted. */
export function writeFrontmatter(meta: ImportedMeta): string {
  const lines = (Object.keys(meta) as Array<keyof ImportedMeta>).map((key) => {
    const value = meta[key]
    // Dates and ids are plain; a title is quoted only when YAML would read it as something else.
    const plain = YAML.stringify(value, {lineWidth: 0}).trimEnd()
    return `${key}: ${plain}`
  })
  return `---\n${lines.join('\n')}\n---\n`
}

/**
 * `blocks` as Markdown.
 *
 * @param firstLine line number the text will start on in its file (default 1), for `lines`.
 */
export function writeBlocks(blocks: readonly Block[], firstLine = 1): Written {
  const out: string[] = []
  const lines: Array<number | undefined> = []
  let line = firstLine
  let previous: Block | undefined
  let itemDepth = 0
  for (const block of blocks) {
    const rendered = renderBlock(block, itemDepth)
    if (rendered === undefined) {
      lines.push(undefined)
      continue
    }
    if (block.kind === 'item') itemDepth = block.depth
    else if (block.kind === 'heading' || block.kind === 'include' || block.depth === 0) itemDepth = 0
    if (previous) {
      // Items of one list follow each other directly; everything else is separated by a blank line.
      const tight = previous.kind === 'item' && block.kind === 'item'
      out.push(tight ? '\n' : '\n\n')
      line += tight ? 1 : 2
    }
    lines.push(line)
    out.push(rendered)
    line += rendered.split('\n').length - 1
    previous = block
  }
  return {text: out.length > 0 ? `${out.join('')}\n` : '', lines}
}

function renderBlock(block: Block, itemDepth: number): string | undefined {
  switch (block.kind) {
    case 'heading': {
      const text = inlineMarkdown(block.spans.map((span) => ({...span, bold: false}))).trim()
      if (text === '') return undefined
      return `${'#'.repeat(block.level ?? 2)} ${text}${block.id ? ` {#${block.id}}` : ''}`
    }
    case 'include':
      return `::include{src="${block.src ?? ''}"}`
    case 'table':
      return indent(table(block.rows ?? []), Math.min(block.depth, itemDepth))
    case 'item': {
      const text = itemText(block)
      if (text === '') return undefined
      return `${'  '.repeat(Math.max(0, block.depth - 1))}- ${text}`
    }
    case 'paragraph': {
      const text = escapeLineStart(inlineMarkdown(block.spans).trim())
      if (text === '') return undefined
      // A continuation can only belong to an item that is open.
      return `${'  '.repeat(Math.min(block.depth, itemDepth))}${text}`
    }
  }
}

function itemText(block: Block): string {
  const text = escapeLineStart(inlineMarkdown(block.spans).trim())
  return block.target && text ? `[${text}](#${block.target})` : text
}

function indent(text: string, depth: number): string {
  const pad = '  '.repeat(depth)
  return text.split('\n').map((line) => pad + line).join('\n')
}

function table(rows: Span[][][]): string {
  const width = Math.max(1, ...rows.map((row) => row.length))
  const cell = (spans: Span[] | undefined): string => {
    const text = inlineMarkdown(spans ?? []).trim()
    return text === '' ? ' ' : text
  }
  const line = (row: Span[][]): string => `| ${Array.from({length: width}, (_, i) => cell(row[i])).join(' | ')} |`
  const [head = [], ...body] = rows
  return [line(head), `| ${Array.from({length: width}, () => '---').join(' | ')} |`, ...body.map(line)].join('\n')
}
