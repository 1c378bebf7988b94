/**
 * Cutting texts only where tokens do not change, so word diffs tokenize just the changed middle.
 */
import {test} from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import {commonEnds, isSafeCut} from '../../src/diff/trim.js'
import {tokenize} from '../../src/diff/tokens.js'

/** Text, index, whether cutting there keeps the tokens. */
const cuts: Array<[string, number, boolean]> = [
  ['我们，收集', 3, true],
  ['我们收集', 2, false],
  ['3.5 days', 2, false],
  ['a, b', 1, true],
  ['\r\n', 1, false],
  ['a \n b', 3, true],
  ['a  b', 2, false],
  ['，𠮷', 1, true],
  ['𠮷', 1, false],
  ['，👍🏽', 3, false],
  ['，e\u0301', 2, false]
]

for (const [text, index, safe] of cuts) {
  test(`cutting ${JSON.stringify(text)} at ${index} is ${safe ? 'safe' : 'unsafe'}`, () => {
    assert.equal(isSafeCut(text, index), safe)
  })
}

test('a safe cut never changes the tokens', () => {
  const piece = fc.constantFrom('我们', '收集', '的', '，', '。', ' ', '\n', '\r\n', 'data', '3.5', "don't", '𠮷', '👍🏽', 'e\u0301', '🇨🇳', '、', '(', ')', '-', '.')
  fc.assert(
    fc.property(fc.array(piece, {maxLength: 20}), fc.nat(), (pieces, at) => {
      const text = pieces.join('')
      const index = text.length === 0 ? 0 : at % (text.length + 1)
      if (isSafeCut(text, index)) assert.deepEqual([...tokenize(text.slice(0, index)), ...tokenize(text.slice(index))], tokenize(text))
    }),
    {numRuns: 500, seed: 3}
  )
})

test('common ends leave the changed middle with some context', () => {
  const old = '我们会收集您的姓名。'.repeat(10) + '旧的内容。' + '以及您的手机号码。'.repeat(10)
  const text = '我们会收集您的姓名。'.repeat(10) + '新的内容。' + '以及您的手机号码。'.repeat(10)
  const {prefix, suffix} = commonEnds(old, text)
  assert.ok(prefix > 50 && prefix <= 100 - 8, `prefix ${prefix}`)
  assert.ok(suffix > 50 && suffix <= 90 - 8, `suffix ${suffix}`)
  assert.equal(old.slice(0, prefix), text.slice(0, prefix))
  assert.equal(old.slice(old.length - suffix), text.slice(text.length - suffix))
})
