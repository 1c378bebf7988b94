import {test} from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {loadContent} from '../../src/load/content.js'
import {compileContent} from '../../src/compile.js'
import {workspace} from '../cli/run.js'
import {messages, policy} from '../helpers.js'

function folder(files: Record<string, string | Buffer>): string {
  const dir = workspace()
  for (const [name, contents] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), {recursive: true})
    fs.writeFileSync(path.join(dir, name), contents)
  }
  return dir
}

test('Markdown and YAML files are read, sorted; hidden files and other types are not', async () => {
  const dir = folder({'b/x.md': 'b', 'a.yaml': 'a', '.hidden/c.md': 'c', 'd.txt': 'd', 'e/.f.md': 'f'})
  const source = await loadContent(dir)
  assert.deepEqual([...source.files.keys()], ['a.yaml', 'b/x.md'])
})

test('a byte-order mark is dropped so the front matter is found', async () => {
  const dir = folder({'privacy/zh-CN/index.md': `\uFEFF${policy('## 一 {#a}\n')}`})
  assert.deepEqual(messages(compileContent(await loadContent(dir))), [])
})

test('CRLF line endings work and positions stay right', async () => {
  const text = policy('## 一 {#a}\n\n## 二 {#a}\n').replace(/\n/g, '\r\n')
  const dir = folder({'privacy/zh-CN/index.md': text})
  assert.deepEqual(messages(compileContent(await loadContent(dir))), ['privacy/zh-CN/index.md:12:6 error heading-id-duplicate'])
})

test('a file that is not UTF-8 is an error on that file', async () => {
  const dir = folder({'privacy/zh-CN/index.md': Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x00, 0xc3])})
  const found = messages(compileContent(await loadContent(dir)))
  assert.deepEqual(found, ['privacy/zh-CN/index.md:2:1 error content-encoding'])
})

test('a symbolic link leaving the content folder is an error and is not read', async () => {
  const outside = folder({'secret.md': 'top secret'})
  const dir = folder({'privacy/zh-CN/index.md': policy('## 一 {#a}\n\n::include{src="x.md"}\n')})
  fs.symlinkSync(path.join(outside, 'secret.md'), path.join(dir, 'privacy/zh-CN/x.md'))
  const result = compileContent(await loadContent(dir))
  assert.ok(messages(result).includes('privacy/zh-CN/x.md:1:1 error content-symlink'))
  assert.doesNotMatch(JSON.stringify(result.project), /top secret/)
})

test('a missing content folder is a usage error', async () => {
  await assert.rejects(loadContent('/nonexistent/content'), /Content folder `\/nonexistent\/content` not found/)
})
