import {test} from 'node:test'
import assert from 'node:assert/strict'
import {isoDate, labelledDates} from '../../src/import/dates.js'

test('labelled dates in Chinese and English, as policies write them', () => {
  // [text, [[kind, iso], …]]
  const cases: Array<[string, Array<[string | undefined, string]>]> = [
    ['更新日期：2023年9月20日', [['updated', '2023-09-20']]],
    ['生效日期：2023年9月27日', [['effective', '2023-09-27']]],
    ['更新日期：2023年9月20日\t生效日期：2023年9月27日', [['updated', '2023-09-20'], ['effective', '2023-09-27']]],
    ['发布日期：2020年6月10日', [['updated', '2020-06-10']]],
    ['2022年02月11日更新', [['updated', '2022-02-11']]],
    ['本政策自2023年9月27日起生效。', [['effective', '2023-09-27']]],
    ['生效日期: 2020-06-17', [['effective', '2020-06-17']]],
    ['更新日期: 2022/2/11', [['updated', '2022-02-11']]],
    ['Last updated: September 20, 2023', [['updated', '2023-09-20']]],
    ['Last Updated on 20 September 2023', [['updated', '2023-09-20']]],
    ['Effective December 14, 2023', [['effective', '2023-12-14']]],
    ['Effective date: 2024-01-05', [['effective', '2024-01-05']]],
    ['Effective as of Jan. 5, 2024', [['effective', '2024-01-05']]]
  ]
  for (const [text, expected] of cases) {
    assert.deepEqual(labelledDates(text).map((date) => [date.kind, date.iso]), expected, text)
  }
})

test('dates without a label, and impossible days, are not read', () => {
  assert.deepEqual(labelledDates('我们会在2023年9月20日前完成。'), [])
  assert.deepEqual(labelledDates('更新日期：2023年2月30日'), [])
  assert.equal(isoDate(2023, 2, 29), undefined)
  assert.equal(isoDate(2024, 2, 29), '2024-02-29')
})
