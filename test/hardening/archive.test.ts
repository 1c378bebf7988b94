/**
 * Archive integrity: every kind of tampering with the published versions (edit, add, delete, rename, a
 * renamed version folder, lock-file edits, a forged or missing lock) is detected every time, and the
 * report names the file and says what to do — never advising to delete a published file.
 */
import {before, test} from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {check} from '../../src/pipeline.js'
import {publish} from '../../src/versions/publish.js'
import {entryHash, serializeLock, sha256, type ArchiveLock} from '../../src/versions/lock.js'
import {formatText} from '../../src/report/format.js'
import {root, tempDir} from './helpers.js'

/** A copy of the seed content/ and archive/ with the draft published too: two chained versions. */
let prepared = ''
before(async () => {
  prepared = tempDir('policypress-archive-')
  for (const folder of ['content', 'archive']) fs.cpSync(path.join(root, folder), path.join(prepared, folder), {recursive: true})
  const result = await publish({content: path.join(prepared, 'content'), document: 'privacy'})
  assert.equal(result.ok, true)
})

const v1 = 'privacy/2023-09-20'
const v2 = 'privacy/2024-03-01'
const policy = 'privacy/zh-CN/index.md'
const lockFile = (archive: string) => path.join(archive, 'lock.json')
const readLock = (archive: string) => JSON.parse(fs.readFileSync(lockFile(archive), 'utf8')) as ArchiveLock
const writeLock = (archive: string, lock: ArchiveLock) => fs.writeFileSync(lockFile(archive), serializeLock(lock))
/** Re-hash an entry after editing it, as a careful forger would. */
const rehash = (lock: ArchiveLock, index: number) => {
  const {hash: _hash, ...rest} = lock.versions[index]!
  lock.versions[index] = {...rest, hash: entryHash(rest)}
}

const restore = /restore|git checkout/i
const cases: Array<{name: string; tamper: (archive: string) => void; expect: Array<[string, string, RegExp]>}> = [
  {
    name: 'an edited published file',
    tamper: (a) => fs.appendFileSync(path.join(a, v1, policy), '改动'),
    expect: [[`archive/${v1}/${policy}`, 'archive-edited', restore]]
  },
  {
    name: 'an edited vocabulary in the newest version',
    tamper: (a) => fs.writeFileSync(path.join(a, v2, 'vocabulary.yaml'), fs.readFileSync(path.join(a, v2, 'vocabulary.yaml'), 'utf8').replace('手机号码', '手机')),
    expect: [[`archive/${v2}/vocabulary.yaml`, 'archive-edited', restore]]
  },
  {
    name: 'a file added to a published version',
    tamper: (a) => fs.writeFileSync(path.join(a, v1, 'privacy/zh-CN/clauses/extra.md'), '新条款。\n'),
    expect: [[`archive/${v1}/privacy/zh-CN/clauses/extra.md`, 'archive-added', /remove it/]]
  },
  {
    name: 'a deleted published file',
    tamper: (a) => fs.rmSync(path.join(a, v1, 'policypress.yaml')),
    expect: [[`archive/${v1}/policypress.yaml`, 'archive-deleted', restore]]
  },
  {
    name: 'a renamed published file',
    tamper: (a) => fs.renameSync(path.join(a, v2, policy), path.join(a, v2, 'privacy/zh-CN/policy.md')),
    expect: [
      [`archive/${v2}/${policy}`, 'archive-deleted', restore],
      [`archive/${v2}/privacy/zh-CN/policy.md`, 'archive-added', /remove it/]
    ]
  },
  {
    name: 'a renamed version folder',
    tamper: (a) => fs.renameSync(path.join(a, v1), path.join(a, 'privacy/2023-09-21')),
    expect: [
      [`archive/${v1}/${policy}`, 'archive-deleted', restore],
      [`archive/privacy/2023-09-21/${policy}`, 'archive-added', /lock\.json/]
    ]
  },
  {
    name: 'a deleted version folder',
    tamper: (a) => fs.rmSync(path.join(a, v1), {recursive: true}),
    expect: [[`archive/${v1}/${policy}`, 'archive-deleted', restore]]
  },
  {
    name: 'an edited date in the lock',
    tamper: (a) => fs.writeFileSync(lockFile(a), fs.readFileSync(lockFile(a), 'utf8').replace('"2023-09-27"', '"2023-09-28"')),
    expect: [['archive/lock.json', 'archive-lock', restore]]
  },
  {
    name: 'an edited file together with its recorded hash',
    tamper: (a) => {
      const file = path.join(a, v2, policy)
      fs.appendFileSync(file, '改动')
      const lock = readLock(a)
      lock.versions[1]!.files[`${v2}/${policy}`] = sha256(fs.readFileSync(file))
      writeLock(a, lock)
    },
    expect: [['archive/lock.json', 'archive-lock', restore]]
  },
  {
    name: 'an older version edited with its hash, record hash and lock all forged',
    tamper: (a) => {
      const file = path.join(a, v1, policy)
      fs.appendFileSync(file, '改动')
      const lock = readLock(a)
      lock.versions[0]!.files[`${v1}/${policy}`] = sha256(fs.readFileSync(file))
      rehash(lock, 0)
      writeLock(a, lock)
    },
    expect: [['archive/lock.json', 'archive-lock', restore]]
  },
  {
    name: 'a version removed from the lock',
    tamper: (a) => {
      const lock = readLock(a)
      lock.versions.splice(0, 1)
      writeLock(a, lock)
    },
    expect: [
      ['archive/lock.json', 'archive-lock', restore],
      [`archive/${v1}/${policy}`, 'archive-added', /restore it from version control/]
    ]
  },
  {
    name: 'versions reordered in the lock',
    tamper: (a) => {
      const lock = readLock(a)
      lock.versions.reverse()
      writeLock(a, lock)
    },
    expect: [['archive/lock.json', 'archive-lock', restore]]
  },
  {
    name: 'a deleted lock',
    tamper: (a) => fs.rmSync(lockFile(a)),
    expect: [['archive/lock.json', 'archive-lock', restore]]
  },
  {
    name: 'a lock that is not JSON',
    tamper: (a) => fs.writeFileSync(lockFile(a), fs.readFileSync(lockFile(a), 'utf8').slice(0, 200)),
    expect: [['archive/lock.json', 'archive-lock', restore]]
  },
  {
    name: 'a lock whose records are not records',
    tamper: (a) => fs.writeFileSync(lockFile(a), '{"lockfileVersion": 1, "versions": [1, null, {"document": "privacy"}]}\n'),
    expect: [['archive/lock.json', 'archive-lock', restore]]
  },
  {
    name: 'a published file replaced by a symbolic link to an identical copy elsewhere',
    tamper: (a) => {
      const file = path.join(a, v1, policy)
      const copy = path.join(path.dirname(a), 'copy.md')
      fs.writeFileSync(copy, `${fs.readFileSync(file, 'utf8')}改动`)
      fs.rmSync(file)
      fs.symlinkSync(copy, file)
    },
    expect: [[`archive/${v1}/${policy}`, 'archive-edited', restore]]
  }
]

for (const c of cases) {
  test(`${c.name} is detected, and the report names the file and what to do`, async () => {
    const dir = tempDir('policypress-tamper-')
    fs.cpSync(prepared, dir, {recursive: true})
    c.tamper(path.join(dir, 'archive'))
    const result = await check({content: path.join(dir, 'content')})
    assert.equal(result.ok, false)
    const text = formatText(result.files, dir)
    for (const [file, rule, advice] of c.expect) {
      const line = new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:1 {2}error {2}.+ {2}${rule}\\n {2}hint: (.+)$`, 'm').exec(text)
      assert.ok(line, `${file} ${rule} in:\n${text}`)
      assert.match(line[1] ?? '', advice)
    }
    // Nothing advises deleting a file that was published.
    for (const [file] of c.expect.filter(([, rule]) => rule === 'archive-deleted' || rule === 'archive-edited')) {
      assert.doesNotMatch(text.split(`${file}:`)[1]?.split('\n')[1] ?? '', /\b(remove|delete) (it|the file)\b/i)
    }
    fs.rmSync(dir, {recursive: true, force: true})
  })
}

test('an intact archive with two chained versions passes', async () => {
  const result = await check({content: path.join(prepared, 'content')})
  assert.deepEqual(result.archive.files.flatMap((file) => file.messages.map((m) => `${file.path} ${m.ruleId}`)), [])
  assert.equal(result.archive.lock.versions[1]?.previous, result.archive.lock.versions[0]?.hash)
})
