/**
 * `policypress pdf`: the real CLI prints the version in force (and the draft) through the portal's print
 * stylesheet with Chromium; the PDF is read back byte by byte (no poppler needed): A4 pages, the title,
 * version and dates on every page, page numbers, fonts embedded with the Chinese glyphs.
 */
import {after, before, describe, test, type TestContext} from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {root, runCli, seedWorkspace, skipReason, testTimeout} from './helpers.js'
import {readPdf, type PdfDocument} from './pdf-reader.js'
import {footerTemplate, headerTemplate} from '../../src/pdf/header.js'
import {defaultPdfName} from '../../src/pdf/print.js'
import type {PolicyDocument} from '../../src/model/types.js'

let dir: string

before(() => {
  dir = seedWorkspace()
})

after(() => {
  if (dir) fs.rmSync(dir, {recursive: true, force: true})
})

function it(name: string, fn: (t: TestContext) => Promise<void>) {
  test(name, {timeout: testTimeout * 2}, async (t) => {
    if (skipReason) {
      t.skip(skipReason)
      return
    }
    await fn(t)
  })
}

/** Page text without spaces, Kangxi radicals folded (Skia's ToUnicode maps 手 to ⼿; viewers use ActualText). */
const flat = (text: string) => text.normalize('NFKC').replace(/\s+/g, '')

/** Checks every printed policy must pass. */
function assertRecord(bytes: Buffer, expected: {header: string[]}): PdfDocument {
  assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-')
  const pdf = readPdf(bytes)
  assert.ok(pdf.pages.length > 5, `${pdf.pages.length} pages`)
  const boxes = [...bytes.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])])
  assert.equal(boxes.length, pdf.pages.length)
  for (const [width, height] of boxes) assert.ok(Math.abs(width! - 595.9) < 1 && Math.abs(height! - 842.9) < 1, `A4 page, not ${width}×${height}`)

  pdf.pages.forEach((text, index) => {
    const page = flat(text)
    for (const part of expected.header) assert.ok(page.includes(flat(part)), `page ${index + 1} shows ${part}: ${page.slice(-160)}`)
    assert.ok(page.includes(`${index + 1}/${pdf.pages.length}`), `page ${index + 1} is numbered: ${page.slice(-60)}`)
  })
  // Printed through the print stylesheet: no skip link, site navigation or table of contents.
  const all = flat(pdf.pages.join(''))
  for (const navigation of ['跳到正文', 'App内版本', '返回顶部']) assert.ok(!all.includes(navigation), `navigation printed: ${navigation}`)

  // Fonts: every one embedded, the Chinese ones included, holding the glyphs of the text.
  assert.ok(pdf.fonts.length > 0)
  for (const font of pdf.fonts) assert.ok(font.program, `font ${font.name || font.object} (${font.subtype}) is not embedded`)
  const cjk = pdf.fonts.filter((font) => /CJK|Noto|Han|Hei|Song/i.test(`${font.name} ${font.family}`))
  assert.ok(cjk.length > 0, `no CJK font among ${[...new Set(pdf.fonts.map((f) => f.name))].join(', ')}`)
  // Chromium embeds TrueType outlines as FontFile2; OpenType/CFF fonts (Debian's Noto CJK) as Type 3 glyph programs.
  for (const font of cjk) assert.ok(font.program === 'FontFile2' || font.program === 'FontFile3' || (font.subtype === 'Type3' && font.program === 'CharProcs'))
  const glyphs = new Set([...cjk.flatMap((font) => [...font.characters])].join('').normalize('NFKC'))
  for (const character of '快手隐私政策个人信息收集') assert.ok(glyphs.has(character), `${character} is in an embedded CJK font`)
  return pdf
}

describe('policypress pdf', () => {
  it('prints the version in force to <doc>-<locale>-<version>.pdf, and the draft on request', async () => {
    // Both at once: each renders the site and starts its own Chromium.
    const [current, draft] = await Promise.all([
      runCli(['pdf', 'privacy'], dir),
      runCli(['pdf', 'privacy', '--version', 'draft', '--locale', 'zh-CN', '--out', 'records/draft.pdf'], dir)
    ])
    assert.equal(current.code, 0, current.stderr)
    assert.match(current.stdout, /Printed privacy \(zh-CN\) version 2023-09-20 to privacy-zh-CN-2023-09-20\.pdf/)
    const published = assertRecord(fs.readFileSync(path.join(dir, 'privacy-zh-CN-2023-09-20.pdf')), {
      header: ['快手隐私政策', '版本 2023-09-20', '更新日期 2023-09-20', '生效日期 2023-09-27', '快手隐私中心']
    })
    assert.ok(!flat(published.pages.join('')).includes('未发布草案'))

    assert.equal(draft.code, 0, draft.stderr)
    assert.match(draft.stdout, /Printed privacy \(zh-CN\) the unpublished draft 2024-03-01 to records\/draft\.pdf/)
    const printed = assertRecord(fs.readFileSync(path.join(dir, 'records', 'draft.pdf')), {
      header: ['未发布草案', '快手隐私政策', '版本 2024-03-01', '更新日期 2024-03-01', '生效日期 2024-03-08']
    })
    assert.ok(flat(printed.pages.join('')).includes('配送及售后退换货'), 'the draft text is printed')
    assert.ok(!flat(published.pages.join('')).includes('配送及售后退换货'), 'the published text is printed')
  })

  it('prints with the labels of the templates folder given with --templates', async () => {
    const templates = path.join(dir, 'my-templates')
    fs.cpSync(path.join(root, 'templates'), templates, {recursive: true})
    const labels = path.join(templates, 'labels', 'zh-CN.yaml')
    fs.writeFileSync(labels, fs.readFileSync(labels, 'utf8').replace(/^version: 版本$/m, 'version: 版次'))
    const run = await runCli(['pdf', 'privacy', '--templates', 'my-templates', '--out', 'records/custom.pdf'], dir)
    assert.equal(run.code, 0, run.stderr)
    assertRecord(fs.readFileSync(path.join(dir, 'records', 'custom.pdf')), {header: ['快手隐私政策', '版次 2023-09-20']})
  })
})

test('policypress pdf without Chromium says how to install it and exits 2', async () => {
  const before = fs.readdirSync(dir)
  const run = await runCli(['pdf', 'privacy', '--version', 'draft'], dir, {...process.env, POLICYPRESS_CHROMIUM: path.join(dir, 'no-such-chromium')})
  assert.equal(run.code, 2)
  assert.match(run.stderr, /no-such-chromium/)
  assert.match(run.stderr, /apt-get install chromium fonts-noto-cjk/)
  assert.equal(run.stdout, '')
  assert.deepEqual(fs.readdirSync(dir), before, 'nothing written')
})

it('policypress pdf names the versions there are when asked for another', async () => {
  const run = await runCli(['pdf', 'privacy', '--version', '1999-01-01'], dir)
  assert.equal(run.code, 2)
  assert.match(run.stderr, /no version `1999-01-01`; versions: 2023-09-20, draft/)
  assert.equal(run.stdout, '')
})

test('the pdf command loads Playwright only when it prints', () => {
  // Follow the static imports of the compiled CLI: none may reach playwright-core.
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    const code = fs.readFileSync(file, 'utf8')
    for (const match of code.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]/gm)) {
      const specifier = match[1] ?? match[2]!
      assert.ok(!specifier.startsWith('playwright'), `${path.relative(root, file)} imports ${specifier} statically`)
      if (specifier.startsWith('.')) visit(path.resolve(path.dirname(file), specifier))
    }
  }
  visit(path.join(root, 'lib', 'cli', 'index.js'))
  visit(path.join(root, 'lib', 'cli', 'pdf.js'))
  assert.ok(seen.has(path.join(root, 'lib', 'pdf', 'chromium.js')))
  assert.match(fs.readFileSync(path.join(root, 'lib', 'pdf', 'chromium.js'), 'utf8'), /await import\('playwright-core'\)/)
})

test('header and footer: title, version and dates on every page, page numbers, escaped', () => {
  const text = {
    lang: 'zh-CN',
    title: '快手<隐私>政策',
    siteTitle: '快手隐私中心',
    version: '2023-09-20',
    updated: '2023-09-20',
    effective: '2023-09-27',
    status: '',
    labels: {version: '版本', updated: '更新日期', effective: '生效日期'}
  }
  const header = headerTemplate(text)
  assert.match(header, /快手&#60;隐私&#62;政策/)
  assert.match(header, /版本 2023-09-20 · 更新日期 2023-09-20 · 生效日期 2023-09-27/)
  assert.doesNotMatch(header, /<隐私>/)
  assert.match(headerTemplate({...text, status: '未发布草案'}), /<strong[^>]*>未发布草案<\/strong>/)
  assert.match(headerTemplate({...text, effective: ''}), /更新日期 2023-09-20<\/span>/)
  const footer = footerTemplate(text)
  assert.match(footer, /<span class="pageNumber"><\/span> \/ <span class="totalPages"><\/span>/)
  assert.match(footer, /快手隐私中心/)

  const document = {id: 'privacy', locale: 'zh-CN', version: '2024-03-01'} as PolicyDocument
  assert.equal(defaultPdfName({document, version: '2023-09-20', status: 'published', page: '', notes: []}), 'privacy-zh-CN-2023-09-20.pdf')
  assert.equal(defaultPdfName({document, version: '2024-03-01', status: 'draft', page: '', notes: []}), 'privacy-zh-CN-2024-03-01-draft.pdf')
  assert.equal(defaultPdfName({document, version: 'v 1/2', status: 'published', page: '', notes: []}), 'privacy-zh-CN-v_1_2.pdf')
})
