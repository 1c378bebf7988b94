/**
 * Lists as data for machines: JSON (with a JSON Schema per list kind) and CSV for spreadsheets.
 */
import {z} from 'zod'
import {stringify} from 'csv-stringify/sync'
import type {DataType, ListEntry, ListKind, PolicyDocument, PolicyList} from '../model/types.js'
import {entryNameLabels, listFields, localized, type FieldSpec} from './fields.js'
import {dataTypeName} from './vocabulary.js'

/** Version of the list JSON format; bumped on incompatible changes. */
export const listSchemaVersion = 1

const dataRef = z.strictObject({id: z.string(), name: z.string(), sensitive: z.boolean()})
const permissionRef = z.strictObject({id: z.string(), name: z.string()})

function fieldSchema(spec: FieldSpec): z.ZodType {
  switch (spec.type) {
    case 'data':
      return z.array(dataRef).describe(spec.names['en-US'])
    case 'data-one':
      return dataRef.describe(spec.names['en-US'])
    case 'permissions':
      return z.array(permissionRef).describe(spec.names['en-US'])
    case 'platforms':
      return z.array(z.string()).describe(spec.names['en-US'])
    case 'url':
      return z.string().regex(/^https?:\/\/[^\s/]+\.[^\s]+$/).describe(spec.names['en-US'])
    case 'yes-no':
      return z.boolean().describe(spec.names['en-US'])
    default:
      return z.string().min(1).describe(spec.names['en-US'])
  }
}

/** The zod schema of a list's JSON output. */
export function listJsonSchema(kind: ListKind) {
  const entry: Record<string, z.ZodType> = {id: z.string(), name: z.string()}
  for (const spec of listFields[kind]) entry[spec.key] = spec.required ? fieldSchema(spec) : fieldSchema(spec).optional()
  return z.strictObject({
    schemaVersion: z.literal(listSchemaVersion),
    list: z.literal(kind),
    document: z.string(),
    locale: z.string(),
    version: z.string().optional(),
    title: z.string(),
    entries: z.array(z.strictObject(entry))
  })
}

/** The published JSON Schema (draft 2020-12) of a list kind. */
export function listJsonSchemaDocument(kind: ListKind, id: string): object {
  return {...(z.toJSONSchema(listJsonSchema(kind)) as object), $id: id, title: `policypress ${kind} list`}
}

/** One list as JSON-ready data: vocabulary and permission ids expanded with their names. */
export function listToJson(list: PolicyList, vocabulary: DataType[], lists: PolicyList[], document: PolicyDocument | undefined): object {
  const resolve = referenceResolver(list, vocabulary, lists)
  return {
    schemaVersion: listSchemaVersion,
    list: list.kind,
    document: list.documentId,
    locale: list.locale,
    ...(document ? {version: document.version} : {}),
    title: list.title,
    entries: list.entries.map((entry) => {
      const record: Record<string, unknown> = {id: entry.id, name: entry.name}
      for (const spec of listFields[list.kind]) {
        const value = (entry as unknown as Record<string, unknown>)[spec.key]
        if (value === undefined) continue
        record[spec.key] =
          spec.type === 'data' ? (value as string[]).map(resolve.data)
          : spec.type === 'data-one' ? resolve.data(value as string)
          : spec.type === 'permissions' ? (value as string[]).map(resolve.permission)
          : value
      }
      return record
    })
  }
}

/** One list as CSV for Excel: UTF-8 with BOM, formulas escaped, localized headers and values. */
export function listToCsv(list: PolicyList, vocabulary: DataType[], lists: PolicyList[]): string {
  const en = list.locale.startsWith('en')
  const join = en ? '; ' : '、'
  const resolve = referenceResolver(list, vocabulary, lists)
  const header = ['ID', localized(entryNameLabels[list.kind], list.locale), ...listFields[list.kind].map((spec) => localized(spec.names, list.locale))]
  const rows = list.entries.map((entry) => [entry.id, entry.name, ...listFields[list.kind].map((spec) => cellText(entry, spec))])
  return stringify([header, ...rows], {bom: true, escape_formulas: true, record_delimiter: 'windows'})

  function cellText(entry: ListEntry, spec: FieldSpec): string {
    const value = (entry as unknown as Record<string, unknown>)[spec.key]
    if (value === undefined) return ''
    switch (spec.type) {
      case 'data':
        return (value as string[]).map((id) => resolve.data(id).name).join(join)
      case 'data-one':
        return resolve.data(value as string).name
      case 'permissions':
        return (value as string[]).map((id) => resolve.permission(id).name).join(join)
      case 'platforms':
        return (value as string[]).join(join)
      case 'yes-no':
        return value ? (en ? 'Yes' : '是') : en ? 'No' : '否'
      default:
        return String(value)
    }
  }
}

/** Look up names for vocabulary and permission ids referenced by `list`. */
export function referenceResolver(list: PolicyList, vocabulary: DataType[], lists: PolicyList[]) {
  const types = new Map(vocabulary.map((type) => [type.id, type]))
  const permissions = lists.find((other) => other.kind === 'permissions' && other.documentId === list.documentId && other.locale === list.locale)
  const permissionNames = new Map(permissions?.entries.map((entry) => [entry.id, entry.name]) ?? [])
  return {
    data(id: string) {
      const type = types.get(id)
      return {id, name: type ? dataTypeName(type, list.locale) : id, sensitive: type?.sensitive ?? false}
    },
    permission(id: string) {
      return {id, name: permissionNames.get(id) ?? id}
    }
  }
}
