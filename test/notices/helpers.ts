/**
 * Shared by the notices tests: a workspace with published versions, in-memory summaries, and a real
 * HTTP receiver on 127.0.0.1 that verifies signatures, deduplicates on Idempotency-Key and injects faults.
 */
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import type {AddressInfo} from 'node:net'
import {fileURLToPath} from 'node:url'
import {publish} from '../../src/versions/publish.js'
import {compileContent} from '../../src/compile.js'
import {loadContent} from '../../src/load/content.js'
import {buildHistories, type Release} from '../../src/changes/history.js'
import type {ChangeSummary} from '../../src/changes/summary.js'
import {summaryOf} from '../../src/render/history.js'
import {verifySignature} from '../../src/notices/signature.js'

export const root = fileURLToPath(new URL('../../', import.meta.url))
export const fixture = path.join(root, 'test', 'fixtures', 'notices', 'content')
export const bin = path.join(root, 'bin', 'policypress.js')

/** Day `n` after 2024-01-10, as `YYYY-MM-DD`. */
function day(n: number): string {
  return new Date(Date.UTC(2024, 0, 10 + n)).toISOString().slice(0, 10)
}

/** Make the working copy version `index` (1 = the fixture as is): new dates and one more sentence per locale. */
export function editVersion(content: string, index: number, summary?: string): void {
  for (const locale of ['zh-CN', 'en-US']) {
    const file = path.join(content, 'privacy', locale, 'index.md')
    let text = fs.readFileSync(file, 'utf8')
    const date = day(30 * (index - 1))
    text = text.replace(/^version: .*$/m, `version: ${date}`).replace(/^updated: .*$/m, `updated: ${date}`).replace(/^effective: .*$/m, `effective: ${day(30 * (index - 1) + 7)}`)
    text = text.replace(/^summary: .*\n/m, '')
    if (summary !== undefined) text = text.replace(/^effective: .*$/m, (line) => `${line}\nsummary: "${summary}"`)
    const sentence = locale === 'zh-CN' ? `第${index}版新增说明。` : `Note added in version ${index}.`
    text = text.replace(/(\n## (?:二、|2\. ))/, `\n${sentence}\n$1`)
    fs.writeFileSync(file, text)
  }
}

/** A temporary folder with `content/` (the fixture) and `versions` published versions in `archive/`. */
export async function workspaceWithVersions(versions: number): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policypress-notices-'))
  const content = path.join(dir, 'content')
  fs.cpSync(fixture, content, {recursive: true})
  for (let index = 1; index <= versions; index++) {
    if (index > 1) editVersion(content, index)
    const result = await publish({content, document: 'privacy'})
    if (!result.ok) throw new Error(`publishing version ${index} failed`)
  }
  return dir
}

/** Write `content/webhooks.yaml` with one endpoint per URL (secrets in `PP_SECRET_<n>`). */
export function writeWebhooks(content: string, urls: string[]): void {
  const lines = ['endpoints:', ...urls.flatMap((url, index) => [`  - name: hook-${index}`, `    url: ${url}`, `    secretEnv: PP_SECRET_${index}`])]
  fs.writeFileSync(path.join(content, 'webhooks.yaml'), `${lines.join('\n')}\n`)
}

/** Secrets for `writeWebhooks`' endpoints. */
export function secrets(count: number): Record<string, string> {
  return Object.fromEntries(Array.from({length: count}, (_, index) => [`PP_SECRET_${index}`, `test-secret-${index}-0123456789abcdef`]))
}

/** Real change summaries of the fixture (two versions, both locales), built in memory. */
export async function realSummaries(): Promise<ChangeSummary[]> {
  const before = compileContent(await loadContent(fixture)).project
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policypress-notices-'))
  fs.cpSync(fixture, dir, {recursive: true})
  editVersion(dir, 2)
  const after = compileContent(await loadContent(dir)).project
  const releases: Release[] = [
    {document: 'privacy', version: '2024-01-10', status: 'published', project: before},
    {document: 'privacy', version: '2024-02-09', status: 'published', project: after}
  ]
  return buildHistories([releases], after.site).map((history) => summaryOf(history.changes[0]!, history, after.site))
}

/** `count` distinct summaries made from a real one (ids differ, so do idempotency keys). */
export function syntheticSummaries(template: ChangeSummary, count: number): ChangeSummary[] {
  return Array.from({length: count}, (_, index) => ({...template, id: `${template.document}/${template.locale}/load-${index}..load-${index + 1}`}))
}

/** What the receiver does with one request. */
export type Fault =
  /** Process the request and answer 200, after `delayMs` (default 0). */
  | {kind: 'ok'; delayMs?: number}
  | {kind: 'status'; status: number; retryAfter?: string}
  /** Process the request, then answer after `ms` (the sender times out first and retries). */
  | {kind: 'slow'; ms: number}
  /** Destroy the socket without answering, after processing the request or before. */
  | {kind: 'drop'; processed: boolean}

/** One request as the receiver saw it. */
export interface Seen {
  key: string
  delivery: string
  validSignature: boolean
  /** `processed` the first time a key is accepted, `duplicate` when a repeat is dropped, `rejected` when a fault came first. */
  outcome: 'processed' | 'duplicate' | 'rejected' | 'invalid'
  at: number
}

/** A receiver on 127.0.0.1 (random port). */
export interface Receiver {
  url: string
  requests: Seen[]
  /** How often each idempotency key was processed. */
  processed: Map<string, number>
  /** Summary ids processed, from the bodies. */
  summaries: string[]
  close(): Promise<void>
}

/**
 * Start a receiver that checks every signature with `secret`, processes each idempotency key once
 * (repeats get 200 without processing, as a real receiver would), and applies `fault` to each request
 * (`n` counts this key's requests from 1).
 */
export async function startReceiver(secret: string, fault: (key: string, n: number) => Fault = () => ({kind: 'ok'})): Promise<Receiver> {
  const requests: Seen[] = []
  const processed = new Map<string, number>()
  const seenCount = new Map<string, number>()
  const summaries: string[] = []
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const body = Buffer.concat(chunks)
      const key = String(request.headers['idempotency-key'] ?? '')
      const seen: Seen = {key, delivery: String(request.headers['x-policypress-delivery'] ?? ''), validSignature: false, outcome: 'rejected', at: Date.now()}
      requests.push(seen)
      seen.validSignature = verifySignature(secret, request.headers['x-policypress-signature'] as string | undefined, body)
      if (!seen.validSignature || request.headers['content-type'] !== 'application/json') {
        seen.outcome = 'invalid'
        response.writeHead(401).end()
        return
      }
      const n = (seenCount.get(key) ?? 0) + 1
      seenCount.set(key, n)
      const action = fault(key, n)
      const accept = () => {
        if (processed.has(key)) {
          seen.outcome = 'duplicate'
        } else {
          seen.outcome = 'processed'
          summaries.push((JSON.parse(body.toString('utf8')) as {id: string}).id)
        }
        processed.set(key, (processed.get(key) ?? 0) + (seen.outcome === 'processed' ? 1 : 0))
      }
      switch (action.kind) {
        case 'ok':
          accept()
          setTimeout(() => {
            if (!response.destroyed) response.writeHead(200, {'Content-Type': 'application/json'}).end('{"ok":true}')
          }, action.delayMs ?? 0).unref()
          return
        case 'status':
          response.writeHead(action.status, action.retryAfter ? {'Retry-After': action.retryAfter} : {}).end()
          return
        case 'slow':
          accept()
          setTimeout(() => {
            if (!response.destroyed) response.writeHead(200).end()
          }, action.ms).unref()
          return
        case 'drop':
          if (action.processed) accept()
          request.socket.destroy()
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/hook`,
    requests,
    processed,
    summaries,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

/** A seeded pseudo-random generator, so a failing run can be replayed. */
export {seededRandom as seeded} from '../random.js'
