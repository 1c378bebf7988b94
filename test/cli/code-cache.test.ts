/**
 * `build`, `check` and `diff` start from one-command CommonJS bundles with V8's code cache
 * (src/cli/code-cache.ts): same results as the ES module bundle, and a cache that does not belong to
 * its bundle, or is damaged, is never used.
 */
import {test} from 'node:test'
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {cachedCommands, loadCachedCommand} from '../../src/cli/code-cache.js'
import type {CliIo} from '../../src/cli/io.js'
import {bin, root} from './run.js'

const bundleDir = path.join(root, 'lib', 'cli-bundle')
const compiled = cachedCommands.every((command) => fs.existsSync(path.join(bundleDir, `${command}.cjs.code-cache`)))
const needsCompile = compiled ? false : 'lib/cli-bundle has no code caches: run `npm run compile` (npm test does)'
const published = path.join(root, 'archive', 'privacy', '2023-09-20', 'privacy', 'zh-CN', 'index.md')
const draft = path.join(root, 'content', 'privacy', 'zh-CN', 'index.md')

/** A copy of the diff bundle and its cache in a fresh folder (at the depth it reads `../../package.json` from). */
function diffBundleCopy(): string {
  const top = fs.mkdtempSync(path.join(os.tmpdir(), 'policypress-code-cache-'))
  const dir = path.join(top, 'lib', 'cli-bundle')
  fs.mkdirSync(dir, {recursive: true})
  fs.copyFileSync(path.join(root, 'package.json'), path.join(top, 'package.json'))
  for (const name of ['diff.cjs', 'diff.cjs.code-cache']) fs.copyFileSync(path.join(bundleDir, name), path.join(dir, name))
  return dir
}

/** Output captured from a run. */
function captured(): CliIo & {out: string[]} {
  const out: string[] = []
  return {out, stdout: (text) => out.push(text), stderr: (text) => out.push(text), cwd: root}
}

test('the compiled command line has a bundle and a code cache for each fast command, and V8 takes the cache', {skip: needsCompile}, () => {
  for (const command of cachedCommands) {
    const loaded = loadCachedCommand(command, bundleDir)
    assert.ok(loaded, command)
    assert.equal(loaded.cacheUsed, true, `${command}: the cache was refused`)
  }
})

test('other commands have no such bundle: they start from the ES modules', () => {
  for (const command of ['dev', 'publish', 'pdf', 'notify', 'import', '--version', undefined]) {
    assert.equal(loadCachedCommand(command, bundleDir), undefined, String(command))
  }
  assert.equal(loadCachedCommand('diff', path.join(os.tmpdir(), 'no-such-folder')), undefined)
})

test('diff, check and build print the same from the cached bundle as from the ES module bundle', {skip: needsCompile}, () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'policypress-'))
  const runs = [
    ['diff', published, draft],
    ['diff', '--format', 'json', published, draft],
    ['check', '--content', path.join(root, 'content'), '--no-cache', '--format', 'json'],
    ['build', '--content', path.join(root, 'content'), '--out', path.join(out, 'dist'), '--no-cache', '--json']
  ]
  const viaModules = `import(${JSON.stringify(path.join(bundleDir, 'index.js'))}).then(async ({run}) => { process.exitCode = await run(process.argv) })`
  for (const args of runs) {
    const cached = spawnSync(process.execPath, [bin, ...args], {cwd: out, encoding: 'utf8'})
    const modules = spawnSync(process.execPath, ['-e', viaModules, 'node', ...args], {cwd: out, encoding: 'utf8'})
    assert.equal(cached.status, modules.status, args.join(' '))
    assert.equal(cached.stdout, modules.stdout, args.join(' '))
    assert.ok(cached.stdout.trim().length > 0, `${args.join(' ')} printed nothing`)
  }
})

test('a cache made for other code, or damaged, is left unused and the command still runs', {skip: needsCompile}, async () => {
  const intact = diffBundleCopy()
  assert.equal(loadCachedCommand('diff', intact)?.cacheUsed, true)

  const damaged = diffBundleCopy()
  const cacheFile = path.join(damaged, 'diff.cjs.code-cache')
  const bytes = fs.readFileSync(cacheFile)
  bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0xff
  fs.writeFileSync(cacheFile, bytes)

  const changed = diffBundleCopy()
  fs.appendFileSync(path.join(changed, 'diff.cjs'), '\n// changed\n')

  for (const dir of [damaged, changed]) {
    const loaded = loadCachedCommand('diff', dir)
    assert.ok(loaded)
    assert.equal(loaded.cacheUsed, false, dir)
    const io = captured()
    assert.equal(await loaded.run(['node', 'policypress', 'diff', published, draft], io), 0)
    assert.match(io.out.join('\n'), /#/)
  }
})

test('a cache written after a run is taken by the next start', {skip: needsCompile}, () => {
  const dir = diffBundleCopy()
  fs.rmSync(path.join(dir, 'diff.cjs.code-cache'))
  const first = loadCachedCommand('diff', dir)
  assert.equal(first?.cacheUsed, false)
  first.writeCache()
  assert.equal(loadCachedCommand('diff', dir)?.cacheUsed, true)
})
