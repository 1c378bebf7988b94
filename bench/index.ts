/**
 * `npm run bench`: every benchmark in this folder, one after another.
 */
import {spawnSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'

for (const script of ['diff-seed.ts']) {
  console.log(`# ${script}`)
  spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(script, import.meta.url))], {stdio: 'inherit'})
}
