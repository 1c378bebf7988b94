/**
 * Control characters — NUL, the other C0 and C1 controls except tab and line breaks, and noncharacters
 * such as U+FFFE — are invisible, break the tools that read the outputs (CSV, JSON consumers, SMS
 * gateways) and never belong in a policy: each is an error where it stands.
 */
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {report} from '../messages.js'

const controls = /(?![\t\n\r])[\p{Cc}\p{Noncharacter_Code_Point}]/gu

/** At most this many are reported per file; a file full of them needs one look, not thousands of lines. */
const maxReported = 20

/** Report the control characters in `file`. */
export function checkControlCharacters(file: VFile): void {
  const text = String(file.value)
  let place: ReturnType<typeof location> | undefined
  let count = 0
  for (const match of text.matchAll(controls)) {
    if (count++ === maxReported) break
    place ??= location(file)
    const code = (match[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')
    report(file, `Unexpected control character U+${code}, expected text`, 'content-control-character', place.toPoint(match.index))
  }
}
