import fs from 'node:fs/promises'
import path from 'node:path'

/** Where a command writes, so tests can capture it. */
export interface CliIo {
  stdout(text: string): void
  stderr(text: string): void
  /** Folder paths are shown relative to. */
  cwd: string
}

/** The process's own streams. */
export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  cwd: process.cwd()
}

/**
 * Refuse an `--archive` folder that does not exist. Left out, a missing `archive/` is an empty one (a new
 * project); given, a mistyped path would read as "nothing published" and show the draft as in force.
 */
export async function requireArchive(archive: string | undefined): Promise<void> {
  if (archive === undefined) return
  const stat = await fs.stat(path.resolve(archive)).catch(() => undefined)
  if (!stat?.isDirectory()) {
    throw new Error(`Archive folder \`${archive}\` not found; check the --archive path (leave the option out while nothing is published yet)`)
  }
}
