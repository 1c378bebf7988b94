/**
 * A synthetic long history for the benchmark: the repo's `content/` (a ~50 KB policy) published as
 * `versions` versions into a fresh archive, each a few sentences different from the one before.
 *
 *   node --import tsx bench/synthetic-history.ts [versions]     # prints the folder
 *
 * Deterministic: version i is updated 7·i days after 2014-01-06, takes effect 7 days later (so every
 * change, material or not, keeps the notice period), and rewrites 3 sentences of `index.md` chosen by a
 * seeded generator (a `（第i版修订）` note is added before the sentence's `。`, or an older note replaced).
 * Lists, clauses and settings never change. The archive is written by the library's own `writeVersion`
 * (what `policypress publish` calls) after `freeze`, without re-verifying the growing archive each time,
 * which would make generation quadratic. The result must pass `policypress check`.
 *
 * Generated histories are cached under `bench/results/synthetic/<key>/` (git-ignored); the key covers
 * the generator version, the number of versions and the bytes of `content/`, so reruns are quick.
 */
import {spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {loadContent} from '../src/load/content.js'
import {readArchive, writeVersion} from '../src/versions/archive.js'
import {freeze} from '../src/versions/publish.js'
import {lockfileVersion} from '../src/versions/lock.js'
import {seededRandom} from '../test/random.js'

/** Bump when the generated history changes, so cached copies are regenerated. */
export const generatorVersion = 1

const root = fileURLToPath(new URL('../', import.meta.url))
const policyFile = ['privacy', 'zh-CN', 'index.md'] as const
const firstDay = Date.UTC(2014, 0, 6)
const dayMs = 86_400_000

/** `YYYY-MM-DD` of day `n` after the first. */
function day(n: number): string {
  return new Date(firstDay + n * dayMs).toISOString().slice(0, 10)
}

/** Dates of version `i` (1-based): updated every 7 days, effective 7 days later. */
export function datesOf(i: number): {version: string; updated: string; effective: string} {
  const updated = day(7 * (i - 1))
  return {version: updated, updated, effective: day(7 * (i - 1) + 7)}
}

/** Characters that are Markdown syntax: a sentence holding one is never edited. */
const syntax = /[*_`[\]()<>|#{}:\\!~]/

/** Offsets of the plain body sentences (`…。`) of `text`, outside the front matter. */
function sentences(text: string): Array<{start: number; end: number}> {
  const bodyStart = text.indexOf('\n---\n', 4) + 5
  const found: Array<{start: number; end: number}> = []
  let offset = bodyStart
  for (const line of text.slice(bodyStart).split('\n')) {
    if (!/^\s*(?:#|\||::|```|---|>|-|\d+\.)/.test(line) && line.length >= 20) {
      for (const match of line.matchAll(/[^。！？；\s][^。！？]{7,}?。/g)) {
        const sentence = match[0].replace(/（第\d+版修订）。$/, '。')
        if (!syntax.test(sentence)) found.push({start: offset + match.index, end: offset + match.index + match[0].length})
      }
    }
    offset += line.length + 1
  }
  return found
}

/** The policy text of version `i`: `previous` with new dates and summary, and 3 sentences revised. */
export function nextVersion(previous: string, i: number): string {
  const {version, updated, effective} = datesOf(i)
  const end = previous.indexOf('\n---\n', 4) + 5
  const frontmatter = previous
    .slice(0, end)
    .replace(/^version: .*$/m, `version: ${version}`)
    .replace(/^updated: .*$/m, `updated: ${updated}`)
    .replace(/^effective: .*$/m, `effective: ${effective}`)
    .replace(/^summary: .*$/m, `summary: 修订个别条款的文字（第${i}版）。`)
  let text = frontmatter + previous.slice(end)
  if (i === 1) return text
  const random = seededRandom(0x5eed + i)
  const picked = new Set<number>()
  const all = sentences(text)
  while (picked.size < Math.min(3, all.length)) picked.add(Math.floor(random() * all.length))
  // From the end, so earlier offsets stay valid.
  for (const index of [...picked].sort((a, b) => b - a)) {
    const {start, end: stop} = all[index]!
    const sentence = text.slice(start, stop).replace(/（第\d+版修订）。$/, '。')
    text = text.slice(0, start) + sentence.slice(0, -1) + `（第${i}版修订）。` + text.slice(stop)
  }
  return text
}

/** Hash of every file under `folder` (paths and bytes). */
function folderHash(folder: string): string {
  const hash = createHash('sha256')
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(folder, relative), {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const child = path.join(relative, entry.name)
      if (entry.isDirectory()) walk(child)
      else hash.update(child).update('\0').update(fs.readFileSync(path.join(folder, child))).update('\0')
    }
  }
  walk('')
  return hash.digest('hex').slice(0, 12)
}

/** Where the history of `versions` versions is cached. */
export function cachedHistoryPath(versions: number): string {
  const key = `v${generatorVersion}-lock${lockfileVersion}-${versions}-${folderHash(path.join(root, 'content'))}`
  return path.join(root, 'bench', 'results', 'synthetic', key)
}

/**
 * A folder holding `content/` and `archive/` with `versions` published versions (the working copy is
 * the last of them): from the cache when it was generated before, else generated and checked now with
 * the CLI at `bin`.
 */
export async function syntheticHistory(
  versions: number,
  log: (line: string) => void = () => {},
  bin = path.join(root, 'bin', 'policypress.js')
): Promise<{dir: string; generatedMs: number | undefined}> {
  const dir = cachedHistoryPath(versions)
  if (fs.existsSync(path.join(dir, 'complete'))) return {dir, generatedMs: undefined}
  const started = performance.now()
  fs.rmSync(dir, {recursive: true, force: true})
  const staging = `${dir}.tmp-${process.pid}`
  fs.rmSync(staging, {recursive: true, force: true})
  const content = path.join(staging, 'content')
  fs.cpSync(path.join(root, 'content'), content, {recursive: true, filter: (file) => !path.basename(file).startsWith('.')})
  const archive = await readArchive(path.join(staging, 'archive'))
  const policy = path.join(content, ...policyFile)
  let text = fs.readFileSync(policy, 'utf8')
  for (let i = 1; i <= versions; i++) {
    text = nextVersion(text, i)
    fs.writeFileSync(policy, text)
    const {version, updated, effective} = datesOf(i)
    const frozen = await freeze(await loadContent(content), 'privacy')
    await writeVersion(archive, {document: 'privacy', version, locales: ['zh-CN'], dates: {'zh-CN': {updated, effective}}}, frozen)
    if (i % 100 === 0) log(`  synthetic history: ${i}/${versions} versions`)
  }
  const check = spawnSync(process.execPath, [bin, 'check', '--content', content], {cwd: staging, encoding: 'utf8', maxBuffer: 64 << 20})
  if (check.status !== 0) {
    throw new Error(`The generated history fails \`policypress check\` (exit ${check.status}):\n${(check.stdout + check.stderr).slice(0, 4000)}`)
  }
  fs.writeFileSync(path.join(staging, 'complete'), `${versions} versions, generator ${generatorVersion}\n`)
  fs.renameSync(staging, dir)
  return {dir, generatedMs: performance.now() - started}
}

/**
 * Make the working copy in `dir` version `versions + 1` (one more small revision), ready for
 * `policypress publish privacy`.
 */
export function reviseWorkingCopy(dir: string, versions: number): string {
  const policy = path.join(dir, 'content', ...policyFile)
  fs.writeFileSync(policy, nextVersion(fs.readFileSync(policy, 'utf8'), versions + 1))
  return datesOf(versions + 1).version
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const versions = Number(process.argv[2] ?? 500)
  const {dir, generatedMs} = await syntheticHistory(versions, console.log)
  console.log(generatedMs === undefined ? `cached: ${dir}` : `generated in ${(generatedMs / 1000).toFixed(1)} s: ${dir}`)
}
