/**
 * Long texts are parsed in slices (src/parse/slices.ts): the tree and the messages must be exactly
 * those of the whole text, positions included, wherever the cuts fall.
 */
import {test} from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {VFile} from 'vfile'
import {parseMarkdown} from '../../src/parse/processor.js'
import {sliceOffsets} from '../../src/parse/slices.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
const fixture = fs.readFileSync(path.join(root, 'test', 'fixtures', 'parse', 'slices.md'), 'utf8')
const seed = fs.readFileSync(path.join(root, 'content', 'privacy', 'zh-CN', 'index.md'), 'utf8')
const realdata = path.join(root, '..', 'shared', 'realdata')

/** The tree and messages of `text` parsed whole and in slices of `length`, as JSON. */
function both(text: string, length: number): {whole: string; sliced: string; cuts: number} {
  const run = (sliceLength: number): string => {
    const file = new VFile({path: 'x.md', value: text})
    const tree = parseMarkdown(file, {sliceLength})
    return JSON.stringify({tree, messages: file.messages.map((message) => [message.reason, message.place, message.ruleId])})
  }
  return {whole: run(Infinity), sliced: run(length), cuts: sliceOffsets(text, length).length}
}

test('a text with every kind of block parses to the same tree in slices as whole', () => {
  for (const length of [1, 40, 120, 400]) {
    const {whole, sliced, cuts} = both(fixture, length)
    if (length === 1) assert.ok(cuts >= 10, `expected cuts before headings and paragraphs, got ${cuts}`)
    assert.equal(sliced, whole, `slices of ${length}`)
  }
})

test('slices keep positions right with CRLF and CR line endings and a byte order mark', () => {
  for (const text of [fixture.replace(/\n/g, '\r\n'), fixture.replace(/\n/g, '\r'), `\uFEFF${fixture}`]) {
    const {whole, sliced, cuts} = both(text, 1)
    assert.ok(cuts >= 5, `expected cuts, got ${cuts}`)
    assert.equal(sliced, whole)
  }
})

test('the reference policy, repeated to a megabyte, parses the same in slices', () => {
  const end = seed.indexOf('\n---\n', 4) + 5
  const long = seed.slice(0, end) + seed.slice(end).repeat(4)
  const {whole, sliced, cuts} = both(long, 2000)
  assert.ok(cuts > 10, `expected many cuts, got ${cuts}`)
  assert.equal(sliced, whole)
})

test('cuts go after a blank line, before `#` or a letter at the start of a line, after the front matter', () => {
  const text = fixture
  for (const cut of sliceOffsets(text, 1)) {
    assert.match(text.slice(cut), /^[#\p{L}]/u)
    assert.match(text.slice(0, cut), /\n[ \t]*\n$/)
    assert.ok(cut > text.indexOf('\n---\n', 4), 'after the front matter')
  }
  assert.deepEqual(sliceOffsets('---\ntitle: x\n\n# not closed\n\n# a\n', 1), [], 'an unclosed front matter stops cutting')
})

test('text with anything that could span a cut is parsed whole', () => {
  const heading = '\n\n# 标题\n\n'
  for (const spanning of ['```\n代码', '~~~\n代码', '<!-- 注释', '<pre>\n文字', '<script>', '<?php', ':::note', '[a]: https://example.com', '[^1]: 注', '$$\nx']) {
    const text = `${spanning}${heading}${'文字。\n'.repeat(50)}${heading}${'文字。\n'.repeat(50)}`
    assert.deepEqual(sliceOffsets(text, 1), [], spanning)
  }
  assert.ok(sliceOffsets(`文字${heading}${'文字。\n'.repeat(50)}${heading}文字`, 1).length > 0, 'a plain text is cut')
})

test('a short text is never cut', () => {
  assert.deepEqual(sliceOffsets(fixture, fixture.length), [])
})

test('every capture of the real policy histories parses the same in slices', (t) => {
  if (!fs.existsSync(realdata)) {
    t.skip(`${path.join('..', 'shared', 'realdata')} is absent`)
    return
  }
  const files: string[] = []
  const walk = (folder: string): void => {
    for (const entry of fs.readdirSync(folder, {withFileTypes: true})) {
      const full = path.join(folder, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.name.endsWith('.md')) files.push(full)
    }
  }
  walk(realdata)
  let cut = 0
  for (const file of files) {
    const {whole, sliced, cuts} = both(fs.readFileSync(file, 'utf8'), 500)
    if (cuts > 0) cut++
    assert.equal(sliced, whole, path.relative(realdata, file))
  }
  assert.ok(cut >= files.length / 4, `expected most captures to be cut, got ${cut} of ${files.length}`)
})
