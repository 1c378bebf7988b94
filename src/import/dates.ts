/**
 * Dates as policies write them (2023年9月20日, September 20, 2023, 20 September 2023, 2023-09-20,
 * 2023/9/20) and the labels that say what they are (更新日期 / Last updated → `updated`,
 * 生效日期 / Effective → `effective`).
 */

const months = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']
const monthName = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?'

/** Date patterns, each with a function reading year, month and day from its groups. */
const datePatterns: Array<[string, (groups: string[]) => [number, number, number]]> = [
  ['(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号]', (g) => [Number(g[0]), Number(g[1]), Number(g[2])]],
  ['(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d)', (g) => [Number(g[0]), Number(g[1]), Number(g[2])]],
  [`${monthName}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})`, (g) => [Number(g[2]), monthOf(g[0] ?? ''), Number(g[1])]],
  [`(\\d{1,2})(?:st|nd|rd|th)?\\s+${monthName},?\\s+(\\d{4})`, (g) => [Number(g[2]), monthOf(g[1] ?? ''), Number(g[0])]]
]

function monthOf(name: string): number {
  const lower = name.toLowerCase().replace(/\.$/, '')
  return months.findIndex((month) => month.startsWith(lower.slice(0, 3))) + 1
}

/** A date found in text. */
export interface FoundDate {
  /** `YYYY-MM-DD`. */
  iso: string
  /** Offset of the match (label included when there is one) in the text. */
  start: number
  /** Offset just after it. */
  end: number
  /** What the label says the date is; `undefined` for a date without a label. */
  kind: 'updated' | 'effective' | undefined
}

const updatedLabel = '(?:更新日期|更新时间|最近更新(?:日期|时间)?|最新更新(?:日期|时间)?|修订日期|修订时间|发布日期|发布时间|版本日期|Last\\s+(?:updated|modified|revised)(?:\\s+on)?|Updated(?:\\s+on)?|Revised(?:\\s+on)?|Date\\s+of\\s+last\\s+revision)'
const effectiveLabel = '(?:生效日期|生效时间|Effective(?:\\s+date|\\s+as\\s+of|\\s+from|\\s+on)?)'
const separator = '\\s*[：:]?\\s*'

/** `YYYY-MM-DD` for a real day, or `undefined`. */
export function isoDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 2999) return undefined
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCMonth() !== month - 1) return undefined
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/**
 * Every labelled date in `text`, in order: `更新日期：2023年9月20日`, `Last updated: September 20, 2023`,
 * `Effective December 14, 2023`, and the trailing forms `2022年02月11日更新` / `2023年9月27日起生效`.
 */
export function labelledDates(text: string): FoundDate[] {
  const found: FoundDate[] = []
  for (const [pattern, kind, read] of labelledForms) {
    // `matchAll` matches on a copy, so the shared expressions keep no state between calls.
    for (const match of text.matchAll(pattern)) {
      const groups = match.slice(1).filter((group): group is string => group !== undefined)
      const [year, month, day] = read(groups)
      const iso = isoDate(year, month, day)
      if (iso) found.push({iso, start: match.index, end: match.index + match[0].length, kind})
    }
  }
  // Overlapping matches (a date read by two forms) keep the earliest, longest one.
  found.sort((a, b) => a.start - b.start || b.end - a.end)
  const kept: FoundDate[] = []
  let end = 0
  for (const date of found) {
    if (date.start < end) continue
    kept.push(date)
    end = date.end
  }
  return kept
}

/**
 * Each date pattern with its labels before and after, compiled once: the importer asks about every
 * block of a policy, and compiling sixteen expressions each time took longer than matching them.
 */
const labelledForms: Array<[RegExp, FoundDate['kind'], (groups: string[]) => [number, number, number]]> = datePatterns.flatMap(([date, read]) => [
  [new RegExp(`${updatedLabel}${separator}${date}`, 'giu'), 'updated', read],
  [new RegExp(`${effectiveLabel}${separator}${date}`, 'giu'), 'effective', read],
  [new RegExp(`${date}\\s*(?:更新|修订|发布)(?!日期|时间)`, 'gu'), 'updated', read],
  [new RegExp(`(?:自|于)?${date}\\s*(?:起)?(?:正式)?生效(?!日期|时间)`, 'gu'), 'effective', read]
])
