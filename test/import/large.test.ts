/**
 * Long and repetitive input imports in time that grows with its length, not its square: 20 000 identical
 * paragraphs (5 KB as a zipped .docx) once kept clause detection and list nesting busy for minutes.
 * The time limits are far above what the import takes, and far below what it took.
 */
import {test} from 'node:test'
import assert from 'node:assert/strict'
import {importPolicy} from '../../src/import/index.js'
import {extractClauses} from '../../src/import/clauses.js'
import {detectStructure} from '../../src/import/structure.js'
import type {Block} from '../../src/import/types.js'

const sentence = '我们收集手机号码。'
/** Long enough (80 characters) to be worth a clause on its own. */
const long = '我们会采取符合业界标准的安全措施保护您的个人信息，防止信息遭到未经授权的访问、公开披露、使用、修改、损坏或丢失，并定期评估这些措施是否有效，在发现问题时及时加以改进。'
const paragraph = (text: string): Block => ({kind: 'paragraph', spans: [{text}], depth: 0, place: undefined})

test('20 000 identical paragraphs go through structure and clause detection, each one kept', {timeout: 10_000}, () => {
  const blocks = Array.from({length: 20_000}, () => paragraph(sentence))
  const structured = detectStructure(blocks, [])
  assert.equal(structured.length, 20_000)
  assert.ok(structured.every((block) => block.kind === 'paragraph' && block.depth === 0))
  const {blocks: written, clauses} = extractClauses(structured, [])
  assert.deepEqual(clauses, [])
  assert.equal(written.length, 20_000)
})

test('20 000 identical paragraphs import: every sentence kept, no clause', {timeout: 30_000}, async () => {
  const text = `隐私政策\n\n${Array.from({length: 20_000}, () => sentence).join('\n\n')}\n`
  const result = await importPolicy({name: 'policy.txt', data: text}, {today: '2024-01-01'})
  assert.deepEqual(result.lost, [])
  assert.deepEqual(result.problems, [])
  assert.deepEqual(Object.keys(result.files), ['policy/zh-CN/index.md'])
  assert.equal(result.files['policy/zh-CN/index.md']!.split(sentence).length - 1, 20_000)
})

test('a clause is found in up to 64 places; a block found in more is too common to start one', () => {
  // The long paragraph between numbered lines that differ, `times` times.
  const policy = (times: number): Block[] => Array.from({length: times}, (_, k) => [paragraph(`第${k + 1}段说明文字各不相同。`), paragraph(long)]).flat()
  const found = extractClauses(policy(64), [])
  assert.equal(found.clauses.length, 1)
  assert.equal(found.clauses[0]!.places.length, 64)
  assert.equal(found.blocks.filter((block) => block.kind === 'include').length, 64)
  assert.deepEqual(extractClauses(policy(65), []).clauses, [])
})
