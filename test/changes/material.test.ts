import {test} from 'node:test'
import assert from 'node:assert/strict'
import {compile, policy} from '../helpers.js'
import {listContent, sdk, sharing, collection, permissions} from '../lists/fixtures.js'
import {buildHistories, type Release} from '../../src/changes/history.js'
import {daysBetween} from '../../src/changes/material.js'
import type {Project} from '../../src/model/types.js'

const zh = 'privacy/zh-CN/index.md'
const body = '## 一、收集 {#collection}\n\n我们收集您的手机号码。\n\n## 二、联系 {#contact}\n\n请发邮件。\n'

function project(files: Record<string, string>): Project {
  const result = compile(files)
  assert.deepEqual(result.files.flatMap((f) => f.messages.map((m) => `${f.path}:${m.line}:${m.column} ${m.reason}`)), [])
  return result.project
}

/** The change from `old` files to `next` files, with `material.sections` from the site settings. */
function change(old: Record<string, string>, next: Record<string, string>) {
  const before = project(old)
  const after = project(next)
  const releases: Release[] = [
    {document: 'privacy', version: '1', status: 'published', project: before},
    {document: 'privacy', version: '2', status: 'draft', project: after}
  ]
  const [history] = buildHistories([releases], after.site)
  assert.ok(history?.changes[0])
  return history.changes[0]
}

const site = 'title: 隐私中心\nmaterial:\n  sections: [collection]\n'
const base = () => listContent({[zh]: policy(body), 'policypress.yaml': site})
const withFile = (file: string, text: string) => ({...base(), [file]: text})
const rules = (c: ReturnType<typeof change>) => c.materiality.reasons.map((r) => `${r.rule}${r.entry ? `:${r.entry}` : ''}${r.section ? `:${r.section}` : ''}`)
const consent = (c: ReturnType<typeof change>) => c.materiality.consentReasons.map((r) => `${r.rule}:${r.entry} ${r.article}`)

const newSdk = `\n## 华为推送 SDK {#huawei-push}\n\n- 第三方主体: 华为软件技术有限公司\n- 使用目的: 推送消息\n- 使用场景: 消息通知\n- 收集的个人信息: device-info\n- 收集方式: SDK本机采集\n- 使用的权限: network\n- 适用平台: Android\n- 隐私政策: https://consumer.huawei.com/privacy\n`

const cases: Array<[string, () => ReturnType<typeof change>, {material: boolean; rules: string[]; consent: string[]}]> = [
  ['nothing changed', () => change(base(), base()), {material: false, rules: [], consent: []}],
  ['an SDK added', () => change(base(), withFile('privacy/zh-CN/lists/sdk.md', sdk + newSdk)), {material: true, rules: ['sdk-added:huawei-push'], consent: []}],
  [
    'an SDK added that collects sensitive information',
    () => change(base(), withFile('privacy/zh-CN/lists/sdk.md', sdk + newSdk.replace('device-info', 'device-info, face'))),
    {material: true, rules: ['sdk-added:huawei-push'], consent: ['sensitive-data-added:huawei-push PIPL art. 29']}
  ],
  ['an SDK removed', () => change(withFile('privacy/zh-CN/lists/sdk.md', sdk + newSdk), base()), {material: false, rules: [], consent: []}],
  [
    'an SDK widened to more information',
    () => change(base(), withFile('privacy/zh-CN/lists/sdk.md', sdk.replace('- 收集的个人信息: device-info\n', '- 收集的个人信息: device-info, phone-number\n'))),
    {material: true, rules: ['sdk-widened:wechat'], consent: []}
  ],
  [
    'an SDK with fewer permissions',
    () => change(base(), withFile('privacy/zh-CN/lists/sdk.md', sdk.replace('- 使用的权限: camera, network', '- 使用的权限: camera'))),
    {material: false, rules: [], consent: []}
  ],
  [
    'an SDK note edited',
    () => change(base(), withFile('privacy/zh-CN/lists/sdk.md', sdk.replace('- 备注: =HYPERLINK("http://evil.example")', '- 备注: 仅安卓'))),
    {material: false, rules: [], consent: []}
  ],
  [
    'a new recipient of personal information',
    () => change(base(), withFile('privacy/zh-CN/lists/sharing.md', `${sharing}\n## 物流公司 {#logistics}\n\n- 合作类型: 物流\n- 共享目的: 配送商品\n- 使用场景: 购买实物商品\n- 共享的个人信息: phone-number\n- 共享方式: 后台接口传输\n- 隐私政策或联系方式: https://logistics.example.com/privacy\n`)),
    {material: true, rules: ['recipient-added:logistics'], consent: ['recipient-added:logistics PIPL art. 23']}
  ],
  [
    'a sharing scenario changed',
    () => change(base(), withFile('privacy/zh-CN/lists/sharing.md', sharing.replace('- 使用场景: 购买商品', '- 使用场景: 购买商品、充值'))),
    {material: true, rules: ['recipient-widened:payment'], consent: []}
  ],
  [
    'a collected type gets a new purpose',
    () => change(base(), withFile('privacy/zh-CN/lists/collection.md', collection.replace('- 使用目的: 保障运营安全', '- 使用目的: 保障运营安全、个性化推荐'))),
    {material: true, rules: ['purpose-changed:device'], consent: ['purpose-changed:device PIPL art. 14']}
  ],
  [
    'only the punctuation and spacing of a purpose changed',
    () => change(base(), withFile('privacy/zh-CN/lists/collection.md', collection.replace('- 使用目的: 保障运营安全', '- 使用目的: 保障运营安全。 '))),
    {material: false, rules: [], consent: []}
  ],
  [
    'only punctuation and spacing changed in a material section',
    () => change(base(), {...base(), [zh]: policy(body.replace('我们收集您的手机号码。', '我们收集 您的手机号码.'))}),
    {material: false, rules: [], consent: []}
  ],
  [
    'one word changed in a material section',
    () => change(base(), {...base(), [zh]: policy(body.replace('我们收集您的手机号码。', '我们收集您的手机号码和邮箱。'))}),
    {material: true, rules: ['section-changed:collection'], consent: []}
  ],
  [
    'a new permission',
    () => change(base(), withFile('privacy/zh-CN/lists/permissions.md', `${permissions}\n## 位置权限 {#location}\n\n- Android 权限: android.permission.ACCESS_FINE_LOCATION\n- 使用场景: 附近\n- 使用目的: 推荐附近内容\n- 使用前询问: 是\n- 可关闭: 是\n- 拒绝的影响: 无法使用附近功能\n`)),
    {material: true, rules: ['permission-added:location'], consent: []}
  ],
  [
    'a permission that can no longer be turned off',
    () => change(base(), withFile('privacy/zh-CN/lists/permissions.md', permissions.replace('- 可关闭: 是', '- 可关闭: 否'))),
    {material: true, rules: ['permission-widened:camera'], consent: []}
  ],
  [
    'a changed sentence in a material section',
    () => change(base(), withFile(zh, policy(body.replace('我们收集您的手机号码。', '我们收集您的手机号码和位置信息。')))),
    {material: true, rules: ['section-changed:collection'], consent: []}
  ],
  [
    'a changed sentence in a section that is not material',
    () => change(base(), withFile(zh, policy(body.replace('请发邮件。', '请发送邮件。')))),
    {material: false, rules: [], consent: []}
  ],
  [
    'a material section the author marks editorial',
    () => change(base(), withFile(zh, policy(body.replace('我们收集您的手机号码。', '我们收集您的手机号码 。'), {editorial: '[collection]'}))),
    {material: false, rules: [], consent: []}
  ]
]

for (const [name, make, expected] of cases) {
  test(`material rules: ${name}`, () => {
    const c = make()
    assert.deepEqual({material: c.materiality.material, rules: rules(c), consent: consent(c)}, expected)
  })
}

test('the author can override the verdict with a reason, which is recorded', () => {
  const c = change(base(), withFile(zh, policy(body.replace('手机号码。', '手机号码等。'), {material: 'false', materialReason: '仅澄清措辞'})))
  assert.equal(c.materiality.material, false)
  assert.deepEqual(c.materiality.override, {material: false, reason: '仅澄清措辞'})
  assert.deepEqual(rules(c), ['section-changed:collection', 'author-override'])
})

test('an override without a reason is an error', () => {
  const result = compile({[zh]: policy(body, {material: 'false'})})
  assert.equal(result.ok, false)
  assert.match(result.files[0]!.messages[0]!.reason, /Missing `materialReason`/)
})

test('days between dates count calendar days', () => {
  assert.deepEqual([daysBetween('2023-09-20', '2023-09-27'), daysBetween('2024-02-28', '2024-03-01'), daysBetween('2023-12-31', '2024-01-01')], [7, 2, 1])
})
