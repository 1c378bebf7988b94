/**
 * Site settings from `content/policypress.yaml`.
 */
import type {VFile} from 'vfile'
import {parseDocument, isMap, isScalar} from 'yaml'
import {location} from 'vfile-location'
import type {SiteConfig} from '../model/types.js'
import {report} from '../messages.js'

/** Keys of `policypress.yaml` and what they hold. */
const siteKeys: Record<string, string> = {
  title: 'the portal name shown on every page',
  locale: 'the locale of the portal index page, e.g. `zh-CN`'
}

/** Read the site settings, reporting problems on `file`; missing settings fall back to defaults. */
export function readSiteConfig(file: VFile | undefined, fallbackLocale: string): SiteConfig {
  const site: SiteConfig = {title: 'Privacy', locale: fallbackLocale}
  if (!file) return site
  const place = location(file)
  const document = parseDocument(String(file.value), {prettyErrors: false})
  for (const error of document.errors) {
    report(file, `Unexpected YAML: ${error.message.split('\n')[0]}`, 'config-invalid', place.toPoint(error.pos[0]))
  }
  if (document.errors.length > 0 || document.contents === null) return site
  if (!isMap(document.contents)) {
    report(file, 'Unexpected settings that are not `key: value` lines', 'config-invalid', {line: 1, column: 1})
    return site
  }
  for (const pair of document.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key)
    const at = isScalar(pair.key) && pair.key.range ? place.toPoint(pair.key.range[0]) : {line: 1, column: 1}
    const value = isScalar(pair.value) ? pair.value.value : undefined
    if (!(key in siteKeys)) {
      report(file, `Unexpected key \`${key}\`, expected one of ${Object.keys(siteKeys).map((k) => `\`${k}\``).join(', ')}`, 'config-invalid', at)
    } else if (typeof value !== 'string' || value.trim() === '') {
      report(file, `Unexpected value for \`${key}\`, expected ${siteKeys[key]}`, 'config-invalid', at)
    } else if (key === 'title' || key === 'locale') {
      site[key] = value.trim()
    }
  }
  return site
}
