import {test} from 'node:test'
import assert from 'node:assert/strict'
import {spawn} from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import {resolveEndpoints} from '../../src/notices/endpoints.js'
import {deliverAll, deliveryOf, pendingEntry} from '../../src/notices/deliver.js'
import {openOutbox} from '../../src/notices/outbox.js'
import {realSummaries, root} from './helpers.js'

const docs = fs.readFileSync(path.join(root, 'docs', 'notices.md'), 'utf8')

test('the plain-Node receiver of docs/notices.md verifies signatures and processes each summary once', async () => {
  const example = /<!-- receiver-example[^>]*-->\n```js\n([\s\S]*?)```/.exec(docs)?.[1]
  assert.ok(example, 'docs/notices.md has the receiver example')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policypress-docs-'))
  fs.writeFileSync(path.join(dir, 'receiver.mjs'), example)
  const port = await freePort()
  const secret = 'docs-secret-0123456789abcdef'
  const child = spawn(process.execPath, [path.join(dir, 'receiver.mjs')], {env: {PATH: process.env['PATH'] ?? '', PORT: String(port), POLICYPRESS_NOTIFY_SECRET: secret}})
  let stdout = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  try {
    await listening(port)
    const summaries = await realSummaries()
    const url = `http://127.0.0.1:${port}/hook`
    const send = async (key: string) => {
      const [endpoint] = resolveEndpoints([{name: 'docs', url, secretEnv: 'S'}], {S: key})
      const outbox = await openOutbox(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'policypress-docs-')), 'outbox.json'))
      const deliveries = summaries.map((summary) => deliveryOf(summary, endpoint!))
      for (const delivery of deliveries) void outbox.put(pendingEntry(delivery))
      try {
        return await deliverAll(deliveries, outbox, {timeoutMs: 2000, backoff: {baseMs: 10}})
      } finally {
        await outbox.close()
      }
    }
    assert.deepEqual((await send(secret)).map((o) => o.state), ['delivered', 'delivered'])
    // A fresh outbox sends everything again: the receiver answers 200 and drops the repeats.
    assert.deepEqual((await send(secret)).map((o) => [o.state, o.status]), [['delivered', 200], ['delivered', 200]])
    assert.deepEqual((await send('wrong-secret')).map((o) => [o.state, o.status]), [['failed', 401], ['failed', 401]])
    assert.deepEqual(stdout.trim().split('\n').sort(), summaries.map((s) => `processed ${s.id}`).sort())
  } finally {
    child.kill()
  }
})

test('the example configuration in docs/notices.md is valid', async () => {
  const yaml = /```yaml\n(# Where `policypress notify`[\s\S]*?)```/.exec(docs)?.[1]
  assert.ok(yaml)
  const {readEndpoints} = await import('../../src/notices/endpoints.js')
  const {VFile} = await import('vfile')
  const file = new VFile({path: 'webhooks.yaml', value: yaml})
  assert.deepEqual(readEndpoints(file).map((e) => e.name), ['notification-service', 'audit-log'])
  assert.deepEqual(file.messages, [])
})

async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as net.AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

async function listening(port: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end()
        resolve(true)
      })
      socket.on('error', () => resolve(false))
    })
    if (ok) return
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error('the example receiver did not start')
}
