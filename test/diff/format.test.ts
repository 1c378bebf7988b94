/**
 * The terminal redline and the HTML renderings of a diff.
 */
import {test} from 'node:test'
import assert from 'node:assert/strict'
import {documentFromMarkdown} from '../../src/diff/markdown.js'
import {diffDocuments} from '../../src/diff/document.js'
import {formatDiffText} from '../../src/diff/format.js'
import {renderDiffBody, renderDiffPage} from '../../src/diff/html.js'

const old = [
  '---',
  'title: 隐私政策',
  'version: 1',
  'updated: 2023-09-20',
  '---',
  '',
  '## 一、收集 {#collection}',
  '',
  '我们会收集您的手机号码。',
  '',
  '不变的段落。',
  '',
  '我们会在您使用服务时收集您的设备信息和日志信息。',
  '',
  '## 二、共享 {#sharing}',
  '',
  '我们不会出售您的个人信息。',
  '',
  '## 三、旧章节 {#old}',
  '',
  '旧的内容。'
].join('\n')

const updated = [
  '---',
  'title: 隐私政策',
  'version: 2',
  'updated: 2024-01-01',
  '---',
  '',
  '## 一、收集和使用 {#collection}',
  '',
  '我们会收集您的手机号码和位置信息。',
  '',
  '不变的段落。',
  '',
  '## 二、共享 {#sharing}',
  '',
  '我们不会出售您的个人信息。',
  '',
  '我们会在您使用服务时收集您的设备信息和日志信息。',
  '',
  '## 三、新章节 1 < 2 & {#new}',
  '',
  '新的内容 1 < 2 & "3"。'
].join('\n')

const diff = diffDocuments(documentFromMarkdown(old, 'v1.md'), documentFromMarkdown(updated, 'v2.md'))

test('the text redline marks sections and changes like git word-diff', () => {
  assert.equal(
    formatDiffText(diff),
    [
      'policypress diff: 隐私政策',
      '  from 1 (updated 2023-09-20, effective 2023-09-20)  v1.md',
      '  to   2 (updated 2024-01-01, effective 2024-01-01)  v2.md',
      '  sections: 1 added, 1 removed, 2 modified, 1 renamed · 4 blocks changed · +38 −10 characters',
      '',
      '~ ## 一、收集{+和使用+}  #collection  (renamed)',
      '  ~ 我们会收集您的手机号码{+和位置信息+}。',
      '  > moved to #sharing: 我们会在您使用服务时收集您的设备信息和日志信息。',
      '',
      '~ ## 二、共享  #sharing',
      '  < moved here from #collection:',
      '  < 我们会在您使用服务时收集您的设备信息和日志信息。',
      '',
      '- ## 三、旧章节  #old  (removed)',
      '  - [-旧的内容。-]',
      '',
      '+ ## 三、新章节 1 < 2 &  #new  (added)',
      '  + {+新的内容 1 < 2 & "3"。+}'
    ].join('\n')
  )
})

test('no changes read as such', () => {
  const same = diffDocuments(documentFromMarkdown(old, 'v1.md'), documentFromMarkdown(old, 'v1.md'))
  assert.match(formatDiffText(same), /No changes\.$/)
})

const body = renderDiffBody(diff)

test('HTML marks insertions and deletions with <ins> and <del> and escapes all text', () => {
  assert.match(body, /我们会收集您的手机号码<ins class="diff-ins">和位置信息<\/ins>。/)
  assert.match(body, /<del class="diff-del">旧的内容。<\/del>/)
  assert.match(body, /新的内容 1 &#60; 2 &#38; &#34;3&#34;。/)
  assert.match(body, /三、新章节 1 &#60; 2 &#38;/)
})

test('every change is numbered in reading order, for next and previous', () => {
  const numbers = [...body.matchAll(/id="change-(\d+)" data-change="(\d+)" data-change-kind="([a-z-]+)"/g)].map((m) => `${m[1]}=${m[2]} ${m[3]}`)
  assert.deepEqual(numbers, ['1=1 renamed', '2=2 modified', '3=3 moved-from', '4=4 moved-to', '5=5 removed', '6=6 added'])
  assert.match(body, /^<div class="diff" data-changes="6">/)
})

test('a moved block links to its new section, and the new place links back', () => {
  assert.match(body, /class="diff-block diff-moved diff-moved-from"[^>]*><p class="diff-note">已移至 <a href="#sharing">#sharing<\/a><\/p>/)
  assert.match(body, /<p class="diff-note">移自 <a href="#collection">#collection<\/a><\/p>/)
  assert.match(body, /<section class="diff-section diff-section-modified" id="sharing"/)
})

test('changedOnly leaves out unchanged sections and blocks, saying how many', () => {
  const changed = renderDiffBody(diff, {changedOnly: true, labels: {omitted: '{count} omitted'}})
  assert.doesNotMatch(changed, /不变的段落/)
  assert.match(changed, /<p class="diff-skip">1 omitted<\/p>/)
  const all = renderDiffBody(diff)
  assert.match(all, /不变的段落/)
})

test('labels follow the locale of the new version', () => {
  assert.match(body, /删除章节/)
  const english = diffDocuments(documentFromMarkdown(old, 'v1.md'), documentFromMarkdown(updated.replace('version: 2', 'version: 2\nlocale: en-US'), 'v2.md'))
  assert.match(renderDiffBody(english), /Removed section/)
})

test('the standalone page has a stylesheet that underlines and strikes through, and a legend', () => {
  const page = renderDiffPage(diff)
  assert.match(page, /^<!doctype html>\n<html lang="zh-CN">/)
  assert.match(page, /ins\.diff-ins\{text-decoration:underline/)
  assert.match(page, /del\.diff-del\{text-decoration:line-through/)
  assert.match(page, /<p class="diff-legend"><ins class="diff-ins">/)
  assert.match(page, /<a href="#change-1">/)
})
