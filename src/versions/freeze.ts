/**
 * What a version of a document is made of: the exact files `publish` freezes, and whether the
 * working copy still matches a published version.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import type {ContentSource} from '../load/content.js'
import {siteConfigPath} from '../compile.js'
import {vocabularyPath} from '../lists/vocabulary.js'
import type {FrozenFile} from './archive.js'
import type {PublishedVersion} from './lock.js'
import {sha256} from './lock.js'

/** The archive folder for a content folder: `archive` beside it unless given. */
export function defaultArchive(content: string, archive?: string): string {
  return path.resolve(archive ?? path.join(path.dirname(path.resolve(content)), 'archive'))
}

/**
 * The exact bytes of every file a version of `document` depends on: as `source` read them (so what is
 * frozen is what was checked), else, for a source made in memory, as the disk holds them now.
 */
export async function freeze(source: ContentSource, document: string): Promise<FrozenFile[]> {
  const paths = [...source.files.keys()].filter((file) => file.startsWith(`${document}/`) || file === vocabularyPath || file === siteConfigPath)
  const frozen: FrozenFile[] = []
  for (const file of paths.sort()) {
    const bytes = source.bytes?.get(file) ?? (await fs.readFile(path.join(source.root, ...file.split('/'))))
    frozen.push({path: file, bytes})
  }
  return frozen
}

/** Whether `frozen` holds exactly the files of the published `entry`, byte for byte. */
export function sameFiles(entry: PublishedVersion, frozen: FrozenFile[]): boolean {
  const prefix = `${entry.document}/${entry.version}/`
  const recorded = Object.entries(entry.files).map(([file, hash]) => `${file.slice(prefix.length)}\0${hash}`).sort()
  const current = frozen.map((file) => `${file.path}\0${sha256(file.bytes)}`).sort()
  return recorded.join('\n') === current.join('\n')
}
