/**
 * Start a command from its CommonJS bundle with V8's code cache.
 *
 * Compiling the code of a command takes a run of the CLI about 30–40 ms: the bundle's top level, then
 * every function on first call. Node 20 can cache compiled code for scripts only (`vm.Script`), not for
 * ES modules, so `npm run compile` also bundles `build`, `check` and `diff` each as one CommonJS file
 * (`lib/cli-bundle/<command>.cjs`), runs each once on the repository's own content and keeps the code V8
 * compiled (`<command>.cjs.code-cache`). Every other command, and these when their bundle is missing,
 * start from the ES module bundle as before; a cache that cannot be used only means compiling the
 * bundle as usual: the cache only ever saves time.
 *
 * A cache file is `sha256(bundle) sha256(data) data`: data made for other code is never used, nor
 * damaged data; V8 itself refuses data from another V8 version or other flags.
 */
import fs from 'node:fs'
import Module, {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import vm from 'node:vm'
import type {CliIo} from './io.js'

/** Commands with a CommonJS bundle and a code cache. */
export const cachedCommands: readonly string[] = ['build', 'check', 'diff']

/** Where `npm run compile` writes the bundles: `lib/cli-bundle/`, where the bundled copy of this module is too. */
export const defaultBundleDir = fileURLToPath(new URL('../cli-bundle/', import.meta.url))

// Loaded only for the commands with a cache: every other command starts without it.
const require = createRequire(import.meta.url)

/** A command loaded from its CommonJS bundle. */
export interface CachedCommand {
  /** The CLI's `run` (the whole command line, holding this one command's code). */
  run(argv: string[], io?: CliIo): Promise<number>
  /** Whether V8 used the code cache. */
  cacheUsed: boolean
  /** Write the code compiled so far as the cache of this bundle (after a run, to hold its functions too). */
  writeCache(): void
}

/** The command named `command` from its bundle in `dir`, or `undefined` when it has none (use the ES modules). */
export function loadCachedCommand(command: string | undefined, dir = defaultBundleDir): CachedCommand | undefined {
  if (command === undefined || !cachedCommands.includes(command)) return undefined
  const file = path.join(dir, `${command}.cjs`)
  let source: string
  try {
    source = fs.readFileSync(file, 'utf8')
  } catch {
    return undefined
  }
  const sourceHash = sha256(source)
  const cacheFile = `${file}.code-cache`
  const cachedData = readCache(cacheFile, sourceHash)
  const script = new vm.Script(Module.wrap(source), {filename: file, cachedData})
  const module: {exports: {run?: unknown}} = {exports: {}}
  const body = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void
  body(module.exports, createRequire(file), module, file, path.dirname(file))
  const run = module.exports.run
  if (typeof run !== 'function') return undefined
  return {
    run: run as CachedCommand['run'],
    cacheUsed: cachedData !== undefined && !script.cachedDataRejected,
    writeCache() {
      const data = script.createCachedData()
      const temporary = `${cacheFile}.${process.pid}.tmp`
      fs.writeFileSync(temporary, Buffer.concat([sourceHash, sha256(data), data]))
      fs.renameSync(temporary, cacheFile)
    }
  }
}

/** The cached data in `cacheFile` when it was made for the source hashed `sourceHash` and is whole. */
function readCache(cacheFile: string, sourceHash: Buffer): Buffer | undefined {
  let stored: Buffer
  try {
    stored = fs.readFileSync(cacheFile)
  } catch {
    return undefined
  }
  if (stored.length <= 64 || !stored.subarray(0, 32).equals(sourceHash)) return undefined
  const data = stored.subarray(64)
  return stored.subarray(32, 64).equals(sha256(data)) ? data : undefined
}

function sha256(data: string | Uint8Array): Buffer {
  const {createHash} = require('node:crypto') as typeof import('node:crypto')
  return createHash('sha256').update(data).digest()
}
