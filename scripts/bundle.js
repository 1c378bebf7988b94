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
  entryPoints: ['lib/cli/index.js'],
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
fs.rmSync(`${outdir}.old`, {recursive: true, force: true})
if (fs.existsSync(outdir)) fs.renameSync(outdir, `${outdir}.old`)
fs.renameSync(next, outdir)
fs.rmSync(`${outdir}.old`, {recursive: true, force: true})

// The build cache keys everything by the code that made it: hash lib/ once here, not in every build.
const {fingerprintOf, fingerprintFile} = await import('../lib/cache/key.js')
fs.writeFileSync(`${root}lib/${fingerprintFile}`, `${fingerprintOf(`${root}lib`)}\n`)
