/**
 * UI words from `templates/labels/<locale>.yaml`, with `{name}` placeholders filled in.
 */

/** Every label key the compiler itself reads (templates read others directly). */
export const compilerLabelKeys = [
  'languageName',
  'permalink',
  'table',
  'countTemplate',
  'noticeCurrent',
  'noticeArchived',
  'noticeDraft',
  'noticeUnpublished',
  'viewCurrent',
  'viewHistory',
  'viewDiff',
  'historyHeading',
  'historyIntro',
  'statusCurrent',
  'statusArchived',
  'statusDraft',
  'diffHeading',
  'diffChangedOnly',
  'diffFull',
  'materialYes',
  'materialNo',
  'consentNeeded',
  'changeAdded',
  'changeRemoved',
  'changeModified',
  'changeLink',
  'summaryJson',
  'versionsJson'
] as const

/** A compiler label key. */
export type CompilerLabel = (typeof compilerLabelKeys)[number]

/** The label `key` with `{name}` placeholders replaced from `values`; the key itself when missing. */
export function label(labels: Record<string, string>, key: CompilerLabel, values: Record<string, string | number> = {}): string {
  const template = labels[key] ?? key
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole))
}
