import {test} from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {cacheKey, codeFingerprint, fingerprintOf} from '../../src/cache/key.js'

test('a cache key depends on every value', () => {
  assert.equal(cacheKey('unit', {a: 1, b: [2, 3]}), cacheKey('unit', {a: 1, b: [2, 3]}))
  assert.notEqual(cacheKey('unit', {a: 1, b: [2, 3]}), cacheKey('unit', {a: 1, b: [3, 2]}))
  assert.notEqual(cacheKey('unit', {a: 1}), cacheKey('unit', {a: '1'}))
  assert.notEqual(cacheKey('a', 'b'), cacheKey('ab'))
  assert.match(cacheKey('x'), /^[0-9a-f]{64}$/)
})

test('the code fingerprint changes with any code file and the dependency lock, not with type declarations', () => {
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'policypress-fingerprint-'))
  const code = path.join(project, 'lib')
  fs.mkdirSync(path.join(code, 'render'), {recursive: true})
  fs.writeFileSync(path.join(code, 'index.js'), 'export const a = 1\n')
  fs.writeFileSync(path.join(code, 'render', 'site.js'), 'export const b = 2\n')
  const before = fingerprintOf(code)
  assert.equal(fingerprintOf(code), before, 'stable')

  fs.writeFileSync(path.join(code, 'render', 'site.d.ts'), 'export declare const b: number\n')
  fs.writeFileSync(path.join(code, 'render', 'site.js.map'), '{}')
  assert.equal(fingerprintOf(code), before, 'declarations and source maps do not render anything')

  fs.writeFileSync(path.join(code, 'render', 'site.js'), 'export const b = 3\n')
  const edited = fingerprintOf(code)
  assert.notEqual(edited, before, 'an edited module')

  fs.writeFileSync(path.join(code, 'render', 'lists.js'), 'export const c = 4\n')
  const added = fingerprintOf(code)
  assert.notEqual(added, edited, 'an added module')

  fs.writeFileSync(path.join(project, 'package-lock.json'), '{"lockfileVersion": 3}')
  assert.notEqual(fingerprintOf(code), added, 'upgraded dependencies')
})

test('the running code has a fingerprint', () => {
  assert.match(codeFingerprint(), /^[0-9a-f]{64}$/)
})
