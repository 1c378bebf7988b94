/**
 * The `notify` report: what was sent, what failed and why, as text for people and JSON for machines.
 */
import path from 'node:path'
import type {DeliveryOutcome} from './deliver.js'
import type {NotifyResult} from './notify.js'

type Done = Extract<NotifyResult, {status: 'done'}>

/** Counts of a finished run. */
export function notifyCounts(result: Done) {
  const count = (state: DeliveryOutcome['state']) => result.deliveries.filter((d) => d.state === state).length
  return {
    summaries: result.summaries.length,
    endpoints: result.endpoints.length,
    alreadyDelivered: result.alreadyDelivered,
    delivered: result.dryRun ? 0 : count('delivered'),
    failed: result.dryRun ? 0 : count('failed'),
    pending: result.dryRun ? 0 : count('pending'),
    wouldSend: result.dryRun ? result.deliveries.length : 0
  }
}

/** One line per delivery, then a total and what to do about anything left. Paths relative to `cwd`. */
export function formatNotifyText(result: Done, cwd: string): string {
  const counts = notifyCounts(result)
  const outbox = path.relative(cwd, result.outbox) || result.outbox
  const lines = [
    `${result.dryRun ? 'Dry run: ' : ''}${counts.summaries} published change summar${counts.summaries === 1 ? 'y' : 'ies'} × ${counts.endpoints} endpoint${counts.endpoints === 1 ? '' : 's'} (${result.endpoints.map((e) => e.name).join(', ')}); outbox ${outbox}`
  ]
  for (const delivery of result.deliveries) {
    const target = `${delivery.summary} → ${delivery.endpoint}`
    if (result.dryRun) {
      lines.push(`  would send  ${target}${delivery.totalAttempts > 0 ? ` (${delivery.state} after ${delivery.totalAttempts} earlier attempt${delivery.totalAttempts === 1 ? '' : 's'}: ${delivery.error ?? 'no error'})` : ''}`)
      continue
    }
    const attempts = `${delivery.attempts} attempt${delivery.attempts === 1 ? '' : 's'}`
    switch (delivery.state) {
      case 'delivered':
        lines.push(`  delivered   ${target}  HTTP ${delivery.status} after ${attempts}`)
        break
      case 'failed':
        lines.push(`  failed      ${target}  ${delivery.error} (${attempts})`)
        break
      case 'pending':
        lines.push(`  pending     ${target}  ${delivery.error} (${attempts})`)
    }
  }
  if (result.written.length > 0) lines.push(`Wrote ${result.written.length} payload file${result.written.length === 1 ? '' : 's'}.`)
  if (result.dryRun) {
    lines.push(`Would send ${counts.wouldSend}; ${counts.alreadyDelivered} already delivered. Nothing was sent and the outbox is unchanged.`)
    return lines.join('\n')
  }
  lines.push(`Delivered ${counts.delivered}, failed ${counts.failed}, pending ${counts.pending}; ${counts.alreadyDelivered} already delivered earlier.`)
  if (result.interrupted) lines.push('Interrupted: the outbox is saved; run `policypress notify` again to send the rest.')
  else if (!result.ok) lines.push('Some notices are not delivered: fix what the errors say, then run `policypress notify` again (it re-sends only what was not acknowledged).')
  return lines.join('\n')
}

/** The report as JSON (no secret is part of a result, so none can appear here). */
export function formatNotifyJson(result: Done, cwd: string): string {
  return JSON.stringify(
    {
      ok: result.ok,
      dryRun: result.dryRun,
      interrupted: result.interrupted,
      outbox: path.relative(cwd, result.outbox) || result.outbox,
      endpoints: result.endpoints,
      counts: notifyCounts(result),
      summaries: result.summaries,
      deliveries: result.deliveries,
      written: result.written
    },
    null,
    2
  )
}
