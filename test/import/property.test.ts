/**
 * No text is lost, whatever the policy says: generated policies with numbered chapters, clauses, lists
 * and Markdown-special characters import into content that passes the check with every sentence kept,
 * as separate lines and flattened into one line like the seed.
 */
import {test} from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import {importPolicy} from '../../src/import/index.js'

const words = ['个人信息', '我们', '收集', '使用', '您的', '服务', '第三方', '权限', 'SDK', 'Cookie', 'data', 'API', '设备', '账号']
const specials = ['*', '**', '_', '[', ']', '<', '>', '\\', '#', '|', '`', '&amp;', '~~', ':', '::', '1.', '-', '(a)', 'https://example.com/a_b', 'a@b.cn', '{#x}', '!', '\u0005']
const cn = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

const word = fc.oneof({weight: 4, arbitrary: fc.constantFrom(...words)}, {weight: 1, arbitrary: fc.constantFrom(...specials)})
const sentence = fc
  .tuple(fc.array(word, {minLength: 2, maxLength: 8}), fc.constantFrom('', ' '), fc.constantFrom('。', '；', '！', '？', '.'))
  .map(([parts, gap, end]) => parts.join(gap) + end)
const paragraph = fc.array(sentence, {minLength: 1, maxLength: 3}).map((sentences) => sentences.join(''))
const section = fc.record({
  title: fc.array(fc.constantFrom(...words), {minLength: 1, maxLength: 3}).map((parts) => parts.join('')),
  paragraphs: fc.array(paragraph, {minLength: 1, maxLength: 3}),
  items: fc.array(sentence, {maxLength: 4})
})
const policy = fc.record({dated: fc.boolean(), sections: fc.array(section, {minLength: 3, maxLength: 6})})

type Policy = {dated: boolean; sections: Array<{title: string; paragraphs: string[]; items: string[]}>}

function render(input: Policy): string[] {
  const lines = ['生成的隐私政策']
  if (input.dated) lines.push('更新日期：2024年1月2日')
  input.sections.forEach((part, i) => {
    lines.push(`${cn[i]}、${part.title}`, ...part.paragraphs, ...part.items.map((item, k) => `${k + 1}. ${item}`))
  })
  return lines
}

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** The same policy as a web page: chapters as <h2>, clauses as an <ol>. */
function renderHtml(input: Policy): string {
  const body = input.sections.map((part, i) => {
    const items = part.items.length > 0 ? `<ol>${part.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ol>` : ''
    return `<h2>${cn[i]}、${escapeHtml(part.title)}</h2>\n${part.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}\n${items}`
  })
  return `<html><head><title>生成的隐私政策</title><script>var x = "<p>not text</p>"</script></head><body>\n${body.join('\n')}\n</body></html>`
}

/** The same policy as Markdown: chapters as `##`, paragraphs separated by blank lines. */
function renderMarkdown(input: Policy): string {
  return render(input).map((line, i) => (i > 0 && /^[一二三四五六七八九十]、/.test(line) ? `## ${line}` : line)).join('\n\n')
}

async function assertKept(name: string, text: string, flattened = false): Promise<void> {
  const result = await importPolicy({name, data: text}, {today: '2024-01-01'})
  assert.deepEqual(result.lost, [], text)
  assert.deepEqual(result.problems.filter((problem) => problem.severity === 'error'), [], text)
  // Long enough, the one-line form goes through the paragraph recovery of the seed's form.
  if (flattened && text.length >= 400) assert.ok(result.notes.some((note) => note.message.startsWith('One line held')), text)
}

test('generated policies keep every sentence: text line by line and flattened, HTML and Markdown', async () => {
  await fc.assert(
    fc.asyncProperty(policy, async (input) => {
      const lines = render(input)
      await assertKept('generated.txt', lines.join('\n'))
      await assertKept('flattened.txt', lines.join(' '), true)
      await assertKept('generated.html', renderHtml(input))
      await assertKept('generated.md', renderMarkdown(input))
    }),
    {numRuns: Number(process.env['IMPORT_RUNS'] ?? 20), seed: process.env['IMPORT_RUNS'] ? undefined : 20240101}
  )
})
