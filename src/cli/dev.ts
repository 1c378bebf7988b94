/**
 * `policypress dev`: start the live preview and keep it running until Ctrl-C.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import {startDevServer, type BuildState} from '../dev/server.js'
import {requireArchive, type CliIo} from './io.js'

/** Options of `dev`. */
export interface DevCommandOptions {
  content: string
  archive?: string | undefined
  templates?: string | undefined
  port: string
}

/** Run `dev`; resolves to the exit code once stopped with Ctrl-C (SIGINT) or SIGTERM. */
export async function devCommand(options: DevCommandOptions, io: CliIo): Promise<number> {
  const port = Number(options.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535, not \`${options.port}\``)
  await requireArchive(options.archive)
  // As `check` and `build` do: a preview of no folder would only show an error page.
  const content = await fs.stat(path.resolve(options.content)).catch(() => undefined)
  if (!content?.isDirectory()) throw new Error(`Content folder \`${options.content}\` not found; pass an existing folder with --content`)
  // Each rebuild after a save gets one line, so the terminal says what the page shows.
  const onBuild = (state: BuildState) => {
    const warnings = state.problems.filter((problem) => problem.severity === 'warning').length
    if (state.ok) io.stdout(`Rebuilt in ${Math.round(state.duration)} ms${warnings > 0 ? ` (${warnings} warning${warnings === 1 ? '' : 's'}, shown in the page)` : ''}.`)
    else {
      const first = state.problems.find((problem) => problem.severity === 'error') ?? state.problems[0]
      const where = first ? `: ${first.file}:${first.line}:${first.column}  ${first.message}` : ''
      io.stderr(`${state.problems.length} problem${state.problems.length === 1 ? '' : 's'}, shown in the page${where}`)
    }
  }
  let server
  try {
    server = await startDevServer({content: options.content, archive: options.archive, templates: options.templates, port, cwd: io.cwd, onBuild})
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(`Port ${port} is already in use (is another preview running?); pass another with --port, or --port 0 for any free port`)
    }
    throw error
  }
  const state = server.state()
  io.stdout(`policypress preview: ${server.url}  (in-app pages in a phone frame: ${server.url}__policypress/phone)`)
  io.stdout(state.ok ? `Built in ${Math.round(state.duration)} ms. Watching for changes; Ctrl-C to stop.` : `Content has ${state.problems.length} problem(s); they show in the page. Watching for changes.`)
  await new Promise<void>((resolve) => {
    const stop = () => resolve()
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  await server.close()
  io.stdout('Preview stopped.')
  return 0
}
