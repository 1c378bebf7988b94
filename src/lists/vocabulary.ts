/**
 * The personal-information vocabulary, `content/vocabulary.yaml`: each type once, with a name per
 * locale and whether it is sensitive personal information (敏感个人信息).
 */
import type {VFile} from 'vfile'
import {parseDocument, isMap, isScalar, type Pair} from 'yaml'
import {location} from 'vfile-location'
import type {DataType} from '../model/types.js'
import {isValidId} from '../model/ids.js'
import {report} from '../messages.js'
import {explainYamlError} from '../parse/yaml-errors.js'

/** Name of the vocabulary file in the content folder. */
export const vocabularyPath = 'vocabulary.yaml'

const localeKey = /^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|\d{3}))?$/

/** Read the vocabulary, reporting problems on `file`. Returns the valid types, sorted by id. */
export function readVocabulary(file: VFile | undefined): DataType[] {
  if (!file) return []
  const place = location(file)
  const at = (offset: number | undefined) => place.toPoint(offset ?? 0) ?? {line: 1, column: 1}
  const document = parseDocument(String(file.value), {prettyErrors: false, uniqueKeys: true})
  for (const error of document.errors) {
    const explained = explainYamlError(String(file.value), error)
    report(file, explained.reason, 'vocabulary-invalid', at(explained.offset))
  }
  if (document.errors.length > 0 || document.contents === null) return []
  if (!isMap(document.contents)) {
    report(file, 'Unexpected vocabulary that is not a map of `id:` entries', 'vocabulary-invalid', {line: 1, column: 1})
    return []
  }
  const types: DataType[] = []
  for (const pair of document.contents.items as Pair[]) {
    const id = isScalar(pair.key) ? String(pair.key.value) : ''
    const keyPoint = at(isScalar(pair.key) ? pair.key.range?.[0] : undefined)
    if (!isValidId(id)) {
      report(file, `Unexpected id \`${id}\`, expected lowercase letters, digits and single hyphens`, 'vocabulary-invalid', keyPoint)
      continue
    }
    if (!isMap(pair.value)) {
      report(file, `Unexpected value for \`${id}\`, expected names per locale and \`sensitive\``, 'vocabulary-invalid', keyPoint)
      continue
    }
    const names: Record<string, string> = {}
    let sensitive: boolean | undefined
    let sawSensitive = false
    let valid = true
    for (const item of pair.value.items as Pair[]) {
      const key = isScalar(item.key) ? String(item.key.value) : ''
      const value = isScalar(item.value) ? item.value.value : undefined
      const point = at(isScalar(item.key) ? item.key.range?.[0] : undefined)
      if (key === 'sensitive') {
        sawSensitive = true
        if (typeof value === 'boolean') sensitive = value
        else {
          report(file, `Unexpected \`sensitive\` value for \`${id}\`, expected \`true\` or \`false\``, 'vocabulary-invalid', point)
          valid = false
        }
      } else if (localeKey.test(key)) {
        if (typeof value === 'string' && value.trim() !== '') names[key] = value.trim()
        else {
          report(file, `Unexpected empty name for \`${id}\` in \`${key}\``, 'vocabulary-invalid', point)
          valid = false
        }
      } else {
        report(file, `Unexpected key \`${key}\` in \`${id}\`, expected a locale such as \`zh-CN\` or \`sensitive\``, 'vocabulary-invalid', point)
        valid = false
      }
    }
    if (!sawSensitive) {
      report(file, `Missing \`sensitive: true\` or \`sensitive: false\` for \`${id}\``, 'vocabulary-invalid', keyPoint)
      valid = false
    }
    if (Object.keys(names).length === 0) {
      report(file, `Missing a name for \`${id}\`, expected e.g. \`zh-CN: 手机号码\``, 'vocabulary-invalid', keyPoint)
      valid = false
    }
    if (valid) types.push({id, names, sensitive: sensitive === true, place: {file: vocabularyPath, line: keyPoint.line, column: keyPoint.column}})
  }
  return types.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/** The display name of `type` in `locale` (falling back to any locale, then the id). */
export function dataTypeName(type: DataType, locale: string): string {
  return type.names[locale] ?? type.names[locale.split('-')[0] ?? ''] ?? Object.values(type.names)[0] ?? type.id
}
