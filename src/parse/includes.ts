/**
 * Resolve `::include{src="…"}` directives by splicing in the included file's tree.
 *
 * Included nodes keep their own positions and are marked with `data.sourceFile`, so a problem inside a
 * clause is reported at the clause file's line and column, whichever document includes it.
 */
import type {Root, RootContent} from 'mdast'
import type {Node} from 'unist'
import {visit, SKIP} from 'unist-util-visit'
import type {ContentSource} from '../load/content.js'
import {report} from '../messages.js'
import {parseMarkdown} from './processor.js'
import {resolveContentPath} from './paths.js'
import {cacheKey, codeFingerprint} from '../cache/key.js'
import {noCache, type CacheStore} from '../cache/store.js'
import {restoreMessages, storeMessages, type StoredMessage} from '../cache/messages.js'
import {sha256} from '../versions/lock.js'

/** Inclusions (counting repeats) one document may expand, and how deep clauses may include clauses. */
export const maxIncludes = 1000
export const maxIncludeDepth = 32

/** Inclusions left for the document being expanded. */
export interface IncludeBudget {
  remaining: number
}

/**
 * Parsed trees by content path, so a clause included many times is parsed once per run; and a store
 * of earlier runs' trees by the file's text, so an unchanged file is not parsed again at all.
 */
export interface ParseCache {
  trees: Map<string, Root>
  store: CacheStore
  /** Every file an `::include` named that exists, so a compile can tell which clauses are used. */
  included: Set<string>
}

/** A parse cache for one compile, backed by `store`. */
export function parseCache(store: CacheStore = noCache): ParseCache {
  return {trees: new Map(), store, included: new Set()}
}

/** A parse as stored: the tree and the messages the parser reported. */
interface ParsedFile {
  tree: Root
  messages: Record<string, StoredMessage[]>
}

/** Parse `path` from `source` (cached), without expanding includes. */
export function parseCached(path: string, source: ContentSource, cache: ParseCache): Root | undefined {
  let tree = cache.trees.get(path)
  if (!tree) {
    const file = source.files.get(path)
    if (!file) return undefined
    const key = cache.store === noCache ? undefined : cacheKey('parse', codeFingerprint(), path, sha256(String(file.value)))
    const stored = key === undefined ? undefined : (cache.store.get(key) as ParsedFile | undefined)
    if (stored && stored.tree?.type === 'root' && restoreMessages(new Map([[path, file]]), stored.messages ?? {})) {
      tree = stored.tree
    } else {
      const before = file.messages.length
      tree = parseMarkdown(file)
      if (key !== undefined) {
        const messages = storeMessages([{path: file.path, messages: file.messages.slice(before)}])
        cache.store.set(key, {tree, messages} satisfies ParsedFile)
      }
    }
    cache.trees.set(path, tree)
  }
  return tree
}

/**
 * Return a copy of the tree of `path` with every include expanded and unknown directives removed.
 * Problems are reported on the file that holds the directive.
 */
export function expandIncludes(
  path: string,
  source: ContentSource,
  cache: ParseCache,
  stack: string[] = [],
  budget: IncludeBudget = {remaining: maxIncludes}
): Root | undefined {
  const original = parseCached(path, source, cache)
  const file = source.files.get(path)
  if (!original || !file) return undefined
  // A clause may be included many times, so each inclusion gets its own copy; a policy is expanded
  // once per compile and can be expanded in place.
  const tree = stack.length > 0 ? structuredClone(original) : original
  if (stack.length > 0) markSource(tree, path)

  visit(tree, function (node, index, parent) {
    if (node.type !== 'leafDirective' && node.type !== 'containerDirective') return
    if (!parent || index === undefined) return
    let replacement: RootContent[] = []
    if (node.type === 'leafDirective' && node.name === 'include') {
      replacement = include(node.attributes?.['src'] ?? undefined, node.position)
    } else {
      const form = node.type === 'leafDirective' ? `::${node.name}` : `:::${node.name}`
      report(file, `Unexpected directive \`${form}\`, expected \`::include\``, 'directive-unknown', node.position)
    }
    // Not `splice(…, ...replacement)`: a clause with very many blocks would overflow the argument list.
    parent.children = parent.children.slice(0, index).concat(replacement as typeof parent.children, parent.children.slice(index + 1))
    return [SKIP, index + replacement.length]
  })
  return tree

  function include(src: string | undefined, place: RootContent['position']): RootContent[] {
    if (!src) {
      report(file!, 'Unexpected include without `src`, expected `::include{src="clauses/name.md"}`', 'include-missing', place)
      return []
    }
    const target = resolveContentPath(path, src)
    if (target === undefined) {
      report(file!, `Unexpected include \`${src}\` outside the content folder`, 'include-outside', place)
      return []
    }
    // A published version freezes its document's folder; a clause from elsewhere would not be in it.
    const documentFolder = `${(stack[0] ?? path).split('/')[0]}/`
    if (!target.startsWith(documentFolder)) {
      report(file!, `Unexpected include \`${src}\` outside the document folder \`${documentFolder}\``, 'include-outside', place)
      return []
    }
    if (target === path || stack.includes(target)) {
      const chain = [...stack, path, target].join(' → ')
      report(file!, `Unexpected include loop: ${chain}`, 'include-loop', place)
      return []
    }
    if (!source.files.has(target)) {
      // Windows paths use `\`; in a Markdown include every folder is separated by `/`.
      const slash = src.includes('\\') ? `; separate folders with \`/\`: \`${src.replaceAll('\\', '/')}\`` : ''
      report(file!, `Cannot find included file \`${src}\` (looked for \`${target}\`)${slash}`, 'include-missing', place)
      return []
    }
    cache.included.add(target)
    // Clauses that include other clauses twice over grow exponentially (an "include bomb").
    if (budget.remaining <= 0 || stack.length >= maxIncludeDepth) {
      const why = budget.remaining <= 0 ? `more than ${maxIncludes} inclusions` : `nested more than ${maxIncludeDepth} deep`
      report(file!, `Unexpected include \`${src}\`: ${why} in \`${stack[0] ?? path}\``, 'include-limit', place)
      return []
    }
    budget.remaining--
    const included = expandIncludes(target, source, cache, [...stack, path], budget)
    if (!included) return []
    // An empty clause would silently take its text out of every place that includes it.
    if (!parseCached(target, source, cache)?.children.some((node) => node.type !== 'yaml')) {
      report(source.files.get(target)!, 'Unexpected empty clause, expected the text it stands for', 'content-empty', {line: 1, column: 1})
    }
    const children = included.children.filter((child) => {
      if (child.type !== 'yaml') return true
      report(source.files.get(target)!, 'Unexpected front matter in an included clause', 'include-frontmatter', child.position)
      return false
    })
    return children
  }
}

function markSource(tree: Root, path: string): void {
  visit(tree, function (node: Node) {
    const data = (node.data ??= {})
    data.sourceFile ??= path
  })
}
