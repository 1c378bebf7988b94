/**
 * Word diffs of block texts: whole words, tiny unchanged fragments folded, lossless, bounded.
 */
import {test} from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import {diffText} from '../../src/diff/words.js'
import {isFoldable} from '../../src/diff/readable.js'
import {tokenize} from '../../src/diff/tokens.js'
import {newText, oldText} from '../../src/diff/ops.js'
import {inlineRedline} from '../../src/diff/format.js'
import type {DiffOp} from '../../src/diff/types.js'
import {seededRandom} from '../random.js'

/** Old text, new text, expected redline (`[-deleted-]{+inserted+}`). */
const chinese: Array<[string, string, string]> = [
  ['我们会收集您的手机号码', '我们会收集您的手机号码和位置信息', '我们会收集您的手机号码{+和位置信息+}'],
  ['我们会收集您的手机号码和位置信息', '我们会收集您的手机号码', '我们会收集您的手机号码[-和位置信息-]'],
  ['我们会收集您的姓名', '我们将收集您的姓名', '我们[-会-]{+将+}收集您的姓名'],
  ['发布日期：2020年6月10日', '发布日期：2020年9月26日', '发布日期：2020年[-6月10-]{+9月26+}日'],
  // An unchanged particle between two changes folds into them.
  ['我们会收集和使用您的信息', '我们会存储和分享您的信息', '我们会[-收集和使用-]{+存储和分享+}您的信息'],
  ['收集您的手机号码', '使用您的电子邮箱', '[-收集您的手机号码-]{+使用您的电子邮箱+}'],
  ['访问、更正您的个人信息', '删除、复制您的个人信息', '[-访问、更正-]{+删除、复制+}您的个人信息'],
  // Longer unchanged text stays between the changes.
  ['我们会收集您的姓名和手机号码，用于注册。', '我们将收集您的姓名或手机号码，用于登录。', '我们[-会-]{+将+}收集您的姓名[-和-]{+或+}手机号码，用于[-注册-]{+登录+}。'],
  ['个人敏感信息', '敏感个人信息', '[-个人敏感-]{+敏感个人+}信息'],
  ['𠮷野家的牛丼', '𠮷野家的猪丼', '𠮷野家的[-牛-]{+猪+}丼']
]

const english: Array<[string, string, string]> = [
  ['We may share your information with partners.', 'We may share your personal information with trusted partners.', 'We may share your {+personal +}information with {+trusted +}partners.'],
  ['We collect your email address.', 'We collect your phone number.', 'We collect your [-email address-]{+phone number+}.'],
  ['We keep data for 30 days.', 'We keep data for 90 days.', 'We keep data for [-30-]{+90+} days.'],
  // ` the ` and ` you ` are too short to stand between two changes.
  ['We collect the data you provide to us.', 'We process the information you give to us.', 'We [-collect the data you provide-]{+process the information you give+} to us.'],
  ["We don't sell data.", 'We never sell data.', "We [-don't-]{+never+} sell data."]
]

for (const [name, table] of [['Chinese', chinese], ['English', english]] as const) {
  for (const [old, text, expected] of table) {
    test(`${name}: ${old} → ${text}`, () => {
      const ops = diffText(old, text)
      assert.equal(inlineRedline(ops), expected)
      assert.equal(oldText(ops), old)
      assert.equal(newText(ops), text)
    })
  }
}

test('adding words to the end of a Chinese sentence is one insertion', () => {
  assert.deepEqual(diffText('我们会收集您的手机号码', '我们会收集您的手机号码和位置信息'), [
    {type: 'equal', text: '我们会收集您的手机号码'},
    {type: 'insert', text: '和位置信息'}
  ])
})

test('identical and empty texts', () => {
  assert.deepEqual(diffText('同一段文字', '同一段文字'), [{type: 'equal', text: '同一段文字'}])
  assert.deepEqual(diffText('', ''), [])
  assert.deepEqual(diffText('', '新增'), [{type: 'insert', text: '新增'}])
  assert.deepEqual(diffText('删除', ''), [{type: 'delete', text: '删除'}])
})

test('an added list item is inserted as a whole line, not from the middle of the one before', () => {
  // The segmenter reads 手机号 as 手机|号 and 手机号码 as 手机|号码: changes snap to its words.
  const ops = diffText('1. 手机号；\n2. 邮箱。', '1. 手机号码；\n2. 邮箱。\n3. 位置。')
  assert.equal(inlineRedline(ops), '1. 手机[-号-]{+号码+}；\n2. 邮箱。{+\n3. 位置。+}')
})

/** Unchanged fragment between two changes → folded? */
const folding: Array<[string, boolean]> = [
  ['的', true],
  ['和', true],
  ['，', true],
  ['、', true],
  [' ', true],
  ['", "', true],
  ['的，', true],
  [' the ', true],
  [' of ', true],
  [' 30 ', true],
  ['收集了', false],
  [' data ', false],
  [' the data ', false],
  ['，\n', false],
  ['我们会收集您的', false]
]

for (const [fragment, folds] of folding) {
  test(`the fragment ${JSON.stringify(fragment)} ${folds ? 'folds' : 'stands'} between two changes`, () => {
    assert.equal(isFoldable(fragment), folds)
  })
}

/** Pieces random texts are made of: CJK words and particles, astral and emoji, CRLF, Latin, punctuation. */
const piece = fc.oneof(
  {weight: 6, arbitrary: fc.constantFrom('我们', '会', '收集', '您', '的', '和', '手机', '号码', '位置', '信息', '账号', '个人', '敏感', '𠮷', '丼')},
  {weight: 3, arbitrary: fc.constantFrom('We', 'collect', 'the', 'data', 'of', 'a', "don't", '3.5', 'e-mail')},
  {weight: 3, arbitrary: fc.constantFrom(' ', '  ', '\t', '\n', '\r\n', '\r', '，', '。', '、', '（', '）', '.', ',', '"')},
  {weight: 1, arbitrary: fc.constantFrom('😀', '👨‍👩‍👧', '🇨🇳', '1️⃣', 'é', 'e\u0301', '\u200b', '\ud800', '\udc00')},
  {weight: 1, arbitrary: fc.string({unit: 'binary', maxLength: 3})}
)
const text = fc.array(piece, {maxLength: 40})
/** An edit script over a list of pieces: at a relative position, delete some pieces and insert others. */
const edits = fc.array(fc.record({at: fc.double({min: 0, max: 1, noNaN: true}), remove: fc.nat(4), insert: fc.array(piece, {maxLength: 4})}), {maxLength: 6})

function applyEdits(pieces: string[], script: Array<{at: number; remove: number; insert: string[]}>): string[] {
  const result = pieces.slice()
  for (const edit of script) result.splice(Math.floor(edit.at * result.length), edit.remove, ...edit.insert)
  return result
}

function assertWellFormed(ops: DiffOp[], old: string, text: string): void {
  assert.equal(oldText(ops), old)
  assert.equal(newText(ops), text)
  ops.forEach((op, i) => {
    assert.notEqual(op.text, '', 'no empty op')
    const next = ops[i + 1]
    if (next) {
      assert.notEqual(next.type, op.type, 'neighbours of the same type are merged')
      assert.ok(!(op.type === 'insert' && next.type === 'delete'), 'deletions come before insertions')
    }
  })
}

test('a word diff is lossless for any texts (random edit scripts)', () => {
  fc.assert(
    fc.property(text, edits, (pieces, script) => {
      const old = pieces.join('')
      const updated = applyEdits(pieces, script).join('')
      assertWellFormed(diffText(old, updated), old, updated)
    }),
    {numRuns: 400, seed: 20230920}
  )
})

test('a word diff is lossless for unrelated random strings', () => {
  fc.assert(
    fc.property(fc.string({unit: 'binary', maxLength: 60}), fc.string({unit: 'grapheme', maxLength: 60}), (old, updated) => {
      assertWellFormed(diffText(old, updated), old, updated)
    }),
    {numRuns: 300, seed: 7}
  )
})

test('tokens cover the text exactly and keep 𠮷, emoji and CRLF whole', () => {
  assert.deepEqual(tokenize('𠮷野家\r\n👨‍👩‍👧 ok'), ['𠮷', '野家', '\r\n', '👨‍👩‍👧', ' ', 'ok'])
  fc.assert(
    fc.property(fc.string({unit: 'binary', maxLength: 80}), (value) => {
      assert.equal(tokenize(value).join(''), value)
    }),
    {numRuns: 300, seed: 11}
  )
})

test('a very long run of Chinese is segmented in slices, not at once', () => {
  const long = '我们会收集您的手机号码'.repeat(3000)
  assert.equal(tokenize(long).join(''), long)
})


test('a pathological block (20 000 random Chinese characters against a shuffle) falls back to a replacement', () => {
  const next = seededRandom(42)
  const characters = Array.from({length: 20_000}, () => String.fromCodePoint(0x4e00 + Math.floor(next() * 3000)))
  const old = characters.join('')
  for (let i = characters.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1))
    ;[characters[i], characters[j]] = [characters[j]!, characters[i]!]
  }
  const shuffled = characters.join('')
  const ops = diffText(old, shuffled)
  assert.deepEqual(ops.map((op) => op.type), ['delete', 'insert'])
  assertWellFormed(ops, old, shuffled)
})

test('a long block with a few edits among many lines keeps word-level changes', () => {
  const lines = Array.from({length: 2000}, (_, i) => `第${i}行：我们会收集您的手机号码和位置信息。`)
  const old = lines.join('\n')
  const changed = lines.slice()
  changed[100] = '第100行：我们不会收集您的手机号码。'
  changed[1500] = '第1500行：我们会收集您的邮箱。'
  const ops = diffText(old, changed.join('\n'))
  assertWellFormed(ops, old, changed.join('\n'))
  assert.deepEqual(ops.filter((op) => op.type !== 'equal').map((op) => `${op.type}:${op.text}`), [
    // 不会 is one word.
    'delete:会',
    'insert:不会',
    'delete:和位置信息',
    'delete:手机号码和位置信息',
    'insert:邮箱'
  ])
})
