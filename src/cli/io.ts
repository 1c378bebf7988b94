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
