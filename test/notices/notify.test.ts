import {test} from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {notify, publishedSummaries} from '../../src/notices/notify.js'
import {formatNotifyJson, formatNotifyText} from '../../src/notices/report.js'
import {changeSummarySchema} from '../../src/changes/summary.js'
import {readOutbox} from '../../src/notices/outbox.js'
import {editVersion, secrets, startReceiver, workspaceWithVersions, writeWebhooks} from './helpers.js'

const fast = {timeoutMs: 500, backoff: {baseMs: 10}, maxTimeMs: 5000}

/** Three published versions (two changes × two locales), then a draft. */
async function workspace(): Promise<{dir: string; content: string}> {
  const dir = await workspaceWithVersions(3)
  const content = path.join(dir, 'content')
  editVersion(content, 4)
  return {dir, content}
}

test('summaries come from the published versions only, built in memory, with notices', async () => {
  const {content} = await workspace()
  const result = await publishedSummaries({content})
  assert.equal(result.ok, true)
  if (!result.ok) return
  assert.deepEqual(result.summaries.map((s) => s.id), [
    'privacy/en-US/2024-01-10..2024-02-09',
    'privacy/zh-CN/2024-01-10..2024-02-09',
    'privacy/en-US/2024-02-09..2024-03-10',
    'privacy/zh-CN/2024-02-09..2024-03-10'
  ])
  for (const summary of result.summaries) {
    assert.equal(summary.status, 'published')
    changeSummarySchema.parse(summary)
  }
})

test('notify delivers every published summary to every endpoint once; a re-run sends nothing', async () => {
  const {dir, content} = await workspace()
  const receivers = [await startReceiver('test-secret-0-0123456789abcdef'), await startReceiver('test-secret-1-0123456789abcdef')]
  try {
    writeWebhooks(content, receivers.map((r) => r.url))
    const first = await notify({content, env: secrets(2), delivery: fast})
    assert.equal(first.status, 'done')
    if (first.status !== 'done') return
    assert.equal(first.ok, true)
    assert.equal(first.outbox, path.join(dir, '.policypress', 'outbox.json'))
    assert.deepEqual([first.deliveries.length, first.alreadyDelivered], [8, 0])
    for (const receiver of receivers) {
      assert.deepEqual([...receiver.summaries].sort(), [...first.summaries].sort())
      assert.ok(receiver.requests.every((r) => r.validSignature && r.outcome === 'processed'))
    }
    const text = formatNotifyText(first, dir)
    assert.match(text, /^4 published change summaries × 2 endpoints \(hook-0, hook-1\); outbox \.policypress\/outbox\.json\n/)
    assert.match(text, /\n {2}delivered {3}privacy\/zh-CN\/2024-01-10\.\.2024-02-09 → hook-1 {2}HTTP 200 after 1 attempt\n/)
    assert.match(text, /\nDelivered 8, failed 0, pending 0; 0 already delivered earlier\.$/)
    const json = JSON.parse(formatNotifyJson(first, dir)) as {counts: Record<string, number>}
    assert.deepEqual(json.counts, {summaries: 4, endpoints: 2, alreadyDelivered: 0, delivered: 8, failed: 0, pending: 0, wouldSend: 0})
    assert.doesNotMatch(text + JSON.stringify(first) + fs.readFileSync(first.outbox, 'utf8'), /test-secret/)

    const second = await notify({content, env: secrets(2), delivery: fast})
    assert.ok(second.status === 'done' && second.ok)
    assert.deepEqual(second.status === 'done' && [second.deliveries.length, second.alreadyDelivered], [0, 8])
    assert.deepEqual(receivers.map((r) => r.requests.length), [4, 4])
  } finally {
    await Promise.all(receivers.map((r) => r.close()))
  }
})

test('a dry run sends nothing and writes nothing; --out writes each payload exactly as sent', async () => {
  const {dir, content} = await workspace()
  const receiver = await startReceiver('test-secret-0-0123456789abcdef')
  try {
    writeWebhooks(content, [receiver.url])
    const out = path.join(dir, 'payloads')
    const result = await notify({content, env: secrets(1), dryRun: true, out, delivery: fast})
    assert.ok(result.status === 'done')
    assert.equal(result.ok, true)
    assert.equal(result.deliveries.length, 4)
    assert.equal(receiver.requests.length, 0)
    assert.equal(fs.existsSync(path.join(dir, '.policypress')), false)
    assert.match(formatNotifyText(result, dir), /\n {2}would send {2}privacy\/en-US\/2024-01-10\.\.2024-02-09 → hook-0\n[\s\S]*\nWould send 4; 0 already delivered\. Nothing was sent and the outbox is unchanged\.$/)
    assert.deepEqual(result.written, [
      'privacy/en-US/changes/2024-02-09.json',
      'privacy/zh-CN/changes/2024-02-09.json',
      'privacy/en-US/changes/2024-03-10.json',
      'privacy/zh-CN/changes/2024-03-10.json'
    ])
    await notify({content, env: secrets(1), delivery: fast})
    const sent = receiver.requests.length
    assert.equal(sent, 4)
    const payload = fs.readFileSync(path.join(out, 'privacy/zh-CN/changes/2024-03-10.json'), 'utf8')
    assert.equal(JSON.parse(payload).id, 'privacy/zh-CN/2024-02-09..2024-03-10')
  } finally {
    await receiver.close()
  }
})

test('nothing is sent when something is wrong: configuration errors throw or come back with places', async () => {
  const {content} = await workspace()
  await assert.rejects(notify({content, env: {}}), /No webhook endpoints: create `.*webhooks\.yaml`/)
  writeWebhooks(content, ['http://127.0.0.1:9/hook'])
  await assert.rejects(notify({content, env: {OTHER: 'x'}}), /^Error: Environment variable `PP_SECRET_0` \(endpoint `hook-0`\) not set/)
  fs.writeFileSync(path.join(content, 'webhooks.yaml'), 'endpoints:\n  - url: http://notify.example.com/hook\n    secretEnv: PP_SECRET_0\n')
  const invalid = await notify({content, env: secrets(1)})
  assert.equal(invalid.status, 'config-errors')
  assert.deepEqual(invalid.status === 'config-errors' && invalid.files.flatMap((f) => f.messages.map((m) => `${f.path}:${m.line}:${m.column} ${m.ruleId}`)), ['webhooks.yaml:2:10 webhooks-invalid'])
  fs.writeFileSync(path.join(content, 'webhooks.yaml'), 'endpoints: []\n')
  await assert.rejects(notify({content, env: {}}), /No webhook endpoints in `.*webhooks\.yaml`/)
})

test('content errors stop notify before anything is sent', async () => {
  const {content} = await workspace()
  const receiver = await startReceiver('test-secret-0-0123456789abcdef')
  try {
    writeWebhooks(content, [receiver.url])
    const file = path.join(content, 'privacy', 'zh-CN', 'index.md')
    fs.appendFileSync(file, '\n## 重复 {#contact}\n\n文字。\n')
    const result = await notify({content, env: secrets(1)})
    assert.equal(result.status, 'content-errors')
    assert.equal(receiver.requests.length, 0)
  } finally {
    await receiver.close()
  }
})
