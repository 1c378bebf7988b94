/**
 * Parse, check and model every policy in a content folder. Pure: reads only the given `ContentSource`.
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import type {ContentSource} from './load/content.js'
import type {PolicyDocument, Project} from './model/types.js'
import {buildDocument} from './model/build.js'
import {readFrontmatter} from './parse/frontmatter.js'
import {expandIncludes, type ParseCache} from './parse/includes.js'
import {resolveReferences} from './parse/references.js'
import {checkFrontmatter} from './check/frontmatter.js'
import {checkHeadings} from './check/headings.js'
import {checkHtml} from './check/html.js'
import {checkLinks} from './check/links.js'
import {readSiteConfig} from './check/site.js'
import type {PolicyContext} from './check/context.js'
import {hasErrors, report} from './messages.js'
import {visit} from 'unist-util-visit'

/** Name of the site settings file in the content folder. */
export const siteConfigPath = 'policypress.yaml'

/** Where policies live: `<document id>/<locale>/index.md`. */
const policyPath = /^([^/]+)\/([^/]+)\/index\.md$/

/** The outcome of compiling a content folder. */
export interface CompileResult {
  /** The models; documents whose front matter is unusable are left out. */
  project: Project
  /** Every content file with the messages found in it. */
  files: VFile[]
  /** Whether no file has an error. */
  ok: boolean
}

/** Compile all policies in `source`. */
export function compileContent(source: ContentSource): CompileResult {
  const cache: ParseCache = new Map()
  const contexts: PolicyContext[] = []
  const documents: PolicyDocument[] = []
  const anchors = new Map<string, Set<string>>()
  const pending: Array<{context: PolicyContext; meta: ReturnType<typeof checkFrontmatter>}> = []

  for (const [path, file] of source.files) {
    const match = policyPath.exec(path)
    // A file the loader could not read has said why already.
    if (!match || file.messages.length > 0) continue
    const tree = expandIncludes(path, source, cache)
    if (!tree) continue
    resolveReferences(tree)
    const context: PolicyContext = {path, tree, source}
    const frontmatter = readFrontmatter(tree, file)
    const meta = checkFrontmatter(frontmatter, file)
    if (meta && (meta.id !== match[1] || meta.locale !== match[2])) {
      const key = meta.id !== match[1] ? 'id' : 'locale'
      report(file, `Unexpected ${key} \`${meta[key]}\` in \`${path}\`, expected \`${key === 'id' ? match[1] : match[2]}\``, 'frontmatter-mismatch', frontmatter?.keys.get(key))
    }
    if (!cache.get(path)?.children.some((node) => node.type !== 'yaml')) {
      report(file, 'Unexpected empty policy, expected text below the front matter', 'content-empty', {line: 1, column: 1})
    }
    checkHtml(context)
    anchors.set(path, checkHeadings(context))
    contexts.push(context)
    pending.push({context, meta})
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

  for (const {context, meta} of pending) {
    if (meta) documents.push(buildDocument(meta, context.path, context.tree))
  }
  documents.sort((a, b) => (a.id === b.id ? compare(a.locale, b.locale) : compare(a.id, b.id)))
  const site = readSiteConfig(source.files.get(siteConfigPath), documents[0]?.locale ?? 'en-US')
  const files = [...source.files.values()]
  for (const file of files) dedupeMessages(file)
  return {project: {site, documents}, files, ok: !hasErrors(files)}
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
