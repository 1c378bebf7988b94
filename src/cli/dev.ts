/**
 * `policypress dev`: start the live preview and keep it running until Ctrl-C.
 */
import {startDevServer} from '../dev/server.js'
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
  const server = await startDevServer({content: options.content, archive: options.archive, templates: options.templates, port, cwd: io.cwd})
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
