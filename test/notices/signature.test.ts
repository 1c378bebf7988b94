import {test} from 'node:test'
import assert from 'node:assert/strict'
import {createHmac} from 'node:crypto'
import {signatureHeader, signPayload, verifySignature} from '../../src/notices/signature.js'

const secret = 'whsec-0123456789abcdef'
const body = '{"id":"privacy/zh-CN/2024-01-10..2024-02-09","summary":"新增说明"}'
const t = 1_710_000_000
const now = t * 1000

test('the signature is HMAC-SHA256 over "<t>.<body>" in hex, as documented', () => {
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')
  assert.equal(signPayload(secret, body, t), expected)
  assert.equal(signatureHeader(secret, body, t), `t=${t},v1=${expected}`)
})

test('a signature verifies over the raw bytes, as a string or a Buffer', () => {
  const header = signatureHeader(secret, body, t)
  assert.equal(verifySignature(secret, header, body, {now}), true)
  assert.equal(verifySignature(secret, header, Buffer.from(body, 'utf8'), {now}), true)
})

test('verification fails for anything tampered with, stale or malformed', () => {
  const header = signatureHeader(secret, body, t)
  const v1 = header.split('v1=')[1]!
  const cases: Array<[string, string | undefined, string, number, boolean]> = [
    ['valid', header, body, now, true],
    ['valid at the edge of the tolerance', header, body, now + 300_000, true],
    ['body changed', header, body.replace('新增', '删除'), now, false],
    ['body re-serialized', header, JSON.stringify(JSON.parse(body), null, 2), now, false],
    ['other secret', signatureHeader('other-secret', body, t), body, now, false],
    ['too old', header, body, now + 301_000, false],
    ['from the future', header, body, now - 301_000, false],
    ['timestamp changed', `t=${t + 1},v1=${v1}`, body, now, false],
    ['no header', undefined, body, now, false],
    ['empty header', '', body, now, false],
    ['no timestamp', `v1=${v1}`, body, now, false],
    ['no signature', `t=${t}`, body, now, false],
    ['short signature', `t=${t},v1=${v1.slice(2)}`, body, now, false],
    ['not hex', `t=${t},v1=${'z'.repeat(64)}`, body, now, false],
    ['unknown scheme only', `t=${t},v0=${v1}`, body, now, false],
    ['one of two signatures valid (secret rotation)', `t=${t},v1=${'0'.repeat(64)},v1=${v1}`, body, now, true],
    ['spaces around parts', `t=${t}, v1=${v1}`, body, now, true]
  ]
  for (const [name, value, received, at, expected] of cases) {
    assert.equal(verifySignature(secret, value, received, {now: at}), expected, name)
  }
})

test('the tolerance is an option (default 300 seconds)', () => {
  const header = signatureHeader(secret, body, t)
  assert.equal(verifySignature(secret, header, body, {now: now + 60_000, toleranceSeconds: 30}), false)
  assert.equal(verifySignature(secret, header, body, {now: now + 60_000, toleranceSeconds: 90}), true)
  assert.equal(verifySignature(secret, signatureHeader(secret, body, Math.floor(Date.now() / 1000)), body), true)
})
