/**
 * Parse, check and model every policy, list and the vocabulary in a content folder.
 * Pure: reads only the given `ContentSource`.
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {visit} from 'unist-util-visit'
import type {ContentSource} from './load/content.js'
import type {ListKind, PolicyDocument, PolicyList, Project, SiteConfig} from './model/types.js'
import {allSections} from './model/build.js'
import {location} from 'vfile-location'
import {buildDocument} from './model/build.js'
import {readFrontmatter} from './parse/frontmatter.js'
import {expandIncludes, parseCache, parseCached} from './parse/includes.js'
import {noCache, type CacheStore} from './cache/store.js'
import {resolveReferences} from './parse/references.js'
import {checkFrontmatter} from './check/frontmatter.js'
import {checkHeadings} from './check/headings.js'
import {checkHtml} from './check/html.js'
import {checkUnmatchedStrong} from './check/emphasis.js'
import {checkUnusedFiles} from './check/unused.js'
import {checkBrokenTables} from './check/tables.js'
import {checkHeadingMarks} from './check/heading-marks.js'
import {checkLinkSyntax} from './check/link-syntax.js'
import {checkOrderedLists} from './check/ordered-lists.js'
import {checkControlCharacters} from './check/characters.js'
import {checkStrayIncludes} from './check/stray-include.js'
import {checkLinks} from './check/links.js'
import {readSiteConfig} from './check/site.js'
import type {PolicyContext} from './check/context.js'
import {parseList, type ParsedList} from './lists/parse.js'
import {crossCheckLists} from './lists/cross-check.js'
import {readVocabulary, vocabularyPath} from './lists/vocabulary.js'
import {listKinds} from './lists/fields.js'
import {hasErrors, report} from './messages.js'

/** Name of the site settings file in the content folder. */
export const siteConfigPath = 'policypress.yaml'

/** Where policies live: `<document id>/<locale>/index.md`. */
const policyPath = /^([^/]+)\/([^/]+)\/index\.md$/
/** Where lists live: `<document id>/<locale>/lists/<kind>.md`. */
const listPath = /^([^/]+)\/([^/]+)\/lists\/([^/]+)\.md$/

/** The outcome of compiling a content folder. */
export interface CompileResult {
  /** The models; documents whose front matter is unusable are left out. */
  project: Project
  /** Every content file with the messages found in it. */
  files: VFile[]
  /** Whether no file has an error. */
  ok: boolean
}

/**
 * Compile all policies and lists in `source`.
 *
 * @param store trees of files parsed before, by their text (default: none).
 * @param options.checks run the checks that only report (HTML, links, headings, lists against each
 *   other, characters, section references; default true). Published versions are shown as they
 *   were published whatever today's checks say, so they are compiled without them: the same models.
 */
export function compileContent(source: ContentSource, store: CacheStore = noCache, options: {checks?: boolean} = {}): CompileResult {
  const checks = options.checks ?? true
  const cache = parseCache(store)
  const contexts: PolicyContext[] = []
  const documents: PolicyDocument[] = []
  const parsedLists: ParsedList[] = []
  const anchors = new Map<string, Set<string>>()

  const pages: string[] = []
  let unreadablePages = false
  for (const [path, file] of source.files) {
    const policy = policyPath.exec(path)
    const list = listPath.exec(path)
    if (policy || list) pages.push(path)
    // A file the loader could not read has said why already.
    if (file.messages.length > 0) {
      unreadablePages ||= Boolean(policy || list)
      continue
    }
    if (!policy && !list) continue
    // Emptiness is about what the author wrote, before includes are expanded in place.
    const empty = !parseCached(path, source, cache)?.children.some((node) => node.type !== 'yaml')
    // A file the parser refused (nested too deep) has said why already.
    if (file.messages.some((message) => message.ruleId === 'content-nesting')) continue
    const tree = expandIncludes(path, source, cache)
    if (!tree) continue
    resolveReferences(tree)
    const context: PolicyContext = {path, tree, source}
    const frontmatter = readFrontmatter(tree, file)
    if (checks) {
      checkHtml(context)
      checkStrayIncludes(context)
      checkUnmatchedStrong(context)
      checkBrokenTables(context)
      checkHeadingMarks(context)
      checkLinkSyntax(context)
      checkOrderedLists(context)
      anchors.set(path, checkHeadings(context))
      contexts.push(context)
    }
    if (policy) {
      const meta = checkFrontmatter(frontmatter, file)
      if (meta && (meta.id !== policy[1] || meta.locale !== policy[2])) {
        const key = meta.id !== policy[1] ? 'id' : 'locale'
        const expected = key === 'id' ? policy[1] : policy[2]
        report(file, `Unexpected ${key} \`${meta[key]}\` in \`${path}\`, expected \`${expected}\``, 'frontmatter-mismatch', frontmatter?.keys.get(key))
      }
      if (empty) {
        report(file, 'Unexpected empty policy, expected text below the front matter', 'content-empty', {line: 1, column: 1})
      }
      if (meta) {
        const places = Object.fromEntries([...(frontmatter?.keys ?? [])].map(([key, point]) => [key, {file: path, line: point.line, column: point.column}]))
        documents.push(buildDocument(meta, path, tree, places))
      }
    } else if (list) {
      const kind = list[3] as ListKind
      if (empty) {
        // Published, an empty list would state that the app uses no such party or data.
        report(file, 'Unexpected empty list, expected its entries (`## name {#id}` with `- field: value` lines)', 'content-empty', {line: 1, column: 1})
      }
      if (!listKinds.includes(kind)) {
        report(file, `Unexpected list \`${list[3]}.md\`, expected one of ${listKinds.map((k) => `\`${k}.md\``).join(', ')}`, 'list-unknown', {line: 1, column: 1})
        continue
      }
      parsedLists.push(parseList(kind, path, list[1] ?? '', list[2] ?? '', tree, file, frontmatter))
    }
  }

  const anchorsOf = (path: string): Set<string> | undefined => {
    let ids = anchors.get(path)
    if (!ids && path.endsWith('.md') && source.files.has(path)) {
      ids = headingIds(expandIncludes(path, source, cache))
      anchors.set(path, ids)
    }
    return ids
  }
  for (const context of contexts) checkLinks(context, anchorsOf)

  const vocabularyFile = source.files.get(vocabularyPath)
  const vocabulary = readVocabulary(vocabularyFile)
  const fileOf = (list: PolicyList) => source.files.get(list.path)!
  for (const group of checks ? groupBy(parsedLists, (parsed) => `${parsed.list.documentId}/${parsed.list.locale}`) : []) {
    crossCheckLists(group, vocabularyFile && vocabulary.length === 0 && hasErrors([vocabularyFile]) ? undefined : vocabulary, fileOf)
  }

  documents.sort((a, b) => (a.id === b.id ? compare(a.locale, b.locale) : compare(a.id, b.id)))
  const lists = parsedLists.map((parsed) => parsed.list).sort((a, b) => compare(a.path, b.path))
  const site = readSiteConfig(source.files.get(siteConfigPath), [...new Set(documents.map((document) => document.locale))])
  const files = [...source.files.values()]
  if (checks) {
    checkSectionReferences(documents, site, source)
    // What an unreadable page includes is unknown: then no clause is called unused.
    if (!unreadablePages) checkUnusedFiles(source, pages, cache.included)
    for (const file of files) checkControlCharacters(file)
  }
  for (const file of files) dedupeMessages(file)
  return {project: {site, documents, lists, vocabulary}, files, ok: !hasErrors(files)}
}

/** Section ids named in `editorial` and `material.sections` must exist, or a typo silently changes the verdict. */
function checkSectionReferences(documents: PolicyDocument[], site: SiteConfig, source: ContentSource): void {
  const all = new Set<string>()
  for (const document of documents) {
    const ids = new Set(allSections(document).map((section) => section.id))
    for (const id of ids) all.add(id)
    const file = source.files.get(document.path)
    const place = document.metaPlaces['editorial']
    for (const id of document.editorial ?? []) {
      if (file && !ids.has(id)) report(file, `Unexpected section \`${id}\` in \`editorial\`: no heading has this id`, 'section-unknown', place ? {line: place.line, column: place.column} : undefined)
    }
  }
  const config = source.files.get(siteConfigPath)
  if (!config || documents.length === 0) return
  const text = String(config.value)
  const place = location(config)
  for (const id of site.materialSections) {
    if (all.has(id)) continue
    const offset = text.search(new RegExp(`(?<![\\w-])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`))
    report(config, `Unexpected section \`${id}\` in \`material.sections\`: no document has a heading with this id`, 'section-unknown', place.toPoint(Math.max(0, offset)), 'warning')
  }
}

function headingIds(tree: Root | undefined): Set<string> {
  const ids = new Set<string>()
  if (tree) {
    visit(tree, 'heading', (heading) => {
      if (heading.data?.id) ids.add(heading.data.id)
    })
  }
  return ids
}

function groupBy<T>(items: T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item)
    groups.set(k, [...(groups.get(k) ?? []), item])
  }
  return [...groups.values()]
}

/** A clause included twice is checked twice; report each problem once. */
function dedupeMessages(file: VFile): void {
  const seen = new Set<string>()
  file.messages = file.messages.filter((message) => {
    const key = `${message.line}:${message.column}:${message.ruleId}:${message.reason}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
