/**
 * `policypress notify`: deliver the change summaries of published versions to the webhook endpoints.
 */
import {notify} from '../notices/notify.js'
import {formatNotifyJson, formatNotifyText} from '../notices/report.js'
import {formatJson, formatText} from '../report/format.js'
import {requireArchive, type CliIo} from './io.js'

/** Options of `notify`. */
export interface NotifyCommandOptions {
  content: string
  archive?: string | undefined
  out?: string | undefined
  outbox?: string | undefined
  /** Templates folder whose `notices/` writes the notice texts (default: the shipped templates). */
  templates?: string | undefined
  dryRun: boolean
  json: boolean
  /** Per-attempt timeout in milliseconds (default 10000). */
  timeout?: string | undefined
  /** Time limit of the whole run in seconds (default 300). */
  maxTime?: string | undefined
  /** Attempts per delivery in one run (default 8). */
  maxAttempts?: string | undefined
  /** Cap of the first backoff in milliseconds (default 500). */
  backoff?: string | undefined
  /** Deliveries in flight per endpoint (default 4). */
  concurrency?: string | undefined
}

const numberOptions = {timeout: 10_000, maxTime: 300, maxAttempts: 8, backoff: 500, concurrency: 4}

/** Exit code after Ctrl-C, as shells report a SIGINT death (128 + 2). */
const interruptedCode = 130

/**
 * Run `notify`; resolves to the exit code: 0 all delivered (or a dry run), 1 content errors or
 * something left undelivered, 2 configuration errors, 130 after Ctrl-C (the outbox is written first).
 */
export async function notifyCommand(options: NotifyCommandOptions, io: CliIo): Promise<number> {
  await requireArchive(options.archive)
  const numbers = {...numberOptions}
  for (const key of Object.keys(numberOptions) as Array<keyof typeof numberOptions>) {
    const value = options[key]
    if (value === undefined) continue
    if (!/^\d+$/.test(value) || Number(value) <= 0) {
      io.stderr(`policypress: option --${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} must be a whole number greater than 0, not \`${value}\``)
      return 2
    }
    numbers[key] = Number(value)
  }
  const controller = new AbortController()
  // Ctrl-C stops sending; the run then records where it stopped and returns. A second one changes nothing.
  const onSigint = () => controller.abort()
  process.on('SIGINT', onSigint)
  try {
    const result = await notify({
      content: options.content,
      archive: options.archive,
      out: options.out,
      outbox: options.outbox,
      templates: options.templates,
      dryRun: options.dryRun,
      delivery: {
        timeoutMs: numbers.timeout,
        maxTimeMs: numbers.maxTime * 1000,
        maxAttempts: numbers.maxAttempts,
        backoff: {baseMs: numbers.backoff},
        concurrency: numbers.concurrency,
        signal: controller.signal
      }
    })
    if (result.status !== 'done') {
      if (options.json) io.stdout(formatJson(result.files, io.cwd))
      else io.stderr(formatText(result.files, io.cwd))
      io.stderr('Nothing was sent.')
      return result.status === 'content-errors' ? 1 : 2
    }
    io.stdout(options.json ? formatNotifyJson(result, io.cwd) : formatNotifyText(result, io.cwd))
    if (result.interrupted || controller.signal.aborted) return interruptedCode
    return result.ok ? 0 : 1
  } finally {
    process.off('SIGINT', onSigint)
  }
}
