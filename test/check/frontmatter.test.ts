import {test} from 'node:test'
import assert from 'node:assert/strict'
import {compile, messages, policy, reasons} from '../helpers.js'

const path = 'privacy/zh-CN/index.md'
const body = '## 一、总则 {#general}\n\n正文。\n'

// Front matter lines: 1 `---`, 2 id, 3 title, 4 locale, 5 version, 6 updated, 7 effective, 8+ extra keys.
const cases: Array<[name: string, meta: Record<string, string | null>, expected: string[]]> = [
  ['valid front matter passes', {}, []],
  ['an unknown key is reported at its line', {owner: 'legal'}, [`${path}:8:1 error frontmatter-unknown-key`]],
  ['a malformed date is reported at its key', {updated: '2023-9-20'}, [`${path}:6:1 error frontmatter-date`]],
  ['an impossible date is reported at its key', {updated: '2023-02-30'}, [`${path}:6:1 error frontmatter-date`]],
  ['effective before updated is reported at effective', {effective: '2023-09-19'}, [`${path}:7:1 error frontmatter-date-order`]],
  ['a missing key is reported at the front matter start', {title: null}, [`${path}:1:1 error frontmatter-required`]],
  ['an id that is not an id is reported at its key', {id: 'Privacy Policy'}, [`${path}:2:1 error frontmatter-id`]],
  ['a number where text is expected is reported', {version: '2'}, [`${path}:5:1 error frontmatter-type`]],
  ['an id that does not match the folder is reported', {id: 'terms'}, [`${path}:2:1 error frontmatter-mismatch`]],
  ['a locale that does not match the folder is reported', {locale: 'en-US'}, [`${path}:4:1 error frontmatter-mismatch`]],
  ['a summary is allowed', {summary: '新增第三方SDK。'}, []]
]

for (const [name, meta, expected] of cases) {
  test(name, () => {
    assert.deepEqual(messages(compile({[path]: policy(body, meta)})), expected)
  })
}

test('a missing front matter is reported at 1:1', () => {
  assert.deepEqual(messages(compile({[path]: body})), [`${path}:1:1 error frontmatter-missing`])
})

test('broken YAML is reported at the offending line', () => {
  const text = '---\nid: privacy\ntitle: [unclosed\nlocale: zh-CN\n---\n\n' + body
  const found = messages(compile({[path]: text}))
  assert.equal(found.length, 1)
  assert.match(found[0] ?? '', /^privacy\/zh-CN\/index\.md:[34]:\d+ error frontmatter-yaml$/)
})

test('messages say what was found and what was expected', () => {
  const result = compile({[path]: policy(body, {updated: '2023-02-30', owner: 'x'})})
  assert.deepEqual(reasons(result).sort(), [
    'Unexpected key `owner`, expected one of `id`, `title`, `locale`, `version`, `updated`, `effective`, `summary`, `material`, `materialReason`, `editorial`',
    'Unexpected value `2023-02-30` for `updated`, expected a date like `2023-09-20`'
  ])
})

test('every message carries a hint, a source and a rule id', () => {
  const result = compile({[path]: policy(body, {updated: 'soon'})})
  const [message] = result.files.flatMap((file) => file.messages)
  assert.ok(message)
  assert.equal(message.source, 'policypress')
  assert.equal(message.ruleId, 'frontmatter-date')
  assert.match(String(message.note), /YYYY-MM-DD/)
})

test('a policy with front matter errors is left out of the model', () => {
  const result = compile({[path]: policy(body, {effective: 'never'})})
  assert.equal(result.ok, false)
  assert.equal(result.project.documents.length, 0)
})

/** Front matter with the title line written as `line` (line 3). */
const titled = (line: string) => `---\nid: privacy\n${line}\nlocale: zh-CN\nversion: 2023-09-20\nupdated: 2023-09-20\neffective: 2023-09-27\n---\n\n${body}`

const typed: Array<[string, string, string, string]> = [
  ['a full-width colon', 'title：快手隐私政策', `${path}:3:1 error frontmatter-yaml`, 'Unexpected full-width colon `：` after `title`, expected an ASCII colon and a space: `title: …`'],
  ['a full-width space', 'title:　快手隐私政策', `${path}:3:1 error frontmatter-yaml`, 'Unexpected full-width space after `title:`, expected an ASCII space: `title: …`'],
  ['curly quotes', 'title: “快手隐私政策: 2024版”', `${path}:3:1 error frontmatter-yaml`, 'Unexpected curly quotes in the value of `title`: YAML quotes are ASCII, write `title: "…"`'],
  ['no space after the colon', 'title:快手隐私政策', `${path}:3:1 error frontmatter-yaml`, 'Missing space after `title:`, expected `title: …`'],
  ['a value starting with `*`', 'title: *快手隐私政策', `${path}:3:1 error frontmatter-yaml`, 'Unexpected `*快手隐私政策` for `title`: YAML reads a value starting with `*` as a reference; put the value in quotes'],
  ['a ` #` that would cut the title short', 'title: 快手 #隐私政策', `${path}:3:11 error frontmatter-yaml`, 'Unexpected `#隐私政策` after the value of `title`: YAML reads ` #` as the start of a comment and drops the rest; put the whole value in quotes']
]

for (const [name, line, expected, reason] of typed) {
  test(`what a Chinese input method types is named in words: ${name}`, () => {
    const result = compile({[path]: titled(line)})
    assert.deepEqual(messages(result), [expected])
    assert.deepEqual(reasons(result), [reason])
  })
}

test('a quoted `#` is text', () => {
  const result = compile({[path]: titled("title: '快手 #隐私政策'")})
  assert.deepEqual(messages(result), [])
  assert.equal(result.project.documents[0]?.title, '快手 #隐私政策')
})

test('a value is shown as written, an empty one is named, and an unclosed front matter says so', () => {
  const version = compile({[path]: policy(body, {version: '1.0'})})
  assert.deepEqual(reasons(version), ['Unexpected value `1.0` for `version`, expected a version like `2023-09-20`'])
  const empty = compile({[path]: policy(body, {effective: ''})})
  assert.deepEqual(messages(empty), [`${path}:7:1 error frontmatter-required`])
  assert.match(reasons(empty)[0]!, /^Missing value of `effective`/)
  const unclosed = compile({[path]: titled('title: 快手隐私政策').replace('\n---\n\n', '\n\n')})
  assert.deepEqual(reasons(unclosed), ['Missing the closing `---` of the front matter, expected a line of `---` after the last `key: value` line'])
})

test('the same words in the site settings', () => {
  const result = compile({[path]: policy(body), 'policypress.yaml': 'title：快手隐私中心\nlocale: zh-CN\n'})
  assert.deepEqual(messages(result), ['policypress.yaml:1:1 error config-invalid'])
  assert.deepEqual(reasons(result), ['Unexpected full-width colon `：` after `title`, expected an ASCII colon and a space: `title: …`'])
})

test('a Chinese comma between editorial ids is named, with the line to write', () => {
  const result = compile({[path]: policy(body, {editorial: '[rights-4-1，sharing-1-1-6]'})})
  assert.deepEqual(messages(result), [`${path}:8:1 error frontmatter-type`])
  assert.deepEqual(reasons(result), ['Unexpected Chinese punctuation between the ids of `editorial`, expected an ASCII comma: `editorial: [rights-4-1, sharing-1-1-6]`'])
})

test('the hint fits the key: locale, material and editorial get their own', () => {
  const note = (meta: Record<string, string>) => compile({[path]: policy(body, meta)}).files.flatMap((file) => file.messages.map((m) => m.note))[0]
  assert.equal(note({locale: 'zh_CN'}), 'Write the name of the locale folder the file is in, such as `zh-CN` or `en-US`.')
  assert.equal(note({material: '是', materialReason: '新增'}), 'Write `true` or `false` without quotes (not `是` or `否`).')
  assert.equal(note({editorial: 'collection'}), 'List section ids in square brackets, separated by ASCII commas: `[rights-4-1, sharing-1-1-6]`.')
  assert.match(note({title: '123'}) ?? '', /quote text that YAML would read as a number/)
})

test('an unclosed quote is reported where it opens, not where YAML noticed it', () => {
  const result = compile({[path]: titled('title: "快手隐私政策').replace('effective: 2023-09-27', 'effective: 2023-09-27\nsummary: 一句话。')})
  assert.deepEqual(messages(result), [`${path}:3:8 error frontmatter-yaml`])
  assert.deepEqual(reasons(result), ['Missing the closing `"` of the value that starts here'])
})
