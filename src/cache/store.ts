/**
 * Where cached values live: in memory (the preview server) or in a folder (builds). Values are JSON
 * data. A damaged or unreadable entry is a miss, never an error: the cache only ever saves work.
 */
import fs from 'node:fs'
import path from 'node:path'
import {sha256} from '../versions/lock.js'

/** A content-addressed store of JSON values. */
export interface CacheStore {
  /** The value stored under `key`, or `undefined`. */
  get(key: string): unknown
  /** Store `value` under `key`. */
  set(key: string, value: unknown): void
  /**
   * Texts by their SHA-256, for stores that outlive the process: rendered pages are kept once, read
   * only when the output folder does not already hold them, and not kept in memory meanwhile.
   */
  texts?: TextStore | undefined
}

/** Texts by their SHA-256 (hex). */
export interface TextStore {
  has(hash: string): boolean
  /** The text, or `undefined` when it is missing or does not match its hash. */
  get(hash: string): string | undefined
  set(hash: string, text: string): void
}

/** Hits and misses of a store, for reports and benchmarks. */
export interface CacheStats {
  hits: number
  misses: number
}

/** A store that keeps nothing. */
export const noCache: CacheStore = {get: () => undefined, set() {}}

/**
 * A store in memory, for as long as the process lives, holding at most `maxBytes` of values (the
 * least recently used go first). Values are kept as JSON text, like on disk: a caller that changes
 * what it got (Handlebars changes the syntax trees it compiles) cannot change what the next one gets.
 */
export function memoryCache(maxBytes = 256 * 2 ** 20): CacheStore & {stats: CacheStats} {
  const stats: CacheStats = {hits: 0, misses: 0}
  const values = new Map<string, string>()
  let size = 0
  return {
    stats,
    get(key) {
      const text = values.get(key)
      if (text === undefined) {
        stats.misses++
        return undefined
      }
      stats.hits++
      // Most recently used last.
      values.delete(key)
      values.set(key, text)
      return JSON.parse(text)
    },
    set(key, value) {
      const text = JSON.stringify(value)
      const old = values.get(key)
      if (old !== undefined) size -= old.length * 2
      values.delete(key)
      values.set(key, text)
      size += text.length * 2
      for (const [oldest, oldText] of values) {
        if (size <= maxBytes || oldest === key) break
        values.delete(oldest)
        size -= oldText.length * 2
      }
    }
  }
}

/** The default cache folder of a project: `.policypress/cache` beside the content folder. */
export function defaultCacheDir(content: string): string {
  return path.join(path.dirname(path.resolve(content)), '.policypress', 'cache')
}

/**
 * A store in `dir`: one file per key (`ab/abcdef….json`), written atomically, so a build killed
 * mid-way leaves whole entries or none. Each entry repeats its key, so a file copied or renamed by
 * hand is not mistaken for another.
 */
export function folderCache(dir: string): CacheStore & {stats: CacheStats; texts: TextStore; prune(maxBytes?: number): number} {
  const stats: CacheStats = {hits: 0, misses: 0}
  const opened = new Date()
  /** Bytes this store wrote. */
  let written = 0
  const fileOf = (key: string) => path.join(dir, key.slice(0, 2), `${key}.json`)
  const textOf = (hash: string) => path.join(dir, hash.slice(0, 2), `${hash}.txt`)
  const texts: TextStore = {
    has: (hash) => fs.existsSync(textOf(hash)),
    get(hash) {
      try {
        const text = fs.readFileSync(textOf(hash), 'utf8')
        return sha256(text) === hash ? text : undefined
      } catch {
        return undefined
      }
    },
    set(hash, text) {
      const file = textOf(hash)
      if (fs.existsSync(file)) return
      written += text.length * 3
      writeText(file, text)
    }
  }
  return {
    stats,
    texts,
    get(key) {
      try {
        const file = fileOf(key)
        const entry = JSON.parse(fs.readFileSync(file, 'utf8')) as {key?: unknown; value?: unknown}
        if (entry.key === key && 'value' in entry) {
          stats.hits++
          // Used now: `prune` removes the entries used longest ago.
          fs.utimesSync(file, opened, opened)
          return entry.value
        }
      } catch {
        // Missing or damaged: computed again and rewritten.
      }
      stats.misses++
      return undefined
    },
    set(key, value) {
      const text = JSON.stringify({key, value})
      written += text.length * 3
      writeText(fileOf(key), text)
    },
    /**
     * When the folder holds more than `maxBytes` (default 1 GiB), remove the entries used longest ago
     * until it holds three quarters of that, then the page texts no remaining entry names. Entries used since this store was opened are kept
     * whatever their size. Counts the folder only when this store wrote to it. Returns the bytes removed.
     */
    prune(maxBytes = 2 ** 30) {
      if (written === 0) return 0
      // The size counted last time plus what this store wrote: walk the folder only when that is too much.
      const ledger = path.join(dir, 'size.json')
      const counted = Number((JSON.parse(readText(ledger) ?? '{}') as {bytes?: unknown}).bytes)
      if (Number.isFinite(counted) && counted + written <= maxBytes) {
        writeText(ledger, JSON.stringify({bytes: counted + written}))
        return 0
      }
      const entries: Array<{file: string; size: number; used: number}> = []
      const texts = new Map<string, {file: string; size: number}>()
      let names: string[]
      try {
        names = fs.readdirSync(dir, {recursive: true}).map(String)
      } catch {
        return 0 // an unusable cache folder holds nothing to prune
      }
      for (const name of names) {
        const file = path.join(dir, name)
        const isEntry = name.endsWith('.json')
        if (!isEntry && !name.endsWith('.txt')) continue
        const stat = fs.statSync(file, {throwIfNoEntry: false})
        if (!stat) continue
        if (isEntry) entries.push({file, size: stat.size, used: stat.mtimeMs})
        else texts.set(path.basename(name, '.txt'), {file, size: stat.size})
      }
      let total = entries.reduce((sum, entry) => sum + entry.size, 0) + [...texts.values()].reduce((sum, text) => sum + text.size, 0)
      if (total <= maxBytes) {
        writeText(ledger, JSON.stringify({bytes: total}))
        return 0
      }
      // Down to three quarters, so the next builds do not count and prune again straight away.
      const target = Math.floor(maxBytes * 0.75)
      let removed = 0
      const kept: string[] = []
      const namedBy = (file: string) => [...fs.readFileSync(file, 'utf8').matchAll(/"hash":"([0-9a-f]{64})"/g)].map((match) => match[1]!)
      for (const entry of entries.sort((a, b) => a.used - b.used)) {
        if (total > target && entry.used < opened.getTime() - 1000) {
          // Its texts go too, unless a kept entry names them as well (counted as freed all the same).
          for (const hash of namedBy(entry.file)) total -= texts.get(hash)?.size ?? 0
          fs.rmSync(entry.file, {force: true})
          total -= entry.size
          removed += entry.size
        } else kept.push(entry.file)
      }
      // Texts are not touched when used (there are thousands); they live as long as an entry names them.
      const named = new Set(kept.flatMap(namedBy))
      for (const [hash, text] of texts) {
        if (named.has(hash)) continue
        fs.rmSync(text.file, {force: true})
        removed += text.size
        total -= text.size
      }
      writeText(ledger, JSON.stringify({bytes: Math.max(0, total)}))
      return removed
    }
  }
}

/** Write `text` to `file` atomically; a full or read-only disk costs speed, not correctness. */
function writeText(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`
  try {
    fs.mkdirSync(path.dirname(file), {recursive: true})
    fs.writeFileSync(temporary, text)
    fs.renameSync(temporary, file)
  } catch {
    try {
      fs.rmSync(temporary, {force: true})
    } catch {
      // The folder itself is unusable (a file, say): nothing was written, nothing to remove.
    }
  }
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8')
  } catch {
    return undefined
  }
}
