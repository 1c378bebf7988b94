/**
 * Validate a policy's front matter against its schema; every problem is reported at its key's line.
 */
import type {VFile} from 'vfile'
import {z} from 'zod'
import type {PolicyMeta} from '../model/types.js'
import {idPattern} from '../model/ids.js'
import {localePattern} from '../model/locale.js'
import type {Frontmatter} from '../parse/frontmatter.js'
import {report, type RuleId} from '../messages.js'

/** `YYYY-MM-DD` on a day that exists. */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(isRealDate)

/** The front matter schema of a policy file; also published as JSON Schema. */
export const policyMetaSchema = z.strictObject({
  id: z.string().regex(idPattern),
  title: z.string().trim().min(1),
  locale: z.string().regex(localePattern),
  version: z.string().regex(/^[0-9A-Za-z][0-9A-Za-z._-]*$/),
  updated: isoDate,
  effective: isoDate,
  summary: z.string().trim().min(1).optional(),
  material: z.boolean().optional(),
  materialReason: z.string().trim().min(1).optional(),
  editorial: z.array(z.string().regex(idPattern)).optional()
})

/** What each key should hold, for messages. */
const expectations: Record<string, [string, RuleId]> = {
  id: ['a document id like `privacy`', 'frontmatter-id'],
  title: ['the document title', 'frontmatter-type'],
  locale: ['a locale like `zh-CN` or `en-US`', 'frontmatter-type'],
  version: ['a version like `2023-09-20`', 'frontmatter-type'],
  updated: ['a date like `2023-09-20`', 'frontmatter-date'],
  effective: ['a date like `2023-09-27`', 'frontmatter-date'],
  summary: ['one line of text', 'frontmatter-type'],
  material: ['`true` or `false`', 'frontmatter-type'],
  materialReason: ['one line of text saying why', 'frontmatter-type'],
  editorial: ['a list of section ids like `[collection-1]`', 'frontmatter-type']
}

/** Hints for keys where the rule's general one (quote what YAML reads as a number) does not help. */
const keyHints: Record<string, string> = {
  locale: 'Write the name of the locale folder the file is in, such as `zh-CN` or `en-US`.',
  material: 'Write `true` or `false` without quotes (not `是` or `否`).',
  editorial: 'List section ids in square brackets, separated by ASCII commas: `[rights-4-1, sharing-1-1-6]`.'
}

/**
 * Check `frontmatter` of `file`.
 *
 * @returns the validated metadata, or `undefined` when a required key is missing or invalid.
 */
export function checkFrontmatter(frontmatter: Frontmatter | undefined, file: VFile): PolicyMeta | undefined {
  if (!frontmatter) {
    if (!file.messages.some((m) => m.ruleId === 'frontmatter-yaml')) {
      const opened = /^\uFEFF?---[ \t]*(\r\n|\r|\n)/.test(String(file.value))
      const reason = opened
        ? 'Missing the closing `---` of the front matter, expected a line of `---` after the last `key: value` line'
        : 'Missing front matter, expected `---` with id, title, locale, version, updated, effective'
      report(file, reason, 'frontmatter-missing', {line: 1, column: 1})
    }
    return undefined
  }
  const {data, keys, written, start} = frontmatter
  const result = policyMetaSchema.safeParse(data)
  if (!result.success) {
    const reported = new Set<string>()
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const allowed = Object.keys(expectations).map((k) => `\`${k}\``).join(', ')
          report(file, `Unexpected key \`${key}\`, expected one of ${allowed}`, 'frontmatter-unknown-key', keys.get(key) ?? start)
        }
        continue
      }
      const key = String(issue.path[0] ?? '')
      if (reported.has(key)) continue
      reported.add(key)
      const [expected, ruleId] = expectations[key] ?? ['a valid value', 'frontmatter-type']
      if (data[key] === undefined || data[key] === null) {
        const missing = keys.has(key) ? `Missing value of \`${key}\`` : `Missing \`${key}\` in front matter`
        report(file, `${missing}, expected ${expected}`, 'frontmatter-required', keys.get(key) ?? start)
      } else {
        // A Chinese comma joins two ids into one that exists nowhere.
        const fixed = (written.get(key) ?? '').replace(/\s*[，、；]\s*/g, ', ')
        const reason = key === 'editorial' && fixed !== written.get(key)
          ? `Unexpected Chinese punctuation between the ids of \`editorial\`, expected an ASCII comma: \`editorial: ${fixed}\``
          : `Unexpected value \`${written.get(key) ?? show(data[key])}\` for \`${key}\`, expected ${expected}`
        const message = report(file, reason, ruleId, keys.get(key) ?? start)
        if (keyHints[key] !== undefined) message.note = keyHints[key]
      }
    }
    return undefined
  }
  const meta = result.data
  if (meta.material !== undefined && meta.materialReason === undefined) {
    report(file, 'Missing `materialReason`: overriding `material` needs a reason, which is recorded', 'frontmatter-required', keys.get('material') ?? start)
  }
  if (meta.effective < meta.updated) {
    report(
      file,
      `Unexpected effective date \`${meta.effective}\` before updated date \`${meta.updated}\``,
      'frontmatter-date-order',
      keys.get('effective') ?? start
    )
  }
  return meta
}

function isRealDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value)
}
