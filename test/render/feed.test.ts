/**
 * The Atom feed of published change summaries: valid Atom (an author), and the author's plain text
 * shown as written by any reader.
 */
import {test} from 'node:test'
import assert from 'node:assert/strict'
import {renderFeed} from '../../src/render/history.js'
import type {SiteConfig} from '../../src/model/types.js'
import {realSummaries} from '../notices/helpers.js'

const site: SiteConfig = {title: '示例隐私中心', locale: 'zh-CN', url: 'https://privacy.example.com/', noticeDays: 7, materialSections: []}

/** The text of each `<name>` element's content, CDATA unwrapped. */
function elements(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<${name}[^>]*>([\\s\\S]*?)</${name}>`, 'g'))].map((match) => match[1]!.replace(/<!\[CDATA\[/g, '').replace(/\]\]>/g, ''))
}

/** What a reader shows for `type="html"` content: the markup's text, entities decoded. */
function shown(html: string): string {
  const named: Record<string, string> = {lt: '<', gt: '>', quot: '"', amp: '&'}
  return html.replace(/<[^>]*>/g, '').replace(/&(#\d+|lt|gt|quot|amp);/g, (_, entity: string) => (entity.startsWith('#') ? String.fromCharCode(Number(entity.slice(1))) : named[entity]!))
}

test('the feed has an author, as Atom requires', async () => {
  const [file] = renderFeed(await realSummaries(), site)
  const xml = String(file!.contents)
  assert.match(xml, /<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom">/)
  assert.deepEqual(elements(elements(xml, 'author')[0] ?? '', 'name'), ['示例隐私中心'])
})

test('a summary with markup, entities and a CDATA end is shown as written, never as markup', async () => {
  const text = '修正 ]]> 文字 <b>x</b> &amp; A&B "引号"'
  const summaries = (await realSummaries()).filter((summary) => summary.status === 'published').map((summary) => ({...summary, summary: text, title: `<i>${summary.title}</i>`}))
  assert.ok(summaries.length > 0)
  const xml = String(renderFeed(summaries, site)[0]!.contents)
  const entries = elements(xml, 'entry')
  assert.equal(entries.length, summaries.length)
  for (const entry of entries) {
    assert.deepEqual(elements(entry, 'summary').map(shown), [text])
    assert.match(shown(elements(entry, 'title')[0]!), /^<i>.+<\/i> /)
    assert.doesNotMatch(entry, /<b>x<\/b>/, 'no raw markup reaches the reader')
  }
})
