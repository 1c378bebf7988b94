/**
 * Site settings from `content/policypress.yaml`.
 */
import type {VFile} from 'vfile'
import {parseDocument, isMap, isScalar, isSeq, type Node as YamlNode, type Pair} from 'yaml'
import {location} from 'vfile-location'
import type {SiteConfig} from '../model/types.js'
import {isValidId} from '../model/ids.js'
import {isValidLocale} from '../model/locale.js'
import {report} from '../messages.js'
import {explainYamlError} from '../parse/yaml-errors.js'

/** Keys of `policypress.yaml` and what they hold. */
const siteKeys: Record<string, string> = {
  title: 'the portal name shown on every page',
  locale: 'the locale of the portal index page, like `zh-CN` or `en-US`',
  url: 'the public `https://` address of the portal',
  noticeDays: 'a whole number of days, e.g. `7`',
  material: 'a map with `sections:` listing section ids'
}

/** Default notice period for material changes, in days (the seed policy's own). */
export const defaultNoticeDays = 7

/**
 * Read the site settings, reporting problems on `file`; missing settings fall back to defaults.
 * `locales` are the locales documents are written in, in document order; the first is the default `locale`.
 */
export function readSiteConfig(file: VFile | undefined, locales: readonly string[]): SiteConfig {
  const site: SiteConfig = {title: 'Privacy', locale: locales[0] ?? 'en-US', noticeDays: defaultNoticeDays, materialSections: []}
  if (!file) return site
  const place = location(file)
  const pointOf = (node: YamlNode | null | undefined) => (node?.range ? place.toPoint(node.range[0]) : undefined) ?? {line: 1, column: 1}
  const document = parseDocument(String(file.value), {prettyErrors: false})
  for (const error of document.errors) {
    const explained = explainYamlError(String(file.value), error)
    report(file, explained.reason, 'config-invalid', place.toPoint(explained.offset))
  }
  if (document.errors.length > 0 || document.contents === null) return site
  if (!isMap(document.contents)) {
    report(file, 'Unexpected settings that are not `key: value` lines', 'config-invalid', {line: 1, column: 1})
    return site
  }
  for (const pair of document.contents.items as Pair[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key)
    const at = pointOf(pair.key as YamlNode)
    const value = isScalar(pair.value) ? pair.value.value : undefined
    const bad = () => report(file, `Unexpected value for \`${key}\`, expected ${siteKeys[key]}`, 'config-invalid', at)
    switch (key) {
      case 'title':
        if (typeof value === 'string' && value.trim() !== '') site.title = value.trim()
        else bad()
        break
      case 'locale':
        // It becomes the index page's `lang` and picks its labels: `zh_CN` or `Chinese` would do neither.
        if (typeof value === 'string' && isValidLocale(value.trim())) {
          site.locale = value.trim()
          // A warning, not an error: the home page still builds, in the first document's language.
          if (locales.length > 0 && !locales.includes(site.locale)) {
            report(file, `Unexpected locale \`${site.locale}\` in \`locale\`: no document is written in it; expected one of ${locales.map((l) => `\`${l}\``).join(', ')}`, 'locale-unknown', at, 'warning')
          }
        } else bad()
        break
      case 'url':
        if (typeof value === 'string' && /^https?:\/\/[^\s/]+\.[^\s]+$/.test(value)) site.url = value.endsWith('/') ? value : `${value}/`
        else bad()
        break
      case 'noticeDays':
        if (typeof value === 'number' && Number.isInteger(value) && value >= 0) site.noticeDays = value
        else bad()
        break
      case 'material': {
        const sections = isMap(pair.value) ? pair.value.get('sections', true) : undefined
        if (!isSeq(sections) || (isMap(pair.value) && pair.value.items.length !== 1)) {
          bad()
          break
        }
        for (const item of sections.items) {
          const id = isScalar(item) ? String(item.value) : ''
          if (isValidId(id)) site.materialSections.push(id)
          else report(file, `Unexpected section id \`${id}\` in \`material.sections\``, 'config-invalid', pointOf(item as YamlNode))
        }
        break
      }
      default:
        report(file, `Unexpected key \`${key}\`, expected one of ${Object.keys(siteKeys).map((k) => `\`${k}\``).join(', ')}`, 'config-invalid', at)
    }
  }
  return site
}
