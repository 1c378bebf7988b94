/**
 * A Markdown file in the content folder that no page shows: a policy saved under another name or in
 * another folder, or a clause no policy includes (forgotten, or left over from an earlier import).
 * It is published nowhere, yet an author may believe it is, so say so where it is.
 */
import type {ContentSource} from '../load/content.js'
import {report} from '../messages.js'

/**
 * Report every `.md` file of `source` but READMEs that is neither one of `pages` (policies and lists)
 * nor in `included` (every file an include named while the pages were expanded).
 */
export function checkUnusedFiles(source: ContentSource, pages: readonly string[], included: ReadonlySet<string>): void {
  const shown = new Set(pages)
  for (const [path, file] of source.files) {
    // A README is a note to the authors, not policy text.
    if (!path.endsWith('.md') || /(^|\/)readme\.md$/i.test(path) || shown.has(path) || included.has(path) || file.messages.length > 0) continue
    if (/(^|\/)clauses\//.test(path)) {
      report(file, 'Unexpected clause that no policy includes: it is shown nowhere', 'content-unused', {line: 1, column: 1}, 'warning')
    } else {
      report(file, 'Unexpected Markdown file that is neither a policy, a list nor an included clause: it is published nowhere', 'content-unused', {line: 1, column: 1}, 'warning')
    }
  }
}
