/**
 * Shared by the hardening tests: run the real CLI with a time limit, snapshot folders, serve a folder
 * on 127.0.0.1, and write content folders from plain objects.
 */
import {spawn} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {bin} from '../cli/run.js'
import {contentTypeOf, listenLocally} from '../../src/serve/local.js'

export {bin, root, snapshot} from '../cli/run.js'

/** The outcome of one CLI run with a time limit. */
export interface TimedRun {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  /** Wall-clock milliseconds. */
  ms: number
  /** Whether the run was killed for taking longer than the limit. */
  timedOut: boolean
}

/** Run `policypress ...args` in `cwd`, killed after `timeout` ms. `nodeArgs` go before the script. */
export function runCli(args: string[], cwd: string, options: {timeout?: number; nodeArgs?: string[]} = {}): Promise<TimedRun> {
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), bin, ...args], {cwd, stdio: ['ignore', 'pipe', 'pipe']})
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk))
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, options.timeout ?? 30_000)
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        ms: Date.now() - started,
        timedOut
      })
    })
  })
}

/** Run `tasks` with at most `limit` at a time, keeping their order in the result. */
export async function pool<T>(tasks: Array<() => Promise<T>>, limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length)
  let next = 0
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++
      results[index] = await tasks[index]!()
    }
  }
  await Promise.all(Array.from({length: Math.min(limit, tasks.length)}, worker))
  return results
}

/** A new empty temporary folder. */
export function tempDir(prefix = 'policypress-hardening-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}

/** Write `files` (relative path → text or bytes) under `dir`. */
export function writeFiles(dir: string, files: Record<string, string | Uint8Array>): void {
  for (const [relative, contents] of Object.entries(files)) {
    const full = path.join(dir, ...relative.split('/'))
    fs.mkdirSync(path.dirname(full), {recursive: true})
    fs.writeFileSync(full, contents)
  }
}

/** Every file under `dir`, relative, `/`-separated, sorted. */
export function listFiles(dir: string): string[] {
  const found: string[] = []
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, {withFileTypes: true})) {
      const full = path.join(current, entry.name)
      if (entry.isDirectory()) walk(full)
      else found.push(path.relative(dir, full).split(path.sep).join('/'))
    }
  }
  if (fs.existsSync(dir)) walk(dir)
  return found.sort()
}

/** A JavaScript stack frame as Node prints it (`    at fn (file.js:1:2)`). */
export const stackFrame = /^\s+at .+(?::\d+:\d+\)?|\(native\)|<anonymous>\)?)$/m

/** A static file server for `dir` on 127.0.0.1; every request is recorded. */
export async function serve(dir: string): Promise<{origin: string; requests: string[]; close(): Promise<void>}> {
  const requests: string[] = []
  const local = await listenLocally((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    requests.push(url.pathname)
    const relative = decodeURIComponent(url.pathname).replace(/^\/+/, '')
    const full = path.resolve(dir, relative)
    if (!full.startsWith(path.resolve(dir) + path.sep) || !fs.existsSync(full) || !fs.statSync(full).isFile()) {
      response.writeHead(404).end()
      return
    }
    response.writeHead(200, {'content-type': contentTypeOf(full)})
    response.end(fs.readFileSync(full))
  })
  return {origin: local.url.replace(/\/$/, ''), requests, close: local.close}
}

/** A zip entry: its bytes, or a "bomb" that inflates to `prefix`, `repeat` `times` times or a few more, `suffix`. */
export type ZipEntry = {name: string; data: Uint8Array} | {name: string; bomb: {prefix: string; repeat: string; times: number; suffix: string}}

/**
 * A zip file (deflated entries), written by hand so a bomb can be streamed through the compressor
 * without ever holding its inflated size in memory.
 */
export async function makeZip(entries: ZipEntry[]): Promise<Buffer> {
  const {createDeflateRaw, deflateRawSync, crc32} = await import('node:zlib')
  const parts: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    let data: Buffer
    let crc = 0
    let size = 0
    if ('data' in entry) {
      data = deflateRawSync(entry.data)
      crc = crc32(entry.data)
      size = entry.data.length
    } else {
      const deflate = createDeflateRaw({level: 9})
      const out: Buffer[] = []
      deflate.on('data', (chunk: Buffer) => out.push(chunk))
      const ended = new Promise((resolve) => deflate.on('end', resolve))
      const write = async (bytes: Buffer) => {
        crc = crc32(bytes, crc)
        size += bytes.length
        if (!deflate.write(bytes)) await new Promise((resolve) => deflate.once('drain', resolve))
      }
      await write(Buffer.from(entry.bomb.prefix))
      // About 1 MB at a time; `times` is rounded up to a whole block.
      const perBlock = Math.max(1, Math.floor((1 << 20) / Buffer.byteLength(entry.bomb.repeat)))
      const block = Buffer.from(entry.bomb.repeat.repeat(perBlock))
      for (let done = 0; done < entry.bomb.times; done += perBlock) await write(block)
      await write(Buffer.from(entry.bomb.suffix))
      deflate.end()
      await ended
      data = Buffer.concat(out)
    }
    const name = Buffer.from(entry.name)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(crc >>> 0, 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(size >>> 0, 22)
    local.writeUInt16LE(name.length, 26)
    const record = Buffer.alloc(46)
    record.writeUInt32LE(0x02014b50, 0)
    record.writeUInt16LE(20, 4)
    record.writeUInt16LE(20, 6)
    record.writeUInt16LE(8, 10)
    record.writeUInt32LE(crc >>> 0, 16)
    record.writeUInt32LE(data.length, 20)
    record.writeUInt32LE(size >>> 0, 24)
    record.writeUInt16LE(name.length, 28)
    record.writeUInt32LE(offset, 42)
    parts.push(local, name, data)
    central.push(record, name)
    offset += local.length + name.length + data.length
  }
  const directory = Buffer.concat(central)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...parts, directory, end])
}
