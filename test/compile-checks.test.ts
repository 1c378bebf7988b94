import {test} from 'node:test'
import assert from 'node:assert/strict'
import {fileURLToPath} from 'node:url'
import {loadContent} from '../src/load/content.js'
import {compileContent} from '../src/compile.js'
import {noCache} from '../src/cache/store.js'

const folders = {
  'the working copy': '../content',
  'the published 2023-09-20 version': '../archive/privacy/2023-09-20',
  'a document in two locales': 'fixtures/content/multilocale/content',
  'content full of planted mistakes': 'fixtures/content/planted-mistakes/content'
}

for (const [name, folder] of Object.entries(folders)) {
  test(`compiling ${name} without the reporting checks gives the same models, and no messages from them`, async () => {
    const root = fileURLToPath(new URL(folder, import.meta.url))
    const checked = compileContent(await loadContent(root))
    const unchecked = compileContent(await loadContent(root), noCache, {checks: false})
    assert.deepEqual(unchecked.project, checked.project)
    const count = (files: typeof checked.files) => files.reduce((sum, file) => sum + file.messages.length, 0)
    assert.ok(count(unchecked.files) <= count(checked.files))
  })
}
