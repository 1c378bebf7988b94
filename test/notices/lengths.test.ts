import {test} from 'node:test'
import assert from 'node:assert/strict'
import {lengthProblems, measureSms, noticeLimits, textWidth} from '../../src/notices/lengths.js'
import type {Notices} from '../../src/notices/schema.js'

test('text width counts CJK and full-width characters as two columns', () => {
  const cases: Array<[string, number]> = [
    ['', 0],
    ['Privacy', 7],
    ['隐私政策', 8],
    ['《隐私政策》已更新，', 20],
    ['2024年3月8日', 12],
    ['ＡＢ', 4],
    ['café', 4],
    ['😀', 2],
    ['𠀀', 2]
  ]
  for (const [text, width] of cases) assert.equal(textWidth(text), width, text)
})

test('SMS: GSM-7 when every character is in the GSM alphabet, else UCS-2', () => {
  const cases: Array<[string, 'gsm7' | 'ucs2', number, number]> = [
    ['a'.repeat(160), 'gsm7', 160, 1],
    ['a'.repeat(161), 'gsm7', 161, 2],
    ['a'.repeat(306), 'gsm7', 306, 2],
    ['a'.repeat(307), 'gsm7', 307, 3],
    ['€'.repeat(80), 'gsm7', 160, 1], // extension characters take two septets
    ['€'.repeat(81), 'gsm7', 162, 2],
    ['汉'.repeat(70), 'ucs2', 70, 1],
    ['汉'.repeat(71), 'ucs2', 71, 2],
    ['汉'.repeat(134), 'ucs2', 134, 2],
    ['汉'.repeat(135), 'ucs2', 135, 3],
    [`${'a'.repeat(69)}汉`, 'ucs2', 70, 1], // one Chinese character makes the whole message UCS-2
    [`${'a'.repeat(70)}“`, 'ucs2', 71, 2], // curly quotes are not GSM-7
    ['😀'.repeat(35), 'ucs2', 70, 1] // beyond the BMP: two UCS-2 units each
  ]
  for (const [text, encoding, length, segments] of cases) {
    assert.deepEqual(measureSms(text), {encoding, length, segments}, `${text.slice(0, 12)}… (${text.length})`)
  }
})

function notices(overrides: {sms?: string; pushTitle?: string; popupBody?: string} = {}): Notices {
  return {
    locale: 'zh-CN',
    popup: {title: '示例隐私政策更新提示', body: overrides.popupBody ?? '正文', buttons: {view: '查看变更', dismiss: '我知道了'}, link: 'https://example.com/'},
    push: {title: overrides.pushTitle ?? '《示例隐私政策》已更新', body: '点击查看。', link: 'https://example.com/'},
    sms: {text: overrides.sms ?? '短信', ...measureSms(overrides.sms ?? '短信')},
    email: {subject: '主题', html: '<p>x</p>', text: 'x\n'}
  }
}

test('lengths within the limits have no problems', () => {
  assert.deepEqual(lengthProblems(notices({sms: '汉'.repeat(201), pushTitle: '汉'.repeat(20), popupBody: '汉'.repeat(200)})), [])
})

test('each text over its limit is one problem, with the measure and the limit in words', () => {
  const problems = lengthProblems(notices({sms: '汉'.repeat(202), pushTitle: '汉'.repeat(21), popupBody: 'a'.repeat(401)}))
  assert.deepEqual(
    problems.map((p) => [p.part, p.actual, p.limit]),
    [
      ['popup.body', '401 columns', '400 columns (200 Chinese or 400 Latin characters)'],
      ['push.title', '42 columns', '40 columns (20 Chinese or 40 Latin characters)'],
      ['sms', '4 segments (202 UCS-2 characters)', '3 segments (201 UCS-2 characters)']
    ]
  )
})

test('a one-segment SMS limit is 70 UCS-2 characters, not 67', () => {
  const limits = {...noticeLimits, sms: {segments: 1}}
  assert.deepEqual(lengthProblems(notices({sms: '汉'.repeat(70)}), limits), [])
  assert.equal(lengthProblems(notices({sms: '汉'.repeat(71)}), limits)[0]?.limit, '1 segment (70 UCS-2 characters)')
})
