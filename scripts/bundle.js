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

const root = fileURLToPath(new URL('..', import.meta.url))
const outdir = `${root}lib/cli-bundle`
fs.rmSync(outdir, {recursive: true, force: true})
await build({
  absWorkingDir: root,
  entryPoints: ['lib/cli/index.js'],
  outdir,
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
  logLevel: 'warning'
})
