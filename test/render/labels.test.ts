import {test} from 'node:test'
import {parse} from 'yaml'
import assert from 'node:assert/strict'
import {loadTemplates} from '../../src/load/templates.js'
import {compileTemplates} from '../../src/render/templates.js'
import {compilerLabelKeys, label} from '../../src/render/labels.js'

test('every label the compiler reads exists in every shipped locale', async () => {
  const templates = compileTemplates(await loadTemplates())
  for (const locale of ['zh-CN', 'en-US']) {
    const labels = templates.labels(locale)
    const missing = compilerLabelKeys.filter((key) => typeof labels[key] !== 'string' || labels[key] === '')
    assert.deepEqual(missing, [], locale)
  }
})

test('both locales have the same label keys, so neither falls back silently', async () => {
  const sources = await loadTemplates()
  const keys = (locale: string) => Object.keys(parse(sources.labels[locale] ?? '') as object).sort()
  assert.deepEqual(keys('zh-CN'), keys('en-US'))
})

test('placeholders are filled in; a missing label shows its key', () => {
  assert.equal(label({noticeCurrent: '现行版本 {version}'}, 'noticeCurrent', {version: '2024-03-01'}), '现行版本 2024-03-01')
  assert.equal(label({}, 'viewDiff'), 'viewDiff')
})
