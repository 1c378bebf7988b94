/**
 * `policypress publish <doc>`: freeze the working copy into the archive as a new version.
 */
import path from 'node:path'
import {publish} from '../versions/publish.js'
import {formatText, messageRecords} from '../report/format.js'
import type {CliIo} from './io.js'

/** Options of `publish`. */
export interface PublishCommandOptions {
  content: string
  archive?: string | undefined
  version?: string | undefined
  /** Templates folder whose `notices/` texts are length-checked (default: the shipped templates). */
  templates?: string | undefined
  json: boolean
}

/** Run `publish`; resolves to the exit code. */
export async function publishCommand(document: string, options: PublishCommandOptions, io: CliIo): Promise<number> {
  const result = await publish({...options, document})
  if (options.json) {
    // The messages as `check --format json` gives them, so a pipeline sees why nothing was published.
    const messages = messageRecords(result.files, io.cwd)
    const errors = messages.filter((message) => message.severity === 'error').length
    io.stdout(JSON.stringify({ok: result.ok, published: result.published ?? null, errors, warnings: messages.length - errors, messages}, null, 2))
  }
  if (!result.ok) {
    io.stderr(formatText(result.files, io.cwd))
    io.stderr('Nothing was published.')
    return 1
  }
  const published = result.published!
  if (!options.json) {
    const folder = path.relative(io.cwd, path.join(path.resolve(options.archive ?? path.join(path.dirname(path.resolve(options.content)), 'archive')), published.document, published.version))
    io.stdout(`Published ${published.document} ${published.version} (${published.locales.join(', ')}) into ${folder}/; ${Object.keys(published.files).length} files recorded in lock.json.`)
  }
  return 0
}
