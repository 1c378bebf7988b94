/**
 * HMAC-SHA256 request signatures: `X-Policypress-Signature: t=<unix seconds>,v1=<hex>` where the hex
 * is HMAC-SHA256(secret, "<t>.<raw body>"). Signing the timestamp with the body lets a receiver
 * reject replays of an old request.
 */
import {createHmac, timingSafeEqual} from 'node:crypto'

/** Name of the signature header. */
export const signatureHeaderName = 'X-Policypress-Signature'

/** Hex HMAC-SHA256 of `"<timestamp>.<body>"` with `secret`. */
export function signPayload(secret: string, body: string | Uint8Array, timestamp: number): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex')
}

/** The `X-Policypress-Signature` value for `body` sent at `timestamp` (unix seconds). */
export function signatureHeader(secret: string, body: string | Uint8Array, timestamp: number): string {
  return `t=${timestamp},v1=${signPayload(secret, body, timestamp)}`
}

/** Options of `verifySignature`. */
export interface VerifyOptions {
  /** How far the signed time may be from `now`, either way, in seconds (default 300). */
  toleranceSeconds?: number
  /** The current time in milliseconds since the epoch (default `Date.now()`). */
  now?: number
}

/**
 * Whether `header` is a valid signature of `body` (the raw request bytes, exactly as received) with
 * `secret`, made within `toleranceSeconds` of `now`. Accepts several `v1=` values (one per secret while
 * secrets are rotated). Constant-time comparison; never throws on malformed input.
 */
export function verifySignature(secret: string, header: string | undefined | null, body: string | Uint8Array, options: VerifyOptions = {}): boolean {
  const {toleranceSeconds = 300, now = Date.now()} = options
  if (typeof header !== 'string') return false
  let timestamp: number | undefined
  const signatures: string[] = []
  for (const part of header.split(',')) {
    const [key, value = ''] = part.trim().split('=', 2)
    if (key === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value)
    else if (key === 'v1' && /^[0-9a-f]{64}$/.test(value)) signatures.push(value)
  }
  if (timestamp === undefined || signatures.length === 0) return false
  if (Math.abs(now / 1000 - timestamp) > toleranceSeconds) return false
  const expected = Buffer.from(signPayload(secret, body, timestamp), 'hex')
  // Check every candidate so the time taken does not depend on which one matched.
  let valid = false
  for (const signature of signatures) valid = timingSafeEqual(expected, Buffer.from(signature, 'hex')) || valid
  return valid
}
