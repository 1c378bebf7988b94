/**
 * A version is frozen from the bytes the build read, never from the disk again: a save that lands
 * between reading and freezing must not pair the new bytes (a draft's cache key) with the old text
 * (its compiled pages), or the preview would show the old text under the new key for the whole session.
 */
import {test} from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {loadContent} from '../../src/load/content.js'
import {freeze} from '../../src/versions/freeze.js'
import {sha256} from '../../src/versions/lock.js'
import {policy} from '../helpers.js'

test('freeze gives the bytes the content was read with, even after the file changed on disk', async () => {
  const content = fs.mkdtempSync(path.join(os.tmpdir(), 'policypress-freeze-'))
  const file = path.join(content, 'privacy', 'zh-CN', 'index.md')
  fs.mkdirSync(path.dirname(file), {recursive: true})
  const first = policy('## 一 {#a}\n\n第1稿。\n')
  fs.writeFileSync(file, first)
  const source = await loadContent(content)
  fs.writeFileSync(file, policy('## 一 {#a}\n\n第2稿。\n'))
  const [frozen] = await freeze(source, 'privacy')
  assert.equal(frozen?.path, 'privacy/zh-CN/index.md')
  assert.equal(sha256(frozen!.bytes), sha256(Buffer.from(first)))
  assert.equal(String(source.files.get('privacy/zh-CN/index.md')?.value), first, 'the text the build compiles is the same')
})
