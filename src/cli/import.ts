/**
 * `policypress import FILE`: convert an existing policy (.txt, .html, .md, .docx) into
 * `<out>/<doc>/<locale>/index.md` (plus `clauses/`), and report what a person should review.
 * Exit 0 when the result passes the check and keeps every sentence, 1 when it was written but still
 * needs a hand, 2 for usage errors (unreadable or unknown file, bad option, existing files).
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import {formatOf} from '../import/format.js'
import {isValidId} from '../model/ids.js'
import {isValidLocale} from '../model/locale.js'
import type {CliIo} from './io.js'

/** Options of `import`. */
export interface ImportCommandOptions {
  /** Document id (default: from the title or the file name). */
  doc?: string | undefined
  /** Locale (default: detected, `zh-CN` or `en-US`). */
  locale?: string | undefined
  /** Content folder to write into (default `content`). */
  out: string
  /** Print the report as JSON (default false). */
  json: boolean
  /** Replace files that exist already (default false). */
  force: boolean
}

/** Run `import` on `file`; resolves to the exit code. */
export async function importCommand(file: string, options: ImportCommandOptions, io: CliIo): Promise<number> {
  const fail = (message: string): number => {
    io.stderr(`policypress: ${message}`)
    return 2
  }
  const format = formatOf(file)
  if (!format) return fail(`Cannot import \`${file}\`: expected a .txt, .html, .htm, .md or .docx file`)
  if (options.doc !== undefined && (!isValidId(options.doc) || !/^[a-z0-9-]+$/.test(options.doc))) {
    return fail(`Unexpected document id \`${options.doc}\`, expected lowercase letters, digits and hyphens, e.g. \`privacy\``)
  }
  if (options.locale !== undefined && !isValidLocale(options.locale)) {
    return fail(`Unexpected locale \`${options.locale}\`, expected a locale like \`zh-CN\` or \`en-US\``)
  }
  let data: Buffer
  try {
    data = await fs.readFile(file)
  } catch {
    return fail(`Cannot read \`${file}\``)
  }
  // The readers (mammoth, the Markdown parser, the compiler) load only once the arguments are good.
  const {importPolicy} = await import('../import/index.js')
  const {formatImportJson, formatImportText} = await import('../import/report.js')
  const result = await importPolicy({name: file, data}, {doc: options.doc, locale: options.locale, format})

  const targets = Object.keys(result.files).map((relative) => path.join(options.out, ...relative.split('/')))
  if (!options.force) {
    for (const target of targets) {
      const exists = await fs.stat(target).then(() => true, () => false)
      if (exists) return fail(`Refusing to overwrite \`${target}\`, which exists already; pass --force to replace it, or choose another --doc or --out`)
    }
  }
  // Clauses of an earlier import that this one does not replace stay (they are the author's files now),
  // but the report names them: the new policy no longer includes them.
  const clauses = `${path.posix.dirname(Object.keys(result.files)[0] ?? '')}/clauses`
  const existing = await fs.readdir(path.join(options.out, ...clauses.split('/'))).catch(() => [] as string[])
  const leftOver = existing.filter((name) => name.endsWith('.md') && result.files[`${clauses}/${name}`] === undefined).sort().map((name) => `${clauses}/${name}`)
  for (const [relative, text] of Object.entries(result.files)) {
    const target = path.join(options.out, ...relative.split('/'))
    await fs.mkdir(path.dirname(target), {recursive: true})
    await fs.writeFile(target, text)
  }
  const names = {input: file, out: options.out, leftOver}
  io.stdout(options.json ? formatImportJson(result, names) : formatImportText(result, names))
  return result.ok ? 0 : 1
}
