/**
 * Checks across lists and the vocabulary: referenced ids exist, sensitive information has a purpose.
 */
import type {VFile} from 'vfile'
import type {DataType, PolicyList} from '../model/types.js'
import {report} from '../messages.js'
import {dataTypeName} from './vocabulary.js'
import type {ParsedList} from './parse.js'

/**
 * Cross-check the lists of one document and locale against each other and the vocabulary.
 *
 * @param lists the parsed lists of one document and locale.
 * @param vocabulary the information types; `undefined` when vocabulary.yaml could not be read (ids go unchecked).
 * @param fileOf the file of a list, to report on.
 */
export function crossCheckLists(lists: ParsedList[], vocabulary: DataType[] | undefined, fileOf: (list: PolicyList) => VFile): void {
  const types = new Map((vocabulary ?? []).map((type) => [type.id, type]))
  const permissions = lists.find((parsed) => parsed.list.kind === 'permissions')?.list
  const permissionIds = new Set(permissions?.entries.map((entry) => entry.id) ?? [])
  const collection = lists.find((parsed) => parsed.list.kind === 'collection')?.list
  const collected = new Set(collection?.entries.flatMap((entry) => (entry.kind === 'collection' ? [entry.dataType] : [])) ?? [])

  for (const {list, references} of lists) {
    const file = fileOf(list)
    checkRepeatedNames(list, file)
    for (const reference of references) {
      if (reference.type === 'data') {
        // A vocabulary that could not be read has said so; every id would look unknown after it.
        if (vocabulary === undefined) continue
        const type = types.get(reference.id)
        if (!type) {
          report(file, `Unexpected information type \`${reference.id}\` in entry \`${reference.entryId}\`, expected an id from vocabulary.yaml`, 'list-unknown-data', reference.point)
        } else if (type.sensitive && list.kind !== 'collection' && !collected.has(type.id)) {
          report(
            file,
            `Missing purpose for sensitive information \`${reference.id}\` (${dataTypeName(type, list.locale)}) used in entry \`${reference.entryId}\`: it is not in the collection list`,
            'list-sensitive-purpose',
            reference.point
          )
        }
      } else if (!permissionIds.has(reference.id)) {
        const where = permissions ? 'the permissions list' : 'a permissions list (there is none for this document)'
        report(file, `Unexpected permission \`${reference.id}\` in entry \`${reference.entryId}\`, expected an id from ${where}`, 'list-unknown-permission', reference.point)
      }
    }
  }
}

/**
 * Two entries of one list with the same name are most likely one entry pasted twice, or a second one
 * whose name was never changed: readers could not tell them apart. A warning at the later one.
 */
function checkRepeatedNames(list: PolicyList, file: VFile): void {
  const seen = new Map<string, {id: string; line: number}>()
  for (const entry of list.entries) {
    const name = entry.name.replace(/\s+/g, ' ').trim().toLowerCase()
    const first = seen.get(name)
    if (first) {
      report(
        file,
        `Unexpected second entry named \`${entry.name}\` (\`${entry.id}\`), after \`${first.id}\` on line ${first.line}: merge them, or give each its own name`,
        'list-duplicate-entry',
        {line: entry.place.line, column: entry.place.column},
        'warning'
      )
    } else {
      seen.set(name, {id: entry.id, line: entry.place.line})
    }
  }
}
