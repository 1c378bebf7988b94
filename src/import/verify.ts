/**
 * Check an import the way a reviewer would: compile the written files with the real pipeline (the
 * problems `policypress check` would report) and find every sentence of the input in the compiled text.
 */
import type {VFile} from 'vfile'
import {compileContent} from '../compile.js'
import {contentFromFiles} from '../load/content.js'
import {documentText} from '../model/build.js'
import {plainText} from '../model/plain-text.js'
import {parseMarkdown} from '../parse/processor.js'
import {squash} from './spans.js'
import type {InputPlace, SourcePiece} from './types.js'
import type {Moved} from './meta.js'

/** A sentence of the input that is not in the output. */
export interface LostSentence {
  text: string
  place: InputPlace | undefined
}

/** Bullets and list marks that are layout, not text. */
const bullets = /^[•·●○■□◆◇▪▫‣⁃*+\-–—]+/

/**
 * The sentences of `source` missing from `output` (both compared without white space).
 *
 * @param moved text taken into the front matter (title, date lines): removed from the input first.
 */
export function lostSentences(source: readonly SourcePiece[], output: string, moved: readonly Moved[] = []): LostSentence[] {
  const haystack = squash(output)
  const pending = moved.map((item) => squash(item.text)).filter((text) => text !== '')
  const lost: LostSentence[] = []
  for (const piece of source) {
    let offset = 0
    const pieceText = piece.text
    for (const raw of pieceText.split(/(?<=[。；！？!?;])|(?<=\.)(?=\s)|\n+/)) {
      const start = pieceText.indexOf(raw, offset)
      offset = start >= 0 ? start + raw.length : offset
      let sentence = squash(raw).replace(bullets, '')
      // The title and date lines now live in the front matter: each is taken out once.
      for (let k = 0; k < pending.length; k++) {
        const text = pending[k]!
        if (sentence.includes(text)) {
          sentence = sentence.replace(text, '\u0000')
          pending.splice(k, 1)
          k--
        }
      }
      for (const part of sentence.split('\u0000')) {
        if (part !== '' && !haystack.includes(part)) lost.push({text: part, place: shift(piece.place, Math.max(0, start))})
      }
    }
  }
  return lost
}

function shift(place: InputPlace | undefined, by: number): InputPlace | undefined {
  return place && 'line' in place ? {line: place.line, column: place.column + by} : place
}

/** The outcome of compiling the imported files in memory. */
export interface Compiled {
  /** The files with the messages `policypress check` reports on them. */
  files: VFile[]
  ok: boolean
  /** The policy's plain text as readers see it, clauses expanded. */
  text: string
}

/**
 * Compile the imported files (paths relative to the content folder) as `policypress check` does.
 *
 * @param policy path of the policy among `files`, e.g. `privacy/zh-CN/index.md`.
 */
export function compileImported(files: Record<string, string>, policy: string): Compiled {
  const result = compileContent(contentFromFiles(files))
  const document = result.project.documents.find((candidate) => candidate.path === policy)
  // Without valid front matter there is no model; the parsed files still give the text.
  const text = document
    ? `${document.title}\n${documentText(document)}`
    : Object.entries(files)
        .map(([path, value]) => plainText(parseMarkdown(contentFromFiles({[path]: value}).files.get(path)!)))
        .join('\n')
  return {files: result.files, ok: result.ok, text}
}
