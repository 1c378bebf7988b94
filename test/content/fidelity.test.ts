/**
 * The reference content is the seed policy, faithfully: every sentence of the seed is in the compiled
 * policy's plain text, normalized only for white space. The seed is published as version 2023-09-20
 * (the working copy in content/ is the next draft), so the published version is what is compared.
 */
import {test} from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {loadContent} from '../../src/load/content.js'
import {compileContent} from '../../src/compile.js'
import {documentText} from '../../src/model/build.js'
import {root} from '../cli/run.js'

const seedPath = path.join(root, '..', 'shared', 'seeds', '000_9ee2085b346bf7ea.txt')
const fixturePath = path.join(root, 'test', 'fixtures', 'seed', 'sentences.json')
/** The seed's header line, which the front matter carries instead of the body. */
const header = '快手隐私政策更新日期：2023年9月20日生效日期：2023年9月27日'

const squash = (text: string) => text.replace(/\s+/g, '')

/** Split text into sentences on 。 and ；, keeping the delimiter. */
function sentences(text: string): string[] {
  return (text.match(/[^。；]+[。；]?/g) ?? []).map((s) => s.trim()).filter((s) => s !== '')
}

function seedSentences(): string[] {
  if (fs.existsSync(seedPath)) return sentences(fs.readFileSync(seedPath, 'utf8'))
  // ../shared is absent (a clone on its own): use the copy of the seed's sentence list.
  return JSON.parse(fs.readFileSync(fixturePath, 'utf8')) as string[]
}

async function compiled() {
  const result = compileContent(await loadContent(path.join(root, 'archive', 'privacy', '2023-09-20')))
  assert.equal(result.ok, true, 'the published seed must pass check')
  const document = result.project.documents.find((d) => d.id === 'privacy' && d.locale === 'zh-CN')
  assert.equal(document?.version, '2023-09-20')
  assert.ok(document)
  return document
}

test('every sentence of the seed is in the compiled policy', async () => {
  const document = await compiled()
  const text = squash(documentText(document))
  const all = seedSentences()
  assert.ok(all.length > 250, `expected the whole seed, got ${all.length} sentences`)
  const missing = all
    .map((sentence) => squash(sentence))
    .map((sentence) => (sentence.startsWith(header) ? sentence.slice(header.length) : sentence))
    .filter((sentence) => !text.includes(sentence))
  assert.deepEqual(missing, [])
})

test('the seed header is carried by the front matter', async () => {
  const document = await compiled()
  assert.equal(document.title, '快手隐私政策')
  assert.equal(document.updated, '2023-09-20')
  assert.equal(document.effective, '2023-09-27')
  assert.ok(seedSentences()[0]?.replace(/\s+/g, '').startsWith(header))
})

test('the sentence fixture is the seed split on 。 and ；', (t) => {
  if (!fs.existsSync(seedPath)) {
    t.skip('../shared/seeds is absent; the fixture cannot be compared with the seed here')
    return
  }
  const fixture = JSON.parse(fs.readFileSync(fixturePath, 'utf8')) as string[]
  assert.deepEqual(fixture.map(squash), sentences(fs.readFileSync(seedPath, 'utf8')).map(squash))
})

test('the compiled policy keeps the seed structure: seven chapters after the introduction', async () => {
  const document = await compiled()
  assert.deepEqual(
    document.sections.map((s) => s.title),
    ['导言', '一、个人信息的收集和使用', '二、个人信息的共享、转移与公开', '三、个人信息的保护和存储', '四、您的权利', '五、未成年人保护', '六、隐私政策访问与更新', '七、如何联系我们']
  )
  const sections = document.sections.find((s) => s.id === 'collection')!.children.map((s) => s.title)
  assert.deepEqual(sections, ['（一）实现相关功能与服务', '（二）运营及安全保障', '（三）Cookie 及同类技术', '（四）第三方SDK及API技术', '（五）征得同意的例外'])
})

test('the working copy is the next draft: every seed sentence but the edited ones is still there', async () => {
  const result = compileContent(await loadContent(path.join(root, 'content')))
  assert.equal(result.ok, true, 'content/ must pass check')
  const draft = result.project.documents.find((d) => d.id === 'privacy' && d.locale === 'zh-CN')!
  const text = squash(documentText(draft))
  const missing = seedSentences()
    .map((sentence) => squash(sentence))
    .map((sentence) => (sentence.startsWith(header) ? sentence.slice(header.length) : sentence))
    .filter((sentence) => !text.includes(sentence))
  // The draft fixes a typo (以了具体情况) and widens the logistics scenario: exactly two sentences differ.
  assert.equal(missing.length, 2, missing.join('\n'))
})
