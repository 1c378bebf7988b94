/**
 * One HTTP POST attempt with node:http / node:https. Never throws: every outcome is data the retry
 * loop can decide on.
 */
import http from 'node:http'
import https from 'node:https'

/** What one attempt came to. */
export type AttemptResult =
  | {kind: 'response'; status: number; statusText: string; retryAfter: string | undefined}
  | {kind: 'error'; error: string; permanent: boolean}
  | {kind: 'timeout'; error: string}
  | {kind: 'interrupted'}

/** Options of `postOnce`. */
export interface PostOptions {
  /** Give up on the attempt after this many milliseconds without response headers. */
  timeoutMs: number
  /** Abort the attempt (Ctrl-C). */
  signal?: AbortSignal | undefined
  /** Connection pools to reuse (default: Node's global agents). */
  agents?: {http: http.Agent; https: https.Agent} | undefined
}

/**
 * POST `body` to `url` with `headers`. Resolves when response headers arrive (the status is the
 * receiver's acknowledgement; the body is drained and ignored), or on error, timeout or abort.
 */
export function postOnce(url: string, body: string, headers: Record<string, string>, options: PostOptions): Promise<AttemptResult> {
  const {timeoutMs, signal, agents} = options
  if (signal?.aborted) return Promise.resolve({kind: 'interrupted'})
  const target = new URL(url)
  const secure = target.protocol === 'https:'
  return new Promise((resolve) => {
    let settled = false
    const finish = (result: AttemptResult) => {
      if (settled) return
      settled = true
      signal?.removeEventListener('abort', onAbort)
      resolve(result)
    }
    const request = (secure ? https : http).request(target, {
      method: 'POST',
      headers: {...headers, 'Content-Length': String(Buffer.byteLength(body))},
      agent: secure ? agents?.https : agents?.http
    })
    // One timer for connect, send and the response headers, and then for draining the body.
    const timer = setTimeout(() => {
      request.destroy()
      finish({kind: 'timeout', error: `no response within ${timeoutMs} ms`})
    }, timeoutMs)
    const onAbort = () => {
      clearTimeout(timer)
      request.destroy()
      finish({kind: 'interrupted'})
    }
    signal?.addEventListener('abort', onAbort, {once: true})
    request.on('response', (response) => {
      const retryAfter = response.headers['retry-after']
      finish({kind: 'response', status: response.statusCode ?? 0, statusText: response.statusMessage ?? '', retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter})
      response.on('end', () => clearTimeout(timer))
      response.on('error', () => clearTimeout(timer))
      response.resume()
    })
    request.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer)
      // A certificate problem is configuration; retrying cannot fix it.
      finish({kind: 'error', error: describe(error), permanent: /CERT|ERR_TLS_CERT/.test(error.code ?? '')})
    })
    request.on('close', () => {
      clearTimeout(timer)
      finish({kind: 'error', error: 'connection closed before a response', permanent: false})
    })
    request.end(body)
  })
}

function describe(error: NodeJS.ErrnoException): string {
  return error.code && !error.message.includes(error.code) ? `${error.code}: ${error.message}` : error.message
}
