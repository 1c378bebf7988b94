/**
 * `notify` as a library: build the change summaries of published versions in memory, and deliver each
 * one not yet delivered to every configured webhook endpoint.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import type {VFile} from 'vfile'
import {check, type PipelineOptions} from '../pipeline.js'
import {loadReleases} from '../versions/releases.js'
import {buildHistories} from '../changes/history.js'
import type {ChangeSummary} from '../changes/summary.js'
import {summaryOf} from '../render/history.js'
import {lazyNoticeTemplates, readNoticeTemplatesIn} from './templates.js'
import {loadEndpoints, resolveEndpoints, webhooksPath} from './endpoints.js'
import {defaultOutbox, openOutbox, readOutbox, writeAtomically} from './outbox.js'
import {deliverAll, deliveryOf, pendingEntry, type DeliverOptions, type DeliveryOutcome} from './deliver.js'

/** Options of `notify`. */
export interface NotifyOptions extends PipelineOptions {
  /** The outbox file (default `.policypress/outbox.json` beside the content folder). */
  outbox?: string | undefined
  /** Also write each payload, exactly as sent, to `<out>/<doc>/<locale>/changes/<version>.json` (default: none). */
  out?: string | undefined
  /** Show what would be sent; send nothing and leave the outbox as it is (default false). */
  dryRun?: boolean | undefined
  /** Where secrets are looked up (default `process.env`). */
  env?: NodeJS.ProcessEnv | undefined
  /** Timeouts, retries, concurrency and the stop signal (defaults in `DeliverOptions`). */
  delivery?: DeliverOptions | undefined
}

/** What `notify` did. */
export type NotifyResult =
  | {
      /** The content (or the archive) has errors: nothing was sent. */
      status: 'content-errors'
      files: VFile[]
    }
  | {
      /** `webhooks.yaml` has errors: nothing was sent. */
      status: 'config-errors'
      files: VFile[]
    }
  | {
      status: 'done'
      /** Whether everything owed is delivered (always true for a dry run). */
      ok: boolean
      dryRun: boolean
      /** Whether Ctrl-C (the delivery signal) stopped the run. */
      interrupted: boolean
      /** The outbox file. */
      outbox: string
      endpoints: Array<{name: string; url: string}>
      /** Ids of the published change summaries, oldest first. */
      summaries: string[]
      /** Deliveries acknowledged in an earlier run, not sent again. */
      alreadyDelivered: number
      /** Every delivery this run made (for a dry run: would make). */
      deliveries: DeliveryOutcome[]
      /** Payload files written to `out`, relative to it. */
      written: string[]
    }

/**
 * The change summaries (with notices) of every published version, built in memory from the content
 * and archive — never read from a build output — oldest first; drafts are left out.
 */
export async function publishedSummaries(options: PipelineOptions = {}): Promise<{ok: true; summaries: ChangeSummary[]} | {ok: false; files: VFile[]}> {
  const notices = lazyNoticeTemplates(readNoticeTemplatesIn(options.templates))
  const result = await check(options, undefined, notices)
  if (!result.ok) return {ok: false, files: result.files}
  const releases = await loadReleases(result.archive, {source: result.source, project: result.project})
  const site = result.project.site
  const summaries = buildHistories(releases, site).flatMap((history) =>
    history.changes.filter((change) => change.to.release.status === 'published').map((change) => summaryOf(change, history, site, notices.compiled()))
  )
  summaries.sort((a, b) => compare(a.to.updated, b.to.updated) || compare(a.id, b.id))
  return {ok: true, summaries}
}

/**
 * Deliver every published change summary not yet delivered to every endpoint of
 * `<content>/webhooks.yaml`. Throws for configuration errors (no endpoints file, a secret variable
 * unset, an outbox that is unreadable or in use); content errors come back as `content-errors`.
 */
export async function notify(options: NotifyOptions = {}): Promise<NotifyResult> {
  const content = path.resolve(options.content ?? 'content')
  const outboxFile = path.resolve(options.outbox ?? defaultOutbox(content))
  const config = await loadEndpoints(content)
  if (!config.file) throw new Error(`No webhook endpoints: create \`${path.join(content, webhooksPath)}\` (see docs/notices.md)`)
  if (config.file.messages.length > 0) return {status: 'config-errors', files: [config.file]}
  if (config.endpoints.length === 0) throw new Error(`No webhook endpoints in \`${path.join(content, webhooksPath)}\`; add one under \`endpoints:\``)
  // Before anything else, so a missing secret is reported before any work is done.
  const endpoints = resolveEndpoints(config.endpoints, options.env)
  if (options.out !== undefined && isWithin(path.resolve(options.out), content)) {
    throw new Error(`The payload folder \`${options.out}\` must not be inside the content folder`)
  }

  const built = await publishedSummaries({...options, content})
  if (!built.ok) return {status: 'content-errors', files: built.files}
  const {summaries} = built
  const written = options.out === undefined ? [] : await writePayloads(options.out, summaries)
  const all = summaries.flatMap((summary) => endpoints.map((endpoint) => deliveryOf(summary, endpoint)))
  const base = {status: 'done' as const, outbox: outboxFile, endpoints: endpoints.map(({name, url}) => ({name, url})), summaries: summaries.map((s) => s.id), written}

  if (options.dryRun) {
    const records = new Map((await readOutbox(outboxFile)).map((entry) => [entry.idempotencyKey, entry]))
    const owed = all.filter((delivery) => records.get(delivery.key)?.state !== 'delivered')
    const deliveries = owed.map((delivery): DeliveryOutcome => {
      const entry = records.get(delivery.key) ?? pendingEntry(delivery)
      return {
        summary: entry.summary,
        endpoint: entry.endpoint,
        url: entry.url,
        idempotencyKey: entry.idempotencyKey,
        deliveryId: '',
        state: entry.state,
        attempts: 0,
        totalAttempts: entry.attempts,
        status: entry.lastStatus,
        error: entry.lastError
      }
    })
    return {...base, ok: true, dryRun: true, interrupted: false, alreadyDelivered: all.length - owed.length, deliveries}
  }

  const outbox = await openOutbox(outboxFile)
  try {
    const owed = all.filter((delivery) => outbox.get(delivery.key)?.state !== 'delivered')
    // Record what is owed before the first request: the outbox lists it even if this run dies.
    for (const delivery of owed) if (!outbox.get(delivery.key)) void outbox.put(pendingEntry(delivery)).catch(() => undefined)
    await outbox.flush()
    const deliveries = await deliverAll(owed, outbox, options.delivery)
    const interrupted = options.delivery?.signal?.aborted ?? false
    return {
      ...base,
      ok: deliveries.every((delivery) => delivery.state === 'delivered'),
      dryRun: false,
      interrupted,
      alreadyDelivered: all.length - owed.length,
      deliveries
    }
  } finally {
    await outbox.close()
  }
}

/** Write each summary's payload (the exact request body) below `out`; returns the paths written. */
async function writePayloads(out: string, summaries: ChangeSummary[]): Promise<string[]> {
  const written: string[] = []
  for (const summary of summaries) {
    const relative = `${summary.document}/${summary.locale}/changes/${summary.to.version}.json`
    const file = path.join(path.resolve(out), ...relative.split('/'))
    await fs.mkdir(path.dirname(file), {recursive: true})
    await writeAtomically(file, JSON.stringify(summary))
    written.push(relative)
  }
  return written
}

function isWithin(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner)
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
