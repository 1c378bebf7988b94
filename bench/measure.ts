/**
 * Whole-process measurements for the benchmark: every sample is one child process, timed from just
 * before `spawn` to its exit, with its peak resident memory read by `/usr/bin/time -f %M` (the child's
 * own maxRSS from `wait4`; the parent's `process.resourceUsage()` never sees a child's memory).
 */
import {spawn} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** GNU time, when installed (Debian: `apt-get install time`). */
export const timeBinary = '/usr/bin/time'
export const hasTime = fs.existsSync(timeBinary)

/** One run of a command. */
export interface Sample {
  /** Wall milliseconds from spawn to exit. */
  ms: number
  /** Peak RSS in kilobytes (`undefined` without /usr/bin/time). */
  peakKb: number | undefined
  code: number | null
  /** Killed after the timeout. */
  timedOut: boolean
  /** Whether the exit code was an expected one. */
  ok: boolean
  stdoutBytes: number
  /** The start of stdout and stderr, for error notes and sanity checks. */
  stdoutHead: string
  stderrHead: string
}

export interface RunOptions {
  cwd?: string | undefined
  env?: NodeJS.ProcessEnv | undefined
  /** Kill the process group after this many milliseconds (default 120 s). */
  timeoutMs?: number | undefined
  /** Exit codes that count as success (default [0]). */
  okCodes?: number[] | undefined
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'policypress-bench-time-'))
process.on('exit', () => fs.rmSync(scratch, {recursive: true, force: true}))
let counter = 0

/** Run `command args` once and measure it. */
export function runTimed(command: string, args: string[], options: RunOptions = {}): Promise<Sample> {
  const memoryFile = path.join(scratch, `${counter++}.txt`)
  const [file, argv] = hasTime ? [timeBinary, ['-f', '%M', '-o', memoryFile, command, ...args]] : [command, args]
  const okCodes = options.okCodes ?? [0]
  return new Promise((resolve, reject) => {
    const started = performance.now()
    // Its own process group, so a timeout kills the command and not only /usr/bin/time.
    const child = spawn(file, argv, {cwd: options.cwd, env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe']})
    let ended = 0
    let timedOut = false
    let stdoutBytes = 0
    let stdoutHead = ''
    let stderrHead = ''
    child.stdout.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length
      if (stdoutHead.length < 4096) stdoutHead += chunk.toString('utf8', 0, Math.min(chunk.length, 4096))
    })
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderrHead.length < 8192) stderrHead += chunk.toString('utf8', 0, Math.min(chunk.length, 8192))
    })
    const timer = setTimeout(() => {
      timedOut = true
      try {
        process.kill(-child.pid!, 'SIGKILL')
      } catch {
        // Exited meanwhile.
      }
    }, options.timeoutMs ?? 120_000)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('exit', () => {
      ended = performance.now()
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      const ms = (ended || performance.now()) - started
      let peakKb: number | undefined
      let exitCode = code
      if (hasTime) {
        // `Command exited with non-zero status N` precedes the number when the command failed.
        const text = fs.existsSync(memoryFile) ? fs.readFileSync(memoryFile, 'utf8') : ''
        fs.rmSync(memoryFile, {force: true})
        const lines = text.trim().split('\n')
        const last = Number(lines.at(-1))
        peakKb = Number.isFinite(last) && last > 0 ? last : undefined
        const status = /non-zero status (\d+)/.exec(text)
        if (status) exitCode = Number(status[1])
        else if (/terminated by signal/.test(text)) exitCode = null
        else if (text) exitCode = 0
      }
      resolve({ms, peakKb, code: exitCode, timedOut, ok: !timedOut && exitCode !== null && okCodes.includes(exitCode), stdoutBytes, stdoutHead, stderrHead})
    })
  })
}

/** The median of `values` (mean of the middle two for an even count). */
export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}
