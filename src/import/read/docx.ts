/**
 * Read a Word document (`.docx`) with mammoth: its HTML (headings from the heading styles, lists,
 * tables, bold; underline and the Title style mapped too) goes through the HTML reader, and Word's raw
 * text is what the no-text-lost check compares against. Places are paragraph numbers.
 */
import mammoth from 'mammoth'
import type {ReadResult} from '../types.js'
import {readHtml} from './html.js'
import {UnreadableFileError} from './unreadable.js'
import {resaveDocx, unpackedSize, unreadableDocx} from './zip.js'

/** Style mappings on top of mammoth's defaults: underline is a key clause, the Title style the title. */
const styleMap = ['u => u', "p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"]

type MammothResult = Awaited<ReturnType<typeof mammoth.convertToHtml>>

/**
 * The most a .docx may unpack to, all its parts together (text, styles, pictures). The Word XML of a
 * long policy is a few MB; the rest is room for pictures. A bigger file is refused before mammoth
 * unpacks it, which would hold all of it in memory, and several times the XML as trees.
 */
export const maxUnpackedBytes = 64 * 1024 * 1024

/**
 * Read the bytes of a .docx file into blocks.
 *
 * @throws UnreadableFileError when the file is damaged, not a .docx, or unpacks to more than
 *   `maxUnpackedBytes` (a zip bomb: a few KB that inflate to gigabytes).
 */
export async function readDocx(data: Uint8Array): Promise<ReadResult> {
  const size = unpackedSize(data, maxUnpackedBytes)
  if (size > maxUnpackedBytes) {
    throw new UnreadableFileError(`the document would unpack to ${megabytes(size)}, more than the ${megabytes(maxUnpackedBytes)} a policy can have; ${resaveDocx}`)
  }
  const {converted, raw} = await convert(Buffer.from(data))
  const read = readHtml(converted.value, {places: 'paragraph'})
  for (const message of converted.messages) {
    read.notes.push({rule: 'import-dropped', message: `Word: ${message.message}`, place: undefined})
  }
  const source = raw.value
    .split(/\n+/)
    .filter((line) => line.trim() !== '')
    .map((text, k) => ({text, place: {paragraph: k + 1}}))
  return {...read, source}
}

/** mammoth's HTML and raw text of `buffer`, one after the other (each unpacks the zip again). */
async function convert(buffer: Buffer): Promise<{converted: MammothResult; raw: MammothResult}> {
  try {
    const converted = await mammoth.convertToHtml({buffer}, {styleMap, ignoreEmptyParagraphs: true})
    const raw = await mammoth.extractRawText({buffer})
    return {converted, raw}
  } catch (error) {
    // What mammoth cannot read (XML cut off, a part missing) is the file's fault, not a bug here.
    const reason = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim().slice(0, 200)
    throw unreadableDocx(` (${reason})`)
  }
}

/** `count` bytes in MB (GB from 1024 MB), as Word and Windows count them: 1 MB = 1024 × 1024 bytes. */
function megabytes(count: number): string {
  const mb = count / (1024 * 1024)
  if (mb >= 1024) return `${(mb / 1024).toFixed(1)} GB`
  return `${mb >= 10 ? Math.round(mb) : mb.toFixed(1)} MB`
}
