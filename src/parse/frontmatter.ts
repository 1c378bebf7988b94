/**
 * Read the YAML front matter of a file into plain data, with the place of every top-level key so that
 * validation errors point at the offending line.
 */
import type {Root} from 'mdast'
import type {Point} from 'unist'
import type {VFile} from 'vfile'
import {parseDocument, isAlias, isMap, isScalar, type Node as YamlNode} from 'yaml'
import {location} from 'vfile-location'
import {report} from '../messages.js'
import {explainYamlError} from './yaml-errors.js'

/** Front matter as written: values and where their keys are. */
export interface Frontmatter {
  /** Key → value, as YAML 1.2 core schema reads it (dates stay strings). */
  data: Record<string, unknown>
  /** Key → place of the key in the file. */
  keys: Map<string, Point>
  /** Key → its value as written (`1.0`, where `data` has the number 1), for messages. */
  written: Map<string, string>
  /** The place of the opening `---`. */
  start: Point
}

/**
 * Parse the front matter node of `tree`, reporting YAML problems on `file`.
 *
 * @returns the front matter, or `undefined` when there is none or it is not a YAML mapping.
 */
export function readFrontmatter(tree: Root, file: VFile): Frontmatter | undefined {
  const node = tree.children[0]
  if (!node || node.type !== 'yaml' || !node.position) return undefined
  const start = node.position.start
  // The YAML text starts on the line after the opening `---`.
  const source = String(file.value)
  const valueOffset = source.indexOf('\n', start.offset ?? 0) + 1
  const place = location(file)
  const at = (offset: number): Point => place.toPoint(valueOffset + offset) ?? start

  const document = parseDocument(node.value, {prettyErrors: false, uniqueKeys: true})
  for (const error of document.errors) {
    const {reason, offset} = explainYamlError(node.value, error)
    report(file, reason, 'frontmatter-yaml', at(offset))
  }
  if (document.errors.length > 0) return undefined
  const contents = document.contents
  if (contents === null) return {data: {}, keys: new Map(), written: new Map(), start}
  if (!isMap(contents)) {
    report(file, 'Unexpected front matter that is not a list of `key: value` lines', 'frontmatter-yaml', start)
    return undefined
  }
  const data: Record<string, unknown> = {}
  const keys = new Map<string, Point>()
  const written = new Map<string, string>()
  for (const pair of contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key)
    const range = isScalar(pair.key) ? pair.key.range : undefined
    keys.set(key, range ? at(range[0]) : start)
    const value = pair.value as YamlNode | null
    if (value?.range) written.set(key, node.value.slice(value.range[0], value.range[1]))
    if (isAlias(value)) {
      // `title: *快手` is a YAML reference, not text; say so rather than show its internals.
      report(file, `Unexpected \`*${value.source}\` for \`${key}\`: YAML reads a value starting with \`*\` as a reference; put the value in quotes`, 'frontmatter-yaml', keys.get(key))
      data[key] = `*${value.source}`
      continue
    }
    data[key] = isScalar(value) ? value.value : value === null ? null : (value as {toJSON(): unknown}).toJSON()
    // ` #` starts a YAML comment: in a text it silently cuts the rest off, and the cut text is published.
    if (isScalar(value) && value.type === 'PLAIN' && typeof value.value === 'string' && value.range && textKeys.has(key)) {
      const rest = node.value.slice(value.range[1], (node.value.indexOf('\n', value.range[1]) + 1 || node.value.length + 1) - 1)
      if (/^\s+#/.test(rest)) {
        report(file, `Unexpected \`${rest.trim()}\` after the value of \`${key}\`: YAML reads \` #\` as the start of a comment and drops the rest; put the whole value in quotes`, 'frontmatter-yaml', at(value.range[1] + rest.indexOf('#')))
      }
    }
  }
  return {data, keys, written, start}
}

/** Keys whose values are text an author may write a `#` in. */
const textKeys = new Set(['title', 'summary', 'materialReason'])
