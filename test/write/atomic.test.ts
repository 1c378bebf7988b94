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

test('a file the previous output holds unchanged is linked, not written; a file changed by hand is written anew', async () => {
  const out = path.join(workspace(), 'dist')
  await writeOutput(out, [
    {path: 'a.html', contents: 'same'},
    {path: 'b.html', contents: 'old'},
    {path: 'c/d.html', contents: 'edited by hand later'}
  ])
  const inode = (file: string) => fs.statSync(path.join(out, file)).ino
  const before = {a: inode('a.html'), b: inode('b.html'), d: inode('c/d.html')}
  fs.writeFileSync(path.join(out, 'c', 'd.html'), 'tampered')
  await writeOutput(out, [
    {path: 'a.html', contents: 'same'},
    {path: 'b.html', contents: 'new'},
    {path: 'c/d.html', contents: 'edited by hand later'}
  ])
  assert.equal(inode('a.html'), before.a, 'unchanged: the same file, linked into the new output')
  assert.notEqual(inode('b.html'), before.b)
  assert.equal(fs.readFileSync(path.join(out, 'b.html'), 'utf8'), 'new')
  assert.equal(fs.readFileSync(path.join(out, 'c', 'd.html'), 'utf8'), 'edited by hand later', 'the hand edit does not survive')
  const marker = JSON.parse(fs.readFileSync(path.join(out, outputMarker), 'utf8'))
  assert.deepEqual(Object.keys(marker.files), ['a.html', 'b.html', 'c/d.html'])
})

test('the marker and manifest are the same bytes for the same files', async () => {
  const files = [{path: 'x/y.html', contents: '一'}, {path: 'z.json', contents: '{}'}]
  const [one, two] = [path.join(workspace(), 'dist'), path.join(workspace(), 'dist')]
  await writeOutput(one, files)
  await writeOutput(two, files)
  await writeOutput(two, files)
  assert.equal(fs.readFileSync(path.join(one, outputMarker), 'utf8'), fs.readFileSync(path.join(two, outputMarker), 'utf8'))
})

test('with background cleanup, the replaced output is removed by a detached process', async () => {
  const dir = workspace()
  const out = path.join(dir, 'dist')
  await writeOutput(out, [{path: 'a.html', contents: 'one'}])
  await writeOutput(out, [{path: 'b.html', contents: 'two'}], {background: true})
  assert.deepEqual([...snapshot(out).keys()].sort(), [outputMarker, 'b.html'], 'the new output is in place at once')
  for (let waited = 0; fs.readdirSync(dir).length > 1 && waited < 10_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50))
  assert.deepEqual(fs.readdirSync(dir), ['dist'])
})
