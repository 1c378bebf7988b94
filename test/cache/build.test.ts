/**
 * The build cache can never serve stale output: after every kind of change, a build that reuses the
 * cache of all earlier builds writes exactly the bytes of a build without any cache, and only what
 * depends on the change is rendered again.
 */
import {before, describe, test} from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {build, type BuildOptions} from '../../src/pipeline.js'
import {folderCache} from '../../src/cache/store.js'
import {publish} from '../../src/versions/publish.js'
import {formatJson, formatText} from '../../src/report/format.js'

const root = fileURLToPath(new URL('../../', import.meta.url))

/** Every file of `dir` with its text, by relative path. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>()
  for (const entry of fs.readdirSync(dir, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile()) continue
    const full = path.join(entry.parentPath, entry.name)
    files.set(path.relative(dir, full), fs.readFileSync(full, 'utf8'))
  }
  return files
}

/** Replace `from` by `to` in `file` (the text must be there, so a test cannot silently change nothing). */
function edit(file: string, from: string | RegExp, to: string): void {
  const text = fs.readFileSync(file, 'utf8')
  const next = text.replace(from, to)
  assert.notEqual(next, text, `${path.basename(file)} contains ${from}`)
  fs.writeFileSync(file, next)
}

describe('the build cache', {concurrency: false}, () => {
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'policypress-cache-'))
  const content = path.join(project, 'content')
  const templates = path.join(project, 'templates')
  const cacheDir = path.join(project, '.policypress', 'cache')
  const policy = path.join(content, 'privacy', 'zh-CN', 'index.md')

  before(() => {
    for (const folder of ['content', 'archive', 'templates']) fs.cpSync(path.join(root, folder), path.join(project, folder), {recursive: true})
  })

  /** Build with the shared cache and without any; both must succeed with the same bytes. Returns the cache's counts. */
  async function buildBoth(options: Partial<BuildOptions> = {}) {
    const cache = folderCache(cacheDir)
    const base = {content, templates, ...options}
    const warm = await build({...base, out: path.join(project, 'out-cached'), cache})
    const cold = await build({...base, out: path.join(project, 'out-cold')})
    assert.ok(warm.ok && cold.ok, 'both builds succeed')
    const [cached, fresh] = [snapshot(path.join(project, 'out-cached')), snapshot(path.join(project, 'out-cold'))]
    assert.deepEqual([...cached.keys()], [...fresh.keys()], 'the same files')
    for (const [file, text] of fresh) assert.equal(cached.get(file), text, `${file} is byte-identical to a build without cache`)
    return cache.stats
  }

  test('a first build fills the cache; a second one renders nothing again', async () => {
    const first = await buildBoth()
    assert.ok(first.misses > 3)
    assert.ok(first.hits < first.misses, 'only files the published version shares with the draft are parsed once for both')
    const second = await buildBoth()
    assert.equal(second.misses, 0, 'every unit and every compiled version comes from the cache')
    assert.ok(second.hits > 0)
  })

  test('an edit of the draft text renders the draft and its diff again, not the published version', async () => {
    edit(policy, '我们非常重视', '我们始终非常重视')
    const stats = await buildBoth()
    // Missed: the compile and the notice-period check of the working copy, the parse of the edited file, the
    // draft's policy pages and its diff; its lists and the published pages are reused.
    assert.equal(stats.misses, 5, `only what the edit touches is done again (${stats.misses} misses)`)
    assert.ok(stats.hits >= 4 + 2, `published pages and the draft's list pages reused (${stats.hits} hits)`)
  })

  test('an edit of a list field', async () => {
    edit(path.join(content, 'privacy', 'zh-CN', 'lists', 'sdk.md'), '照片和视频仅在您主动分享时', '照片和视频仅在您主动选择分享时')
    await buildBoth()
  })

  test('an edit of a clause included in the policy', async () => {
    const clause = path.join(content, 'privacy', 'zh-CN', 'clauses', 'consent-exceptions.md')
    edit(clause, /。/, '；')
    await buildBoth()
  })

  test('an edit of the vocabulary', async () => {
    edit(path.join(content, 'vocabulary.yaml'), 'zh-CN: 手机号码', 'zh-CN: 手机号')
    await buildBoth()
  })

  test('each site setting: title, address, material sections, notice period', async () => {
    const config = path.join(content, 'policypress.yaml')
    edit(config, 'title: 快手隐私中心', 'title: 快手隐私与个人信息保护中心')
    await buildBoth()
    edit(config, 'url: https://privacy.example.com/', 'url: https://privacy.example.org/policies/')
    await buildBoth()
    edit(config, 'sections: [collection, sharing, security, rights, minors]', 'sections: [collection, sharing]')
    await buildBoth()
    edit(config, 'noticeDays: 7', 'noticeDays: 5')
    await buildBoth()
  })

  test('each kind of template: layout, partial, style, label, script, notice text — every page that uses it', async () => {
    edit(path.join(templates, 'layouts', 'portal.hbs'), '</main>', '</main><!-- layout edit -->')
    const layout = await buildBoth()
    assert.ok(layout.misses >= 4, `pages rendered again after a layout edit (${layout.misses} misses)`)
    edit(path.join(templates, 'partials', 'site-footer.hbs'), '<footer class="site-footer">', '<footer class="site-footer"><!-- partial edit -->')
    await buildBoth()
    fs.appendFileSync(path.join(templates, 'styles', 'base.css'), '\n/* style edit */\n')
    await buildBoth()
    edit(path.join(templates, 'labels', 'zh-CN.yaml'), /^(viewHistory: )(.*)$/m, '$1查看全部历史版本')
    await buildBoth()
    fs.appendFileSync(path.join(templates, 'scripts', 'diff-nav.js'), '\n// script edit\n')
    await buildBoth()
    edit(path.join(templates, 'notices', 'zh-CN', 'texts.yaml'), '  view: 查看变更', '  view: 查看本次变更')
    await buildBoth()
    const summary = JSON.parse(fs.readFileSync(path.join(project, 'out-cached', 'privacy', 'zh-CN', 'changes', 'draft.json'), 'utf8')) as {notices: {popup: {buttons: {view: string}}}}
    assert.equal(summary.notices.popup.buttons.view, '查看本次变更', 'the change summary shows the edited notice text')
  })

  test('publishing the draft turns the old current version into an archived one everywhere', async () => {
    const result = await publish({content, document: 'privacy'})
    assert.ok(result.ok)
    await buildBoth()
    edit(policy, /^version: .*$/m, 'version: 2024-06-01')
    edit(policy, /^updated: .*$/m, 'updated: 2024-06-01')
    edit(policy, /^effective: .*$/m, 'effective: 2024-06-10')
    edit(policy, '我们始终非常重视', '我们一直非常重视')
    await buildBoth()
  })

  test('with drafts left out, and with the draft shown as current (the preview)', async () => {
    await buildBoth({drafts: false})
    await buildBoth({draftIsCurrent: true})
  })

  test('a damaged, emptied or misplaced cache entry or page text is a miss, not an error', async () => {
    const all = fs.readdirSync(cacheDir, {recursive: true}).map(String).sort().map((file) => path.join(cacheDir, file))
    const entries = all.filter((file) => file.endsWith('.json'))
    const texts = all.filter((file) => file.endsWith('.txt'))
    assert.ok(entries.length > 4 && texts.length > 4)
    const values = entries.map((file) => fs.readFileSync(file, 'utf8'))
    entries.forEach((file, index) => {
      if (index % 3 === 0) fs.writeFileSync(file, values[index]!.slice(0, 100))
      else if (index % 3 === 1) fs.writeFileSync(file, '')
      // A valid entry stored under another key is not served for that key.
      else fs.writeFileSync(file, values[(index + 1) % values.length]!)
    })
    // Page texts cut short or swapped: read when the output is written, found wrong, built again.
    texts.forEach((file, index) => fs.writeFileSync(file, index % 2 === 0 ? '' : fs.readFileSync(texts[(index + 1) % texts.length]!, 'utf8')))
    const stats = await buildBoth({draftIsCurrent: true})
    assert.ok(stats.misses > 0)
    await buildBoth({draftIsCurrent: true})
  })

  test('a cached check reports exactly the errors and warnings of a fresh one, and still refuses to build', async () => {
    const config = path.join(content, 'policypress.yaml')
    edit(config, 'sections: [collection, sharing]', 'sections: [collection, sharing, no-such-section]')
    edit(policy, '[“您的权利”](#rights)', '[“您的权利”](#no-such-anchor)')
    const reports = []
    for (const cache of [undefined, folderCache(cacheDir), folderCache(cacheDir)]) {
      const result = await build({content, templates, out: path.join(project, 'out-refused'), cache})
      assert.equal(result.ok, false)
      assert.equal(fs.existsSync(path.join(project, 'out-refused')), false, 'nothing written')
      reports.push([formatText(result.files, project), formatJson(result.files, project)])
      if (cache) reports.at(-1)!.push(String(cache.stats.hits > 0))
    }
    assert.match(reports[0]![0]!, /no-such-anchor/)
    assert.match(reports[0]![0]!, /no-such-section/)
    assert.deepEqual(reports[2]!.slice(0, 2), reports[0], 'the report from the cache equals a fresh one')
    assert.deepEqual(reports[1]!.slice(0, 2), reports[0])
    assert.equal(reports[2]![2], 'true', 'the second check came from the cache')
  })
})

test('without a cache, a history of more than 16 versions builds the same bytes as with one, from a scratch folder it removes', async () => {
  const {workspaceWithVersions} = await import('../notices/helpers.js')
  const {memoryCache} = await import('../../src/cache/store.js')
  const dir = await workspaceWithVersions(18)
  const content = path.join(dir, 'content')
  const scratchFolders = () => new Set(fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith('policypress-build-')))
  const before = scratchFolders()
  const outputs = []
  for (const [name, cache] of [['scratch', undefined], ['memory', memoryCache()], ['folder', folderCache(path.join(dir, 'cache'))]] as const) {
    const out = path.join(dir, `out-${name}`)
    // Watch for the scratch folder while the build runs (it awaits file reads now and then).
    const seen = new Set<string>()
    const watch = setInterval(() => scratchFolders().forEach((folder) => before.has(folder) || seen.add(folder)), 1)
    const result = await build({content, out, cache})
    clearInterval(watch)
    assert.ok(result.ok, name)
    assert.equal(seen.size > 0, name === 'scratch', `${name}: a scratch folder ${name === 'scratch' ? 'is' : 'is not'} used`)
    outputs.push(snapshot(out))
  }
  assert.ok(outputs[0]!.size > 18 * 5, `every version is written (${outputs[0]!.size} files)`)
  assert.deepEqual(outputs[1], outputs[0], 'in memory: the same bytes')
  assert.deepEqual(outputs[2], outputs[0], 'with a cache folder: the same bytes')
  // Only a build without a cache of a history this long makes one (this test): none may be left.
  assert.deepEqual([...scratchFolders()].filter((name) => !before.has(name)), [], 'the scratch folder is removed')
})
