/**
 * Deterministic edits scattered over a policy's Markdown, for tests and the benchmark: a seeded
 * generator picks body lines and inserts, deletes or replaces a clause in each, never touching Markdown
 * syntax, so every edit is a change of plain text the diff must find.
 */
import {seededRandom} from '../random.js'

export {seededRandom}

/** One edit made to the text. */
export interface ScatteredEdit {
  type: 'insert' | 'delete' | 'replace'
  /** 0-indexed line of the original text. */
  line: number
  /** Text removed (delete, replace). */
  deleted: string
  /** Text added (insert, replace); unique, so a test can find it in the diff. */
  inserted: string
}

/** Characters that are Markdown syntax (or ids, tables, directives): a clause holding one is never edited. */
const syntax = /[*_`[\]()<>|#{}:\\!~]/

/** Lines that hold plain body text: not headings, front matter, tables, directives, or short lines. */
function editableLines(lines: string[]): number[] {
  const result: number[] = []
  let frontmatter = lines[0] === '---'
  lines.forEach((line, i) => {
    if (frontmatter) {
      if (i > 0 && line === '---') frontmatter = false
      return
    }
    if (/^\s*(?:#|\||::|```|---|>)/.test(line) || [...line].length < 40) return
    result.push(i)
  })
  return result
}

/**
 * The clauses of a line (runs ending in `，` or `；`) with their offsets, free of Markdown syntax and not
 * starting with white space (which may be a list item's indentation).
 */
function clauses(line: string): Array<{start: number; text: string}> {
  const result: Array<{start: number; text: string}> = []
  for (const match of line.matchAll(/[^，。；\s][^，。；]{3,39}[，；]/g)) {
    if (!syntax.test(match[0])) result.push({start: match.index, text: match[0]})
  }
  return result
}

/**
 * Apply `count` edits to `text` on distinct lines chosen by `seed`. Each inserted text is unique
 * (`修订内容甲〇〇七` style, with the edit's number in Chinese digits so it tokenizes as words).
 */
export function scatterEdits(text: string, count: number, seed: number): {text: string; edits: ScatteredEdit[]} {
  const random = seededRandom(seed)
  const lines = text.split('\n')
  const candidates = editableLines(lines)
  const edits: ScatteredEdit[] = []
  const used = new Set<number>()
  for (let attempt = 0; edits.length < count && attempt < count * 50; attempt++) {
    const line = candidates[Math.floor(random() * candidates.length)]
    if (line === undefined || used.has(line)) continue
    const original = lines[line]!
    const found = clauses(original)
    const marker = `新增条款${chineseNumber(edits.length + 1)}号`
    const kind = random()
    const clause = found[Math.floor(random() * found.length)]
    if (kind < 0.4 || !clause) {
      // Insert after a Chinese comma or full stop, so the insertion sits between words.
      const stops = [...original.matchAll(/[，。]/g)].map((m) => m.index + 1).filter((at) => !syntax.test(original.slice(Math.max(0, at - 2), at + 1)))
      const at = stops[Math.floor(random() * stops.length)]
      if (at === undefined) continue
      lines[line] = original.slice(0, at) + marker + '，' + original.slice(at)
      edits.push({type: 'insert', line, deleted: '', inserted: `${marker}，`})
    } else if (kind < 0.7) {
      lines[line] = original.slice(0, clause.start) + original.slice(clause.start + clause.text.length)
      edits.push({type: 'delete', line, deleted: clause.text, inserted: ''})
    } else {
      const replacement = `${marker}，`
      lines[line] = original.slice(0, clause.start) + replacement + original.slice(clause.start + clause.text.length)
      edits.push({type: 'replace', line, deleted: clause.text, inserted: replacement})
    }
    used.add(line)
  }
  return {text: lines.join('\n'), edits}
}

const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/** `12` → `一二`: distinct per number, and Han, so it never merges with neighbouring Latin digits. */
function chineseNumber(n: number): string {
  return [...String(n)].map((d) => digits[Number(d)]).join('')
}
