/**
 * Input formats of `policypress import`, told by file extension. Kept apart from the importer so the
 * command can check its arguments without loading the readers.
 */
import path from 'node:path'

/** Input formats, by file extension. */
export type ImportFormat = 'txt' | 'html' | 'md' | 'docx'

const extensions: Record<string, ImportFormat> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.md': 'md',
  '.markdown': 'md',
  '.docx': 'docx'
}

/** The format of a file from its extension (`.txt`, `.html`/`.htm`, `.md`, `.docx`); `undefined` if unknown. */
export function formatOf(file: string): ImportFormat | undefined {
  return extensions[path.extname(file).toLowerCase()]
}
