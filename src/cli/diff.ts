/**
 * `policypress diff OLD.md NEW.md`: print what changed between two versions of a policy. Differences are
 * the expected outcome, not an error: exit 0; a file the parser refused (nested too deep) is a content
 * error: exit 1 with its messages; an unreadable file is a usage error: exit 2.
 */
import fs from 'node:fs/promises'
import {diffMarkdownDocuments, readMarkdown} from '../diff/markdown.js'
import {formatJson, formatText} from '../report/format.js'
import {hasErrors} from '../messages.js'
import {formatDiffText} from '../diff/format.js'
import {renderDiffPage} from '../diff/html.js'
import type {CliIo} from './io.js'

/** Options of `diff`. */
export interface DiffCommandOptions {
  /** Output format (default `text`). */
  format: 'text' | 'json' | 'html'
}

/** Run `diff` on the files at `oldPath` and `newPath`; resolves to the exit code. */
export async function diffCommand(oldPath: string, newPath: string, options: DiffCommandOptions, io: CliIo): Promise<number> {
  const texts: string[] = []
  for (const file of [oldPath, newPath]) {
    try {
      texts.push(await fs.readFile(file, 'utf8'))
    } catch {
      io.stderr(`policypress: Cannot read \`${file}\``)
      return 2
    }
  }
  const [old, next] = [readMarkdown(texts[0]!, oldPath), readMarkdown(texts[1]!, newPath)]
  if (hasErrors([old.file, next.file])) {
    // Compared as it was read, the file would look empty: say why instead (as `check` would, in JSON too).
    if (options.format === 'json') io.stdout(formatJson([old.file, next.file], io.cwd))
    else io.stderr(formatText([old.file, next.file], io.cwd))
    return 1
  }
  const diff = diffMarkdownDocuments(old, next)
  if (options.format === 'json') io.stdout(JSON.stringify(diff, null, 2))
  else if (options.format === 'html') io.stdout(renderDiffPage(diff))
  else io.stdout(formatDiffText(diff))
  return 0
}
