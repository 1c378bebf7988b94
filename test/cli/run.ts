/**
 * Run the real `policypress` binary (compiled `lib/`) in a folder, as a build pipeline would.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

export const root = fileURLToPath(new URL('../../', import.meta.url))
export const bin = path.join(root, 'bin', 'policypress.js')
export const fixtures = path.join(root, 'test', 'fixtures', 'content')

/** The outcome of one CLI run. */
export interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** Run `policypress ...args` with `cwd`. */
export function policypress(args: string[], cwd: string): Run {
  const result = spawnSync(process.execPath, [bin, ...args], {cwd, encoding: 'utf8'})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

/** A fresh temporary folder holding a copy of fixture `name` (its `content/`), or an empty one. */
export function workspace(name?: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policypress-'))
  if (name) fs.cpSync(path.join(fixtures, name), dir, {recursive: true})
  return dir
}

/** Every file under `dir` with its bytes, for byte-for-byte comparison. */
export function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>()
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, {withFileTypes: true})) {
      const full = path.join(current, entry.name)
      if (entry.isDirectory()) walk(full)
      else files.set(path.relative(dir, full), fs.readFileSync(full, 'base64'))
    }
  }
  walk(dir)
  return files
}
