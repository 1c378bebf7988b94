/**
 * Read a list file into entries: each `## 名称 {#id}` heading followed by `- 字段: 值` lines.
 *
 * The format reads well as-is on a code host and diffs line by line; every field and every id in a
 * value keeps its source position for messages.
 */
import type {Root, RootContent, ListItem} from 'mdast'
import type {Point} from 'unist'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import type {Block, ListEntry, ListKind, PolicyList, SourcePlace} from '../model/types.js'
import {plainText} from '../model/plain-text.js'
import {report} from '../messages.js'
import {findField, listFields, listTitles, localized, type FieldSpec} from './fields.js'
import type {Frontmatter} from '../parse/frontmatter.js'

/** A reference from a list entry to a vocabulary id or a permission id, for cross-checks. */
export interface ListReference {
  type: 'data' | 'permission'
  id: string
  /** The entry and field it is in. */
  entryId: string
  field: string
  point: Point
}

/** A parsed list and the references its entries make. */
export interface ParsedList {
  list: PolicyList
  references: ListReference[]
}

/** Platforms an SDK may declare. */
export const platformNames = ['Android', 'iOS', 'HarmonyOS', 'Web', 'Windows', 'macOS']

const separators = /[,，、;；]/

/**
 * Parse the list at `path` (kind `kind`, for document `documentId` in `locale`).
 * Entries missing a required field are still returned, with empty values; the error is reported.
 */
export function parseList(
  kind: ListKind,
  path: string,
  documentId: string,
  locale: string,
  tree: Root,
  file: VFile,
  frontmatter: Frontmatter | undefined
): ParsedList {
  const place = location(file)
  const source = String(file.value)
  const title = readTitle(frontmatter, file) ?? localized(listTitles[kind], locale)
  const list: PolicyList = {kind, documentId, locale, title, path, intro: [], entries: []}
  const references: ListReference[] = []
  let entry: {id: string; name: string; place: SourcePlace; values: Map<string, unknown>; heading: RootContent; fields: number} | undefined

  const finish = () => {
    if (!entry) return
    for (const spec of listFields[kind]) {
      if (spec.required && !entry.values.has(spec.key)) {
        report(file, `Missing field \`${localized(spec.names, locale)}\` in entry \`${entry.id}\``, 'list-missing-field', entry.heading.position?.start)
      }
    }
    if (kind === 'permissions' && !entry.values.has('android') && !entry.values.has('ios')) {
      report(file, `Missing \`Android 权限\` or \`iOS 权限\` in entry \`${entry.id}\``, 'list-missing-field', entry.heading.position?.start)
    }
    list.entries.push(toEntry(kind, entry.id, entry.name, entry.place, entry.values))
  }

  for (const node of tree.children) {
    if (node.type === 'yaml' || node.type === 'definition') continue
    if (node.type === 'heading') {
      finish()
      entry = undefined
      if (node.depth !== 2) {
        report(file, `Unexpected level-${node.depth} heading, expected \`##\` for each entry`, 'list-structure', node.position)
        continue
      }
      const id = node.data?.id ?? `entry-${list.entries.length + 1}`
      const at = pointPlace(path, node.position?.start)
      entry = {id, name: plainText(node).trim(), place: at, values: new Map(), heading: node, fields: 0}
      continue
    }
    if (!entry) {
      list.intro.push(toBlock(node, path))
      continue
    }
    if (node.type !== 'list' || entry.fields > 0) {
      report(file, `Unexpected ${describe(node)} in entry \`${entry.id}\`, expected one \`- 字段: 值\` list`, 'list-structure', node.position)
      continue
    }
    entry.fields++
    for (const item of node.children) readField(item, entry.id, entry.values)
  }
  finish()
  return {list, references}

  function readField(item: ListItem, entryId: string, values: Map<string, unknown>): void {
    const paragraph = item.children[0]
    const text = paragraph && paragraph.type === 'paragraph' && item.children.length === 1 ? plainText(paragraph) : undefined
    const match = text === undefined ? null : /^([^:：]+)[:：]([\s\S]*)$/.exec(text)
    if (!match || !paragraph?.position) {
      report(file, 'Unexpected list item, expected `- 字段: 值`', 'list-structure', item.position)
      return
    }
    const name = (match[1] ?? '').trim()
    const value = (match[2] ?? '').trim()
    const start = paragraph.position.start.offset ?? 0
    const end = paragraph.position.end.offset ?? start
    const raw = source.slice(start, end)
    const separator = raw.search(/[:：]/)
    const valueOffset = start + separator + 1 + (raw.slice(separator + 1).length - raw.slice(separator + 1).trimStart().length)
    const valuePoint = place.toPoint(valueOffset) ?? paragraph.position.start
    const spec = findField(kind, name)
    if (!spec) {
      const known = listFields[kind].map((f) => `\`${localized(f.names, locale)}\``).join(', ')
      report(file, `Unexpected field \`${name}\` in entry \`${entryId}\`, expected one of ${known}`, 'list-unknown-field', paragraph.position.start)
      return
    }
    if (values.has(spec.key)) {
      report(file, `Unexpected second \`${name}\` in entry \`${entryId}\``, 'list-duplicate-field', paragraph.position.start)
      return
    }
    if (value === '') {
      report(file, `Unexpected empty \`${name}\` in entry \`${entryId}\``, 'list-empty-field', paragraph.position.start)
      values.set(spec.key, emptyValue(spec))
      return
    }
    values.set(spec.key, readValue(spec, value, valuePoint, valueOffset, end, entryId))
  }

  function readValue(spec: FieldSpec, value: string, point: Point, offset: number, end: number, entryId: string): unknown {
    switch (spec.type) {
      case 'data':
      case 'permissions':
      case 'platforms':
      case 'data-one': {
        const items = spec.type === 'data-one' ? [value] : value.split(separators).map((v) => v.trim()).filter((v) => v !== '')
        let cursor = offset
        for (const itemValue of items) {
          const found = source.indexOf(itemValue, cursor)
          const at = found === -1 || found > end ? point : (place.toPoint(found) ?? point)
          if (found !== -1 && found <= end) cursor = found + itemValue.length
          if (spec.type === 'platforms') {
            if (!platformNames.some((p) => p.toLowerCase() === itemValue.toLowerCase())) {
              report(file, `Unexpected platform \`${itemValue}\`, expected one of ${platformNames.join(', ')}`, 'list-platform', at)
            }
          } else {
            references.push({type: spec.type === 'permissions' ? 'permission' : 'data', id: itemValue, entryId, field: spec.key, point: at})
          }
        }
        if (spec.type === 'platforms') {
          return items.map((v) => platformNames.find((p) => p.toLowerCase() === v.toLowerCase()) ?? v)
        }
        return spec.type === 'data-one' ? value : items
      }
      case 'yes-no': {
        const answer = yesNo(value)
        if (answer === undefined) report(file, `Unexpected \`${value}\`, expected \`是\` or \`否\``, 'list-yes-no', point)
        return answer ?? false
      }
      case 'url':
      case 'contact': {
        const looksLikeUrl = /^[a-z][a-z\d+.-]*:/i.test(value) && !/^(mailto|tel):/i.test(value)
        if (spec.type === 'url' || looksLikeUrl) {
          const problem = urlProblem(value)
          if (problem) report(file, `Unexpected ${problem} \`${value}\` in entry \`${entryId}\`, expected an \`https://\` address`, 'list-url', point)
        }
        return value
      }
      default:
        return value
    }
  }
}

/** Why `value` is not an acceptable web address, or `undefined` when it is. */
export function urlProblem(value: string): string | undefined {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return 'address'
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `protocol \`${url.protocol}\` in`
  if (!url.hostname.includes('.')) return 'host in'
  return undefined
}

function yesNo(value: string): boolean | undefined {
  const normalized = value.trim().toLowerCase()
  if (['是', 'yes', 'y', 'true'].includes(normalized)) return true
  if (['否', 'no', 'n', 'false'].includes(normalized)) return false
  return undefined
}

function emptyValue(spec: FieldSpec): unknown {
  return spec.type === 'data' || spec.type === 'permissions' || spec.type === 'platforms' ? [] : spec.type === 'yes-no' ? false : ''
}

function toEntry(kind: ListKind, id: string, name: string, place: SourcePlace, values: Map<string, unknown>): ListEntry {
  const fields: Record<string, unknown> = {}
  for (const spec of listFields[kind]) {
    const value = values.get(spec.key)
    if (value !== undefined) fields[spec.key] = value
    else if (spec.required) fields[spec.key] = emptyValue(spec)
  }
  return {kind, id, name, place, ...fields} as unknown as ListEntry
}

function readTitle(frontmatter: Frontmatter | undefined, file: VFile): string | undefined {
  if (!frontmatter) return undefined
  let title: string | undefined
  for (const [key, point] of frontmatter.keys) {
    const value = frontmatter.data[key]
    if (key === 'title' && typeof value === 'string' && value.trim() !== '') title = value.trim()
    else if (key === 'title') report(file, 'Unexpected empty `title`, expected the list title', 'list-frontmatter', point)
    else report(file, `Unexpected key \`${key}\`, expected only \`title\``, 'list-frontmatter', point)
  }
  return title
}

function toBlock(node: RootContent, path: string): Block {
  return {kind: node.type, text: plainText(node), node, place: pointPlace(path, node.position?.start)}
}

function pointPlace(path: string, point: Point | undefined): SourcePlace {
  return {file: path, line: point?.line ?? 1, column: point?.column ?? 1}
}

function describe(node: RootContent): string {
  return node.type === 'paragraph' ? 'paragraph' : node.type === 'list' ? 'second list' : `\`${node.type}\``
}
