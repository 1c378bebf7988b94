/**
 * `publish`: freeze the working copy of one document (all its locales, clauses and lists, with the
 * vocabulary and site settings they were checked against) into the archive as a new version.
 */
import path from 'node:path'
import type {VFile} from 'vfile'
import {check} from '../pipeline.js'
import {writeVersion} from './archive.js'
import type {PublishedVersion} from './lock.js'
import {freeze, sameFiles} from './freeze.js'

export {defaultArchive, freeze, sameFiles} from './freeze.js'

/** Options of `publish`. */
export interface PublishOptions {
  /** Content folder (default `content`). */
  content?: string | undefined
  /** Archive folder (default: `archive` beside the content folder). */
  archive?: string | undefined
  /** Document id to publish. */
  document: string
  /** The version the caller expects to publish; must equal the front matter `version` when given. */
  version?: string | undefined
  /** Templates folder whose `notices/` texts are length-checked (default: the shipped templates). */
  templates?: string | undefined
}

/** What `publish` did. */
export interface PublishResult {
  ok: boolean
  /** Content and archive files with messages. */
  files: VFile[]
  published?: PublishedVersion | undefined
}

/**
 * Publish `options.document`. Throws for usage errors (unknown document, version mismatch, version
 * already published, nothing changed); content and archive problems come back as messages.
 */
export async function publish(options: PublishOptions): Promise<PublishResult> {
  const content = path.resolve(options.content ?? 'content')
  // Everything `check` checks, the notice period and notice texts against the last published version
  // included: a version published with a problem would stay a legal record with it.
  const result = await check({content, archive: options.archive, templates: options.templates})
  if (!result.ok) return {ok: false, files: result.files}
  const {archive, source} = result

  const documents = result.project.documents.filter((document) => document.id === options.document)
  if (documents.length === 0) {
    const known = [...new Set(result.project.documents.map((d) => d.id))].map((id) => `\`${id}\``).join(', ')
    throw new Error(`No document \`${options.document}\` in ${content}; documents: ${known || 'none'}`)
  }
  const versions = [...new Set(documents.map((document) => document.version))]
  if (versions.length > 1) {
    throw new Error(`The locales of \`${options.document}\` have different versions (${versions.join(', ')}); give them all the same \`version\` in front matter`)
  }
  const version = versions[0] ?? ''
  if (options.version !== undefined && options.version !== version) {
    throw new Error(`--version ${options.version} does not match the front matter \`version: ${version}\`; update the front matter first`)
  }
  const history = archive.lock.versions.filter((entry) => entry.document === options.document)
  const latest = history.at(-1)
  for (const document of documents) {
    const previous = latest?.dates[document.locale]
    if (previous && document.updated < previous.updated) {
      throw new Error(`\`${document.path}\` has updated ${document.updated}, before the last published version (${latest?.version}, updated ${previous.updated})`)
    }
  }

  const frozen = await freeze(source, options.document)
  if (latest && sameFiles(latest, frozen)) {
    throw new Error(`Nothing changed in \`${options.document}\` since version ${latest.version}; there is nothing to publish`)
  }
  const dates = Object.fromEntries(documents.map((document) => [document.locale, {updated: document.updated, effective: document.effective}]))
  const published = await writeVersion(
    archive,
    {document: options.document, version, locales: documents.map((document) => document.locale), dates},
    frozen
  )
  return {ok: true, files: result.files, published}
}
