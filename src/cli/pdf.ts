/**
 * `policypress pdf <doc>`: print a version of a policy to PDF for the record.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import {formatText} from '../report/format.js'
import {MissingDependencyError} from '../pdf/chromium.js'
import {defaultPdfName, printPdf} from '../pdf/print.js'
import {requireArchive, type CliIo} from './io.js'

/** Options of `pdf`. */
export interface PdfCommandOptions {
  version?: string | undefined
  locale?: string | undefined
  content: string
  archive?: string | undefined
  templates?: string | undefined
  out?: string | undefined
}

/** Run `pdf`; resolves to the exit code (1 content errors, 2 missing Chromium or a bad choice). */
export async function pdfCommand(document: string, options: PdfCommandOptions, io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  await requireArchive(options.archive && path.resolve(io.cwd, options.archive))
  let printed
  try {
    printed = await printPdf({document, version: options.version, locale: options.locale, content: path.resolve(io.cwd, options.content), archive: options.archive && path.resolve(io.cwd, options.archive), templates: options.templates && path.resolve(io.cwd, options.templates), env})
  } catch (error) {
    if (error instanceof MissingDependencyError) {
      io.stderr(`policypress: ${error.message}`)
      return 2
    }
    throw error
  }
  if (!printed.ok) {
    io.stderr(formatText(printed.result.files, io.cwd))
    io.stderr('Nothing was printed: fix the errors above, then try again.')
    return 1
  }
  for (const warning of printed.warnings) io.stderr(`policypress: ${warning}`)
  const out = path.resolve(io.cwd, options.out ?? defaultPdfName(printed.target))
  await fs.mkdir(path.dirname(out), {recursive: true})
  const temporary = `${out}.policypress-${process.pid}.tmp`
  await fs.writeFile(temporary, printed.pdf)
  await fs.rename(temporary, out)
  const {target} = printed
  const shown = path.relative(io.cwd, out) || out
  const what = target.status === 'draft' ? `the unpublished draft ${target.version}` : `version ${target.version}`
  io.stdout(`Printed ${target.document.id} (${target.document.locale}) ${what} to ${shown.startsWith('..') ? out : shown} (${Math.round(printed.pdf.length / 1024)} KB).`)
  return 0
}
