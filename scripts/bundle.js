/**
 * Bundle the command line into `lib/cli-bundle/`: one chunk per command plus shared chunks.
 *
 * Why: Node resolves and compiles several hundred small ES modules of the unified ecosystem one by
 * one; as a handful of files the CLI starts about half a second sooner. The library API (`lib/index.js`)
 * stays unbundled for importers. The folder sits two levels below the package root, like `lib/cli/`,
 * so `new URL('../../templates/', import.meta.url)` finds the shipped templates from either.
 */
import {build} from 'esbuild'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {patchEditMap} from './edit-map-patch.js'

const root = fileURLToPath(new URL('..', import.meta.url))

/** Apply `patchEditMap` to micromark-util-edit-map (see there why). */
function editMapPatch() {
  return {
    name: 'edit-map',
    setup(build) {
      build.onLoad({filter: /micromark-util-edit-map[\\/]index\.js$/}, (args) => ({contents: patchEditMap(fs.readFileSync(args.path, 'utf8')), loader: 'js'}))
    }
  }
}
const outdir = `${root}lib/cli-bundle`
// Built beside and swapped in, so a command running meanwhile finds the old bundle or the new one.
const next = `${outdir}.next`
fs.rmSync(next, {recursive: true, force: true})
await build({
  absWorkingDir: root,
  // The start-up helper of bin/policypress.js sits beside the bundles it loads (lib/cli-bundle/code-cache.js).
  entryPoints: ['lib/cli/index.js', 'lib/cli/code-cache.js'],
  outdir: next,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Loaded only by the commands that need them, and large or optional (playwright-core is a devDependency).
  external: ['playwright-core', 'mammoth', 'chokidar'],
  // Some CommonJS dependencies call `require`, which an ES module bundle does not have.
  banner: {js: "import {createRequire as __policypressRequire} from 'node:module';const require = __policypressRequire(import.meta.url);"},
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [editMapPatch()]
})

// `build`, `check` and `diff` also as one CommonJS file each, which V8 can keep compiled code for (see
// src/cli/code-cache.ts): the whole command line, with the modules of the other commands left out.
const {cachedCommands} = await import('../lib/cli/code-cache.js')
const commandModule = /^\.\/(\w+)\.js$/
for (const command of cachedCommands) {
  await build({
    absWorkingDir: root,
    entryPoints: ['lib/cli/index.js'],
    outfile: `${next}/${command}.cjs`,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['playwright-core', 'mammoth', 'chokidar'],
    // Same folder depth as the ES module chunks, so `new URL('../../templates/', import.meta.url)` holds.
    define: {'import.meta.url': '__policypressUrl'},
    banner: {js: "const __policypressUrl = require('node:url').pathToFileURL(__filename).href;"},
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [editMapPatch(), onlyCommand(command)]
  })
}

/** Leave the modules of the other commands out of a one-command bundle: loading one is a mistake. */
function onlyCommand(command) {
  return {
    name: 'only-command',
    setup(build) {
      build.onResolve({filter: commandModule}, (args) => {
        const name = commandModule.exec(args.path)?.[1]
        if (!args.importer.endsWith(`${'lib/cli/index.js'.replaceAll('/', path.sep)}`) || name === command || name === 'io') return undefined
        return {path: name, namespace: 'other-command'}
      })
      build.onLoad({filter: /.*/, namespace: 'other-command'}, (args) => ({
        contents: `throw new Error('policypress: the ${command} bundle has no ${args.path} command')`,
        loader: 'js'
      }))
    }
  }
}

fs.rmSync(`${outdir}.old`, {recursive: true, force: true})
if (fs.existsSync(outdir)) fs.renameSync(outdir, `${outdir}.old`)
fs.renameSync(next, outdir)
fs.rmSync(`${outdir}.old`, {recursive: true, force: true})

// The build cache keys everything by the code that made it: hash lib/ once here, not in every build.
const {fingerprintOf, fingerprintFile} = await import('../lib/cache/key.js')
fs.writeFileSync(`${root}lib/${fingerprintFile}`, `${fingerprintOf(`${root}lib`)}\n`)

// Run each one-command bundle once on the repository's own content to fill its code cache.
await trainCodeCaches()

async function trainCodeCaches() {
  const {spawnSync} = await import('node:child_process')
  const os = await import('node:os')
  const content = `${root}content`
  const published = `${root}archive/privacy/2023-09-20/privacy/zh-CN/index.md`
  if (!fs.existsSync(content) || !fs.existsSync(published)) {
    console.warn('bundle: no content/ or archive/ to run the commands on: no code caches (the commands start a little slower)')
    return
  }
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'policypress-code-cache-'))
  const runs = {
    build: ['build', '--content', content, '--out', path.join(out, 'dist'), '--no-cache'],
    check: ['check', '--content', content, '--no-cache'],
    diff: ['diff', published, `${content}/privacy/zh-CN/index.md`]
  }
  try {
    for (const command of cachedCommands) {
      const result = spawnSync(process.execPath, [`${root}bin/policypress.js`, ...runs[command]], {
        cwd: out,
        env: {...process.env, POLICYPRESS_WRITE_CODE_CACHE: '1'},
        encoding: 'utf8'
      })
      if (!fs.existsSync(`${outdir}/${command}.cjs.code-cache`)) {
        console.warn(`bundle: no code cache for \`${command}\` (exit ${result.status}): ${(result.stderr || '').trim().split('\n')[0]}`)
      }
    }
  } finally {
    fs.rmSync(out, {recursive: true, force: true})
  }
}
