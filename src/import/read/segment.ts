/**
 * Recover paragraphs from text whose line breaks were lost: copied from a web page, a policy arrives as
 * one long line where paragraphs are separated by a space or a tab, or by nothing at all
 * (`…联系我们一、个人信息的收集`, `…为准。2.`). Spaces next to Latin words are real spaces
 * (`第三方 SDK（或 API）`), so every gap is judged from the text on both sides.
 */
import {isWide} from '../spans.js'
import {readMarker, shapeOf, type Marker} from '../markers.js'

/** A piece of text and the offset it starts at in the input. */
export interface Piece {
  text: string
  start: number
}

/** Numbering styles that start a new paragraph when they follow a sentence (letters are too ambiguous). */
const breakingStyle = (marker: Marker | undefined): marker is Marker =>
  marker !== undefined && /^(?:zh-|arabic\d|en-|circled)/.test(marker.style)

const sentenceEnd = /[。！？；!?;：:]$/
const closing = /^[，。、；：！？）》」』】”’,.;:!?)\]％%]/
const opening = /[（《「『【“‘([\-—/·、，]$/
const latin = (char: string | undefined): boolean => char !== undefined && /[\p{L}\p{N}]/u.test(char) && !isWide(char)

/** The part of `text` after its last sentence end: where a heading run together with text would start. */
function tail(text: string): string {
  const index = Math.max(...['。', '！', '？', '；'].map((mark) => text.lastIndexOf(mark)))
  return text.slice(index + 1)
}

/** Whether a token reads as running text rather than a title. */
function sentenceLike(token: string): boolean {
  return token.length >= 15 && /[，。；：！？,.;!?]/.test(token)
}

/** Whether `line` looks like paragraphs flattened into one line: long, with many gaps beside wide text. */
export function isFlattened(line: string): boolean {
  if (line.length < 400) return false
  let gaps = 0
  for (const match of line.matchAll(/\s+/g)) {
    const before = line[match.index - 1]
    const after = line[match.index + match[0].length]
    if (isWide(before) || isWide(after) || /\t| {2}/.test(match[0])) gaps++
  }
  return gaps >= 5
}

/**
 * Split a flattened line into paragraphs.
 *
 * @param line the text; `offset` is where it starts in the input, so pieces keep input positions.
 */
export function segmentLine(line: string, offset = 0): Piece[] {
  const tokens = [...line.matchAll(/\S+/g)].map((match) => ({text: match[0], start: offset + match.index, gap: ''}))
  for (let i = 1; i < tokens.length; i++) {
    const previous = tokens[i - 1]!
    tokens[i]!.gap = line.slice(previous.start - offset + previous.text.length, tokens[i]!.start - offset)
  }
  const pieces: Piece[] = []
  for (const token of tokens) {
    const current = pieces.at(-1)
    const join = current ? joinOf(current.text, token.text, token.gap) : undefined
    if (current && join !== undefined) current.text += join + token.text
    else pieces.push({text: token.text, start: token.start})
  }
  return mergeBareMarkers(pieces.flatMap(splitRunTogether))
}

/** How token `b` continues the paragraph `a`: the separator to keep, or `undefined` for a new paragraph. */
function joinOf(a: string, b: string, gap: string): string | undefined {
  const last = a.at(-1)
  const first = b[0]
  const markerB = readMarker(b)
  if (breakingStyle(markerB)) return undefined
  if (breakingStyle(readMarker(a)) && readMarker(a)?.rest === '') return ' '
  if (closing.test(b)) return ''
  if (opening.test(a)) return ''
  if (latin(last) && latin(first) && !/\t/.test(gap)) return ' '
  if (sentenceEnd.test(a)) return undefined
  // A heading run into the text before it ends where the body starts.
  const head = readMarker(tail(a))
  if (head && shapeOf(head.rest) === 'title' && sentenceLike(b)) return undefined
  if (latin(last) || latin(first)) return ' '
  if (/^[（(]/.test(b)) return ''
  return undefined
}

/**
 * Split a paragraph where a heading or clause number starts without a break: after a sentence end
 * (`…为准。2.`), after a short numbered title (`二、…公开（一）共享`, `七、如何联系我们一、…`), or a bare
 * number at the very end (`…与服务1.`).
 */
export function splitRunTogether(piece: Piece): Piece[] {
  const text = piece.text
  const cuts: number[] = []
  let headStart = 0
  for (let i = 1; i < text.length; i++) {
    const before = text[i - 1] ?? ''
    const marker = readMarker(text.slice(i))
    if (!breakingStyle(marker) || marker.text !== text.slice(i, i + marker.text.length)) continue
    // Markers inside a Latin word or number (`ISO27001`, `v1.2`) are not markers.
    if (latin(before) || /[.．]/.test(before)) continue
    const afterSentence = /[。！？；!?;：:]/.test(before)
    const head = readMarker(text.slice(headStart))
    const headTitle = head ? text.slice(headStart + head.text.length, i).trim() : ''
    const afterTitle =
      head !== undefined &&
      breakingStyle(head) &&
      headTitle !== '' &&
      shapeOf(headTitle) === 'title' &&
      isWide(before) &&
      (head.style !== marker.style || marker.value === 1 || marker.value === (head.value ?? 0) + 1)
    const trailing = marker.rest === '' && i + marker.text.length === text.length && isWide(before)
    if (afterSentence || afterTitle || trailing) {
      cuts.push(i)
      headStart = i
      i += marker.text.length - 1
    }
  }
  if (cuts.length === 0) return [piece]
  const bounds = [0, ...cuts, text.length]
  return bounds.slice(0, -1).map((start, k) => ({text: text.slice(start, bounds[k + 1]).trim(), start: piece.start + start})).filter((p) => p.text !== '')
}

/** A piece that is only a number (`1.`, `1.1`) belongs to the piece after it: `1. 账号服务`. */
export function mergeBareMarkers(pieces: Piece[]): Piece[] {
  const result: Piece[] = []
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!
    const next = pieces[i + 1]
    const marker = readMarker(piece.text)
    if (marker && marker.rest === '' && next && !readMarker(next.text)) {
      result.push({text: `${piece.text.trim()} ${next.text.trim()}`, start: piece.start})
      i++
    } else {
      result.push(piece)
    }
  }
  return result
}
