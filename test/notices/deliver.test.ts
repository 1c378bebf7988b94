import {test} from 'node:test'
import assert from 'node:assert/strict'
import {createHash} from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import type {ChangeSummary} from '../../src/changes/summary.js'
import {resolveEndpoints, type Endpoint} from '../../src/notices/endpoints.js'
import {deliverAll, deliveryOf, idempotencyKey, pendingEntry, type DeliverOptions, type Delivery} from '../../src/notices/deliver.js'
import {openOutbox, readOutbox} from '../../src/notices/outbox.js'
import {realSummaries, seeded, startReceiver, syntheticSummaries, type Fault, type Receiver} from './helpers.js'

const secret = 'test-secret-0123456789abcdef'
const [summary] = await realSummaries()
const fast: DeliverOptions = {timeoutMs: 300, backoff: {baseMs: 10, maxMs: 50}, maxTimeMs: 5000}

function endpointsFor(receivers: Receiver[]): Endpoint[] {
  return resolveEndpoints(
    receivers.map((receiver, index) => ({name: `hook-${index}`, url: receiver.url, secretEnv: `S${index}`})),
    Object.fromEntries(receivers.map((_, index) => [`S${index}`, secret]))
  )
}

/** Run one delivery round of `summaries` × `endpoints` with a fresh or given outbox file. */
async function round(summaries: ChangeSummary[], endpoints: Endpoint[], options: DeliverOptions = fast, file = outboxFile()) {
  const outbox = await openOutbox(file)
  const deliveries: Delivery[] = summaries
    .flatMap((s) => endpoints.map((endpoint) => deliveryOf(s, endpoint)))
    .filter((delivery) => outbox.get(delivery.key)?.state !== 'delivered')
  for (const delivery of deliveries) if (!outbox.get(delivery.key)) void outbox.put(pendingEntry(delivery))
  try {
    return {file, outcomes: await deliverAll(deliveries, outbox, options)}
  } finally {
    await outbox.close()
  }
}

function outboxFile(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'policypress-deliver-')), 'outbox.json')
}

/** The fault for the first `n - 1` requests of a key, then success. */
const firstThen = (fault: Fault, times = 1) => (_key: string, n: number): Fault => (n <= times ? fault : {kind: 'ok'})

test('a delivery is a signed JSON POST with a delivery id and a stable idempotency key', async () => {
  const receiver = await startReceiver(secret)
  try {
    const endpoints = endpointsFor([receiver])
    const {outcomes} = await round([summary!], endpoints)
    assert.equal(outcomes[0]?.state, 'delivered')
    const [request] = receiver.requests
    assert.equal(request?.validSignature, true)
    assert.match(request?.delivery ?? '', /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    const key = createHash('sha256').update(`${summary!.id}\n${receiver.url}`).digest('hex')
    assert.equal(request?.key, key)
    assert.equal(idempotencyKey(summary!.id, receiver.url), key)
    assert.deepEqual(receiver.summaries, [summary!.id])
  } finally {
    await receiver.close()
  }
})

test('500s are retried with backoff; the delivery id stays the same within a run', async () => {
  const receiver = await startReceiver(secret, firstThen({kind: 'status', status: 500}, 2))
  try {
    const {outcomes, file} = await round([summary!], endpointsFor([receiver]))
    assert.deepEqual([outcomes[0]?.state, outcomes[0]?.attempts, outcomes[0]?.status], ['delivered', 3, 200])
    assert.equal(new Set(receiver.requests.map((r) => r.delivery)).size, 1)
    assert.deepEqual([...receiver.processed.values()], [1])
    const [record] = await readOutbox(file)
    assert.deepEqual([record?.state, record?.attempts, record?.lastStatus, record?.lastError], ['delivered', 3, 200, null])
  } finally {
    await receiver.close()
  }
})

test('429 with Retry-After is honoured, even when the backoff would be shorter', async () => {
  const receiver = await startReceiver(secret, firstThen({kind: 'status', status: 429, retryAfter: '1'}))
  try {
    const {outcomes} = await round([summary!], endpointsFor([receiver]))
    assert.equal(outcomes[0]?.state, 'delivered')
    const [first, second] = receiver.requests
    assert.ok(second!.at - first!.at >= 950, `waited ${second!.at - first!.at} ms`)
  } finally {
    await receiver.close()
  }
})

test('a slow response times out and is retried; the receiver drops the repeat', async () => {
  const receiver = await startReceiver(secret, firstThen({kind: 'slow', ms: 2000}))
  try {
    const started = Date.now()
    const {outcomes} = await round([summary!], endpointsFor([receiver]))
    assert.deepEqual([outcomes[0]?.state, outcomes[0]?.attempts], ['delivered', 2])
    assert.ok(Date.now() - started < 1500)
    assert.deepEqual(receiver.requests.map((r) => r.outcome), ['processed', 'duplicate'])
    assert.deepEqual([...receiver.processed.values()], [1])
  } finally {
    await receiver.close()
  }
})

test('dropped connections, before or after processing, are retried', async () => {
  const receiver = await startReceiver(secret, (_key, n) => (n === 1 ? {kind: 'drop', processed: false} : n === 2 ? {kind: 'drop', processed: true} : {kind: 'ok'}))
  try {
    const {outcomes} = await round([summary!], endpointsFor([receiver]))
    assert.deepEqual([outcomes[0]?.state, outcomes[0]?.attempts], ['delivered', 3])
    assert.deepEqual(receiver.requests.map((r) => r.outcome), ['rejected', 'processed', 'duplicate'])
  } finally {
    await receiver.close()
  }
})

test('408 is retried; other 4xx and redirects are not', async () => {
  const cases: Array<[number, string, number]> = [
    [408, 'delivered', 2],
    [400, 'failed', 1],
    [401, 'failed', 1],
    [404, 'failed', 1],
    [410, 'failed', 1],
    [422, 'failed', 1],
    [302, 'failed', 1]
  ]
  for (const [status, state, attempts] of cases) {
    const receiver = await startReceiver(secret, firstThen({kind: 'status', status}))
    try {
      const {outcomes, file} = await round([summary!], endpointsFor([receiver]))
      assert.deepEqual([outcomes[0]?.state, outcomes[0]?.attempts], [state, attempts], String(status))
      if (state === 'failed') {
        assert.match(outcomes[0]?.error ?? '', new RegExp(`^HTTP ${status} .*; not retried$`))
        assert.equal((await readOutbox(file))[0]?.state, 'failed')
      }
    } finally {
      await receiver.close()
    }
  }
})

test('retries stop after maxAttempts, and the total time is bounded', async () => {
  const receiver = await startReceiver(secret, () => ({kind: 'status', status: 503}))
  try {
    const limited = await round([summary!], endpointsFor([receiver]), {...fast, maxAttempts: 3})
    assert.deepEqual([limited.outcomes[0]?.state, limited.outcomes[0]?.attempts, limited.outcomes[0]?.error], ['failed', 3, 'HTTP 503 Service Unavailable; gave up after 3 attempts'])

    const started = Date.now()
    const timed = await round([summary!], endpointsFor([receiver]), {...fast, maxAttempts: 1000, maxTimeMs: 400})
    // 400 ms and the time to notice it; the slack is for loaded CI machines.
    assert.ok(Date.now() - started < 400 + 1000, `took ${Date.now() - started} ms`)
    assert.equal(timed.outcomes[0]?.state, 'pending')
    assert.match(timed.outcomes[0]?.error ?? '', /^HTTP 503 Service Unavailable; (time limit reached|the next attempt would pass the time limit)$/)
  } finally {
    await receiver.close()
  }
})

test('a Retry-After beyond the time limit leaves the delivery pending at once', async () => {
  const receiver = await startReceiver(secret, () => ({kind: 'status', status: 429, retryAfter: '3600'}))
  try {
    const started = Date.now()
    const {outcomes} = await round([summary!], endpointsFor([receiver]), {...fast, maxTimeMs: 5000})
    assert.ok(Date.now() - started < 1000)
    assert.deepEqual([outcomes[0]?.state, outcomes[0]?.error], ['pending', 'HTTP 429 Too Many Requests; the next attempt (Retry-After 3600 s) would pass the time limit'])
  } finally {
    await receiver.close()
  }
})

test('a refused connection is retried and reported', async () => {
  // A port nothing listens on: take one, then close it.
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as net.AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  const endpoints = resolveEndpoints([{name: 'gone', url: `http://127.0.0.1:${port}/hook`, secretEnv: 'S'}], {S: secret})
  const {outcomes} = await round([summary!], endpoints, {...fast, maxAttempts: 2})
  assert.equal(outcomes[0]?.state, 'failed')
  assert.match(outcomes[0]?.error ?? '', /ECONNREFUSED.*; gave up after 2 attempts/)
})

test('stopping (Ctrl-C) aborts what is in flight and leaves it pending in the outbox', async () => {
  const receiver = await startReceiver(secret, () => ({kind: 'slow', ms: 5000}))
  try {
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 200)
    const started = Date.now()
    const summaries = syntheticSummaries(summary!, 10)
    const {outcomes, file} = await round(summaries, endpointsFor([receiver]), {...fast, timeoutMs: 10_000, concurrency: 2, signal: controller.signal})
    assert.ok(Date.now() - started < 1000)
    assert.ok(outcomes.every((o) => o.state === 'pending'))
    assert.deepEqual(outcomes.map((o) => o.attempts).sort(), [0, 0, 0, 0, 0, 0, 0, 0, 1, 1])
    assert.ok((await readOutbox(file)).every((e) => e.state === 'pending'))
  } finally {
    await receiver.close()
  }
})

test('a receiver failing half of its requests at random still processes every summary exactly once', async () => {
  const random = seeded(20240301)
  const faults: Fault[] = [{kind: 'status', status: 500}, {kind: 'status', status: 503}, {kind: 'drop', processed: false}, {kind: 'drop', processed: true}, {kind: 'slow', ms: 400}, {kind: 'status', status: 429, retryAfter: '0'}]
  const fault = (): Fault => (random() < 0.5 ? faults[Math.floor(random() * faults.length)]! : {kind: 'ok'})
  const receivers = [await startReceiver(secret, fault), await startReceiver(secret, fault)]
  try {
    const summaries = syntheticSummaries(summary!, 60)
    const endpoints = endpointsFor(receivers)
    const file = outboxFile()
    // Each run gives up after a few attempts; running again delivers the rest (at most a few runs).
    let runs = 0
    for (let done = false; !done && runs < 10; runs++) {
      const {outcomes} = await round(summaries, endpoints, {...fast, timeoutMs: 200, maxAttempts: 4}, file)
      done = outcomes.every((o) => o.state === 'delivered')
    }
    assert.ok(runs < 10, 'everything is delivered within 10 runs')
    const records = await readOutbox(file)
    assert.equal(records.length, 120)
    assert.ok(records.every((r) => r.state === 'delivered'))
    for (const receiver of receivers) {
      assert.ok(receiver.requests.every((r) => r.validSignature), 'every request is validly signed')
      assert.equal(receiver.processed.size, 60)
      assert.ok([...receiver.processed.values()].every((count) => count === 1))
      assert.deepEqual([...receiver.summaries].sort(), summaries.map((s) => s.id).sort())
      assert.ok(receiver.requests.length > 60, 'faults forced retries')
    }
  } finally {
    await Promise.all(receivers.map((r) => r.close()))
  }
})

test('load: a few hundred summaries to several endpoints, each processed exactly once', async () => {
  const random = seeded(7)
  const fault = (): Fault => (random() < 0.1 ? {kind: 'status', status: 503} : {kind: 'ok'})
  const receivers = await Promise.all([1, 2, 3].map(() => startReceiver(secret, fault)))
  try {
    const summaries = syntheticSummaries(summary!, 200)
    const started = Date.now()
    const {outcomes, file} = await round(summaries, endpointsFor(receivers), {...fast, maxAttempts: 20, maxTimeMs: 30_000, concurrency: 8})
    const elapsed = Date.now() - started
    assert.equal(outcomes.length, 600)
    assert.ok(outcomes.every((o) => o.state === 'delivered'))
    assert.ok((await readOutbox(file)).every((r) => r.state === 'delivered'))
    for (const receiver of receivers) {
      assert.equal(receiver.processed.size, 200)
      assert.ok([...receiver.processed.values()].every((count) => count === 1))
      assert.ok(receiver.requests.every((r) => r.validSignature))
    }
    // About 2 s on an idle two-core machine; the bound only catches a run that stalls.
    assert.ok(elapsed < 20_000, `took ${elapsed} ms`)
  } finally {
    await Promise.all(receivers.map((r) => r.close()))
  }
})
