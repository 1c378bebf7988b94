import {test} from 'node:test'
import assert from 'node:assert/strict'
import {Ajv2020} from 'ajv/dist/2020.js'
import {z} from 'zod'
import {changeSummarySchema, type ChangeSummary} from '../../src/changes/summary.js'
import {renderNotices} from '../../src/notices/render.js'
import {compileNoticeTemplates, oneLine, readNoticeTemplates} from '../../src/notices/templates.js'
import {realSummaries} from './helpers.js'

const site = {title: '示例隐私中心', url: 'https://privacy.example.com/'}
const summaries = await realSummaries()
const zh = summaries.find((s) => s.locale === 'zh-CN')!
const en = summaries.find((s) => s.locale === 'en-US')!
const consent = (summary: ChangeSummary): ChangeSummary => ({
  ...summary,
  separateConsent: true,
  consentReasons: [{rule: 'sensitive-data-added', article: 'PIPL art. 29', text: summary.locale === 'zh-CN' ? '新增处理敏感个人信息：人脸信息' : 'Sensitive personal information newly processed: face'}]
})
const editorial = (summary: ChangeSummary): ChangeSummary => ({...summary, material: false, reasons: [], summary: summary.locale === 'zh-CN' ? '修正个别文字。' : 'Typos fixed.'})

test('every change summary carries its notices and validates against the published JSON Schema', () => {
  const validate = new Ajv2020({strict: false}).compile(z.toJSONSchema(changeSummarySchema))
  for (const summary of summaries) {
    assert.equal(validate(summary), true, JSON.stringify(validate.errors))
    assert.equal(summary.notices.locale, summary.locale)
  }
})

test('a material change says so and gives the effective date, in every channel (zh-CN)', () => {
  const {notices} = zh
  assert.equal(zh.material, true)
  assert.equal(notices.popup.title, '示例隐私政策更新提示')
  assert.match(notices.popup.body, /^我们对《示例隐私政策》作出了重大变更，新版本将于2024年2月16日生效。/)
  assert.deepEqual(notices.popup.buttons, {view: '查看变更', dismiss: '我知道了'})
  assert.equal(notices.popup.link, 'https://privacy.example.com/privacy/zh-CN/diff/2024-01-10..2024-02-09.html')
  assert.equal(notices.push.title, '《示例隐私政策》重大变更')
  assert.equal(notices.push.body, '新版本将于2024年2月16日生效。点击查看变更内容。')
  assert.match(notices.sms.text, /^【示例隐私中心】《示例隐私政策》重大变更，将于2024年2月16日生效。.*详见 https:\/\/privacy\.example\.com\/$/)
  assert.equal(notices.sms.encoding, 'ucs2')
  assert.equal(notices.sms.length, notices.sms.text.length)
  assert.equal(notices.email.subject, '【示例隐私中心】《示例隐私政策》重大变更通知')
  assert.match(notices.email.text, /作出了重大变更。新版本（2024-02-09）于2024年2月9日发布，将于2024年2月16日生效。/)
  assert.match(notices.email.text, /主要变更：\n- 修订「一、个人信息的收集和使用」\n/)
  assert.match(notices.email.html, /<html lang="zh-CN">/)
  assert.match(notices.email.html, /<strong>重大变更<\/strong>/)
})

test('a material change says so and gives the effective date, in every channel (en-US)', () => {
  const {notices} = en
  assert.equal(notices.popup.title, 'Example Privacy Policy updated')
  assert.match(notices.popup.body, /^We have made material changes to the Example Privacy Policy\. The new version takes effect on February 16, 2024\. /)
  assert.equal(notices.push.title, 'Material change: Example Privacy Policy')
  assert.equal(notices.push.body, 'The new version takes effect on February 16, 2024. Tap to see what changed.')
  assert.match(notices.sms.text, /^示例隐私中心: material changes to the Example Privacy Policy, effective February 16, 2024\. .* Details: https:\/\/privacy\.example\.com\/$/)
  assert.equal(notices.email.subject, 'Material changes to the Example Privacy Policy')
})

test('a change needing separate consent says consent will be asked', () => {
  const zhNotices = renderNotices(consent(zh), site)
  assert.match(zhNotices.popup.body, /其中部分变更需要您的单独同意，我们将在相关处理开始前征求您的同意。/)
  assert.equal(zhNotices.push.body, '新版本将于2024年2月16日生效，部分变更需您单独同意。点击查看变更内容。')
  assert.match(zhNotices.sms.text, /部分变更需您单独同意，届时将征求您的同意。详见/)
  assert.match(zhNotices.email.text, /以下变更需要您的单独同意，我们将在相关处理开始前另行征求您的同意：\n- 新增处理敏感个人信息：人脸信息\n/)
  const enNotices = renderNotices(consent(en), site)
  assert.match(enNotices.push.body, /We will ask for your consent\./)
  assert.match(enNotices.email.html, /<li>Sensitive personal information newly processed: face<\/li>/)
})

test('an editorial change is not called material', () => {
  const zhNotices = renderNotices(editorial(zh), site)
  assert.equal(zhNotices.push.title, '《示例隐私政策》已更新')
  assert.doesNotMatch(JSON.stringify(zhNotices), /重大变更|单独同意/)
  assert.doesNotMatch(zhNotices.email.text, /主要变更/)
  const enNotices = renderNotices(editorial(en), site)
  assert.equal(enNotices.email.subject, 'Updates to the Example Privacy Policy')
  assert.doesNotMatch(JSON.stringify(enNotices), /[Mm]aterial|consent/)
})

test('the email HTML escapes every value; plain-text channels keep the text as written', () => {
  const tricky = {...zh, summary: '新增<b>“合作方” & Co</b>。', title: 'A&B <政策>'}
  const notices = renderNotices(tricky, site)
  assert.match(notices.email.html, /新增&lt;b&gt;“合作方” &amp; Co&lt;\/b&gt;。/)
  assert.match(notices.email.html, /<title>《A&amp;B &lt;政策&gt;》重大变更通知<\/title>/)
  assert.doesNotMatch(notices.email.html, /<b>/)
  assert.match(notices.sms.text, /新增<b>“合作方” & Co<\/b>。/)
  assert.match(notices.email.text, /新增<b>“合作方” & Co<\/b>。/)
  assert.equal(notices.popup.title, 'A&B <政策>更新提示')
})

test('without a site url the SMS links the history page instead of the portal', () => {
  const notices = renderNotices(zh, {title: '示例隐私中心'})
  assert.match(notices.sms.text, /详见 https:\/\/privacy\.example\.com\/privacy\/zh-CN\/history\.html$/)
})

test('a locale without templates uses one of the same language, then en-US', () => {
  assert.equal(renderNotices({...zh, locale: 'zh-TW'}, site).locale, 'zh-CN')
  assert.equal(renderNotices({...en, locale: 'en-GB'}, site).locale, 'en-US')
  assert.equal(renderNotices({...en, locale: 'fr-FR'}, site).locale, 'en-US')
})

test('templates are strict: a missing key, a misspelt field or an unknown helper is an error', () => {
  const shipped = readNoticeTemplates()
  const zhSource = shipped['zh-CN']!
  assert.throws(() => compileNoticeTemplates({'zh-CN': {...zhSource, texts: zhSource.texts.replace(/^sms:/m, 'text:')}}), /Missing `sms` in notice templates `zh-CN\/texts.yaml`/)
  assert.throws(() => compileNoticeTemplates({'zh-CN': {...zhSource, email: '{{#if material}}'}}), /Parse error/)
  assert.throws(() => compileNoticeTemplates({'zh-CN': {...zhSource, email: '{{shout title}}'}}), /shout/)
  const misspelt = compileNoticeTemplates({'zh-CN': {...zhSource, texts: zhSource.texts.replace('{{summary}}', '{{summry}}')}})
  assert.throws(() => renderNotices(zh, site, misspelt), /"summry" not defined/)
})

test('single-line texts join wrapped template lines, without spaces next to Chinese', () => {
  const cases: Array<[string, string]> = [
    ['一行', '一行'],
    ['第一行\n第二行', '第一行第二行'],
    ['first line\nsecond line', 'first line second line'],
    ['详见\nhttps://x.example/', '详见https://x.example/'],
    ['Details:\n  https://x.example/\n', 'Details: https://x.example/'],
    ['\n\n中文\n\n\nEnglish\n', '中文English'],
    ['end.\n\n生效', 'end.生效']
  ]
  for (const [input, expected] of cases) assert.equal(oneLine(input), expected, JSON.stringify(input))
})
