import {test} from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {publish} from '../../src/versions/publish.js'
import {readArchive} from '../../src/versions/archive.js'
import {entryHash, type ArchiveLock} from '../../src/versions/lock.js'
import {workspace} from '../cli/run.js'

const zhPolicy = 'content/privacy/zh-CN/index.md'

async function published(): Promise<string> {
  const dir = workspace('multilocale')
  const result = await publish({content: path.join(dir, 'content'), document: 'privacy'})
  assert.equal(result.ok, true)
  return dir
}

function problems(archive: Awaited<ReturnType<typeof readArchive>>): string[] {
  return archive.files.flatMap((file) => file.messages.map((m) => `${file.path} ${m.ruleId}`))
}

test('publishing freezes every file of the document with its SHA-256', async () => {
  const dir = await published()
  const archive = await readArchive(path.join(dir, 'archive'))
  assert.equal(archive.ok, true)
  const [entry] = archive.lock.versions
  assert.ok(entry)
  assert.equal(entry.version, '2024-01-10')
  assert.deepEqual(entry.locales, ['en-US', 'zh-CN'])
  assert.deepEqual(Object.keys(entry.files), [
    'privacy/2024-01-10/policypress.yaml',
    'privacy/2024-01-10/privacy/en-US/index.md',
    'privacy/2024-01-10/privacy/zh-CN/clauses/exceptions.md',
    'privacy/2024-01-10/privacy/zh-CN/index.md'
  ])
  assert.equal(
    fs.readFileSync(path.join(dir, 'archive/privacy/2024-01-10/privacy/zh-CN/index.md'), 'utf8'),
    fs.readFileSync(path.join(dir, zhPolicy), 'utf8')
  )
})

test('publishing never overwrites a published version', async () => {
  const dir = await published()
  fs.appendFileSync(path.join(dir, zhPolicy), '\n新的一段。\n')
  await assert.rejects(publish({content: path.join(dir, 'content'), document: 'privacy'}), /already published; published versions never change/)
})

test('publishing with nothing changed is refused', async () => {
  const dir = await published()
  await assert.rejects(publish({content: path.join(dir, 'content'), document: 'privacy'}), /Nothing changed/)
})

test('--version must match the front matter', async () => {
  const dir = workspace('multilocale')
  await assert.rejects(publish({content: path.join(dir, 'content'), document: 'privacy', version: '2030-01-01'}), /does not match the front matter/)
})

test('an unknown document is refused', async () => {
  await assert.rejects(publish({content: path.join(workspace('multilocale'), 'content'), document: 'terms'}), /No document `terms`/)
})

test('content with errors is not published', async () => {
  const dir = workspace('multilocale')
  fs.appendFileSync(path.join(dir, zhPolicy), '\n## 重复 {#collection}\n')
  const result = await publish({content: path.join(dir, 'content'), document: 'privacy'})
  assert.equal(result.ok, false)
  assert.equal(fs.existsSync(path.join(dir, 'archive')), false)
})

test('a second version chains to the first', async () => {
  const dir = await published()
  const file = path.join(dir, zhPolicy)
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replaceAll('2024-01-10', '2024-03-01').replace('2024-01-17', '2024-03-08'))
  const en = path.join(dir, 'content/privacy/en-US/index.md')
  fs.writeFileSync(en, fs.readFileSync(en, 'utf8').replaceAll('2024-01-10', '2024-03-01').replace('2024-01-17', '2024-03-08'))
  const result = await publish({content: path.join(dir, 'content'), document: 'privacy'})
  assert.equal(result.ok, true)
  const archive = await readArchive(path.join(dir, 'archive'))
  assert.equal(archive.ok, true)
  assert.equal(archive.lock.versions[1]?.previous, archive.lock.versions[0]?.hash)
})

const tampering: Array<[string, (archive: string) => void, string[]]> = [
  ['an edited file', (a) => fs.appendFileSync(path.join(a, 'privacy/2024-01-10/privacy/zh-CN/index.md'), 'x'), ['privacy/2024-01-10/privacy/zh-CN/index.md archive-edited']],
  ['an added file', (a) => fs.writeFileSync(path.join(a, 'privacy/2024-01-10/privacy/zh-CN/extra.md'), 'x'), ['privacy/2024-01-10/privacy/zh-CN/extra.md archive-added']],
  ['an added hidden file', (a) => fs.writeFileSync(path.join(a, 'privacy/2024-01-10/.notes'), 'x'), ['privacy/2024-01-10/.notes archive-added']],
  ['a deleted file', (a) => fs.rmSync(path.join(a, 'privacy/2024-01-10/policypress.yaml')), ['privacy/2024-01-10/policypress.yaml archive-deleted']],
  [
    'a renamed file',
    (a) => fs.renameSync(path.join(a, 'privacy/2024-01-10/privacy/en-US/index.md'), path.join(a, 'privacy/2024-01-10/privacy/en-US/old.md')),
    ['privacy/2024-01-10/privacy/en-US/index.md archive-deleted', 'privacy/2024-01-10/privacy/en-US/old.md archive-added']
  ],
  [
    'an edited lock entry',
    (a) => {
      const file = path.join(a, 'lock.json')
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"2024-01-17"', '"2024-01-11"'))
    },
    ['lock.json archive-lock']
  ],
  [
    'a lock entry with its hash recomputed, which breaks nothing but the chain of a later version',
    (a) => {
      const file = path.join(a, 'lock.json')
      const lock = JSON.parse(fs.readFileSync(file, 'utf8')) as ArchiveLock
      lock.versions = []
      fs.writeFileSync(file, JSON.stringify(lock))
    },
    [
      'privacy/2024-01-10/policypress.yaml archive-added',
      'privacy/2024-01-10/privacy/en-US/index.md archive-added',
      'privacy/2024-01-10/privacy/zh-CN/clauses/exceptions.md archive-added',
      'privacy/2024-01-10/privacy/zh-CN/index.md archive-added'
    ]
  ],
  ['a lock that is not JSON', (a) => fs.writeFileSync(path.join(a, 'lock.json'), '{'), ['lock.json archive-lock']]
]

for (const [name, tamper, expected] of tampering) {
  test(`${name} is detected and named`, async () => {
    const dir = await published()
    tamper(path.join(dir, 'archive'))
    const archive = await readArchive(path.join(dir, 'archive'))
    assert.equal(archive.ok, false)
    const found = problems(archive)
    for (const problem of expected) assert.ok(found.includes(problem), `${problem} in ${found.join(', ')}`)
  })

  test(`${name} is detected and named even when every file was verified before`, async () => {
    const dir = await published()
    const verified = new Map<string, string>()
    assert.equal((await readArchive(path.join(dir, 'archive'), verified)).ok, true)
    assert.ok(verified.size >= 4, 'the verified files are remembered')
    tamper(path.join(dir, 'archive'))
    const found = problems(await readArchive(path.join(dir, 'archive'), verified))
    for (const problem of expected) assert.ok(found.includes(problem), `${problem} in ${found.join(', ')}`)
  })
}

test('an edit that keeps the size and puts the modification time back is still detected after verification', async () => {
  const dir = await published()
  const file = path.join(dir, 'archive', 'privacy/2024-01-10/privacy/zh-CN/index.md')
  const verified = new Map<string, string>()
  assert.equal((await readArchive(path.join(dir, 'archive'), verified)).ok, true)
  const before = fs.statSync(file)
  const text = fs.readFileSync(file, 'utf8')
  const edited = text.replace('隐私', '秘密')
  assert.notEqual(edited, text)
  assert.equal(Buffer.byteLength(edited), Buffer.byteLength(text))
  fs.writeFileSync(file, edited)
  fs.utimesSync(file, before.atime, before.mtime)
  const found = problems(await readArchive(path.join(dir, 'archive'), verified))
  assert.deepEqual(found, ['privacy/2024-01-10/privacy/zh-CN/index.md archive-edited'])
})

test('a forged entry with a valid own hash still breaks the chain', async () => {
  const dir = await published()
  const file = path.join(dir, 'archive', 'lock.json')
  const lock = JSON.parse(fs.readFileSync(file, 'utf8')) as ArchiveLock
  const first = lock.versions[0]!
  const {hash: _hash, ...rest} = {...first, previous: 'f'.repeat(64)}
  lock.versions[0] = {...rest, hash: entryHash(rest)}
  fs.writeFileSync(file, JSON.stringify(lock))
  assert.deepEqual(problems(await readArchive(path.join(dir, 'archive'))), ['lock.json archive-lock'])
})

test('a publish killed after writing the lock is completed by the next read', async () => {
  const dir = await published()
  const archive = path.join(dir, 'archive')
  // What a kill between writing the lock and renaming leaves: the version staged, not in place.
  fs.renameSync(path.join(archive, 'privacy/2024-01-10'), path.join(archive, 'privacy/.2024-01-10.staging-abcd1234'))
  const result = await readArchive(archive)
  assert.equal(result.ok, true, problems(result).join(', '))
  assert.ok(fs.existsSync(path.join(archive, 'privacy/2024-01-10/privacy/zh-CN/index.md')))
})

test('a publish killed before writing the lock leaves nothing behind', async () => {
  const dir = await published()
  const archive = path.join(dir, 'archive')
  fs.mkdirSync(path.join(archive, 'privacy/.2024-05-01.staging-abcd1234'))
  fs.writeFileSync(path.join(archive, 'privacy/.2024-05-01.staging-abcd1234/x.md'), 'x')
  const result = await readArchive(archive)
  assert.equal(result.ok, true)
  assert.deepEqual(fs.readdirSync(path.join(archive, 'privacy')), ['2024-01-10'])
})
