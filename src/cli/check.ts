/**
 * `policypress check`: report every problem in the content folder.
 */
import {check, fixContent} from '../pipeline.js'
import {defaultCacheDir, folderCache} from '../cache/store.js'
import {formatJson, formatText} from '../report/format.js'
import {requireArchive, type CliIo} from './io.js'

/** Options of `check`. */
export interface CheckCommandOptions {
  content: string
  archive?: string | undefined
  /** Templates folder whose `notices/` texts are length-checked (default: the shipped templates). */
  templates?: string | undefined
  format: 'text' | 'json'
  fix: boolean
  /** Cache folder, or `false` for none (`--no-cache`). */
  cache: string | boolean
}

/** Run `check`; resolves to the exit code. */
export async function checkCommand(options: CheckCommandOptions, io: CliIo): Promise<number> {
  if (options.fix) {
    for (const {file, ids} of await fixContent({content: options.content})) {
      io.stderr(`fixed ${file.path}: added ${ids.length} heading id${ids.length === 1 ? '' : 's'} (${ids.join(', ')})`)
    }
  }
  await requireArchive(options.archive)
  const cacheDir = options.cache === false ? undefined : typeof options.cache === 'string' ? options.cache : defaultCacheDir(options.content)
  // The same cache as `build`: checking unchanged content again costs a read.
  const result = await check({content: options.content, archive: options.archive, templates: options.templates, cache: cacheDir === undefined ? undefined : folderCache(cacheDir)})
  io.stdout(options.format === 'json' ? formatJson(result.files, io.cwd) : formatText(result.files, io.cwd))
  return result.ok ? 0 : 1
}
