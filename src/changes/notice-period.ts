/**
 * A material change must give users notice: 生效日期 at least `noticeDays` after 更新日期.
 */
import type {VFile} from 'vfile'
import type {SiteConfig} from '../model/types.js'
import {report} from '../messages.js'
import {daysBetween} from './material.js'
import type {VersionChange} from './history.js'

/** Report on `file` when `change` is material and its notice period is too short. */
export function checkNoticePeriod(change: VersionChange, site: SiteConfig, file: VFile): void {
  if (!change.materiality.material) return
  const {updated, effective, metaPlaces} = change.to.document
  const days = daysBetween(updated, effective)
  if (days >= site.noticeDays) return
  const rules = [...new Set(change.materiality.reasons.map((r) => r.rule))].join(', ')
  const place = metaPlaces['effective'] ?? metaPlaces['updated']
  report(
    file,
    `Unexpected notice period of ${days} day${days === 1 ? '' : 's'} for a material change (${rules}), expected at least ${site.noticeDays}: effective ${effective} is too early`,
    'notice-period',
    place ? {line: place.line, column: place.column} : {line: 1, column: 1}
  )
}

/**
 * Report on `file` when the new version would take effect before the version it follows: that one's
 * notice period (and any material change in it) would be cut short, and the older text would come
 * back into force on the later date.
 */
export function checkEffectiveOrder(change: VersionChange, file: VFile): void {
  if (!change.from) return
  const previous = change.from.document
  const {effective, metaPlaces} = change.to.document
  if (effective >= previous.effective) return
  const place = metaPlaces['effective']
  report(
    file,
    `Unexpected effective date \`${effective}\` before that of the published version ${change.from.release.version} (\`${previous.effective}\`), expected \`${previous.effective}\` or later`,
    'notice-period',
    place ? {line: place.line, column: place.column} : {line: 1, column: 1}
  )
}
