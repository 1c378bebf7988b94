/**
 * When to try a delivery again, and how long to wait first.
 */

/** What one attempt's outcome means for the delivery. */
export type Verdict = 'delivered' | 'retry' | 'give-up'

/**
 * The verdict on an HTTP status: 2xx delivered; 408, 429 and 5xx are worth retrying (the receiver is
 * busy or broken for now); anything else (3xx, other 4xx) will not change by retrying.
 */
export function verdictOf(status: number): Verdict {
  if (status >= 200 && status < 300) return 'delivered'
  if (status === 408 || status === 429 || status >= 500) return 'retry'
  return 'give-up'
}

/** Backoff settings. */
export interface Backoff {
  /** Cap of the first wait, in milliseconds (default 500). */
  baseMs?: number
  /** Largest wait, in milliseconds (default 30 000). */
  maxMs?: number
}

/**
 * Wait before retry number `retry` (1 for the first retry): exponential backoff with full jitter,
 * a uniformly random time between 0 and min(maxMs, baseMs × 2^(retry − 1)). The jitter spreads the
 * retries of many deliveries so a recovering receiver is not hit by all of them at once.
 */
export function backoffDelay(retry: number, backoff: Backoff = {}, random: () => number = Math.random): number {
  const {baseMs = 500, maxMs = 30_000} = backoff
  const cap = Math.min(maxMs, baseMs * 2 ** Math.max(0, retry - 1))
  return Math.floor(random() * cap)
}

/**
 * Milliseconds a `Retry-After` header asks to wait: delay-seconds (`120`) or an HTTP date; `undefined`
 * when absent or unreadable. `now` is milliseconds since the epoch (default `Date.now()`).
 */
export function retryAfterMs(header: string | undefined, now: number = Date.now()): number | undefined {
  if (header === undefined) return undefined
  const value = header.trim()
  if (/^\d+$/.test(value)) return Number(value) * 1000
  const date = Date.parse(value)
  if (Number.isNaN(date) || !/[a-z]/i.test(value)) return undefined
  return Math.max(0, date - now)
}
