/**
 * The outbox: one record per (change summary, endpoint) saying whether it was delivered, so a crash
 * or Ctrl-C never loses a notice and a re-run never re-sends one a receiver acknowledged.
 *
 * The file is replaced atomically (write a temporary file, fsync, rename) after every state change, so
 * it is always either the previous or the next whole state. Writes are coalesced: changes made while a
 * write is in flight go out together in the next one. A lock file keeps two runs from interleaving.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import {randomBytes} from 'node:crypto'
import {z} from 'zod'

/** Version of the outbox file format. */
export const outboxVersion = 1

const entrySchema = z.strictObject({
  idempotencyKey: z.string(),
  summary: z.string().describe('Change summary id'),
  endpoint: z.string().describe('Endpoint name'),
  url: z.string(),
  state: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number().int().nonnegative().describe('Attempts over every run'),
  deliveryId: z.string().nullable().describe('X-Policypress-Delivery of the latest run'),
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  lastAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable()
})

/** The schema of an outbox file. */
export const outboxSchema = z.strictObject({outboxVersion: z.literal(outboxVersion), deliveries: z.array(entrySchema)})

/** One delivery's record. */
export type OutboxEntry = z.infer<typeof entrySchema>

/** An open outbox. */
export interface Outbox {
  /** The outbox file. */
  file: string
  /** The record of `idempotencyKey`, if any. */
  get(idempotencyKey: string): OutboxEntry | undefined
  /** Every record, sorted by summary id then URL. */
  entries(): OutboxEntry[]
  /** Add or change a record and schedule a write; resolves once a write including it is done. */
  put(entry: OutboxEntry): Promise<void>
  /** Resolves when every change so far is on disk; rejects if a write failed. */
  flush(): Promise<void>
  /** The error of a failed write, if any: nothing should be sent once state cannot be recorded. */
  failure(): Error | undefined
  /** Flush and release the lock. */
  close(): Promise<void>
}

/** `.policypress/outbox.json` beside the content folder: the default outbox. */
export function defaultOutbox(content: string): string {
  return path.join(path.dirname(path.resolve(content)), '.policypress', 'outbox.json')
}

/**
 * Read the outbox at `file` without opening it for writing (an absent file is an empty outbox).
 * Throws when the file is not a valid outbox: resetting it silently would re-send everything.
 */
export async function readOutbox(file: string): Promise<OutboxEntry[]> {
  const text = await fs.readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined
    throw error
  })
  if (text === undefined) return []
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    throw new Error(`The outbox \`${file}\` is not valid JSON; restore it, or delete it to re-send every summary (receivers drop repeats by Idempotency-Key)`)
  }
  const parsed = outboxSchema.safeParse(data)
  if (!parsed.success) {
    throw new Error(`The outbox \`${file}\` is not a policypress outbox (version ${outboxVersion}); restore it, or delete it to re-send every summary`)
  }
  return parsed.data.deliveries
}

/**
 * Open the outbox at `file` for writing: take its lock (`<file>.lock`), remove temporary files a killed
 * run left, and read it. Throws when another live run holds the lock.
 */
export async function openOutbox(file: string): Promise<Outbox> {
  const absolute = path.resolve(file)
  await fs.mkdir(path.dirname(absolute), {recursive: true})
  const release = await lock(`${absolute}.lock`)
  let records: Map<string, OutboxEntry>
  try {
    await removeTemporaryFiles(absolute)
    records = new Map((await readOutbox(absolute)).map((entry) => [entry.idempotencyKey, entry]))
  } catch (error) {
    await release()
    throw error
  }

  let writing: Promise<void> | undefined
  let dirty = false
  let failed: Error | undefined
  const entries = () => [...records.values()].sort((a, b) => compare(a.summary, b.summary) || compare(a.url, b.url))
  const serialize = () => `${JSON.stringify({outboxVersion, deliveries: entries()}, null, 2)}\n`
  // One writer at a time; whatever changed meanwhile is written by the next round.
  const writeLoop = async () => {
    try {
      while (dirty) {
        dirty = false
        await writeAtomically(absolute, serialize())
      }
    } catch (error) {
      failed = error instanceof Error ? error : new Error(String(error))
    } finally {
      writing = undefined
    }
  }
  const schedule = (): Promise<void> => {
    dirty = true
    writing ??= writeLoop()
    return writing.then(() => {
      if (failed) throw failed
    })
  }
  return {
    file: absolute,
    get: (key) => records.get(key),
    entries,
    put(entry) {
      records.set(entry.idempotencyKey, {...entry})
      return schedule()
    },
    async flush() {
      if (writing) await writing
      if (failed) throw failed
    },
    failure: () => failed,
    async close() {
      try {
        if (writing) await writing
      } finally {
        await release()
      }
      if (failed) throw failed
    }
  }
}

/** Replace `file` with `text` atomically: a reader (or a crash) sees the old or the new file, never a mix. */
export async function writeAtomically(file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`
  const handle = await fs.open(temporary, 'w')
  try {
    await handle.writeFile(text)
    // Without fsync a power cut after the rename could leave an empty file under the final name.
    await handle.sync()
  } finally {
    await handle.close()
  }
  await fs.rename(temporary, file)
}

/** Take the lock at `lockFile`; resolves to its release. A lock whose process is gone is taken over. */
async function lock(lockFile: string): Promise<() => Promise<void>> {
  const owner = JSON.stringify({pid: process.pid, startedAt: new Date().toISOString()})
  for (let round = 0; round < 2; round++) {
    // link() creates the lock with its content in one step, or fails if it exists.
    const temporary = `${lockFile}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`
    await fs.writeFile(temporary, owner)
    try {
      await fs.link(temporary, lockFile)
      return async () => {
        await fs.rm(lockFile, {force: true})
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    } finally {
      await fs.rm(temporary, {force: true})
    }
    const holder = await fs.readFile(lockFile, 'utf8').then((text) => Number((JSON.parse(text) as {pid?: unknown}).pid), () => Number.NaN)
    if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
      throw new Error(`The outbox is in use by another \`policypress notify\` (pid ${holder}); wait for it, or delete \`${lockFile}\` if that process is gone`)
    }
    // The holder was killed: its lock is stale.
    await fs.rm(lockFile, {force: true})
  }
  throw new Error(`Could not lock the outbox (\`${lockFile}\`); try again`)
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

async function removeTemporaryFiles(file: string): Promise<void> {
  const dir = path.dirname(file)
  const prefix = `${path.basename(file)}.`
  for (const name of await fs.readdir(dir)) {
    if (name.startsWith(prefix) && name.endsWith('.tmp')) await fs.rm(path.join(dir, name), {force: true})
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
