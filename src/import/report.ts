/**
 * The import report for people (what was written, what to review with places in the input, what the
 * check still finds with places in the output) and for machines (JSON).
 */
import {ruleHints} from '../messages.js'
import type {ImportResult} from './index.js'
import type {ImportRule, InputPlace} from './types.js'

/** How the report names the files. */
export interface ReportNames {
  /** The input file as the user gave it. */
  input: string
  /** The output folder (the content folder), as the user gave it (default `content`). */
  out?: string | undefined
  /**
   * Clause files already in the imported document's `clauses/` folder that this import did not write
   * (an earlier import's, replaced with --force), relative to the output folder.
   */
  leftOver?: string[] | undefined
}

/** `file:line:column`, or `file ¶N` for a Word paragraph, or the file alone. */
export function formatPlace(file: string, place: InputPlace | undefined): string {
  if (!place) return file
  return 'paragraph' in place ? `${file} ¶${place.paragraph}` : `${file}:${place.line}:${place.column}`
}

const labels: Record<ImportRule, string> = {
  'import-numbering': 'numbering',
  'import-heading': 'heading',
  'import-split': 'split',
  'import-dropped': 'dropped',
  'import-clause': 'clause',
  'import-date': 'date',
  'import-text-lost': 'LOST'
}

/** The report as text, one line per item, with a hint per kind of item. */
export function formatImportText(result: ImportResult, names: ReportNames): string {
  const out = names.out ?? 'content'
  const join = (file: string): string => `${out.replace(/[\\/]+$/, '')}/${file}`
  const [policy, ...clauses] = Object.keys(result.files)
  const lines: string[] = []
  lines.push(`Imported ${names.input} (${result.format}) into ${join(policy ?? '')}${clauses.length > 0 ? ` and ${clauses.length} clause${clauses.length === 1 ? '' : 's'}` : ''}`)
  const {meta} = result
  lines.push(`  id ${meta.id} · locale ${meta.locale} · title ${meta.title} · updated ${meta.updated} · effective ${meta.effective}`)
  for (const moved of result.moved) lines.push(`  ${formatPlace(names.input, moved.place)}  moved to the front matter: ${moved.text}`)
  if (result.notes.length > 0) {
    lines.push('', `To review (${result.notes.length}):`)
    const seen = new Set<ImportRule>()
    for (const note of result.notes) {
      lines.push(`  ${formatPlace(names.input, note.place)}  ${labels[note.rule]}  ${note.message}  ${note.rule}`)
      seen.add(note.rule)
    }
    for (const rule of seen) lines.push(`  hint (${labels[rule]}): ${ruleHints[rule]}`)
  }
  lines.push('')
  if (result.problems.length === 0) {
    lines.push('Check: ✓ no problems')
  } else {
    lines.push(`Check: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} still need a hand:`)
    for (const problem of result.problems) {
      lines.push(`  ${join(problem.file)}:${problem.line ?? 1}:${problem.column ?? 1}  ${problem.severity}  ${problem.message}  ${problem.ruleId ?? ''}`.trimEnd())
    }
  }
  lines.push(result.lost.length === 0 ? 'Text: ✓ every sentence of the input is in the output' : `Text: ✖ ${result.lost.length} sentence${result.lost.length === 1 ? '' : 's'} of the input missing (listed above as LOST)`)
  const leftOver = names.leftOver ?? []
  if (leftOver.length > 0) {
    lines.push(`Left as they were: ${leftOver.length} clause file${leftOver.length === 1 ? '' : 's'} this import did not write, which the new policy does not include; delete ${leftOver.length === 1 ? 'it' : 'them'} if no longer needed:`)
    for (const file of leftOver) lines.push(`  ${join(file)}`)
  }
  return lines.join('\n')
}

/** The report as JSON: the result without file contents, plus the paths written. */
export function formatImportJson(result: ImportResult, names: ReportNames): string {
  const {files, ...rest} = result
  const out = names.out ?? 'content'
  return JSON.stringify({...rest, input: names.input, out, written: Object.keys(files), leftOver: names.leftOver ?? []}, null, 2)
}
