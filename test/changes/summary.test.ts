import {test} from 'node:test'
import assert from 'node:assert/strict'
import {Ajv2020} from 'ajv/dist/2020.js'
import {z} from 'zod'
import {compile, policy} from '../helpers.js'
import {listContent, sdk} from '../lists/fixtures.js'
import {buildHistories, type Release} from '../../src/changes/history.js'
import {changeSummarySchema} from '../../src/changes/summary.js'
import {summaryOf} from '../../src/render/history.js'

const zh = 'privacy/zh-CN/index.md'
const body = '## 一、收集 {#collection}\n\n我们收集您的手机号码。\n\n## 二、联系 {#contact}\n\n请发邮件。\n'
const newSdk = `\n## 华为推送 SDK {#huawei-push}\n\n- 第三方主体: 华为软件技术有限公司\n- 使用目的: 推送消息\n- 使用场景: 消息通知\n- 收集的个人信息: device-info, face\n- 收集方式: SDK本机采集\n- 使用的权限: network\n- 适用平台: Android\n- 隐私政策: https://consumer.huawei.com/privacy\n`

function history(next: Record<string, string>, site = 'title: 隐私中心\nurl: https://privacy.example.com\n') {
  const before = compile(listContent({[zh]: policy(body), 'policypress.yaml': site})).project
  const after = compile(listContent({[zh]: policy(body), 'policypress.yaml': site, ...next})).project
  const releases: Release[] = [
    {document: 'privacy', version: '2023-09-20', status: 'published', project: before},
    {document: 'privacy', version: '2024-03-01', status: 'published', project: after}
  ]
  return buildHistories([releases], after.site)[0]!
}

const materialDraft = () =>
  history({
    [zh]: policy(body.replace('请发邮件。', '请发送邮件。').replace('我们收集您的手机号码。', '我们收集您的手机号码和设备信息。'), {
      version: '2024-03-01',
      updated: '2024-03-01',
      effective: '2024-03-08'
    }),
    'privacy/zh-CN/lists/sdk.md': sdk + newSdk
  })

test('a change summary validates against its published JSON Schema', () => {
  const h = materialDraft()
  const summary = summaryOf(h.changes[0]!, h, h.current.release.project.site)
  const validate = new Ajv2020({strict: false}).compile(z.toJSONSchema(changeSummarySchema))
  assert.equal(validate(summary), true, JSON.stringify(validate.errors))
})

test('a change summary says what changed, whether it is material and why, with dates and links', () => {
  const h = materialDraft()
  const summary = summaryOf(h.changes[0]!, h, h.current.release.project.site)
  assert.equal(summary.schemaVersion, 1)
  assert.equal(summary.id, 'privacy/zh-CN/2023-09-20..2024-03-01')
  assert.deepEqual(summary.from, {version: '2023-09-20', updated: '2023-09-20', effective: '2023-09-27'})
  assert.deepEqual(summary.to, {version: '2024-03-01', updated: '2024-03-01', effective: '2024-03-08'})
  assert.equal(summary.noticeDays, 7)
  assert.equal(summary.material, true)
  assert.deepEqual(summary.reasons.map((r) => r.text), ['新增第三方SDK「华为推送 SDK」'])
  assert.equal(summary.separateConsent, true)
  assert.deepEqual(summary.consentReasons.map((r) => [r.rule, r.article, r.text]), [['sensitive-data-added', 'PIPL art. 29', '「华为推送 SDK」新增处理敏感个人信息（人脸信息）']])
  assert.deepEqual(summary.changedSections.map((s) => [s.id, s.kind, s.permalink]), [
    ['collection', 'modified', 'https://privacy.example.com/privacy/zh-CN/v/2024-03-01/index.html#collection'],
    ['contact', 'modified', 'https://privacy.example.com/privacy/zh-CN/v/2024-03-01/index.html#contact']
  ])
  assert.deepEqual(summary.listChanges.map((c) => [c.list, c.entry, c.change]), [['sdk', 'huawei-push', 'added']])
  assert.equal(summary.summary, '主要变更：新增第三方SDK「华为推送 SDK」。')
  assert.equal(summary.summaryGenerated, true)
  assert.deepEqual(summary.links, {
    diff: 'https://privacy.example.com/privacy/zh-CN/diff/2023-09-20..2024-03-01.html',
    diffFull: 'https://privacy.example.com/privacy/zh-CN/diff/2023-09-20..2024-03-01.full.html',
    version: 'https://privacy.example.com/privacy/zh-CN/v/2024-03-01/index.html',
    previous: 'https://privacy.example.com/privacy/zh-CN/v/2023-09-20/index.html',
    history: 'https://privacy.example.com/privacy/zh-CN/history.html'
  })
})

test('the author summary wins over the generated one', () => {
  const h = history({[zh]: policy(body.replace('请发邮件。', '请发送邮件。'), {summary: '修正措辞。'})})
  const summary = summaryOf(h.changes[0]!, h, h.current.release.project.site)
  assert.equal(summary.summary, '修正措辞。')
  assert.equal(summary.summaryGenerated, false)
  assert.equal(summary.material, false)
})

test('an editorial change gets an editorial summary; links stay relative without a site url', () => {
  const h = history({[zh]: policy(body.replace('请发邮件。', '请发送邮件。'))}, 'title: 隐私中心\n')
  const summary = summaryOf(h.changes[0]!, h, h.current.release.project.site)
  assert.equal(summary.summary, '本次更新为文字性修改，个人信息处理规则未发生实质变化。')
  assert.equal(summary.links.diff, 'privacy/zh-CN/diff/2023-09-20..2024-03-01.html')
})

const siteWithMaterial = 'title: 隐私中心\nurl: https://privacy.example.com\nmaterial:\n  sections: [collection, contact]\n'
const meta = {version: '2024-03-01', updated: '2024-03-01', effective: '2024-03-08'}
const summaryAfter = (next: Record<string, string>, site = siteWithMaterial) => {
  const h = history(next, site)
  return summaryOf(h.changes[0]!, h, h.current.release.project.site)
}

test('reasons say whether a section was added, removed or revised, without a trailing colon', () => {
  const removed = summaryAfter({[zh]: policy('## 一、收集 {#collection}\n\n我们收集您的手机号码。\n', meta)})
  assert.deepEqual(removed.reasons.map((r) => r.text), ['删除「二、联系」'])
  const added = summaryAfter({[zh]: policy(`${body}\n## 三、安全： {#security}\n\n我们保护您的信息。\n`, meta)}, 'title: 隐私中心\nurl: https://privacy.example.com\nmaterial:\n  sections: [security]\n')
  assert.deepEqual(added.reasons.map((r) => r.text), ['新增「三、安全」'])
})

test('a heading renamed, or a list changed, is never summed up as “no change to the text”', () => {
  const renamed = summaryAfter({[zh]: policy(body.replace('## 二、联系 {#contact}', '## 二、联系我们 {#contact}'), meta)})
  assert.equal(renamed.material, false)
  assert.notEqual(renamed.summary, '政策文本无变化。')
  const reordered = summaryAfter({[zh]: policy(body, meta), 'privacy/zh-CN/lists/sdk.md': sdk.replace('使用目的: 微信登录、分享', '使用目的: 微信登录、分享。')})
  assert.notEqual(reordered.summary, '政策文本无变化。')
  const same = summaryAfter({[zh]: policy(body, meta)})
  assert.equal(same.summary, '政策文本无变化。')
})

test('an author who rules a change not material is quoted, after what changed', () => {
  const summary = summaryAfter({[zh]: policy(body, {...meta, material: 'false', materialReason: '仅补充披露已有的合作'}), 'privacy/zh-CN/lists/sdk.md': sdk + newSdk})
  assert.equal(summary.material, false)
  assert.equal(summary.summary, '本次更新：新增第三方SDK「华为推送 SDK」。经认定不属于重大变更：仅补充披露已有的合作。')
  assert.equal(summary.reasons.at(-1)?.text, '经认定不属于重大变更：仅补充披露已有的合作')
})
