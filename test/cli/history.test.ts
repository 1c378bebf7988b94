import {test} from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {Ajv2020} from 'ajv/dist/2020.js'
import {policypress, workspace} from './run.js'

/** The multilocale fixture published as 2024-01-10, then edited into a material draft 2024-03-01. */
function publishedAndEdited(): string {
  const dir = workspace('multilocale')
  assert.equal(policypress(['publish', 'privacy'], dir).code, 0)
  for (const locale of ['zh-CN', 'en-US']) {
    const file = path.join(dir, `content/privacy/${locale}/index.md`)
    let text = fs.readFileSync(file, 'utf8').replace('version: 2024-01-10', 'version: 2024-03-01').replace('updated: 2024-01-10', 'updated: 2024-03-01').replace('effective: 2024-01-17', 'effective: 2024-03-08')
    text = locale === 'zh-CN' ? text.replace('欢迎使用示例服务。', '欢迎使用示例服务和示例商城。') : text.replace('Welcome.', 'Welcome to our shop.')
    fs.writeFileSync(file, text)
  }
  return dir
}

test('a build writes every published version, the draft, the history, diffs and change summaries', () => {
  const dir = publishedAndEdited()
  const run = policypress(['build'], dir)
  assert.equal(run.code, 0, run.stderr)
  const dist = path.join(dir, 'dist')
  for (const file of [
    'privacy/zh-CN/index.html',
    'privacy/zh-CN/v/2024-01-10/index.html',
    'privacy/zh-CN/draft/index.html',
    'privacy/zh-CN/history.html',
    'privacy/zh-CN/diff/2024-01-10..draft.html',
    'privacy/zh-CN/diff/2024-01-10..draft.full.html',
    'app/privacy/zh-CN/diff/2024-01-10..draft.html',
    'privacy/zh-CN/changes/draft.json',
    'privacy/en-US/changes/draft.json',
    'privacy/versions.json',
    'schemas/change-summary.schema.json'
  ]) {
    assert.ok(fs.existsSync(path.join(dist, file)), file)
  }
  // The main page shows the version in force, not the draft.
  const current = fs.readFileSync(path.join(dist, 'privacy/zh-CN/index.html'), 'utf8')
  assert.doesNotMatch(current, /示例商城/)
  assert.match(fs.readFileSync(path.join(dist, 'privacy/zh-CN/draft/index.html'), 'utf8'), /示例商城/)
  assert.match(fs.readFileSync(path.join(dist, 'privacy/zh-CN/draft/index.html'), 'utf8'), /<meta name="robots" content="noindex">/)
})

test('the change summary validates against the schema published in dist/', () => {
  const dir = publishedAndEdited()
  assert.equal(policypress(['build'], dir).code, 0)
  const dist = path.join(dir, 'dist')
  const schema = JSON.parse(fs.readFileSync(path.join(dist, 'schemas/change-summary.schema.json'), 'utf8')) as object
  const validate = new Ajv2020({strict: false}).compile(schema)
  const summary = JSON.parse(fs.readFileSync(path.join(dist, 'privacy/zh-CN/changes/draft.json'), 'utf8')) as Record<string, unknown>
  assert.equal(validate(summary), true, JSON.stringify(validate.errors))
  assert.equal(summary['status'], 'draft')
  assert.deepEqual(summary['from'], {version: '2024-01-10', updated: '2024-01-10', effective: '2024-01-17'})
  assert.deepEqual((summary['changedSections'] as Array<{id: string}>).map((s) => s.id), ['introduction'])
})

test('the redline marks insertions and deletions without colour', () => {
  const dir = publishedAndEdited()
  assert.equal(policypress(['build'], dir).code, 0)
  const html = fs.readFileSync(path.join(dir, 'dist/privacy/zh-CN/diff/2024-01-10..draft.html'), 'utf8')
  assert.match(html, /<ins class="diff-ins">[^<]*示例商城[^<]*<\/ins>/)
  assert.match(html, /2024-01-10/)
  assert.match(html, /2024-03-01/)
})

test('the version index answers which version was in force', () => {
  const dir = publishedAndEdited()
  assert.equal(policypress(['build'], dir).code, 0)
  const index = JSON.parse(fs.readFileSync(path.join(dir, 'dist/privacy/versions.json'), 'utf8')) as {locales: Record<string, Array<{version: string; effective: string}>>}
  assert.deepEqual(index.locales['zh-CN']?.map((v) => [v.version, v.effective]), [['2024-01-10', '2024-01-17']])
})

test('build --no-drafts leaves the draft out', () => {
  const dir = publishedAndEdited()
  assert.equal(policypress(['build', '--no-drafts'], dir).code, 0)
  assert.equal(fs.existsSync(path.join(dir, 'dist/privacy/zh-CN/draft/index.html')), false)
  assert.equal(fs.existsSync(path.join(dir, 'dist/privacy/zh-CN/v/2024-01-10/index.html')), true)
})

test('a material change with a short notice period fails check at the effective line', () => {
  const dir = publishedAndEdited()
  fs.writeFileSync(path.join(dir, 'content/policypress.yaml'), 'title: 示例隐私中心\nlocale: zh-CN\nmaterial:\n  sections: [introduction]\n')
  for (const locale of ['zh-CN', 'en-US']) {
    const file = path.join(dir, `content/privacy/${locale}/index.md`)
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('effective: 2024-03-08', 'effective: 2024-03-02'))
  }
  const run = policypress(['check'], dir)
  assert.equal(run.code, 1)
  assert.match(run.stdout, /content\/privacy\/zh-CN\/index\.md:7:1 {2}error {2}Unexpected notice period of 1 day for a material change \(section-changed\), expected at least 7/)
})
