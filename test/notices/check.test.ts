import {test} from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {contentFromFiles} from '../../src/load/content.js'
import {compileContent} from '../../src/compile.js'
import {buildHistories, type Release} from '../../src/changes/history.js'
import {summaryOf} from '../../src/render/history.js'
import {checkNoticeLengths} from '../../src/notices/check.js'
import {formatText} from '../../src/report/format.js'
import {fixture} from './helpers.js'

const zhPath = 'privacy/zh-CN/index.md'
const read = (file: string) => fs.readFileSync(path.join(fixture, file), 'utf8')
const files = {'policypress.yaml': read('policypress.yaml'), [zhPath]: read(zhPath)}

/** Check the working copy `policy` against the fixture as published, as `check` does. */
function checkDraft(policy: string): string[] {
  const published = compileContent(contentFromFiles(files)).project
  const source = contentFromFiles({...files, [zhPath]: policy})
  const draft = compileContent(source)
  const releases: Release[] = [
    {document: 'privacy', version: '2024-01-10', status: 'published', project: published},
    {document: 'privacy', version: '', status: 'draft', project: draft.project}
  ]
  const history = buildHistories([releases], draft.project.site)[0]!
  const change = history.changes[0]!
  const file = source.files.get(zhPath)!
  checkNoticeLengths(summaryOf(change, history, draft.project.site), change.to.document, file)
  return formatText([file], '/content').split('\n')
}

const next = (summary?: string, title = '示例隐私政策') =>
  files[zhPath]!
    .replace('version: 2024-01-10', 'version: 2024-03-01')
    .replace('updated: 2024-01-10', 'updated: 2024-03-01')
    .replace('effective: 2024-01-17', `effective: 2024-03-08${summary === undefined ? '' : `\nsummary: ${summary}`}`)
    .replace('title: 示例隐私政策', `title: ${title}`)
    .replace('用于注册账号。', '用于注册账号和找回密码。')

test('notices within their limits pass', () => {
  assert.deepEqual(checkDraft(next('新增找回密码功能所需的手机号码使用说明。')), ['✓ no problems'])
  assert.deepEqual(checkDraft(next()), ['✓ no problems'])
})

test('an author summary that makes the SMS too long is reported at the summary line', () => {
  const lines = checkDraft(next('为向您提供更好的服务，'.repeat(15)))
  assert.deepEqual(lines.filter((line) => !line.startsWith('  hint')), [
    'privacy/zh-CN/index.md:8:1  error  Unexpected pop-up text of 410 columns, expected at most 400 columns (200 Chinese or 400 Latin characters)  notice-length',
    'privacy/zh-CN/index.md:8:1  error  Unexpected SMS of 4 segments (231 UCS-2 characters), expected at most 3 segments (201 UCS-2 characters)  notice-length',
    '✖ 2 errors, 0 warnings'
  ])
  assert.match(lines[1] ?? '', /^ {2}hint: Shorten the front matter `summary` \(or the title\)/)
})

test('a generated summary or a title too long is reported at 1:1', () => {
  const lines = checkDraft(next(undefined, '示例科技有限公司个人信息保护及隐私政策（完整版）'))
  assert.deepEqual(lines.filter((line) => line.includes('notice-length')).map((line) => line.replace(/, expected.*/, '')), [
    'privacy/zh-CN/index.md:1:1  error  Unexpected pop-up title of 56 columns',
    'privacy/zh-CN/index.md:1:1  error  Unexpected push title of 60 columns',
    'privacy/zh-CN/index.md:1:1  error  Unexpected email subject of 80 columns'
  ])
})
