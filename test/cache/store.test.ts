import {test} from 'node:test'
import assert from 'node:assert/strict'
import {memoryCache} from '../../src/cache/store.js'

test('the memory store forgets the least recently used values beyond its size', () => {
  const cache = memoryCache(200)
  cache.set('a', 'x'.repeat(40))
  cache.set('b', 'y'.repeat(40))
  assert.equal(cache.get('a'), 'x'.repeat(40), 'a is used again, so b is now the oldest')
  cache.set('c', 'z'.repeat(40))
  assert.equal(cache.get('b'), undefined)
  assert.equal(cache.get('a'), 'x'.repeat(40))
  assert.equal(cache.get('c'), 'z'.repeat(40))
  cache.set('huge', 'w'.repeat(500))
  assert.equal(cache.get('huge'), 'w'.repeat(500), 'a value larger than the store is kept until the next one')
})

test('pruning a cache folder removes the entries used longest ago, then the page texts no entry names', async () => {
  const {folderCache} = await import('../../src/cache/store.js')
  const {sha256} = await import('../../src/versions/lock.js')
  const fs = await import('node:fs')
  const os = await import('node:os')
  const path = await import('node:path')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policypress-prune-'))
  const old = folderCache(dir)
  const text = (name: string) => `<p>${name}</p>`.repeat(200)
  for (const name of ['a', 'b', 'c']) {
    old.texts.set(sha256(text(name)), text(name))
    old.set(`${name}`.repeat(64), {files: [{path: `${name}.html`, hash: sha256(text(name))}]})
  }
  // Used long ago: a, then b, then c.
  const files = fs.readdirSync(dir, {recursive: true}).map(String).filter((f) => f.endsWith('.json'))
  for (const file of files) {
    const age = {a: 3, b: 2, c: 1}[path.basename(file)[0] as 'a' | 'b' | 'c']
    const when = new Date(Date.now() - age * 86_400_000)
    fs.utimesSync(path.join(dir, file), when, when)
  }
  const now = folderCache(dir)
  assert.equal(now.prune(0), 0, 'a store that wrote nothing does not count the folder')
  now.set('d'.repeat(64), {files: []})
  const size = (text(`x`).length + 100) * 2
  now.prune(size)
  assert.equal(now.get('a'.repeat(64)), undefined, 'used longest ago: gone')
  assert.equal(now.texts.has(sha256(text('a'))), false, 'its text too')
  assert.ok(now.get('c'.repeat(64)), 'used most recently: kept')
  assert.ok(now.texts.has(sha256(text('c'))))
  assert.ok(now.get('d'.repeat(64)), 'written by this store: kept whatever the size')
})
