import {test} from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {outputMarker, recoverOutput, writeOutput} from '../../src/write/atomic.js'
import {snapshot, workspace} from '../cli/run.js'

test('the output folder holds exactly the new files, plus the marker', async () => {
  const out = path.join(workspace(), 'dist')
  await writeOutput(out, [{path: 'a/b.html', contents: 'one'}, {path: 'x.css', contents: 'two'}])
  await writeOutput(out, [{path: 'a/c.html', contents: 'three'}])
  assert.deepEqual([...snapshot(out).keys()].sort(), [outputMarker, 'a/c.html'])
})

test('a failing write leaves the previous output whole and no staging folder behind', async () => {
  const dir = workspace()
  const out = path.join(dir, 'dist')
  await writeOutput(out, [{path: 'index.html', contents: 'old'}])
  const before = snapshot(out)
  await assert.rejects(writeOutput(out, [{path: 'ok.html', contents: 'new'}, {path: 'bad\0name.html', contents: 'x'}]))
  assert.deepEqual(snapshot(out), before)
  assert.deepEqual(fs.readdirSync(dir), ['dist'])
})

test('an interrupted swap is repaired: the previous output comes back', async () => {
  const dir = workspace()
  const out = path.join(dir, 'dist')
  await writeOutput(out, [{path: 'index.html', contents: 'old'}])
  // What a kill between the two renames leaves: the old output moved aside, no new one in place.
  fs.renameSync(out, path.join(dir, '.dist.prev'))
  await recoverOutput(out)
  assert.equal(fs.readFileSync(path.join(out, 'index.html'), 'utf8'), 'old')
})

test('staging folders of killed builds are cleaned up by the next build', async () => {
  const dir = workspace()
  fs.mkdirSync(path.join(dir, '.dist.next-123-abcd'))
  await writeOutput(path.join(dir, 'dist'), [{path: 'index.html', contents: 'x'}])
  assert.deepEqual(fs.readdirSync(dir), ['dist'])
})

test('a folder that policypress did not write is never replaced', async () => {
  const dir = workspace()
  const out = path.join(dir, 'mine')
  fs.mkdirSync(out)
  fs.writeFileSync(path.join(out, 'notes.txt'), 'keep')
  await assert.rejects(writeOutput(out, [{path: 'index.html', contents: 'x'}]), /Refusing to replace/)
  assert.equal(fs.readFileSync(path.join(out, 'notes.txt'), 'utf8'), 'keep')
})

test('an empty existing folder may be used', async () => {
  const out = path.join(workspace(), 'dist')
  fs.mkdirSync(out)
  await writeOutput(out, [{path: 'index.html', contents: 'x'}])
  assert.equal(fs.readFileSync(path.join(out, 'index.html'), 'utf8'), 'x')
})
