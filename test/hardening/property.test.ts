/**
 * Property tests with fast-check: the parser and the checker never throw, whatever the text; rendering
 * is deterministic; heading ids survive parse → serialize → parse and `check --fix`. (That the diff is
 * lossless on random edit scripts is tested in test/diff.)
 */
import {before, test} from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import type {Heading} from 'mdast'
import {visit} from 'unist-util-visit'
import {VFile} from 'vfile'
import {contentFromFiles} from '../../src/load/content.js'
import {compileContent} from '../../src/compile.js'
import {parseMarkdown} from '../../src/parse/processor.js'
import {planHeadingIds, applyHeadingIds} from '../../src/fix/heading-ids.js'
import {isValidId} from '../../src/model/ids.js'
import {loadTemplates} from '../../src/load/templates.js'
import {compileTemplates, type Templates} from '../../src/render/templates.js'
import {renderSite, siteOfProject} from '../../src/render/site.js'
import {policy} from '../helpers.js'

const seed = Number(process.env['POLICYPRESS_FC_SEED'] ?? Date.now() % 1_000_000)
const runs = (numRuns: number) => ({numRuns, seed})

let templates: Templates
before(async () => {
  templates = compileTemplates(await loadTemplates())
})

/** Pieces of Markdown, YAML and policypress syntax, so random text hits the interesting paths. */
const fragment = fc.oneof(
  fc.constantFrom(
    '\n', '\n\n', '\r\n', '\r', '\t', ' ', '    ', '---\n', '---', '# ', '## ', '### ', '###### ', '{#', '}', '{#a}', '{#一}', '{.x}', '{#}', '- ', '* ', '1. ', '> ', '>',
    '**', '*', '_', '~~', '`', '```\n', '~~~', '[', ']', '(', ')', '](', '[x]: ', '<', '>', '<script>', '</div>', '<!--', '-->', '&amp;', '&#x6A;', '\\',
    '::include{src="clauses/a.md"}', '::include{src="../x.md"}', '::include', ':::note\n', ':::', ':x', '|', '| --- |', 'https://example.com/', 'www.', 'a@b.cn',
    'javascript:alert(1)', 'id: privacy\n', 'title: 标题\n', 'locale: zh-CN\n', 'version: 1\n', 'updated: 2023-09-20\n', 'effective: 2023-02-30\n', 'editorial: [a]\n',
    '- 信息类型: v0\n', '- 使用目的: 目的\n', '- 基本模式必需: 否\n', '&a [x]', '*a', 'key: &a\n', '\u0000', '\u200b', '\uFEFF', '\u202e', '\uFFFE', '一、', '（二）', '中文', '𠀀', '👍'
  ),
  fc.string({maxLength: 8}),
  fc.string({unit: 'grapheme', maxLength: 8}),
  fc.string({unit: 'binary', maxLength: 4})
)
const markdownish = fc.array(fragment, {maxLength: 60}).map((parts) => parts.join(''))
const anyText = fc.oneof(markdownish, fc.string({unit: 'binary', maxLength: 200}), markdownish.map((body) => policy(body)))

/** Compile, failing the property with the input when anything throws. */
function compiles(files: Record<string, string>): void {
  const result = compileContent(contentFromFiles(files))
  assert.equal(typeof result.ok, 'boolean')
  for (const file of result.files) for (const message of file.messages) assert.ok(message.ruleId, `a message without a rule: ${message.reason}`)
}

test(`the parser never throws, on any text (seed ${seed})`, () => {
  fc.assert(
    fc.property(anyText, (text) => {
      parseMarkdown(new VFile({path: 'privacy/zh-CN/index.md', value: text}))
    }),
    runs(1000)
  )
})

test(`the checker never throws, whatever each content file holds (seed ${seed})`, () => {
  fc.assert(
    fc.property(anyText, anyText, anyText, anyText, fc.oneof(anyText, fc.constant('phone:\n  zh-CN: 手机\n  sensitive: false\n')), anyText, (index, clause, list, other, vocabulary, site) => {
      compiles({
        'privacy/zh-CN/index.md': index,
        'privacy/zh-CN/clauses/a.md': clause,
        'privacy/zh-CN/lists/collection.md': list,
        'privacy/en-US/index.md': other,
        'vocabulary.yaml': vocabulary,
        'policypress.yaml': site
      })
    }),
    runs(500)
  )
})

/** A valid id: lowercase letters, digits or Chinese characters joined by single hyphens. */
const id = fc
  .array(fc.stringMatching(/^[a-z0-9\u4e00-\u9fa5]{1,6}$/), {minLength: 1, maxLength: 3})
  .map((parts) => parts.join('-'))
  .filter(isValidId)
/** Heading text: no characters that would end the heading, open an attribute block or make markup. */
const title = fc.stringMatching(/^[\u4e00-\u9fa5a-zA-Z0-9，。、（）]{1,12}$/)
/** A policy outline: heading depths that never skip a level, with unique ids. */
const outline = fc
  .uniqueArray(fc.record({id, title, depth: fc.integer({min: 2, max: 5}), text: title}), {minLength: 1, maxLength: 25, selector: (h) => h.id})
  .map((headings) => {
    let previous = 1
    return headings.map((heading) => {
      const depth = Math.min(heading.depth, previous + 1)
      previous = Math.max(depth, 2)
      return {...heading, depth}
    })
  })
type Outline = Array<{id: string; title: string; depth: number; text: string}>
const serialize = (headings: Outline, withIds = true) =>
  headings.map((h) => `${'#'.repeat(h.depth)} ${h.title}${withIds ? ` {#${h.id}}` : ''}\n\n${h.text}\n`).join('\n')

function headingsOf(text: string): Array<{id: string | undefined; title: string; depth: number}> {
  const found: Array<{id: string | undefined; title: string; depth: number}> = []
  visit(parseMarkdown(new VFile({path: 'x.md', value: text})), 'heading', (heading: Heading) => {
    found.push({id: heading.data?.id, title: heading.children.map((child) => ('value' in child ? child.value : '')).join(''), depth: heading.depth})
  })
  return found
}

test(`ids survive parse → serialize → parse (seed ${seed})`, () => {
  fc.assert(
    fc.property(outline, (headings) => {
      const first = headingsOf(policy(serialize(headings)))
      assert.deepEqual(first.map((h) => h.id), headings.map((h) => h.id))
      const again = headingsOf(policy(serialize(first.map((h, i) => ({id: h.id ?? '', title: h.title, depth: h.depth, text: headings[i]!.text})))))
      assert.deepEqual(again, first)
      // Through the model too: every section keeps its id.
      const result = compileContent(contentFromFiles({'privacy/zh-CN/index.md': policy(serialize(headings))}))
      assert.equal(result.ok, true)
      const ids: string[] = []
      const walk = (sections: Array<{id: string; children: unknown[]}>) => sections.forEach((s) => (ids.push(s.id), walk(s.children as never)))
      walk(result.project.documents[0]!.sections as never)
      assert.deepEqual(ids, headings.map((h) => h.id))
    }),
    runs(150)
  )
})

test(`check --fix gives every heading a valid, unique id that parses back, and changes nothing else (seed ${seed})`, () => {
  fc.assert(
    fc.property(outline, fc.array(fc.boolean(), {minLength: 25, maxLength: 25}), (headings, keep) => {
      // Some headings keep their id, the others lose it and get one from the fix.
      const text = policy(headings.map((h, i) => `${'#'.repeat(h.depth)} ${h.title}${keep[i] ? ` {#${h.id}}` : ''}\n\n${h.text}\n`).join('\n'))
      const fixes = planHeadingIds(new VFile({path: 'x.md', value: text}))
      const fixed = applyHeadingIds(text, fixes)
      const parsed = headingsOf(fixed)
      assert.equal(parsed.length, headings.length)
      parsed.forEach((heading, i) => {
        assert.ok(heading.id !== undefined && isValidId(heading.id), `heading ${i} has id ${heading.id}`)
        if (keep[i]) assert.equal(heading.id, headings[i]!.id)
        assert.equal(heading.title, headings[i]!.title)
      })
      assert.equal(new Set(parsed.map((h) => h.id)).size, parsed.length)
      assert.equal(fixed.replace(/ \{#[^}]+\}/g, ''), text.replace(/ \{#[^}]+\}/g, ''))
      // A second fix has nothing left to do.
      assert.deepEqual(planHeadingIds(new VFile({path: 'x.md', value: fixed})), [])
    }),
    runs(150)
  )
})

test(`rendering is deterministic: the same policy gives the same bytes, every time (seed ${seed})`, () => {
  fc.assert(
    fc.property(outline, fc.constantFrom('zh-CN', 'en-US'), (headings, locale) => {
      const files = {[`privacy/${locale}/index.md`]: policy(serialize(headings), {locale})}
      const first = renderSite(siteOfProject(compileContent(contentFromFiles(files)).project), templates)
      const second = renderSite(siteOfProject(compileContent(contentFromFiles(files)).project), templates)
      assert.deepEqual(second, first)
      assert.ok(first.some((file) => file.path === `privacy/${locale}/index.html`))
    }),
    runs(40)
  )
})
