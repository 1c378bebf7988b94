import {test} from 'node:test'
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {openOutbox, readOutbox, type OutboxEntry} from '../../src/notices/outbox.js'

const tmp = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'policypress-outbox-')), '.policypress', 'outbox.json')

function entry(key: string, state: OutboxEntry['state'] = 'pending'): OutboxEntry {
  return {
    idempotencyKey: key,
    summary: `privacy/zh-CN/${key}`,
    endpoint: 'hook',
    url: 'http://127.0.0.1:1/hook',
    state,
    attempts: 0,
    deliveryId: null,
    lastStatus: null,
    lastError: null,
    createdAt: '2024-03-01T00:00:00.000Z',
    lastAttemptAt: null,
    deliveredAt: null
  }
}

test('an absent outbox is empty; records survive closing and reopening', async () => {
  const file = tmp()
  assert.deepEqual(await readOutbox(file), [])
  const outbox = await openOutbox(file)
  await outbox.put(entry('b'))
  await outbox.put(entry('a', 'delivered'))
  await outbox.close()
  assert.deepEqual((await readOutbox(file)).map((e) => [e.idempotencyKey, e.state]), [['a', 'delivered'], ['b', 'pending']])
  const again = await openOutbox(file)
  assert.equal(again.get('a')?.state, 'delivered')
  await again.close()
})

test('many changes at once are coalesced into few writes, and the last state always wins', async () => {
  const file = tmp()
  const outbox = await openOutbox(file)
  const puts: Array<Promise<void>> = []
  for (let i = 0; i < 200; i++) puts.push(outbox.put({...entry(`k${i % 20}`), attempts: i}))
  await Promise.all(puts)
  await outbox.close()
  const records = await readOutbox(file)
  assert.equal(records.length, 20)
  assert.deepEqual(records.find((e) => e.idempotencyKey === 'k7')?.attempts, 187)
  assert.deepEqual(fs.readdirSync(path.dirname(file)), ['outbox.json'])
})

test('a second run cannot open the outbox while the first holds it; a dead holder\'s lock is taken over', async () => {
  const file = tmp()
  const first = await openOutbox(file)
  await assert.rejects(openOutbox(file), /in use by another `policypress notify` \(pid \d+\)/)
  await first.close()
  // A run killed with SIGKILL leaves its lock and maybe a temporary file behind.
  const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], {encoding: 'utf8'})
  fs.writeFileSync(`${file}.lock`, JSON.stringify({pid: Number(dead.stdout.trim())}))
  fs.writeFileSync(`${file}.999-abcd.tmp`, '{"half')
  const next = await openOutbox(file)
  await next.put(entry('x'))
  await next.close()
  assert.deepEqual(fs.readdirSync(path.dirname(file)).sort(), ['outbox.json'])
})

test('a damaged outbox is an error, never silently reset', async () => {
  const file = tmp()
  fs.mkdirSync(path.dirname(file), {recursive: true})
  fs.writeFileSync(file, '{"outboxVersion": 1, "deliveries": [')
  await assert.rejects(readOutbox(file), /is not valid JSON; restore it, or delete it to re-send every summary/)
  fs.writeFileSync(file, '{"outboxVersion": 2, "deliveries": []}')
  await assert.rejects(openOutbox(file), /is not a policypress outbox/)
  assert.equal(fs.existsSync(`${file}.lock`), false)
})

test('a write that fails is reported, and the outbox says so', async () => {
  const file = tmp()
  const outbox = await openOutbox(file)
  await outbox.put(entry('a'))
  // Replace the file with a folder: the rename over it must fail.
  fs.rmSync(file)
  fs.mkdirSync(file)
  fs.writeFileSync(path.join(file, 'keep'), '')
  await assert.rejects(outbox.put(entry('b')), /EISDIR|ENOTEMPTY|EEXIST|EPERM/)
  assert.ok(outbox.failure())
  await assert.rejects(outbox.close())
  assert.equal(fs.existsSync(`${file}.lock`), false)
})
