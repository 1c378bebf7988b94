/**
 * The real `policypress notify` (compiled lib/, as `npm test` builds it) against receivers on 127.0.0.1:
 * exit codes, reports, Ctrl-C, and runs killed at random points.
 */
import {test} from 'node:test'
import assert from 'node:assert/strict'
import {spawn} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {bin, root, secrets, seeded, startReceiver, workspaceWithVersions, writeWebhooks, type Fault, type Receiver} from './helpers.js'
import {readOutbox} from '../../src/notices/outbox.js'
import {run} from '../../src/cli/index.js'

// The CLI runs lib/; stale output would test old code.
const stale = ['notify.ts', 'deliver.ts', 'outbox.ts', 'http.ts'].filter((name) => {
  const compiled = path.join(root, 'lib', 'notices', name.replace('.ts', '.js'))
  return !fs.existsSync(compiled) || fs.statSync(compiled).mtimeMs < fs.statSync(path.join(root, 'src', 'notices', name)).mtimeMs
})
const skip = stale.length > 0 ? `lib/ is missing or older than src/notices (${stale.join(', ')}): run \`npx tsc -p tsconfig.build.json\` (npm test does)` : false

interface Run {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

const quick = ['--timeout', '300', '--backoff', '20', '--max-attempts', '50', '--max-time', '20', '--concurrency', '2']

/** Run `policypress notify …args` in `cwd`; `stop(child)` may signal it while it runs. */
function notify(cwd: string, args: string[], env: Record<string, string>, stop?: (child: ReturnType<typeof spawn>) => void): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, 'notify', ...args], {cwd, env: {PATH: process.env['PATH'] ?? '', ...env}})
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('close', (code, signal) => resolve({code, signal, stdout, stderr}))
    stop?.(child)
  })
}

/** Resolve once `receiver` has seen more than `count` requests. */
async function requestsBeyond(receiver: Receiver, count: number, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs
  while (receiver.requests.length <= count) {
    if (Date.now() > until) throw new Error('no request arrived')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** Run the CLI in this process (same code path as the binary, no start-up cost) with `env` set. */
async function runInProcess(cwd: string, args: string[], env: Record<string, string>): Promise<{code: number; stdout: string; stderr: string}> {
  const out: string[] = []
  const err: string[] = []
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]))
  Object.assign(process.env, env)
  try {
    const code = await run(['node', 'policypress', 'notify', '--content', path.join(cwd, 'content'), ...args], {stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd})
    return {code, stdout: out.join('\n'), stderr: err.join('\n')}
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
  }
}

test('exit 0 with a JSON report when all is delivered; exit 1 with reasons when something is left; no secret printed', async () => {
  const dir = await workspaceWithVersions(2)
  const ok = await startReceiver('test-secret-0-0123456789abcdef')
  const broken = await startReceiver('test-secret-1-0123456789abcdef', () => ({kind: 'status', status: 503}))
  try {
    writeWebhooks(path.join(dir, 'content'), [ok.url, broken.url])
    const json = await runInProcess(dir, ['--json', '--timeout', '300', '--backoff', '10', '--max-attempts', '3'], secrets(2))
    assert.equal(json.code, 1, json.stderr)
    const report = JSON.parse(json.stdout) as {ok: boolean; counts: Record<string, number>; deliveries: Array<{endpoint: string; state: string; error: string | null; attempts: number}>}
    assert.equal(report.ok, false)
    assert.deepEqual(report.counts, {summaries: 2, endpoints: 2, alreadyDelivered: 0, delivered: 2, failed: 2, pending: 0, wouldSend: 0})
    assert.deepEqual(
      report.deliveries.filter((d) => d.endpoint === 'hook-1').map((d) => [d.state, d.attempts, d.error]),
      [
        ['failed', 3, 'HTTP 503 Service Unavailable; gave up after 3 attempts'],
        ['failed', 3, 'HTTP 503 Service Unavailable; gave up after 3 attempts']
      ]
    )
    const text = await runInProcess(dir, ['--timeout', '300', '--backoff', '10', '--max-attempts', '2'], secrets(2))
    assert.equal(text.code, 1)
    assert.match(text.stdout, /\n {2}failed {6}privacy\/en-US\/2024-01-10\.\.2024-02-09 → hook-1 {2}HTTP 503 Service Unavailable; gave up after 2 attempts \(2 attempts\)\n/)
    assert.match(text.stdout, /\nDelivered 0, failed 2, pending 0; 2 already delivered earlier\.\nSome notices are not delivered/)
    for (const output of [json.stdout, json.stderr, text.stdout, text.stderr, fs.readFileSync(path.join(dir, '.policypress', 'outbox.json'), 'utf8')]) {
      assert.doesNotMatch(output, /test-secret/)
    }
    assert.equal(ok.processed.size, 2)
    broken.requests.length = 0
    const wrong = await runInProcess(dir, ['--json', '--timeout', '5000'], {...secrets(2), PP_SECRET_1: 'wrong-secret'})
    assert.equal(wrong.code, 1)
    const refused = (JSON.parse(wrong.stdout) as typeof report).deliveries.map((d) => [d.state, d.error])
    assert.deepEqual(refused, [['failed', 'HTTP 401 Unauthorized; not retried'], ['failed', 'HTTP 401 Unauthorized; not retried']])
    assert.ok(broken.requests.every((r) => !r.validSignature))
  } finally {
    await Promise.all([ok.close(), broken.close()])
  }
})

test('a missing secret variable exits 2 naming it; bad options exit 2; a dry run sends nothing', async () => {
  const dir = await workspaceWithVersions(2)
  const receiver = await startReceiver('test-secret-0-0123456789abcdef')
  try {
    writeWebhooks(path.join(dir, 'content'), [receiver.url])
    delete process.env['PP_SECRET_0']
    const missing = await runInProcess(dir, [], {OTHER_SECRET: 'test-secret-x'})
    assert.equal(missing.code, 2)
    assert.equal(missing.stderr, 'policypress: Environment variable `PP_SECRET_0` (endpoint `hook-0`) not set; set the signing secret of each webhook endpoint')
    const bad = await runInProcess(dir, ['--timeout', 'soon'], secrets(1))
    assert.equal(bad.code, 2)
    assert.match(bad.stderr, /--timeout must be a whole number greater than 0, not `soon`/)
    const dry = await runInProcess(dir, ['--dry-run'], secrets(1))
    assert.equal(dry.code, 0, dry.stderr)
    assert.match(dry.stdout, /^Dry run: 2 published change summaries × 1 endpoint \(hook-0\)/)
    assert.equal(receiver.requests.length, 0)
  } finally {
    await receiver.close()
  }
})

test('Ctrl-C stops sending, saves the outbox and exits 130; the next run sends the rest', {skip}, async () => {
  const dir = await workspaceWithVersions(2)
  const receiver = await startReceiver('test-secret-0-0123456789abcdef', () => ({kind: 'ok', delayMs: 300}))
  try {
    writeWebhooks(path.join(dir, 'content'), [receiver.url])
    const interrupted = await notify(dir, [...quick, '--timeout', '5000', '--concurrency', '1'], secrets(1), (child) => {
      void requestsBeyond(receiver, 0).then(() => child.kill('SIGINT'))
    })
    assert.equal(interrupted.code, 130, interrupted.stdout + interrupted.stderr)
    assert.match(interrupted.stdout, /\nInterrupted: the outbox is saved; run `policypress notify` again to send the rest\.\n$/)
    const records = await readOutbox(path.join(dir, '.policypress', 'outbox.json'))
    assert.equal(records.length, 2)
    assert.ok(records.some((r) => r.state === 'pending'))
    assert.deepEqual(fs.readdirSync(path.join(dir, '.policypress')), ['outbox.json'])
    const rest = await notify(dir, [...quick, '--timeout', '5000'], secrets(1))
    assert.equal(rest.code, 0, rest.stdout + rest.stderr)
    assert.equal(receiver.processed.size, 2)
    assert.ok([...receiver.processed.values()].every((count) => count === 1))
  } finally {
    await receiver.close()
  }
})

test('a run killed at a random point, then run again, loses nothing and never re-sends an acknowledged delivery', {skip}, async () => {
  const dir = await workspaceWithVersions(3)
  // POLICYPRESS_TEST_SEED replays the seed a failure printed.
  const seed = Number(process.env['POLICYPRESS_TEST_SEED'] ?? Date.now())
  const random = seeded(seed)
  const note = `seed ${seed}`
  // Half of all requests fail in every way the receiver knows; the rest are answered after a short wait.
  const faults: Fault[] = [{kind: 'status', status: 500}, {kind: 'status', status: 429, retryAfter: '0'}, {kind: 'drop', processed: false}, {kind: 'drop', processed: true}, {kind: 'slow', ms: 1000}]
  const fault = (): Fault => (random() < 0.5 ? faults[Math.floor(random() * faults.length)]! : {kind: 'ok', delayMs: 50 + Math.floor(random() * 100)})
  const receivers = [await startReceiver('test-secret-0-0123456789abcdef', fault), await startReceiver('test-secret-1-0123456789abcdef', fault)]
  const outbox = path.join(dir, '.policypress', 'outbox.json')
  try {
    writeWebhooks(path.join(dir, 'content'), receivers.map((r) => r.url))
    const acknowledged = new Set<string>()
    let line = receivers.map(() => 0)
    // After each run: nothing acknowledged before it was sent again, and the outbox is whole.
    const afterRun = async () => {
      await new Promise((resolve) => setTimeout(resolve, 50)) // requests already on the wire land first
      receivers.forEach((receiver, index) => {
        const resent = receiver.requests.slice(line[index]).filter((r) => acknowledged.has(r.key)).map((r) => r.key)
        assert.deepEqual(resent, [], `${note}: acknowledged deliveries were sent again`)
      })
      for (const record of await readOutbox(outbox)) if (record.state === 'delivered') acknowledged.add(record.idempotencyKey)
      line = receivers.map((r) => r.requests.length)
    }
    let killedMidway = 0
    // Three runs, and more (up to eight) until one was killed mid-delivery: a fast run can finish before
    // its random kill lands, which proves nothing either way.
    for (let round = 0; round < 3 || (killedMidway === 0 && round < 8); round++) {
      const before = receivers.map((r) => r.requests.length)
      const run = await notify(dir, quick, secrets(2), (child) => {
        // The first kill lands as the first request arrives (a run of eight deliveries cannot be done by
        // then), so at least one run is always killed mid-delivery; the second anywhere from start-up on (it
        // may finish first, leaving later runs nothing to send); the others at random while deliveries are
        // under way.
        const delay = round === 0 ? 0 : Math.floor(random() * (round === 1 ? 1500 : 300))
        const started = round === 1 ? Promise.resolve(true) : firstRequest(receivers, before, child)
        void started.then((go) => go && setTimeout(() => child.kill('SIGKILL'), delay))
      })
      if (run.signal === 'SIGKILL' && receivers.some((r, i) => r.requests.length > before[i]!)) killedMidway++
      await afterRun()
    }
    assert.ok(killedMidway >= 1, `${note}: a run was killed while delivering`)
    // Then run until done (a few runs at most: each gives up on a delivery only after many attempts).
    for (let i = 0; i < 5 && (await readOutbox(outbox).catch(() => [])).filter((r) => r.state === 'delivered').length < 8; i++) {
      await notify(dir, quick, secrets(2))
      await afterRun()
    }
    const records = await readOutbox(outbox)
    assert.equal(records.length, 8, note)
    assert.ok(records.every((r) => r.state === 'delivered'), `${note}: everything is delivered`)
    for (const receiver of receivers) {
      assert.ok(receiver.requests.every((r) => r.validSignature), `${note}: every request is validly signed`)
      assert.equal(receiver.processed.size, 4, note)
      assert.ok([...receiver.processed.values()].every((count) => count === 1), `${note}: each summary processed exactly once`)
    }
    assert.deepEqual(fs.readdirSync(path.dirname(outbox)), ['outbox.json'], `${note}: no lock or temporary file is left`)
  } finally {
    await Promise.all(receivers.map((r) => r.close()))
  }
})

/** Resolves to true at the first request a receiver gets beyond `before`, or false if `child` ends first. */
async function firstRequest(receivers: Receiver[], before: number[], child: ReturnType<typeof spawn>): Promise<boolean> {
  for (;;) {
    if (receivers.some((r, i) => r.requests.length > before[i]!)) return true
    if (child.exitCode !== null || child.signalCode !== null) return false
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}
