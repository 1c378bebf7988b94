/**
 * Load stage: read the content folder into memory. The only stage of the pipeline that reads files;
 * everything after it works on the returned `ContentSource`.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {report} from '../messages.js'

/** All text files of a content folder, keyed by content-relative path with `/` separators. */
export interface ContentSource {
  /** Absolute path of the content folder. */
  root: string
  /** Files sorted by path. Each VFile has `path` relative to `cwd` = the content folder. */
  files: Map<string, VFile>
  /**
   * Files that look like policy text saved under a name policypress does not read (`index.md.txt`,
   * `sdk.markdown`), each with a warning; they are not content, so nothing else sees them.
   */
  ignored?: VFile[] | undefined
  /**
   * The bytes each file had when it was read. A version is frozen, and a draft keyed, from these, never
   * from the disk again: a save that lands mid-build must not pair new bytes with the old text.
   */
  bytes?: Map<string, Uint8Array> | undefined
}

/** File types the loader reads. */
const textExtensions = new Set(['.md', '.yaml', '.yml'])

/**
 * Read every Markdown and YAML file under `root` (hidden files and folders are skipped).
 *
 * Problems that belong to one file (not UTF-8, a link pointing outside `root`) are reported on it;
 * a missing `root` throws, since that is a usage error rather than a content error.
 */
export async function loadContent(root: string): Promise<ContentSource> {
  const absolute = path.resolve(root)
  const stat = await fs.stat(absolute).catch(() => undefined)
  if (!stat || !stat.isDirectory()) {
    throw new Error(`Content folder \`${root}\` not found; pass an existing folder with --content`)
  }
  const realRoot = await fs.realpath(absolute)
  const skipped: string[] = []
  const paths = await walk(absolute, '', skipped)
  paths.sort()
  const ignored = skipped.filter((relative) => lookedLikeText.test(relative)).sort().map((relative) => {
    const file = new VFile({path: relative, cwd: absolute, value: ''})
    report(file, 'Unexpected file that policypress does not read: only `.md` and `.yaml` files are content', 'content-unused', {line: 1, column: 1}, 'warning')
    return file
  })
  const files = new Map<string, VFile>()
  const read = new Map<string, Uint8Array>()
  for (const relative of paths) {
    const full = path.join(absolute, relative)
    const file = new VFile({path: relative, cwd: absolute})
    const link = await fs.lstat(full)
    if (link.isSymbolicLink()) {
      const target = await fs.realpath(full).catch(() => undefined)
      if (!target || !isInside(realRoot, target)) {
        file.value = ''
        report(file, 'Unexpected link to a file outside the content folder', 'content-symlink', {line: 1, column: 1})
        files.set(relative, file)
        continue
      }
    }
    const bytes = await fs.readFile(full)
    file.value = decode(bytes, file)
    files.set(relative, file)
    read.set(relative, bytes)
  }
  return {root: absolute, files, ignored, bytes: read}
}

/** Names of text an author most likely meant as content (Windows adds `.txt`; editors `.markdown`). */
const lookedLikeText = /\.(txt|markdown|mdown|mkd|mdx|yaml\.txt)$/i

/** Make a `ContentSource` from in-memory files, for tests and embedding. */
export function contentFromFiles(files: Record<string, string>, root = '/content'): ContentSource {
  const map = new Map<string, VFile>()
  for (const relative of Object.keys(files).sort()) {
    map.set(relative, new VFile({path: relative, cwd: root, value: normalizeText(files[relative] ?? '')}))
  }
  return {root, files: map}
}

async function walk(root: string, relative: string, skipped: string[]): Promise<string[]> {
  const entries = await fs.readdir(path.join(root, relative), {withFileTypes: true})
  const found: string[] = []
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue
    const child = relative ? `${relative}/${entry.name}` : entry.name
    if (entry.isDirectory()) {
      found.push(...(await walk(root, child, skipped)))
    } else if (textExtensions.has(path.extname(entry.name).toLowerCase())) {
      found.push(child)
    } else {
      skipped.push(child)
    }
  }
  return found
}

function decode(bytes: Buffer, file: VFile): string {
  try {
    return normalizeText(new TextDecoder('utf-8', {fatal: true}).decode(bytes))
  } catch {
    // Point at the first undecodable byte: the lenient decoder puts U+FFFD there.
    const lenient = new TextDecoder('utf-8').decode(bytes)
    const before = lenient.slice(0, Math.max(0, lenient.indexOf('\uFFFD')))
    const lines = before.split('\n')
    const place = {line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1}
    report(file, 'Unexpected bytes that are not UTF-8 text', 'content-encoding', place)
    return ''
  }
}

/** Drop a byte-order mark; a lone CR (old Mac line ends) becomes LF, which keeps every offset. */
function normalizeText(text: string): string {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  return withoutBom.includes('\r') ? withoutBom.replace(/\r(?!\n)/g, '\n') : withoutBom
}

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target)
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
}
