#!/usr/bin/env node
// Run every `test/**/*.test.ts` with node's test runner (Node 20's `--test` does not expand globs).
// Arguments filter by path substring: `node scripts/run-tests.js check/` runs only matching files.
import {spawnSync} from 'node:child_process'
import {readdirSync} from 'node:fs'
import path from 'node:path'

const filters = process.argv.slice(2)
const files = walk('test')
  .filter((file) => file.endsWith('.test.ts'))
  .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
  .sort()

if (files.length === 0) {
  console.error('No test files matched.')
  process.exit(1)
}

const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...files], {
  stdio: 'inherit'
})
process.exit(result.status ?? 1)

function walk(dir) {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : walk(full)
    return [full]
  })
}
