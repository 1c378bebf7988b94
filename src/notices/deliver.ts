/**
 * Deliver change summaries to webhook endpoints: signed POSTs, retried with backoff, every state
 * change (attempt started, delivered, failed, waiting to retry) recorded in the outbox.
 */
import http from 'node:http'
import https from 'node:https'
import {createHash, randomUUID} from 'node:crypto'
import {setMaxListeners} from 'node:events'
import type {ChangeSummary} from '../changes/summary.js'
import type {Endpoint} from './endpoints.js'
import {postOnce, type AttemptResult} from './http.js'
import type {Outbox, OutboxEntry} from './outbox.js'
import {backoffDelay, retryAfterMs, verdictOf, type Backoff} from './retry.js'
import {signatureHeaderName} from './signature.js'

/** Header carrying the id of one run's attempts at one delivery. */
export const deliveryHeaderName = 'X-Policypress-Delivery'
/** Header carrying the stable key receivers deduplicate on. */
export const idempotencyHeaderName = 'Idempotency-Key'

/** One summary for one endpoint. */
export interface Delivery {
  summary: ChangeSummary
  endpoint: Endpoint
  /** `idempotencyKey(summary.id, endpoint.url)`. */
  key: string
  /** The exact bytes sent and signed: the summary as compact JSON. */
  body: string
}

/** Options of `deliverAll`. */
export interface DeliverOptions {
  /** Per attempt: milliseconds to wait for response headers (default 10 000). */
  timeoutMs?: number | undefined
  /** The whole run: no attempt starts, and none runs, past this many milliseconds (default 300 000). */
  maxTimeMs?: number | undefined
  /** Attempts per delivery in one run before it is marked failed (default 8). */
  maxAttempts?: number | undefined
  /** Backoff between attempts (default: 500 ms doubling to 30 s, full jitter). */
  backoff?: Backoff | undefined
  /** Deliveries in flight per endpoint (default 4). */
  concurrency?: number | undefined
  /** Stop: in-flight attempts are aborted and left pending (Ctrl-C). */
  signal?: AbortSignal | undefined
  /** Random numbers in [0, 1) for the jitter (default `Math.random`). */
  random?: (() => number) | undefined
}

/** How one delivery ended in this run. */
export interface DeliveryOutcome {
  summary: string
  endpoint: string
  url: string
  idempotencyKey: string
  /** `X-Policypress-Delivery` of this run's attempts. */
  deliveryId: string
  /** `delivered` (2xx), `failed` (refused, or retries used up) or `pending` (stopped by time or Ctrl-C). */
  state: OutboxEntry['state']
  /** Attempts in this run. */
  attempts: number
  /** Attempts over every run. */
  totalAttempts: number
  /** The last HTTP status, if a response came. */
  status: number | null
  /** Why it is not delivered, in words. */
  error: string | null
}

/** The stable idempotency key of `summaryId` at `url`: hex SHA-256 of `"<summary id>\n<url>"`. */
export function idempotencyKey(summaryId: string, url: string): string {
  return createHash('sha256').update(`${summaryId}\n${url}`).digest('hex')
}

/** The delivery of `summary` to `endpoint`. */
export function deliveryOf(summary: ChangeSummary, endpoint: Endpoint): Delivery {
  return {summary, endpoint, key: idempotencyKey(summary.id, endpoint.url), body: JSON.stringify(summary)}
}

/** A new outbox record for `delivery`, not yet attempted. */
export function pendingEntry(delivery: Delivery, now = new Date()): OutboxEntry {
  return {
    idempotencyKey: delivery.key,
    summary: delivery.summary.id,
    endpoint: delivery.endpoint.name,
    url: delivery.endpoint.url,
    state: 'pending',
    attempts: 0,
    deliveryId: null,
    lastStatus: null,
    lastError: null,
    createdAt: now.toISOString(),
    lastAttemptAt: null,
    deliveredAt: null
  }
}

/**
 * Deliver each of `deliveries` (their outbox records must exist), endpoints in parallel, up to
 * `concurrency` at a time per endpoint. Resolves when every delivery is delivered, failed, or stopped
 * by the time limit or `signal`; rejects only if the outbox cannot be written (nothing more is sent).
 */
export async function deliverAll(deliveries: Delivery[], outbox: Outbox, options: DeliverOptions = {}): Promise<DeliveryOutcome[]> {
  const settings = {
    timeoutMs: options.timeoutMs ?? 10_000,
    maxAttempts: options.maxAttempts ?? 8,
    backoff: options.backoff ?? {},
    random: options.random ?? Math.random,
    deadline: Date.now() + (options.maxTimeMs ?? 300_000)
  }
  // Stops on Ctrl-C and on an outbox that cannot be written.
  const stop = new AbortController()
  // Every attempt and every backoff wait listens to it: as many listeners as deliveries in flight.
  setMaxListeners(0, stop.signal)
  const onAbort = () => stop.abort()
  options.signal?.addEventListener('abort', onAbort, {once: true})
  if (options.signal?.aborted) stop.abort()
  const agents = {http: new http.Agent({keepAlive: true}), https: new https.Agent({keepAlive: true})}
  const outcomes = new Map<string, DeliveryOutcome>()
  const byEndpoint = new Map<string, Delivery[]>()
  for (const delivery of deliveries) byEndpoint.set(delivery.endpoint.url, [...(byEndpoint.get(delivery.endpoint.url) ?? []), delivery])

  const worker = async (queue: Delivery[]) => {
    for (let delivery = queue.shift(); delivery; delivery = queue.shift()) {
      const outcome = await deliverOne(delivery, outbox, {...settings, signal: stop.signal, agents}).catch((error: unknown) => {
        stop.abort()
        throw error
      })
      outcomes.set(delivery.key, outcome)
    }
  }
  try {
    const concurrency = Math.max(1, options.concurrency ?? 4)
    const results = await Promise.allSettled(
      [...byEndpoint.values()].flatMap((queue) => Array.from({length: Math.min(concurrency, queue.length)}, () => worker(queue)))
    )
    await outbox.flush()
    const rejected = results.find((result): result is PromiseRejectedResult => result.status === 'rejected')
    if (rejected) throw rejected.reason
  } finally {
    options.signal?.removeEventListener('abort', onAbort)
    agents.http.destroy()
    agents.https.destroy()
  }
  // Deliveries never started (stopped first) stay pending, as their outbox records say.
  return deliveries.map((delivery) => outcomes.get(delivery.key) ?? notStarted(delivery, outbox, options.signal?.aborted ? 'interrupted before the first attempt' : 'time limit reached before the first attempt'))
}

interface Settings {
  timeoutMs: number
  maxAttempts: number
  backoff: Backoff
  random: () => number
  deadline: number
  signal: AbortSignal
  agents: {http: http.Agent; https: https.Agent}
}

/** Attempt one delivery until it is delivered, refused, out of attempts or out of time. */
async function deliverOne(delivery: Delivery, outbox: Outbox, settings: Settings): Promise<DeliveryOutcome> {
  const deliveryId = randomUUID()
  // The endpoint may have been renamed since the record was made; the key (summary id and URL) is the same.
  let entry: OutboxEntry = {...(outbox.get(delivery.key) ?? pendingEntry(delivery)), endpoint: delivery.endpoint.name, deliveryId}
  let attempts = 0
  // Not awaited: the outbox writes each change as soon as the write before it is done (coalescing the
  // changes of all deliveries meanwhile). Waiting here would not narrow the window in which a kill
  // loses a fresh state (the receiver drops the resulting repeat); it would only slow every delivery
  // down to one fsync. A failed write is seen before the next attempt and stops the run.
  const save = (changes: Partial<OutboxEntry>) => {
    entry = {...entry, ...changes}
    outbox.put(entry).catch(() => undefined)
  }
  const result = (error: string | null): DeliveryOutcome => ({
    summary: entry.summary,
    endpoint: entry.endpoint,
    url: entry.url,
    idempotencyKey: entry.idempotencyKey,
    deliveryId,
    state: entry.state,
    attempts,
    totalAttempts: entry.attempts,
    status: entry.lastStatus,
    error
  })

  for (;;) {
    const failure = outbox.failure()
    if (failure) throw failure
    if (settings.signal.aborted) return stopped('interrupted')
    const remaining = settings.deadline - Date.now()
    if (remaining <= 0) return stopped('time limit reached')
    attempts += 1
    // Counted in the outbox at every attempt, so attempts add up across runs.
    save({state: 'pending', attempts: entry.attempts + 1, lastAttemptAt: new Date().toISOString()})
    const timestamp = Math.floor(Date.now() / 1000)
    const headers = {
      'Content-Type': 'application/json',
      'User-Agent': 'policypress-notify',
      [signatureHeaderName]: delivery.endpoint.sign(delivery.body, timestamp),
      [deliveryHeaderName]: deliveryId,
      [idempotencyHeaderName]: delivery.key
    }
    const attempt = await postOnce(delivery.endpoint.url, delivery.body, headers, {timeoutMs: Math.min(settings.timeoutMs, remaining), signal: settings.signal, agents: settings.agents})
    if (attempt.kind === 'interrupted') return stopped('interrupted during an attempt; the receiver may have it, and drops the repeat')
    const status = attempt.kind === 'response' ? attempt.status : null
    const verdict = attempt.kind === 'response' ? verdictOf(attempt.status) : attempt.kind === 'error' && attempt.permanent ? 'give-up' : 'retry'
    const error = describe(attempt)
    if (verdict === 'delivered') {
      save({state: 'delivered', lastStatus: status, lastError: null, deliveredAt: new Date().toISOString()})
      return result(null)
    }
    if (verdict === 'give-up') {
      save({state: 'failed', lastStatus: status, lastError: error})
      return result(`${error}; not retried`)
    }
    if (attempts >= settings.maxAttempts) {
      save({state: 'failed', lastStatus: status, lastError: error})
      return result(`${error}; gave up after ${attempts} attempts`)
    }
    const asked = attempt.kind === 'response' ? retryAfterMs(attempt.retryAfter) : undefined
    const wait = asked ?? backoffDelay(attempts, settings.backoff, settings.random)
    save({lastStatus: status, lastError: error})
    if (Date.now() + wait >= settings.deadline) {
      return result(`${error}; the next attempt${asked === undefined ? '' : ` (Retry-After ${Math.ceil(asked / 1000)} s)`} would pass the time limit`)
    }
    await sleep(wait, settings.signal)
  }

  function stopped(reason: string): DeliveryOutcome {
    return result(entry.lastError ? `${entry.lastError}; ${reason}` : reason)
  }
}

function notStarted(delivery: Delivery, outbox: Outbox, reason: string): DeliveryOutcome {
  const entry = outbox.get(delivery.key) ?? pendingEntry(delivery)
  return {
    summary: entry.summary,
    endpoint: entry.endpoint,
    url: entry.url,
    idempotencyKey: entry.idempotencyKey,
    deliveryId: entry.deliveryId ?? '',
    state: entry.state,
    attempts: 0,
    totalAttempts: entry.attempts,
    status: entry.lastStatus,
    error: reason
  }
}

function describe(attempt: Exclude<AttemptResult, {kind: 'interrupted'}>): string {
  switch (attempt.kind) {
    case 'response':
      return `HTTP ${attempt.status}${attempt.statusText ? ` ${attempt.statusText}` : ''}`
    case 'error':
    case 'timeout':
      return attempt.error
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve()
    const timer = setTimeout(done, ms)
    signal.addEventListener('abort', done, {once: true})
    function done() {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
  })
}
