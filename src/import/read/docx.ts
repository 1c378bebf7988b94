/**
 * Read a Word document (`.docx`) with mammoth: its HTML (headings from the heading styles, lists,
 * tables, bold; underline and the Title style mapped too) goes through the HTML reader, and Word's raw
 * text is what the no-text-lost check compares against. Places are paragraph numbers.
 */
import mammoth from 'mammoth'
import type {ReadResult} from '../types.js'
import {readHtml} from './html.js'

/** Style mappings on top of mammoth's defaults: underline is a key clause, the Title style the title. */
const styleMap = ['u => u', "p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"]

/** Read the bytes of a .docx file into blocks. */
export async function readDocx(data: Uint8Array): Promise<ReadResult> {
  const buffer = Buffer.from(data)
  const converted = await mammoth.convertToHtml({buffer}, {styleMap, ignoreEmptyParagraphs: true})
  const raw = await mammoth.extractRawText({buffer})
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
