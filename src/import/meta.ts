/**
 * The front matter of an imported policy, read from its text: the title (a first heading or line, or
 * what the format states outside the text), the updated and effective dates, the locale and a document
 * id. Lines that only carry the title or a date move into the front matter; everything else stays.
 */
import {labelledDates} from './dates.js'
import {readMarker, shapeOf} from './markers.js'
import {sliceSpans, textOf, trimSpans} from './spans.js'
import type {Block, ImportNote, InputPlace, ReadResult} from './types.js'

/** Text that left the body for the front matter, and where it was. */
export interface Moved {
  text: string
  place: InputPlace | undefined
}

/** The front matter values found, and the blocks that remain for the body. */
export interface FoundMeta {
  title: string | undefined
  updated: string | undefined
  effective: string | undefined
  blocks: Block[]
  moved: Moved[]
}

const maxTitleLength = 80

/** Whether a block is a short line that can be a document title. */
function titleLike(block: Block): boolean {
  const text = textOf(block.spans).trim()
  return (
    (block.kind === 'paragraph' || block.kind === 'heading') &&
    block.depth === 0 &&
    text.length > 0 &&
    text.length <= maxTitleLength &&
    shapeOf(text) === 'title' &&
    readMarker(text) === undefined &&
    labelledDates(text).length === 0
  )
}

/**
 * Find the title and dates of the document in `read` and take the lines that hold only them out of the
 * body. A date followed by more text (`生效日期：2023年9月27日导言`) is split there.
 */
export function findMeta(read: ReadResult, notes: ImportNote[]): FoundMeta {
  const blocks = [...read.blocks]
  const moved: Moved[] = []
  let title: string | undefined
  const first = blocks[0]
  // A first-level heading or a short first line is the title; a title stated by the format
  // (<title>, wiki front matter) is used when the text has neither.
  const stated = read.title?.text.trim()
  if (first && titleLike(first) && (stated === undefined || first.level === 1 || textOf(first.spans).trim() === stated)) {
    title = textOf(first.spans).trim()
    moved.push({text: title, place: first.place})
    blocks.shift()
  } else {
    // A web page often puts navigation before its one first-level heading: that heading is the title.
    const single = blocks.filter((block) => block.kind === 'heading' && block.level === 1)
    const only = single.length === 1 ? single[0] : undefined
    if (only && textOf(only.spans).trim() !== '') {
      title = textOf(only.spans).trim()
      moved.push({text: title, place: only.place})
      blocks.splice(blocks.indexOf(only), 1)
    } else if (read.title) {
      title = read.title.text
    }
  }

  let updated: string | undefined
  let effective: string | undefined
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!
    if ((block.kind !== 'paragraph' && block.kind !== 'heading') || block.depth > 0) continue
    const text = textOf(block.spans)
    const dates = labelledDates(text)
    const wanted = dates.filter((date) => (date.kind === 'updated' && !updated) || (date.kind === 'effective' && !effective))
    if (wanted.length === 0) continue
    for (const date of wanted) {
      if (date.kind === 'updated') updated ??= date.iso
      if (date.kind === 'effective') effective ??= date.iso
    }
    // Only a line made of dates leaves the body; a date inside a sentence stays where it is.
    const leading = text.length - text.trimStart().length
    let end = leading
    for (const date of dates) {
      if (text.slice(end, date.start).replace(/[\s|｜/·,，;；、]+/g, '') !== '') break
      end = date.end
    }
    if (end === leading) continue
    const rest = trimSpans(sliceSpans(block.spans, end))
    const restText = textOf(rest)
    if (restText !== '' && (restText.length > 30 || /[。；;！!？?，,]/.test(restText))) continue
    moved.push({text: text.slice(0, end).trim(), place: block.place})
    if (restText === '') {
      blocks.splice(i, 1)
      i--
    } else {
      // A heading run into the date line: the rest is its own line.
      const place = shiftPlace(block.place, end)
      notes.push({rule: 'import-split', message: `Split \`${restText}\` from the date line before it`, place})
      blocks[i] = {...block, spans: rest, place}
    }
  }
  return {title, updated, effective, blocks, moved}
}

function shiftPlace(place: InputPlace | undefined, by: number): InputPlace | undefined {
  return place && 'line' in place ? {line: place.line, column: place.column + by} : place
}

/** `zh-CN` when a good part of the letters are Chinese, else `en-US`. */
export function detectLocale(blocks: readonly Block[]): string {
  let han = 0
  let latin = 0
  for (const block of blocks) {
    const text = textOf(block.spans) + (block.rows ?? []).flat().map(textOf).join('')
    han += (text.match(/\p{Script=Han}/gu) ?? []).length
    latin += (text.match(/[A-Za-z]/g) ?? []).length
  }
  return han > 0 && han * 4 >= latin ? 'zh-CN' : 'en-US'
}

/** A document id from `text`: lowercase ASCII words joined by `-`, at most 48 characters; '' if none. */
export function slugId(text: string): string {
  const words = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '')
  let id = ''
  for (const word of words) {
    if (id && id.length + word.length + 1 > 48) break
    id = id ? `${id}-${word}` : word.slice(0, 48)
  }
  return id
}
