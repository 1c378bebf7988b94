import {test} from 'node:test'
import assert from 'node:assert/strict'
import {compile, messages, policy, reasons} from '../helpers.js'

const zh = 'privacy/zh-CN/index.md'
const en = 'privacy/en-US/index.md'
const chinese = policy('## 一 {#a}\n\n正文。\n')
const english = policy('## One {#a}\n\nText.\n', {locale: 'en-US', title: 'Privacy Policy'})
const settings = (yaml: string) => ({[zh]: chinese, [en]: english, 'policypress.yaml': yaml})

test('the portal locale defaults to the first document’s', () => {
  const result = compile({[zh]: chinese, [en]: english})
  assert.equal(result.project.site.locale, 'en-US')
  assert.equal(compile({[zh]: chinese}).project.site.locale, 'zh-CN')
})

test('a portal locale that a document is written in is taken', () => {
  const result = compile(settings('title: 隐私中心\nlocale: zh-CN\n'))
  assert.deepEqual(messages(result), [])
  assert.equal(result.project.site.locale, 'zh-CN')
})

for (const locale of ['zh_CN', 'Chinese', 'zh-cn', '"zh-CN onload=alert(1)"', '""']) {
  test(`a portal locale that is not a locale is an error at its line: ${locale}`, () => {
    const result = compile(settings(`title: 隐私中心\nlocale: ${locale}\n`))
    assert.deepEqual(messages(result), ['policypress.yaml:2:1 error config-invalid'])
    assert.match(reasons(result)[0]!, /^Unexpected value for `locale`, expected the locale of the portal index page, like `zh-CN` or `en-US`$/)
    assert.equal(result.project.site.locale, 'en-US', 'the default stays')
  })
}

test('a portal locale no document is written in is a warning naming the locales there are', () => {
  const result = compile(settings('title: 隐私中心\nlocale: zh-TW\n'))
  assert.deepEqual(messages(result), ['policypress.yaml:2:1 warning locale-unknown'])
  assert.deepEqual(reasons(result), ['Unexpected locale `zh-TW` in `locale`: no document is written in it; expected one of `en-US`, `zh-CN`'])
  assert.ok(result.ok, 'a warning does not stop the build')
})
