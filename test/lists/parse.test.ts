import {test} from 'node:test'
import assert from 'node:assert/strict'
import {compile, messages} from '../helpers.js'
import {listContent, sdk} from './fixtures.js'
import type {SdkEntry} from '../../src/model/types.js'

test('a valid set of lists passes and is modelled', () => {
  const result = compile(listContent())
  assert.deepEqual(messages(result), [])
  assert.deepEqual(result.project.lists.map((list) => [list.kind, list.entries.map((e) => e.id)]), [
    ['collection', ['face', 'device']],
    ['permissions', ['network', 'camera']],
    ['sdk', ['wechat', 'verify']],
    ['sharing', ['payment']]
  ])
})

test('an SDK entry has every field, typed', () => {
  const list = compile(listContent()).project.lists.find((l) => l.kind === 'sdk')!
  assert.equal(list.title, '第三方SDK目录')
  assert.deepEqual(list.intro.map((b) => b.text), ['我们接入的第三方SDK如下。'])
  const entry = list.entries[1] as SdkEntry
  assert.deepEqual(
    {...entry, place: undefined},
    {
      kind: 'sdk',
      id: 'verify',
      name: '实名认证 SDK',
      place: undefined,
      provider: '示例认证有限公司',
      purpose: '实名认证',
      scenario: '开通直播时',
      data: ['face', 'phone-number'],
      method: 'SDK本机采集',
      permissions: ['camera', 'network'],
      platforms: ['Android'],
      policyUrl: 'https://verify.example.com/privacy',
      notes: '=HYPERLINK("http://evil.example")'
    }
  )
})

test('yes/no fields are booleans', () => {
  const list = compile(listContent()).project.lists.find((l) => l.kind === 'permissions')!
  assert.deepEqual(list.entries.map((e) => e.kind === 'permissions' && [e.askedBeforeUse, e.canDisable]), [[false, false], [true, true]])
})

test('English field names work in an en-US list', () => {
  const english = `## WeChat SDK {#wechat}

- Provider: Tencent
- Purpose: Sign-in
- Scenario: Signing in with WeChat
- Personal information: device-info
- Collection method: On device
- Permissions: network
- Platforms: android, ios
- Privacy policy: https://weixin.qq.com/privacy
`
  const permissions = `## Network {#network}

- Android permission: android.permission.INTERNET
- Scenario: Everything online
- Purpose: Network access
- Asked before use: no
- Can be turned off: no
- Effect of refusing: Nothing works online
`
  const result = compile({
    ...listContent(),
    'privacy/en-US/lists/sdk.md': english,
    'privacy/en-US/lists/permissions.md': permissions
  })
  assert.deepEqual(messages(result), [])
  const entry = result.project.lists.find((l) => l.locale === 'en-US' && l.kind === 'sdk')!.entries[0] as SdkEntry
  assert.deepEqual(entry.platforms, ['Android', 'iOS'])
  assert.equal(result.project.lists.find((l) => l.locale === 'en-US' && l.kind === 'sdk')!.title, 'Third-party SDKs')
})

test('a full-width colon separates field and value too', () => {
  const result = compile(listContent({'privacy/zh-CN/lists/sdk.md': sdk.replace('- 收集方式: SDK本机采集', '- 收集方式：SDK本机采集')}))
  assert.deepEqual(messages(result), [])
})

const sdkPath = 'privacy/zh-CN/lists/sdk.md'
// Lines of `sdk` (1-based): 7 `## 微信…`, 9 provider … 16 policy URL; 18 `## 实名认证…`, 20–28 fields.
const mistakes: Array<[string, [string, string], string[]]> = [
  ['an unknown field', ['- 收集方式: SDK本机采集\n- 使用的权限: network', '- 收集方式: SDK本机采集\n- 颜色: 红\n- 使用的权限: network'], [`${sdkPath}:14:3 error list-unknown-field`]],
  ['a missing required field', ['- 第三方主体: 深圳市腾讯计算机系统有限公司\n', ''], [`${sdkPath}:7:1 error list-missing-field`]],
  ['an empty field', ['- 使用目的: 微信登录、分享', '- 使用目的:'], [`${sdkPath}:10:3 error list-empty-field`]],
  ['a field given twice', ['- 使用目的: 微信登录、分享', '- 使用目的: 微信登录\n- 使用目的: 分享'], [`${sdkPath}:11:3 error list-duplicate-field`]],
  ['an unknown vocabulary id, at the id', ['- 收集的个人信息: face, phone-number', '- 收集的个人信息: face, phone-numbr'], [`${sdkPath}:23:18 error list-unknown-data`]],
  ['a permission missing from the permissions list', ['- 使用的权限: camera, network', '- 使用的权限: camera, location'], [`${sdkPath}:25:18 error list-unknown-permission`]],
  ['a `javascript:` URL', ['- 隐私政策: https://weixin.qq.com/privacy', '- 隐私政策: javascript:alert(1)'], [`${sdkPath}:16:9 error list-url`]],
  ['a URL that is not a URL', ['- 隐私政策: https://weixin.qq.com/privacy', '- 隐私政策: 见官网'], [`${sdkPath}:16:9 error list-url`]],
  ['an unknown platform', ['- 适用平台: Android、iOS', '- 适用平台: Android、Symbian'], [`${sdkPath}:15:17 error list-platform`]],
  ['a paragraph inside an entry', ['- 隐私政策: https://weixin.qq.com/privacy\n', '- 隐私政策: https://weixin.qq.com/privacy\n\n说明文字。\n'], [`${sdkPath}:18:1 error list-structure`]],
  ['a duplicate entry id', ['{#verify}', '{#wechat}'], [`${sdkPath}:18:13 error heading-id-duplicate`]],
  ['a missing entry id', [' {#verify}', ''], [`${sdkPath}:18:1 error heading-id-missing`]]
]

for (const [name, [from, to], expected] of mistakes) {
  test(`${name} is reported at its position`, () => {
    assert.ok(sdk.includes(from), `fixture contains ${JSON.stringify(from)}`)
    assert.deepEqual(messages(compile(listContent({[sdkPath]: sdk.replace(from, to)}))), expected)
  })
}

test('a sensitive type shared but absent from the collection list is reported', () => {
  const sharing = listContent()['privacy/zh-CN/lists/sharing.md']!.replace('- 共享的个人信息: device-info', '- 共享的个人信息: device-info、face')
  const collection = listContent()['privacy/zh-CN/lists/collection.md']!.replace(/## 人脸信息[\s\S]*?## 设备信息/, '## 设备信息')
  const result = compile(listContent({'privacy/zh-CN/lists/sharing.md': sharing, 'privacy/zh-CN/lists/collection.md': collection}))
  assert.deepEqual(messages(result), [
    'privacy/zh-CN/lists/sdk.md:23:12 error list-sensitive-purpose',
    'privacy/zh-CN/lists/sharing.md:6:24 error list-sensitive-purpose'
  ])
})

test('a yes/no field with another answer is reported', () => {
  const collection = listContent()['privacy/zh-CN/lists/collection.md']!.replace('- 基本模式必需: 否', '- 基本模式必需: 也许')
  assert.deepEqual(messages(compile(listContent({'privacy/zh-CN/lists/collection.md': collection}))), [
    'privacy/zh-CN/lists/collection.md:6:11 error list-yes-no'
  ])
})

test('a permission without an Android or iOS name is reported at the entry', () => {
  const permissions = listContent()['privacy/zh-CN/lists/permissions.md']!.replace('- Android 权限: android.permission.INTERNET\n', '')
  assert.deepEqual(messages(compile(listContent({'privacy/zh-CN/lists/permissions.md': permissions}))), [
    'privacy/zh-CN/lists/permissions.md:1:1 error list-missing-field'
  ])
})

test('a list file with an unknown name is reported', () => {
  assert.deepEqual(messages(compile(listContent({'privacy/zh-CN/lists/cookies.md': '## x {#x}\n'}))), [
    'privacy/zh-CN/lists/cookies.md:1:1 error list-unknown'
  ])
})

test('a list front matter with other keys than title is reported', () => {
  const text = sdk.replace('title: 第三方SDK目录', 'title: 第三方SDK目录\nowner: legal')
  assert.deepEqual(messages(compile(listContent({[sdkPath]: text}))), [`${sdkPath}:3:1 error list-frontmatter`])
})

test('a policy link to a list that does not exist is reported', () => {
  const files = listContent()
  delete files[sdkPath]
  const found = messages(compile(files))
  assert.ok(found.includes('privacy/zh-CN/index.md:12:3 error link-missing-file'), found.join('\n'))
})

const vocabularyCases: Array<[string, string, string[]]> = [
  ['a missing sensitive flag', 'x:\n  zh-CN: 某\n', ['vocabulary.yaml:1:1 error vocabulary-invalid']],
  ['a sensitive flag that is not a boolean', 'x:\n  zh-CN: 某\n  sensitive: 是\n', ['vocabulary.yaml:3:3 error vocabulary-invalid']],
  ['an unknown key', 'x:\n  zh-CN: 某\n  sensitive: false\n  colour: red\n', ['vocabulary.yaml:4:3 error vocabulary-invalid']],
  ['a bad id', 'Face Info:\n  zh-CN: 人脸\n  sensitive: true\n', ['vocabulary.yaml:1:1 error vocabulary-invalid']]
]

for (const [name, yaml, expected] of vocabularyCases) {
  test(`vocabulary: ${name} is reported`, () => {
    assert.deepEqual(messages(compile({'vocabulary.yaml': yaml})), expected)
  })
}

test('an empty list is an error: published, it would say there are no such parties', () => {
  for (const text of ['', '\n\n', '---\ntitle: 第三方SDK目录\n---\n']) {
    assert.deepEqual(messages(compile(listContent({[sdkPath]: text}))), [`${sdkPath}:1:1 error content-empty`], JSON.stringify(text))
  }
})

test('a vocabulary that cannot be read is reported once, not again at every information type of every list', () => {
  const broken = 'phone:\n  zh-CN: "手机号码\n  sensitive: false\n'
  const found = messages(compile(listContent({'vocabulary.yaml': broken})))
  assert.deepEqual(found, ['vocabulary.yaml:2:10 error vocabulary-invalid'])
})

test('two entries of one list with the same name are a warning at the second', () => {
  const wechat = sdk.slice(sdk.indexOf('## 微信开放平台 SDK {#wechat}'), sdk.indexOf('## 实名认证'))
  const text = `${sdk.trimEnd()}\n\n${wechat.replace('{#wechat}', '{#wechat-2}').trimEnd()}\n`
  const line = text.split('\n').findIndex((l) => l.includes('{#wechat-2}')) + 1
  const result = compile(listContent({[sdkPath]: text}))
  assert.deepEqual(messages(result), [`${sdkPath}:${line}:1 warning list-duplicate-entry`])
  assert.ok(result.ok)
})
