/**
 * `check`: every notice text of the working copy's change summary must fit its channel.
 */
import type {VFile} from 'vfile'
import type {ChangeSummary} from '../changes/summary.js'
import type {PolicyDocument} from '../model/types.js'
import {report} from '../messages.js'
import {lengthProblems, noticeLimits, type NoticeLimits} from './lengths.js'

/** How messages name each text. */
const partNames: Record<string, string> = {
  'popup.title': 'pop-up title',
  'popup.body': 'pop-up text',
  'popup.buttons.view': 'pop-up button',
  'popup.buttons.dismiss': 'pop-up button',
  'push.title': 'push title',
  'push.body': 'push text',
  sms: 'SMS',
  'email.subject': 'email subject'
}

/**
 * Report on `file` (the policy) each notice of `summary` over its limit (default `noticeLimits`):
 * at the front matter `summary` when the author's summary is part of the text, else at 1:1.
 */
export function checkNoticeLengths(summary: ChangeSummary, document: PolicyDocument, file: VFile, limits: NoticeLimits = noticeLimits): void {
  const summaryPlace = summary.summaryGenerated ? undefined : document.metaPlaces['summary']
  for (const problem of lengthProblems(summary.notices, limits)) {
    const causedBySummary = summaryPlace !== undefined && summary.summary !== '' && problem.text.includes(summary.summary)
    const place = causedBySummary ? {line: summaryPlace.line, column: summaryPlace.column} : {line: 1, column: 1}
    const what = summary.summaryGenerated && problem.text.includes(summary.summary) ? ' with the generated summary' : ''
    report(
      file,
      `Unexpected ${partNames[problem.part] ?? problem.part} of ${problem.actual}${what}, expected at most ${problem.limit}`,
      'notice-length',
      place
    )
  }
}
