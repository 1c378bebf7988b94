/**
 * Read the YAML front matter of a file into plain data, with the place of every top-level key so that
 * validation errors point at the offending line.
 */
import type {Root} from 'mdast'
import type {Point} from 'unist'
import type {VFile} from 'vfile'
import {parseDocument, isMap, isScalar} from 'yaml'
import {location} from 'vfile-location'
import {report} from '../messages.js'

/** Front matter as written: values and where their keys are. */
export interface Frontmatter {
  /** Key → value, as YAML 1.2 core schema reads it (dates stay strings). */
  data: Record<string, unknown>
  /** Key → place of the key in the file. */
  keys: Map<string, Point>
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
    report(file, `Unexpected YAML: ${firstLine(error.message)}`, 'frontmatter-yaml', at(error.pos[0]))
  }
  if (document.errors.length > 0) return undefined
  const contents = document.contents
  if (contents === null) return {data: {}, keys: new Map(), start}
  if (!isMap(contents)) {
    report(file, 'Unexpected front matter that is not a list of `key: value` lines', 'frontmatter-yaml', start)
    return undefined
  }
  const data: Record<string, unknown> = {}
  const keys = new Map<string, Point>()
  for (const pair of contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key)
    const range = isScalar(pair.key) ? pair.key.range : undefined
    keys.set(key, range ? at(range[0]) : start)
    const value = pair.value
    data[key] = isScalar(value) ? value.value : value === null ? null : (value as {toJSON(): unknown}).toJSON()
  }
  return {data, keys, start}
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text
}
