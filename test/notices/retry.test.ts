import {test} from 'node:test'
import assert from 'node:assert/strict'
import {backoffDelay, retryAfterMs, verdictOf} from '../../src/notices/retry.js'

test('2xx is delivered; 408, 429 and 5xx are retried; anything else is given up', () => {
  const cases: Array<[number, string]> = [
    [200, 'delivered'],
    [201, 'delivered'],
    [204, 'delivered'],
    [299, 'delivered'],
    [301, 'give-up'],
    [304, 'give-up'],
    [400, 'give-up'],
    [401, 'give-up'],
    [404, 'give-up'],
    [408, 'retry'],
    [409, 'give-up'],
    [410, 'give-up'],
    [422, 'give-up'],
    [429, 'retry'],
    [500, 'retry'],
    [502, 'retry'],
    [503, 'retry'],
    [504, 'retry']
  ]
  for (const [status, verdict] of cases) assert.equal(verdictOf(status), verdict, String(status))
})

test('backoff is exponential with full jitter, capped', () => {
  const top = () => 0.999999
  assert.deepEqual([1, 2, 3, 4, 5].map((retry) => backoffDelay(retry, {baseMs: 100, maxMs: 1000}, top)), [99, 199, 399, 799, 999])
  assert.deepEqual([1, 2, 3].map((retry) => backoffDelay(retry, {baseMs: 100}, () => 0)), [0, 0, 0])
  assert.equal(backoffDelay(3, {baseMs: 100}, () => 0.5), 200)
  assert.equal(backoffDelay(40, {}, top), 29_999)
  for (let i = 0; i < 100; i++) {
    const delay = backoffDelay(2)
    assert.ok(delay >= 0 && delay < 1000)
  }
})

test('Retry-After is delay-seconds or an HTTP date', () => {
  const now = Date.parse('2024-03-01T00:00:00Z')
  const cases: Array<[string | undefined, number | undefined]> = [
    [undefined, undefined],
    ['0', 0],
    ['1', 1000],
    [' 120 ', 120_000],
    ['Fri, 01 Mar 2024 00:00:05 GMT', 5000],
    ['Thu, 29 Feb 2024 23:59:00 GMT', 0],
    ['-1', undefined],
    ['1.5', undefined],
    ['soon', undefined],
    ['', undefined]
  ]
  for (const [header, expected] of cases) assert.equal(retryAfterMs(header, now), expected, String(header))
})
