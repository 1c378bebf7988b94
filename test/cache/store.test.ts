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
