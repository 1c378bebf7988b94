/**
 * Section ids are anchors others link to: an id of the latest published version that the working copy
 * lacks is a warning, at the renamed heading or, for a removed section, at the top of the policy.
 */
import {test} from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {check} from '../../src/pipeline.js'
import {workspaceWithVersions} from '../notices/helpers.js'

const zh = 'privacy/zh-CN/index.md'

/** Check the working copy after `edit` of the zh-CN policy, one version being published. */
async function checkAfter(edit: (text: string) => string) {
  const dir = await workspaceWithVersions(1)
  const file = path.join(dir, 'content', ...zh.split('/'))
  const text = fs.readFileSync(file, 'utf8')
  const edited = edit(text)
  assert.notEqual(edited, text)
  fs.writeFileSync(file, edited)
  const result = await check({content: path.join(dir, 'content')})
  return result.files.flatMap((f) => f.messages.filter((m) => m.ruleId === 'heading-id-published').map((m) => ({at: `${f.path}:${m.line}:${m.column}`, fatal: m.fatal, reason: m.reason})))
}

test('a renamed id of a published section is a warning at the heading, naming the id to keep', async () => {
  const found = await checkAfter((text) => text.replace('{#contact}', '{#contact-us}'))
  assert.deepEqual(found, [{at: `${zh}:18:1`, fatal: false, reason: 'Unexpected id `contact-us` for the section published as `contact` in version 2024-01-10: links to `#contact` would break; keep `{#contact}`'}])
})

test('a removed published section is a warning at the top of the policy, with its title', async () => {
  const found = await checkAfter((text) => text.replace(/\n## 二、如何联系我们 \{#contact\}[\s\S]*$/, '\n'))
  assert.deepEqual(found, [{at: `${zh}:1:1`, fatal: false, reason: 'Unexpected removal of section `contact` (“二、如何联系我们”) published in version 2024-01-10: links to `#contact` would find nothing; if it moved or was renamed, keep its id'}])
})

test('a new title under the same id, or a new section, says nothing', async () => {
  assert.deepEqual(await checkAfter((text) => text.replace('## 二、如何联系我们 {#contact}', '## 二、联系我们 {#contact}\n\n正文。\n\n## 三、新增 {#new}')), [])
})
