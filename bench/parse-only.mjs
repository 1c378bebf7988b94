// The floor of any diff built on the policy Markdown parser: load the parser (remark-parse, micromark
// and policypress's extensions, bundled and patched as the CLI is) and parse each file, nothing else.
// The bench bundles this file into bench/results/parse-only.mjs with esbuild (see `parseOnlyBundle`).
//
//   node bench/results/parse-only.mjs old.md new.md
import fs from 'node:fs'
import {VFile} from 'vfile'
import {parseMarkdown} from '../lib/parse/processor.js'

for (const file of process.argv.slice(2)) parseMarkdown(new VFile({path: file, value: fs.readFileSync(file, 'utf8')}))
