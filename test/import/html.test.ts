import {test} from 'node:test'
import assert from 'node:assert/strict'
import {fromHtml} from 'hast-util-from-html'
import {readHtml} from '../../src/import/read/html.js'
import {textOf} from '../../src/import/spans.js'

/** Blocks of `html` as `kind depth: text`. */
const outline = (html: string): string[] =>
  readHtml(html).blocks.map((block) => `${block.kind}${block.level ?? ''} ${block.depth}: ${block.rows ? block.rows.map((row) => row.map(textOf).join('|')).join(' / ') : textOf(block.spans)}`)

test('HTML as browsers read it: implied end tags, raw text, stray tags, entities', () => {
  // [html, blocks]
  const cases: Array<[string, string[]]> = [
    ['<p>one<p>two', ['paragraph 0: one', 'paragraph 0: two']],
    ['<ul><li>one<li>two<ul><li>deep</ul><li>three</ul>after', ['item 1: one', 'item 1: two', 'item 2: deep', 'item 1: three', 'paragraph 0: after']],
    ['<ol start="3"><li>c<li>d</ol>', ['item 1: 3. c', 'item 1: 4. d']],
    ['<ol type="a"><li>x<li>y</ol>', ['item 1: a. x', 'item 1: b. y']],
    ['<table><tr><td>a<td>b<tr><td>c</table>', ['table 0: a|b / c']],
    ['<h2>Title</h2>text</div></span>more', ['heading2 0: Title', 'paragraph 0: textmore']],
    ['a < b &amp; c &nbsp; &foo; &#20320;&#x597D;', ['paragraph 0: a < b & c &foo; 你好']],
    ['<script>if (a < b) document.write("<p>x</p>")</script>kept', ['paragraph 0: kept']],
    ['line<br>break', ['paragraph 0: line', 'paragraph 0: break']],
    ['<li><p>first</p><p>second</p></li>', ['item 1: first', 'paragraph 1: second']]
  ]
  for (const [html, expected] of cases) assert.deepEqual(outline(html), expected, html)
})

test('elements keep their positions in the input', () => {
  const tree = fromHtml('<p>\n  <b>x</b></p>', {fragment: true})
  const p = tree.children[0]
  assert.ok(p && p.type === 'element')
  assert.deepEqual(p.position?.start, {line: 1, column: 1, offset: 0})
  const b = p.children.find((child) => child.type === 'element')
  assert.deepEqual(b?.position?.start, {line: 2, column: 3, offset: 6})
})

test('character references: numeric, named, and unknown ones kept as written', () => {
  assert.deepEqual(outline('&lt;&gt;&amp;&quot;&#39;&#x4E2D;&ldquo;&rdquo;&hellip;&unknown;&amp'), ['paragraph 0: <>&"\'中“”…&unknown;&'])
})
