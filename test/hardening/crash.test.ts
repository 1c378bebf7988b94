/**
 * Crash safety. The real CLI, on a copy of the seed content/ and archive/, is killed with SIGKILL at
 * random points:
 *
 * - `build`: afterwards (once the next run's recovery has run, as every build does first) dist/ is
 *   byte-for-byte either the previous output or the new one, never a mix;
 * - `publish`: afterwards the archive verifies (readArchive, which completes or discards an interrupted
 *   publish) and is byte-for-byte either as before or with the new version fully published.
 *
 * Kill points are drawn from a seeded generator (POLICYPRESS_CRASH_SEED to replay a run).
 */
import {test} from 'node:test'
import assert from 'node:assert/strict'
import {spawn} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {recoverOutput} from '../../src/write/atomic.js'
import {readArchive} from '../../src/versions/archive.js'
import {bin, root, runCli, snapshot, tempDir} from './helpers.js'
import {seededRandom} from '../random.js'

const seed = Number(process.env['POLICYPRESS_CRASH_SEED'] ?? Date.now() % 100_000)
const kills = 22


/** A copy of the seed content/ and archive/. */
function seedCopy(): string {
  const dir = tempDir('policypress-crash-')
  for (const folder of ['content', 'archive']) fs.cpSync(path.join(root, folder), path.join(dir, folder), {recursive: true})
  return dir
}

/** Start `policypress ...args` in `cwd` and SIGKILL it after `delay` ms (if it is still running). */
async function killAfter(args: string[], cwd: string, delay: number): Promise<'killed' | 'finished'> {
  const child = spawn(process.execPath, [bin, ...args], {cwd, stdio: 'ignore'})
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
  let finished = false
  void exited.then(() => (finished = true))
  await Promise.race([new Promise((resolve) => setTimeout(resolve, delay)), exited])
  const killed = !finished
  if (killed) child.kill('SIGKILL')
  await exited
  return killed ? 'killed' : 'finished'
}

const same = (a: Map<string, string>, b: Map<string, string>) => a.size === b.size && [...a].every(([file, bytes]) => b.get(file) === bytes)

test(`a build killed with SIGKILL at ${kills} random points leaves the previous dist/ or the new one, whole (seed ${seed})`, {timeout: 170_000}, async (t) => {
  const next = seededRandom(seed)
  const dir = seedCopy()
  const dist = path.join(dir, 'dist')
  assert.equal((await runCli(['build'], dir)).code, 0)
  const previous = snapshot(dist)
  const saved = path.join(dir, 'saved-dist')
  fs.cpSync(dist, saved, {recursive: true})

  // The new output: a reference build of the edited content elsewhere (outputs do not depend on where they go).
  const policy = path.join(dir, 'content/privacy/zh-CN/index.md')
  fs.writeFileSync(policy, fs.readFileSync(policy, 'utf8').replace('亲爱的快手老铁，欢迎您使用快手平台服务！', '亲爱的快手老铁，欢迎您使用快手平台服务！本段为崩溃测试新增。'))
  const reference = await runCli(['build', '--out', 'reference'], dir)
  assert.equal(reference.code, 0, reference.stderr)
  const fresh = snapshot(path.join(dir, 'reference'))
  assert.ok(!same(previous, fresh))
  const duration = reference.ms

  const outcomes = {previous: 0, fresh: 0, finished: 0}
  for (let i = 0; i < kills; i++) {
    const delay = Math.round(next() * duration * 1.05)
    fs.rmSync(dist, {recursive: true, force: true})
    fs.cpSync(saved, dist, {recursive: true})
    if ((await killAfter(['build'], dir, delay)) === 'finished') outcomes.finished++
    await recoverOutput(dist)
    const now = snapshot(dist)
    if (same(now, previous)) outcomes.previous++
    else if (same(now, fresh)) outcomes.fresh++
    else assert.fail(`killed after ${delay} ms (seed ${seed}): dist/ is neither the previous output nor the new one`)
  }
  // Leftovers of killed builds do not disturb the next one, which cleans them up.
  assert.equal((await runCli(['build'], dir)).code, 0)
  assert.ok(same(snapshot(dist), fresh))
  assert.deepEqual(fs.readdirSync(dir).filter((name) => name.startsWith('.dist')), [])
  assert.equal(outcomes.previous + outcomes.fresh, kills, JSON.stringify(outcomes))
  t.diagnostic(`build ${duration} ms; after the kills: ${JSON.stringify(outcomes)}`)
  fs.rmSync(dir, {recursive: true, force: true})
})

test(`publish killed with SIGKILL at ${kills} random points leaves the archive and lock consistent (seed ${seed})`, {timeout: 170_000}, async (t) => {
  const next = seededRandom(seed + 1)
  const dir = seedCopy()
  const archive = path.join(dir, 'archive')
  const before = snapshot(archive)
  const saved = path.join(dir, 'saved-archive')
  fs.cpSync(archive, saved, {recursive: true})

  // The fully published archive, for reference (publishing is deterministic: no timestamps).
  const reference = await runCli(['publish', 'privacy'], dir)
  assert.equal(reference.code, 0, reference.stderr)
  const published = snapshot(archive)
  assert.ok(!same(before, published))
  const duration = reference.ms

  const outcomes = {before: 0, published: 0, finished: 0}
  for (let i = 0; i < kills; i++) {
    const delay = Math.round(next() * duration * 1.05)
    fs.rmSync(archive, {recursive: true, force: true})
    fs.cpSync(saved, archive, {recursive: true})
    if ((await killAfter(['publish', 'privacy'], dir, delay)) === 'finished') outcomes.finished++
    // The next run reads the archive first, completing or discarding an interrupted publish.
    const read = await readArchive(archive)
    const problems = read.files.flatMap((file) => file.messages.map((m) => `${file.path} ${m.ruleId} ${m.reason}`))
    assert.equal(read.ok, true, `killed after ${delay} ms (seed ${seed}): ${problems.join('; ')}`)
    const recorded = read.lock.versions.some((entry) => entry.document === 'privacy' && entry.version === '2024-03-01')
    const now = snapshot(archive)
    if (same(now, before)) {
      assert.equal(recorded, false)
      outcomes.before++
    } else if (same(now, published)) {
      assert.equal(recorded, true)
      outcomes.published++
    } else {
      assert.fail(`killed after ${delay} ms (seed ${seed}): the archive is neither as before nor fully published: ${[...now.keys()].join(', ')}`)
    }
  }
  assert.equal(outcomes.before + outcomes.published, kills, JSON.stringify(outcomes))
  t.diagnostic(`publish ${duration} ms; after the kills: ${JSON.stringify(outcomes)}`)
  fs.rmSync(dir, {recursive: true, force: true})
})
