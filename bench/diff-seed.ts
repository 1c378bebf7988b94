/**
 * Benchmark of the diff engine (not a test): the seed policy against a copy with 50 scattered edits,
 * the seed concatenated 2×, 8× and 32× (edits scaled), and every consecutive pair of the real histories
 * in ../shared/realdata. Each row runs in its own process, so its peak RSS is its own.
 *
 *   node --import tsx bench/diff-seed.ts
 *
 * Columns: parse = Markdown → models (remark), diff = `diffDocuments`, process = since the process
 * started (Node, tsx and module loading included). Wall times swing on a busy machine, so CPU times
 * (user + system) are shown beside them. Peak RSS is `process.resourceUsage().maxRSS`; the `startup`
 * row is a process that only loads the modules, the floor under every other row.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {diffMarkdownDocuments, readMarkdown, type MarkdownDocument} from '../src/diff/markdown.js'
import {scatterEdits} from '../test/diff/scattered-edits.js'

const root = fileURLToPath(new URL('../', import.meta.url))
const seedPath = path.join(root, 'content', 'privacy', 'zh-CN', 'index.md')
const realdata = path.join(root, '..', 'shared', 'realdata')
const self = fileURLToPath(import.meta.url)

interface Row {
  name: string
  kilobytes: number
  edits: number
  parse: Timing
  diff: Timing
  process: Timing
  peakMb: number
  note: string
}

/** Wall and CPU milliseconds. */
interface Timing {
  wall: number
  cpu: number
}

/** Run `work`, timing it. */
function timed<T>(work: () => T): [T, Timing] {
  const cpu = process.cpuUsage()
  const started = performance.now()
  const result = work()
  const used = process.cpuUsage(cpu)
  return [result, {wall: performance.now() - started, cpu: (used.user + used.system) / 1000}]
}

/** Time since the process started. */
function sinceStart(): Timing {
  const used = process.cpuUsage()
  return {wall: performance.now(), cpu: (used.user + used.system) / 1000}
}

/** The seed body `times` times under one front matter, with 50 edits per copy. */
function seedRow(times: number): Row {
  const seed = fs.readFileSync(seedPath, 'utf8')
  const end = seed.indexOf('\n---\n', 4) + 5
  const text = seed.slice(0, end) + seed.slice(end).repeat(times)
  const edited = scatterEdits(text, 50 * times, 20230920)
  const [[old, next], parse] = timed(() => [readMarkdown(text, 'old.md'), readMarkdown(edited.text, 'new.md')] as const)
  const [diff, diffTime] = timed(() => diffMarkdownDocuments(old, next))
  return {
    name: times === 1 ? 'seed + 50 edits' : `seed ×${times} + ${50 * times} edits`,
    kilobytes: Buffer.byteLength(text) / 1024,
    edits: edited.edits.length,
    parse,
    diff: diffTime,
    process: sinceStart(),
    peakMb: peakMb(),
    note: `${diff.counts.blocksChanged} blocks changed`
  }
}

/** Every consecutive pair of every real history, each file read once; the note names the slowest pair. */
function realRow(): Row {
  const parse: Timing = {wall: 0, cpu: 0}
  const diff: Timing = {wall: 0, cpu: 0}
  let kilobytes = 0
  let pairs = 0
  let slowest = {wall: 0, name: ''}
  for (const history of ['threads', 'zh/xuexi', 'zh/douban']) {
    const folder = path.join(realdata, history)
    let previous: MarkdownDocument | undefined
    let previousTime: Timing = {wall: 0, cpu: 0}
    for (const name of fs.readdirSync(folder).filter((file) => file.endsWith('.md')).sort()) {
      const text = fs.readFileSync(path.join(folder, name), 'utf8')
      kilobytes += Buffer.byteLength(text) / 1024
      const [current, read] = timed(() => readMarkdown(text, name))
      add(parse, read)
      if (previous) {
        const [, compared] = timed(() => diffMarkdownDocuments(previous!, current))
        add(diff, compared)
        pairs++
        // A pair costs reading both files and comparing them.
        const wall = previousTime.wall + read.wall + compared.wall
        if (wall > slowest.wall) slowest = {wall, name: `${history}/${name}`}
      }
      previous = current
      previousTime = read
    }
  }
  return {
    name: `${pairs} real pairs`,
    kilobytes,
    edits: 0,
    parse,
    diff,
    process: sinceStart(),
    peakMb: peakMb(),
    note: `slowest pair ${slowest.name}: ${slowest.wall.toFixed(0)} ms wall`
  }
}

function startupRow(): Row {
  const none = {wall: 0, cpu: 0}
  return {name: 'startup (modules only)', kilobytes: 0, edits: 0, parse: none, diff: none, process: sinceStart(), peakMb: peakMb(), note: ''}
}

function add(total: Timing, part: Timing): void {
  total.wall += part.wall
  total.cpu += part.cpu
}

function peakMb(): number {
  // maxRSS is in kilobytes.
  return process.resourceUsage().maxRSS / 1024
}

function cell(timing: Timing): string {
  return `${timing.wall.toFixed(0)} / ${timing.cpu.toFixed(0)}`.padStart(13)
}

const row = process.argv.find((arg) => arg.startsWith('--row='))?.slice('--row='.length)
if (row !== undefined) {
  const result = row === 'startup' ? startupRow() : row === 'real' ? realRow() : seedRow(Number(row))
  process.stdout.write(JSON.stringify(result))
} else {
  const rows = ['startup', '1', '2', '8', '32', ...(fs.existsSync(realdata) ? ['real'] : [])]
  console.log('times in ms, wall / cpu')
  console.log(`${'row'.padEnd(26)}${'KB'.padStart(6)}${'edits'.padStart(7)}${'parse'.padStart(14)}${'diff'.padStart(14)}${'process'.padStart(14)}${'peak RSS MB'.padStart(13)}  note`)
  for (const name of rows) {
    const child = spawnSync(process.execPath, ['--import', 'tsx', self, `--row=${name}`], {cwd: root, encoding: 'utf8', maxBuffer: 1 << 20})
    if (child.status !== 0) {
      console.log(`${name}: failed\n${child.stderr}`)
      continue
    }
    const r = JSON.parse(child.stdout) as Row
    console.log(
      `${r.name.padEnd(26)}${r.kilobytes.toFixed(0).padStart(6)}${String(r.edits).padStart(7)} ${cell(r.parse)} ${cell(r.diff)} ${cell(r.process)}${r.peakMb.toFixed(0).padStart(13)}  ${r.note}`
    )
  }
  if (!fs.existsSync(realdata)) console.log(`(${realdata} is absent: real pairs skipped)`)
}
