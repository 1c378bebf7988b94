import {test} from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {policypress, snapshot, workspace} from './run.js'

test('build writes the portal, the in-app pages and the index', () => {
  const dir = workspace('multilocale')
  const run = policypress(['build'], dir)
  assert.equal(run.code, 0, run.stderr)
  assert.deepEqual([...snapshot(path.join(dir, 'dist')).keys()].sort(), [
    '.policypress-output',
    'app/privacy/en-US.html',
    'app/privacy/zh-CN.html',
    'assets/portal.css',
    'index.html',
    'privacy/en-US/index.html',
    'privacy/zh-CN/index.html'
  ])
  assert.match(run.stdout, /Built 2 document\(s\) into dist\//)
})

test('two builds of the same input are byte-identical, wherever they run', () => {
  const first = workspace('multilocale')
  const second = workspace('multilocale')
  assert.equal(policypress(['build'], first).code, 0)
  assert.equal(policypress(['build', '--out', 'site'], second).code, 0)
  const a = snapshot(path.join(first, 'dist'))
  assert.deepEqual(snapshot(path.join(second, 'site')), a)
  assert.equal(policypress(['build'], first).code, 0)
  assert.deepEqual(snapshot(path.join(first, 'dist')), a)
})

test('build refuses to write anything when check finds errors', () => {
  const dir = workspace('multilocale')
  assert.equal(policypress(['build'], dir).code, 0)
  const before = snapshot(path.join(dir, 'dist'))
  fs.appendFileSync(path.join(dir, 'content/privacy/zh-CN/index.md'), '\n## 重复 {#collection}\n')
  const run = policypress(['build'], dir)
  assert.equal(run.code, 1)
  assert.match(run.stderr, /content\/privacy\/zh-CN\/index\.md:\d+:\d+ {2}error {2}Unexpected duplicate id/)
  assert.match(run.stderr, /Nothing was written/)
  assert.deepEqual(snapshot(path.join(dir, 'dist')), before)
})

test('build --json reports the files written', () => {
  const run = policypress(['build', '--json'], workspace('multilocale'))
  assert.equal(run.code, 0)
  const report = JSON.parse(run.stdout) as {ok: boolean; out: string; files: string[]}
  assert.equal(report.ok, true)
  assert.equal(report.out, 'dist')
  assert.ok(report.files.includes('privacy/zh-CN/index.html'))
})

test('build refuses an output folder it did not write', () => {
  const dir = workspace('multilocale')
  fs.mkdirSync(path.join(dir, 'docs'))
  fs.writeFileSync(path.join(dir, 'docs', 'notes.txt'), 'mine')
  const run = policypress(['build', '--out', 'docs'], dir)
  assert.equal(run.code, 2)
  assert.match(run.stderr, /Refusing to replace/)
  assert.equal(fs.readFileSync(path.join(dir, 'docs', 'notes.txt'), 'utf8'), 'mine')
})

test('an --archive folder that does not exist is refused: a mistyped path must not show the draft as in force', () => {
  const dir = workspace('multilocale')
  for (const command of [['build'], ['check']]) {
    const run = policypress([...command, '--archive', 'archvie'], dir)
    assert.equal(run.code, 2, command[0])
    assert.equal(run.stderr, 'policypress: Archive folder `archvie` not found; check the --archive path (leave the option out while nothing is published yet)\n')
  }
  assert.equal(fs.existsSync(path.join(dir, 'dist')), false, 'nothing written')
  // Left out, a missing archive/ is a project with nothing published yet.
  assert.equal(policypress(['build'], dir).code, 0)
})

test('an output folder that is a file is one clear line, exit 2; a cache folder that is a file only costs speed', () => {
  const dir = workspace('multilocale')
  fs.writeFileSync(path.join(dir, 'site'), 'a file')
  for (const out of ['site', 'site/dist']) {
    const run = policypress(['build', '--out', out], dir)
    assert.equal(run.code, 2)
    assert.equal(run.stderr, `policypress: Cannot write the output folder \`${out}\`: it, or a folder above it, is a file; pass a folder you can write with --out\n`)
  }
  assert.equal(fs.readFileSync(path.join(dir, 'site'), 'utf8'), 'a file')
  const cached = policypress(['build', '--cache', 'site', '--out', 'dist'], dir)
  assert.equal(cached.code, 0, cached.stderr)
  const fresh = policypress(['build', '--no-cache', '--out', 'fresh'], dir)
  assert.equal(fresh.code, 0, fresh.stderr)
  assert.deepEqual(snapshot(path.join(dir, 'dist')), snapshot(path.join(dir, 'fresh')))
})

test('build refuses an output folder inside the content folder', () => {
  const run = policypress(['build', '--out', 'content/site'], workspace('multilocale'))
  assert.equal(run.code, 2)
  assert.match(run.stderr, /must not contain each other/)
})

test('a build killed before it finishes leaves the previous dist/ whole', async () => {
  const dir = workspace('multilocale')
  assert.equal(policypress(['build'], dir).code, 0)
  const before = snapshot(path.join(dir, 'dist'))
  fs.appendFileSync(path.join(dir, 'content/privacy/zh-CN/index.md'), '\n新增一段。\n')
  const {spawn} = await import('node:child_process')
  const {bin} = await import('./run.js')
  // Kill at increasing delays: every outcome must be the old dist/ or the new one, never a mix.
  const outcomes = new Set<string>()
  for (const delay of [5, 40, 80, 120, 160, 200, 260, 320]) {
    const child = spawn(process.execPath, [bin, 'build'], {cwd: dir, stdio: 'ignore'})
    // Listen before the kill: a fast build may finish first.
    const exited = new Promise((resolve) => child.on('exit', resolve))
    await new Promise((resolve) => setTimeout(resolve, delay))
    child.kill('SIGKILL')
    await exited
    // The next run repairs an interrupted swap before anything else; `check` does not touch dist/.
    const {recoverOutput} = await import('../../src/write/atomic.js')
    await recoverOutput(path.join(dir, 'dist'))
    const now = snapshot(path.join(dir, 'dist'))
    const html = Buffer.from(now.get('app/privacy/zh-CN.html') ?? '', 'base64').toString('utf8')
    if (JSON.stringify([...now]) === JSON.stringify([...before])) outcomes.add('old')
    else {
      assert.match(html, /新增一段/, `after a kill at ${delay} ms dist/ is neither old nor new`)
      assert.equal(now.size, before.size)
      outcomes.add('new')
    }
  }
  assert.ok(outcomes.size > 0)
})
