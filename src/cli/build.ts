/**
 * `policypress build`: check the content, then replace the output folder as a whole.
 */
import path from 'node:path'
import {build} from '../pipeline.js'
import {defaultCacheDir, folderCache} from '../cache/store.js'
import {formatJson, formatText} from '../report/format.js'
import {requireArchive, type CliIo} from './io.js'

/** Options of `build`. */
export interface BuildCommandOptions {
  content: string
  out: string
  archive?: string | undefined
  templates?: string | undefined
  drafts: boolean
  json: boolean
  /** Cache folder, or `false` for none (`--no-cache`). */
  cache: string | boolean
}

/** Run `build`; resolves to the exit code. */
export async function buildCommand(options: BuildCommandOptions, io: CliIo): Promise<number> {
  await requireArchive(options.archive)
  const cacheDir = options.cache === false ? undefined : typeof options.cache === 'string' ? options.cache : defaultCacheDir(options.content)
  const cache = cacheDir === undefined ? undefined : folderCache(cacheDir)
  const result = await build({...options, cache, backgroundCleanup: true})
  cache?.prune()
  const out = path.relative(io.cwd, path.resolve(options.out)) || '.'
  if (options.json) {
    const report = JSON.parse(formatJson(result.files, io.cwd)) as object
    io.stdout(JSON.stringify({...report, out, files: result.written.map((file) => file.path)}, null, 2))
  } else if (!result.ok) {
    io.stderr(formatText(result.files, io.cwd))
    io.stderr(`Nothing was written: fix the errors above, then build again (${out}/ is unchanged).`)
  } else {
    const warnings = result.files.some((file) => file.messages.length > 0)
    if (warnings) io.stderr(formatText(result.files, io.cwd))
    io.stdout(`Built ${result.project.documents.length} document(s) into ${out}/ (${result.written.length} files).`)
  }
  return result.ok ? 0 : 1
}
