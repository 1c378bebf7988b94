/**
 * Read plain text (`.txt`): one paragraph per line, hard-wrapped lines joined again, and paragraphs
 * recovered from a flattened line (see `segment.ts`). Plain text has no markup, so a clause number
 * followed by a short title and a colon (`1.1.1 手机号码/电子邮箱：当您…`) is split into the title and
 * its text, and an enumeration inside one paragraph (`日志信息：a.…；b.…`) into items.
 */
import {readMarker, shapeOf} from '../markers.js'
import type {Block, ImportNote, InputPlace, ReadResult} from '../types.js'
import {isFlattened, mergeBareMarkers, segmentLine, type Piece} from './segment.js'

/** Bullet characters that start a list item in plain text. */
const bullet = /^(?:[•·●○■□◆◇▪▫‣⁃]\s*|[-*+]\s+)/

/** Turns offsets into 1-based line and column (in UTF-16 code units, as editors count CJK characters). */
export function placeFinder(text: string): (offset: number) => InputPlace {
  const starts = [0]
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1)
  return (offset) => {
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if ((starts[mid] ?? 0) <= offset) low = mid
      else high = mid - 1
    }
    return {line: low + 1, column: offset - (starts[low] ?? 0) + 1}
  }
}

/** Read plain text into blocks. Never drops a character other than white space. */
export function readText(input: string): ReadResult {
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  const placeOf = placeFinder(text)
  const notes: ImportNote[] = []
  const lines: Piece[] = []
  let offset = 0
  for (const line of text.split('\n')) {
    lines.push({text: line, start: offset})
    offset += line.length + 1
  }
  const lengths = lines.map((line) => line.text.trim().length).filter((n) => n > 0).sort((a, b) => a - b)
  const wrap = lengths[Math.floor(lengths.length * 0.9)] ?? 0

  const pieces: Piece[] = []
  let open = false
  for (const line of lines) {
    const trimmed = line.text.trim()
    if (trimmed === '') {
      open = false
      continue
    }
    const start = line.start + line.text.indexOf(trimmed)
    if (isFlattened(trimmed)) {
      const found = segmentLine(trimmed, start)
      notes.push({rule: 'import-split', message: `One line held ${found.length} paragraphs separated by spaces or nothing; split them by sentence ends and clause numbers`, place: placeOf(start)})
      pieces.push(...found)
      open = false
      continue
    }
    const previous = pieces.at(-1)
    // A hard-wrapped paragraph: the previous line ran to the wrap width without ending a sentence.
    if (open && previous && wrap >= 40 && lastLineLength(previous.text) >= wrap * 0.75 && !/[。！？；：.!?;:]$/.test(previous.text) && !readMarker(trimmed) && !bullet.test(trimmed)) {
      previous.text += `\n${trimmed}`
    } else {
      pieces.push({text: trimmed, start})
    }
    open = true
  }

  const blocks: Block[] = []
  for (const piece of enumerations(colonTitles(mergeBareMarkers(pieces), notes, placeOf), notes, placeOf)) {
    const place = placeOf(piece.start)
    const body = piece.text.replace(/\n/g, (_, i: number) => (/[\p{Script=Han}]/u.test(piece.text[i - 1] ?? '') ? '' : ' '))
    // A bullet is a list mark only at the start of a line; inside a flattened line it is text.
    const lineStart = /^[ \t]*$/.test(text.slice(text.lastIndexOf('\n', piece.start - 1) + 1, piece.start))
    const item = lineStart ? bullet.exec(body) : null
    if (item) blocks.push({kind: 'item', spans: [{text: body.slice(item[0].length)}], depth: 1, place})
    else blocks.push({kind: 'paragraph', spans: [{text: body}], depth: 0, place})
  }
  return {blocks, source: lines.filter((line) => line.text.trim() !== '').map((line) => ({text: line.text, place: placeOf(line.start)})), notes}
}

function lastLineLength(text: string): number {
  return text.length - text.lastIndexOf('\n') - 1
}

/**
 * Clause-number styles whose `number title：text` paragraphs are a heading and its text: sub-clauses
 * (`1.1`, `1.1.1`); a single `2. 发送邮件至：…` is an enumerated item.
 */
const titledStyles = /^arabic[2-9]/

/** Split `1.1.1 手机号码/电子邮箱：当您…` into the title `1.1.1 手机号码/电子邮箱：` and its text. */
function colonTitles(pieces: Piece[], notes: ImportNote[], placeOf: (offset: number) => InputPlace): Piece[] {
  return pieces.flatMap((piece) => {
    const marker = readMarker(piece.text)
    if (!marker || !titledStyles.test(marker.style)) return [piece]
    const colon = /[：:]/.exec(marker.rest)
    if (!colon) return [piece]
    const title = marker.rest.slice(0, colon.index + 1)
    const body = marker.rest.slice(colon.index + 1).trim()
    // The text after the title is prose of its own: it ends a sentence.
    if (title.length > 21 || body.length < 10 || shapeOf(title) !== 'colon' || !/[。！？.!?]$/.test(body)) return [piece]
    const cut = piece.text.indexOf(title) + title.length
    const rest = piece.text.slice(cut)
    const bodyStart = piece.start + cut + (rest.length - rest.trimStart().length)
    notes.push({rule: 'import-split', message: `Split \`${piece.text.slice(0, cut)}\` from the text after it as a heading`, place: placeOf(piece.start)})
    return [{text: piece.text.slice(0, cut), start: piece.start}, {text: rest.trim(), start: bodyStart}]
  })
}

/** Enumeration styles that are split out of a paragraph (`：a.…；b.…`, `：（1）…；（2）…`, `①…②…`). */
const inlineStyles = new Set(['alpha-dot', 'alpha-paren', 'arabic-paren', 'circled'])

/** Split a paragraph holding an enumeration (`日志信息：a.操作…；b.服务…`) into its lead-in and items. */
function enumerations(pieces: Piece[], notes: ImportNote[], placeOf: (offset: number) => InputPlace): Piece[] {
  return pieces.flatMap((piece) => {
    const text = piece.text
    const cuts: number[] = []
    let style: string | undefined
    for (let i = 1; i < text.length; i++) {
      if (!/[：:；;。]\s*$/.test(text.slice(Math.max(0, i - 2), i))) continue
      const marker = readMarker(text.slice(i))
      if (!marker || !inlineStyles.has(marker.style) || marker.text !== text.slice(i, i + marker.text.length)) continue
      const expected = cuts.length + 1
      if (cuts.length === 0 ? marker.value === 1 && /[：:]\s*$/.test(text.slice(0, i)) : marker.style === style && marker.value === expected) {
        style = marker.style
        cuts.push(i)
      }
    }
    if (cuts.length < 2) return [piece]
    notes.push({rule: 'import-split', message: `Split a paragraph into a lead-in and ${cuts.length} enumerated items`, place: placeOf(piece.start + (cuts[0] ?? 0))})
    const bounds = [0, ...cuts, text.length]
    return bounds.slice(0, -1).map((start, k) => ({text: text.slice(start, bounds[k + 1]).trim(), start: piece.start + start})).filter((p) => p.text !== '')
  })
}
