#!/usr/bin/env node
import {loadCachedCommand} from '../lib/cli-bundle/code-cache.js'

// `build`, `check` and `diff` start sooner from their one-command bundles with compiled code cached
// (src/cli/code-cache.ts); anything else, or a missing bundle, from the ES module bundle.
const cached = loadCachedCommand(process.argv[2])
const {run} = cached ?? (await import('../lib/cli-bundle/index.js'))
process.exitCode = await run(process.argv)
// `npm run compile` runs each such command once with this set to keep the code it compiled.
if (cached && process.env['POLICYPRESS_WRITE_CODE_CACHE'] === '1') cached.writeCache()
// The command is done: leave now instead of waiting for V8's background work (optimizing compiles of
// hot functions) to finish, unless output to a pipe is still on its way.
if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit()
