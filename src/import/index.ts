/**
 * Import an existing policy (plain text, HTML, Markdown or Word) into policypress Markdown:
 * read → find title and dates → detect headings and lists → extract repeated clauses → write with
 * heading ids (the `check --fix` scheme) → compile and compare with the input, reporting what a person
 * should review. Pure: the caller reads the input and writes the files.
 */
import path from 'node:path'
import {VFile} from 'vfile'
import {planHeadingIds} from '../fix/heading-ids.js'
import {extractClauses} from './clauses.js'
import {formatOf, type ImportFormat} from './format.js'
import {detectLocale, findMeta, slugId, type Moved} from './meta.js'
import {readDocx} from './read/docx.js'
import {readHtml} from './read/html.js'
import {readMarkdown} from './read/markdown.js'
import {readText} from './read/text.js'
import {UnreadableFileError} from './read/unreadable.js'
import {controlCharacters, squash, textOf} from './spans.js'
import {detectStructure} from './structure.js'
import type {Block, ImportNote, InputPlace, ReadResult, Span} from './types.js'
import {compileImported, lostSentences, type LostSentence} from './verify.js'
import {writeBlocks, writeFrontmatter, type ImportedMeta} from './write.js'

export type {Block, ImportNote, ImportRule, InputPlace, Span} from './types.js'
export type {ImportedMeta} from './write.js'
export type {LostSentence} from './verify.js'
export {formatOf, type ImportFormat} from './format.js'
export {UnreadableFileError} from './read/unreadable.js'
export {maxUnpackedBytes} from './read/docx.js'

/** Options of `importPolicy`. */
export interface ImportOptions {
  /** Document id (default: a slug of the title, else of the file name, else `policy`). */
  doc?: string | undefined
  /** Locale (default: `zh-CN` when the text is mostly Chinese, else `en-US`). */
  locale?: string | undefined
  /** Format (default: from the file name's extension). */
  format?: ImportFormat | undefined
  /** Date used when the input states none, `YYYY-MM-DD` (default: today). */
  today?: string | undefined
}

/** A problem `policypress check` reports on the imported files, with its place in the OUTPUT. */
export interface ImportProblem {
  /** Path relative to the content folder, e.g. `privacy/zh-CN/index.md`. */
  file: string
  line: number | undefined
  column: number | undefined
  severity: 'error' | 'warning'
  message: string
  ruleId: string | undefined
}

/** What an import produced. */
export interface ImportResult {
  /** Version of this shape, for JSON readers. */
  schemaVersion: 1
  format: ImportFormat
  meta: ImportedMeta
  /** Files to write, keyed by path relative to the content folder (`<doc>/<locale>/index.md`, clauses). */
  files: Record<string, string>
  /** What to review, with places in the INPUT, in input order. */
  notes: ImportNote[]
  /** What `policypress check` still reports on the output, with places in the OUTPUT. */
  problems: ImportProblem[]
  /** Sentences of the input not found in the output (should be none). */
  lost: LostSentence[]
  /** Text moved from the body into the front matter (title, date lines). */
  moved: Moved[]
  /** The output passes the check and keeps every sentence. */
  ok: boolean
}

/** The input: its file name (for the format and a fallback id) and contents. */
export interface ImportInput {
  name: string
  /** Text for `.txt`, `.html` and `.md`; bytes for `.docx` (text is decoded as UTF-8 when bytes are given). */
  data: string | Uint8Array
}

/**
 * Convert `input` into policypress content.
 *
 * @throws Error for an unknown format (a usage error), UnreadableFileError (its message starting with
 *   `input.name`) for a file that cannot be read as its format; content problems are reported, never thrown.
 */
export async function importPolicy(input: ImportInput, options: ImportOptions = {}): Promise<ImportResult> {
  const format = options.format ?? formatOf(input.name)
  if (!format) throw new Error(`Cannot import \`${input.name}\`: expected a .txt, .html, .md or .docx file`)
  const read = withoutControls(await readInput(format, input.data).catch((error: unknown) => Promise.reject(named(error, input.name))))
  const notes: ImportNote[] = [...read.notes]

  const found = findMeta(read, notes)
  const structured = detectStructure(found.blocks, notes)
  const {blocks, clauses} = extractClauses(structured, notes)

  const title = (found.title ?? path.basename(input.name, path.extname(input.name))).replace(controlCharacters, '')
  const locale = options.locale ?? detectLocale(read.blocks)
  // An id needs a word in it: a Chinese title leaves only its digits (`2020-06-17`).
  const worded = (id: string): string => (/[a-z]/.test(id) ? id : '')
  const doc = options.doc ?? (worded(slugId(title)) || worded(slugId(path.basename(input.name, path.extname(input.name)))) || 'policy')
  const today = options.today ?? new Date().toISOString().slice(0, 10)
  let updated = found.updated ?? found.effective
  let effective = found.effective ?? updated
  if (!updated || !effective) {
    updated = effective = today
    notes.push({rule: 'import-date', message: `No 更新日期 / Last updated or 生效日期 / Effective date found; used ${today}: set \`updated\` and \`effective\` by hand`, place: undefined})
  }
  if (effective < updated) {
    notes.push({rule: 'import-date', message: `The effective date ${effective} is before the updated date ${updated}; used ${updated} for both: check them`, place: undefined})
    effective = updated
  }
  if (!found.updated && found.effective) {
    notes.push({rule: 'import-date', message: `No updated date found; used the effective date ${found.effective}`, place: undefined})
  }
  const meta: ImportedMeta = {id: doc, title, locale, version: updated, updated, effective}

  const folder = `${doc}/${locale}`
  const policyPath = `${folder}/index.md`
  const files: Record<string, string> = {}
  files[policyPath] = writePolicy(meta, blocks)
  for (const clause of clauses) files[`${folder}/clauses/${clause.name}`] = writeBlocks(clause.blocks).text

  const compiled = compileImported(files, policyPath)
  const problems: ImportProblem[] = compiled.files.flatMap((file) =>
    file.messages.map((message) => ({
      file: file.path,
      line: message.line,
      column: message.column,
      severity: message.fatal === true ? ('error' as const) : ('warning' as const),
      message: message.reason,
      ruleId: message.ruleId
    }))
  )
  const lost = lostSentences(read.source, compiled.text, found.moved)
  for (const sentence of lost) notes.push({rule: 'import-text-lost', message: `Sentence not found in the output: \`${sentence.text}\``, place: sentence.place})
  return {schemaVersion: 1, format, meta, files, notes: sortNotes(notes), problems, lost, moved: found.moved, ok: compiled.ok && lost.length === 0}
}

/** `read` with control characters removed from its blocks, each block that had some reported. */
function withoutControls(read: ReadResult): ReadResult {
  const notes = [...read.notes]
  const clean = (spans: Span[], place: InputPlace | undefined): Span[] => {
    const found = spans.flatMap((span) => span.text.match(controlCharacters) ?? [])
    if (found.length === 0) return spans
    const codes = [...new Set(found)].map((char) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`)
    notes.push({rule: 'import-dropped', message: `Dropped ${found.length} control character${found.length === 1 ? '' : 's'} (${codes.join(', ')}): not text`, place})
    return spans.map((span) => ({...span, text: span.text.replace(controlCharacters, '')}))
  }
  const blocks = read.blocks.map((block) => ({
    ...block,
    spans: clean(block.spans, block.place),
    rows: block.rows?.map((row) => row.map((cell) => clean(cell, block.place)))
  }))
  return {...read, blocks, notes}
}

/** A reader's complaint about the file, with the file's name in front: the reader does not know it. */
function named(error: unknown, name: string): unknown {
  return error instanceof UnreadableFileError ? new UnreadableFileError(`${name}: ${error.message}`, {cause: error}) : error
}

async function readInput(format: ImportFormat, data: string | Uint8Array): Promise<ReadResult> {
  if (format === 'docx') {
    if (typeof data === 'string') throw new Error('A .docx file must be given as bytes')
    return readDocx(data)
  }
  const text = typeof data === 'string' ? data : new TextDecoder('utf-8').decode(data)
  if (format === 'html') return readHtml(text)
  if (format === 'md') return readMarkdown(text)
  return readText(text)
}

/**
 * The policy file: front matter, then the body with heading ids planned by the `check --fix` scheme
 * (parent id + number path), and table-of-contents entries linked to the headings they name.
 */
function writePolicy(meta: ImportedMeta, blocks: Block[]): string {
  const front = writeFrontmatter(meta)
  // Ids depend only on the headings (their levels, numbers and text), so they are planned on an outline
  // of the headings alone: the same ids as on the whole file, for a fraction of the parsing.
  // A title ending in braces (`4. {#x}`) would read as an id while no id follows it: planning sees a
  // stand-in; the written heading always ends with its own `{#id}`, which is the one that counts.
  const headings = blocks.map((block, i) => ({block, i})).filter(({block}) => block.kind === 'heading')
  const outline = headings.map(({block}) => (/\}\s*$/.test(textOf(block.spans)) ? {...block, spans: [...block.spans, {text: ' -'}]} : block))
  const draft = writeBlocks(outline.map((block) => ({...block, kind: 'heading' as const})))
  const fixes = planHeadingIds(new VFile({path: 'index.md', value: draft.text}))
  const idAt = new Map(fixes.map((fix) => [fix.line, fix.id]))
  const ids = new Map<number, string>()
  headings.forEach(({i}, k) => {
    const line = draft.lines[k]
    const id = line === undefined ? undefined : idAt.get(line)
    if (id) ids.set(i, id)
  })
  const withIds = blocks.map((block, i) => (ids.has(i) ? {...block, id: ids.get(i)} : block))
  // A contents entry links to the first heading after it with the same text.
  const linked = withIds.map((block, i) => {
    if (!block.toc) return block
    const text = squash(textOf(block.spans))
    const target = withIds.slice(i + 1).find((other) => other.kind === 'heading' && other.id && squash(textOf(other.spans)) === text)
    return target ? {...block, target: target.id} : block
  })
  return `${front}\n${writeBlocks(linked, front.split('\n').length + 1).text}`
}

function placeKey(place: InputPlace | undefined): number {
  if (!place) return Number.MAX_SAFE_INTEGER
  return 'paragraph' in place ? place.paragraph : place.line * 1e7 + place.column
}

function sortNotes(notes: ImportNote[]): ImportNote[] {
  return notes.map((note, i) => ({note, i})).sort((a, b) => placeKey(a.note.place) - placeKey(b.note.place) || a.i - b.i).map(({note}) => note)
}
