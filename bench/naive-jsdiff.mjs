// The naive baseline of the diff rows: jsdiff's `diffWords` over the whole text of both files, words
// found by `Intl.Segmenter('zh', {granularity: 'word'})`, printed as `[-old-]{+new+}` like
// `git diff --word-diff`. Plain JavaScript, run with `node` alone, so no TypeScript loader is timed.
//
//   node bench/naive-jsdiff.mjs old.md new.md
import fs from 'node:fs'
import {diffWords} from 'diff'

const [oldPath, newPath] = process.argv.slice(2)
if (!oldPath || !newPath) {
  process.stderr.write('usage: node bench/naive-jsdiff.mjs old.md new.md\n')
  process.exit(2)
}
const changes = diffWords(fs.readFileSync(oldPath, 'utf8'), fs.readFileSync(newPath, 'utf8'), {
  intlSegmenter: new Intl.Segmenter('zh', {granularity: 'word'})
})
let out = ''
for (const change of changes) out += change.added ? `{+${change.value}+}` : change.removed ? `[-${change.value}-]` : change.value
process.stdout.write(out)
