/**
 * Read any Markdown file as a policy document for diffing: policypress content, or a real-world capture
 * (wiki front matter with other keys, `#` titles, headings without `{#id}`, admonitions, raw HTML).
 */
import type {Heading, Root} from 'mdast'
import {VFile} from 'vfile'
import {slug} from 'github-slugger'
import {parseMarkdown} from '../parse/processor.js'
import {readFrontmatter} from '../parse/frontmatter.js'
import {buildDocument} from '../model/build.js'
import {plainText} from '../model/plain-text.js'
import type {PolicyDocument, PolicyMeta} from '../model/types.js'
import {diffDocuments, type DiffOptions} from './document.js'
import type {DocumentDiff} from './types.js'

/**
 * The document model of Markdown `text` read from `path` (used for messages and as a fallback name).
 *
 * Metadata comes from the front matter keys `id`, `title`, `locale`, `version`, `updated`, `effective`,
 * `summary`; other keys are ignored. Missing ones default to: title → first heading → file name; id →
 * file name slug; locale → `zh-CN` when the text has Han characters, else `en`; version → file name;
 * updated → a `YYYY-MM-DD` date in the file name, else empty; effective → updated.
 *
 * Headings without an `{#id}` get one from their heading path (parent id, `-`, slug of the title with
 * its numbering such as `一、`, `（二）`, `1.1`, `第三条` stripped), so that sections align by heading
 * across versions even when they are renumbered. Repeated ids get `-2`, `-3` …. Includes are not expanded.
 */
export function documentFromMarkdown(text: string, path: string): PolicyDocument {
  return readMarkdown(text, path).document
}

/** A document read from Markdown, with the section ids that were derived rather than written. */
export interface MarkdownDocument {
  document: PolicyDocument
  /** Ids given to headings that had no `{#id}` (in reading order). */
  derivedIds: string[]
  /** The file as read, with the parser's messages (a file nested too deep is read as empty and says so). */
  file: VFile
}

/** Like `documentFromMarkdown`, also telling which section ids were derived from heading text. */
export function readMarkdown(text: string, path: string): MarkdownDocument {
  const file = new VFile({path, value: text.startsWith('\uFEFF') ? text.slice(1) : text})
  const tree = parseMarkdown(file)
  const data = readFrontmatter(tree, file)?.data ?? {}
  const derivedIds = assignHeadingIds(tree)
  const name = baseName(path)
  const firstHeading = tree.children.find((node): node is Heading => node.type === 'heading')
  const title = stringOf(data['title']) ?? (firstHeading ? plainText(firstHeading).trim() || undefined : undefined) ?? name
  const updated = stringOf(data['updated']) ?? /\d{4}-\d{2}-\d{2}/.exec(name)?.[0] ?? ''
  const meta: PolicyMeta = {
    id: stringOf(data['id']) ?? (slug(name) || 'document'),
    title,
    locale: stringOf(data['locale']) ?? (/\p{Script=Han}/u.test(String(file.value)) ? 'zh-CN' : 'en'),
    version: stringOf(data['version']) ?? name,
    updated,
    effective: stringOf(data['effective']) ?? updated
  }
  const summary = stringOf(data['summary'])
  if (summary !== undefined) meta.summary = summary
  return {document: buildDocument(meta, path, tree), derivedIds, file}
}

/** One version of a document as Markdown: its text and where it was read from. */
export interface MarkdownSource {
  text: string
  path: string
}

/**
 * Diff two Markdown versions read with `readMarkdown`. Sections are also paired by content
 * (`pairByContent`) when either version has headings without `{#id}`, unless `options` say otherwise.
 */
export function diffMarkdown(old: MarkdownSource, next: MarkdownSource, options: DiffOptions = {}): DocumentDiff {
  return diffMarkdownDocuments(readMarkdown(old.text, old.path), readMarkdown(next.text, next.path), options)
}

/** `diffMarkdown` for versions already read with `readMarkdown` (a history reads each file once). */
export function diffMarkdownDocuments(old: MarkdownDocument, next: MarkdownDocument, options: DiffOptions = {}): DocumentDiff {
  const derived = old.derivedIds.length > 0 || next.derivedIds.length > 0
  return diffDocuments(old.document, next.document, {pairByContent: derived, ...options})
}

/** Leading numbering of a heading: `一、` `（二）` `(3)` `1.` `1.1.2` `第三条` `Article 4:` `(a)`. */
const numbering =
  /^\s*(?:第[零〇一二两三四五六七八九十百千\d]+[条章节部分款项篇]|[零〇一二两三四五六七八九十百千]+[、.．]|[（(][零〇一二两三四五六七八九十百千\d]+[）)]|(?:article|section|part|chapter|clause)\s+[\divxl]+\b[.:]?|\d+(?:[.．]\d+)*[.．、)]?|[（(][a-z][）)])\s*/iu

/** The title of a heading without its numbering, so renumbered sections keep their id. */
export function stripNumbering(title: string): string {
  let result = title
  for (let i = 0; i < 2; i++) result = result.replace(numbering, '')
  return result
}

/** Give every top-level heading a unique `data.id`: its own if written, else one from its path. Returns the derived ones. */
function assignHeadingIds(tree: Root): string[] {
  const derived: string[] = []
  const headings = tree.children.filter((node): node is Heading => node.type === 'heading')
  const written = new Set<string>()
  for (const heading of headings) if (heading.data?.id) written.add(heading.data.id)
  const taken = new Set<string>()
  // The next suffix to try per base id, for written and for derived ids (which also skip written ones):
  // the suffixes below it were skipped already, and would be again (taken only grows).
  const nextSuffix = {written: new Map<string, number>(), derived: new Map<string, number>()}
  const stack: Array<{depth: number; id: string}> = []
  for (const heading of headings) {
    // buildDocument nests a `#` heading as depth 2; do the same so ids follow the model's tree.
    const depth = Math.max(2, heading.depth)
    while (stack.length > 0 && (stack.at(-1)?.depth ?? 0) >= depth) stack.pop()
    const own = heading.data?.id
    let id: string
    if (own && !taken.has(own)) id = own
    else {
      const base = own ?? derivedId(heading, stack.at(-1)?.id)
      id = base
      // A derived id must not take one an author wrote further down.
      const suffixes = own === undefined ? nextSuffix.derived : nextSuffix.written
      let n = suffixes.get(base) ?? 2
      while (taken.has(id) || (own === undefined && written.has(id))) id = `${base}-${n++}`
      suffixes.set(base, n)
      if (own === undefined) derived.push(id)
    }
    taken.add(id)
    ;(heading.data ??= {}).id = id
    stack.push({depth, id})
  }
  return derived
}

function derivedId(heading: Heading, parent: string | undefined): string {
  const own = slug(stripNumbering(plainText(heading).trim())).replace(/-+/g, '-').replace(/^-|-$/g, '') || 'section'
  return parent ? `${parent}-${own}` : own
}

function baseName(path: string): string {
  const name = path.split(/[\\/]/).at(-1) ?? path
  return name.replace(/\.(?:md|markdown|mdx|txt)$/i, '')
}

/** A front matter scalar as a string; `undefined` for missing, empty or structured values. */
function stringOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim()
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  return undefined
}
