/**
 * The command-line bundle patches micromark's EditMap (scripts/edit-map-patch.js) to stop copying every
 * event before the first edit: the patched `consume` must change events exactly as the original does.
 */
import {test} from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {createRequire} from 'node:module'
import {pathToFileURL} from 'node:url'
import fc from 'fast-check'
// @ts-expect-error -- a plain JavaScript build script without types
import {patchEditMap} from '../../scripts/edit-map-patch.js'

type Edit = [at: number, remove: number, add: number[]]
interface EditMapLike {
  add(at: number, remove: number, add: unknown[]): void
  consume(events: unknown[]): void
}

const require = createRequire(import.meta.url)
const original = require.resolve('micromark-util-edit-map')

test('the patched EditMap changes events exactly as the original', async () => {
  const source = fs.readFileSync(original, 'utf8')
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'policypress-edit-map-'))
  const patchedFile = path.join(folder, 'index.mjs')
  fs.writeFileSync(patchedFile, (patchEditMap as (text: string) => string)(source))
  const {EditMap: Original} = (await import(pathToFileURL(original).href)) as {EditMap: new () => EditMapLike}
  const {EditMap: Patched} = (await import(pathToFileURL(patchedFile).href)) as {EditMap: new () => EditMapLike}

  const edits = fc.array(fc.tuple(fc.nat(60), fc.nat(5), fc.array(fc.integer({min: 1000, max: 2000}), {maxLength: 4})), {maxLength: 6})
  fc.assert(
    fc.property(fc.array(fc.nat(999), {maxLength: 60}), edits, (events, list: Edit[]) => {
      const apply = (EditMap: new () => EditMapLike) => {
        const copy = [...events]
        const map = new EditMap()
        // Edits must lie within the events and not overlap, as micromark's do.
        let floor = 0
        for (const [at, remove, add] of [...list].sort((a, b) => a[0] - b[0])) {
          if (at < floor || at + remove > copy.length) continue
          map.add(at, remove, add)
          floor = at + remove + 1
        }
        map.consume(copy)
        return copy
      }
      assert.deepEqual(apply(Patched), apply(Original))
    }),
    {numRuns: 500}
  )
})

test('the patch refuses a changed micromark-util-edit-map instead of building something else', () => {
  assert.throws(() => (patchEditMap as (text: string) => string)('export class EditMap {}'), /changed/)
})
