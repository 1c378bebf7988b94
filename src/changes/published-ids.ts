/**
 * A section id is its anchor: apps, notices, e-mails and earlier versions link to `#id`. An id the
 * latest published version had and the working copy lacks breaks those links, whether the section was
 * renamed or removed. Removing a section can be right, so this is a warning, said where it helps most.
 */
import type {VFile} from 'vfile'
import {allSections} from '../model/build.js'
import {report} from '../messages.js'
import type {VersionChange} from './history.js'

/** Warn of each section id of `change.from` that `change.to` no longer has; `fileOf` finds a content file. */
export function checkPublishedIds(change: VersionChange, fileOf: (path: string) => VFile | undefined): void {
  if (!change.from) return
  const published = allSections(change.from.document)
  const now = allSections(change.to.document)
  const ids = new Set(now.map((section) => section.id))
  const version = change.from.release.version
  for (const section of published) {
    if (ids.has(section.id)) continue
    // The same title under another id is most likely a renamed id: point at that heading.
    const renamed = now.find((candidate) => candidate.title === section.title && !published.some((p) => p.id === candidate.id))
    if (renamed) {
      const file = fileOf(renamed.place.file)
      if (!file) continue
      report(
        file,
        `Unexpected id \`${renamed.id}\` for the section published as \`${section.id}\` in version ${version}: links to \`#${section.id}\` would break; keep \`{#${section.id}}\``,
        'heading-id-published',
        {line: renamed.place.line, column: renamed.place.column},
        'warning'
      )
    } else {
      const file = fileOf(change.to.document.path)
      if (!file) continue
      report(
        file,
        `Unexpected removal of section \`${section.id}\` (“${section.title}”) published in version ${version}: links to \`#${section.id}\` would find nothing; if it moved or was renamed, keep its id`,
        'heading-id-published',
        {line: 1, column: 1},
        'warning'
      )
    }
  }
}
