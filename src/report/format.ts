/**
 * Format messages for people (`file:line:column  severity  message  rule-id`, then a hint) and for
 * machines (JSON).
 */
import path from 'node:path'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'

/** A message as plain data, as `--format json` prints it. */
export interface MessageRecord {
  file: string
  line: number | undefined
  column: number | undefined
  severity: 'error' | 'warning'
  message: string
  ruleId: string | undefined
  source: string | undefined
  hint: string | undefined
}

/** The path of `file` as the user should see it: relative to `cwd`. */
export function displayPath(file: VFile, cwd: string): string {
  const full = path.resolve(file.cwd, file.path)
  const relative = path.relative(cwd, full)
  return relative.startsWith('..') ? full : relative
}

/** All messages of `files`, sorted by file, line, column. */
export function messageRecords(files: VFile[], cwd: string): MessageRecord[] {
  const records: MessageRecord[] = []
  for (const file of files) {
    for (const message of file.messages) records.push(toRecord(file, message, cwd))
  }
  return records.sort(
    (a, b) => compare(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)
  )
}

/** One line per message plus an indented hint, and a summary line. */
export function formatText(files: VFile[], cwd: string): string {
  const records = messageRecords(files, cwd)
  const lines: string[] = []
  for (const record of records) {
    const place = `${record.file}:${record.line ?? 1}:${record.column ?? 1}`
    lines.push(`${place}  ${record.severity}  ${record.message}  ${record.ruleId ?? ''}`.trimEnd())
    if (record.hint) lines.push(`  hint: ${record.hint}`)
  }
  const errors = records.filter((r) => r.severity === 'error').length
  const warnings = records.length - errors
  lines.push(records.length === 0 ? '✓ no problems' : `✖ ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`)
  return lines.join('\n')
}

/** JSON with every message and the counts. */
export function formatJson(files: VFile[], cwd: string): string {
  const messages = messageRecords(files, cwd)
  const errors = messages.filter((m) => m.severity === 'error').length
  return JSON.stringify({ok: errors === 0, errors, warnings: messages.length - errors, messages}, null, 2)
}

function toRecord(file: VFile, message: VFileMessage, cwd: string): MessageRecord {
  return {
    file: displayPath(file, cwd),
    line: message.line,
    column: message.column,
    severity: message.fatal === true ? 'error' : 'warning',
    message: message.reason,
    ruleId: message.ruleId,
    source: message.source,
    hint: message.note
  }
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
