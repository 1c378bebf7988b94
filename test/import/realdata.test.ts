/**
 * Every capture of the real policy histories (../shared/realdata) imports cleanly: the result passes the
 * check and keeps every sentence. Skipped, with the reason, when ../shared is absent.
 */
import {test} from 'node:test'
import assert from 'node:assert/strict'
import {createHash} from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import {importPolicy} from '../../src/import/index.js'
import {root} from '../cli/run.js'

const shared = path.join(root, '..', 'shared')
const histories = ['threads', 'zh/xuexi', 'zh/douban']

for (const history of histories) {
  test(`every file of ${history} imports, builds and keeps every sentence`, async (t) => {
    const folder = path.join(shared, 'realdata', history)
    if (!fs.existsSync(shared)) {
      t.skip('../shared is absent')
      return
    }
    const files = fs.readdirSync(folder).filter((name) => name.endsWith('.md')).sort()
    assert.ok(files.length >= 2, `expected a history in ${folder}`)
    const failures: string[] = []
    // Many captures are byte-identical (threads: 59 captures, 30 distinct); each distinct text is imported once.
    const seen = new Set<string>()
    for (const name of files) {
      const file = path.join(folder, name)
      const data = fs.readFileSync(file, 'utf8')
      const hash = createHash('sha1').update(data).digest('hex')
      if (seen.has(hash)) continue
      seen.add(hash)
      const result = await importPolicy({name: file, data}, {today: '2024-01-01'})
      for (const problem of result.problems) failures.push(`${name}: ${problem.file}:${problem.line}:${problem.column} ${problem.ruleId} ${problem.message}`)
      for (const lost of result.lost) failures.push(`${name}: lost \`${lost.text}\``)
      if (result.meta.locale !== (history === 'threads' ? 'en-US' : 'zh-CN')) failures.push(`${name}: locale ${result.meta.locale}`)
    }
    assert.deepEqual(failures, [])
  })
}
