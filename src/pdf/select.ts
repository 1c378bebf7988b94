/**
 * Which portal page `policypress pdf` prints: a published version (by default the one in force, the
 * latest published) or the working copy (`--version draft`).
 */
import type {BuildResult} from '../pipeline.js'
import type {PolicyDocument} from '../model/types.js'
import {loadPublished} from '../versions/releases.js'
import type {ReleaseCache} from '../versions/releases.js'

/** What to print. */
export interface PrintTarget {
  document: PolicyDocument
  /** The version printed (the working copy's front matter version for a draft). */
  version: string
  /** `published` for an archived version, `draft` for the unpublished working copy. */
  status: 'published' | 'draft'
  /** Path of the portal page in the rendered site. */
  page: string
  /** Notes for the user (e.g. the working copy is the published version). */
  notes: string[]
}

/** What to look for. */
export interface PrintRequest {
  document: string
  /** Default: the portal's locale when the document has it, else the document's first locale. */
  locale?: string | undefined
  /** A published version, `draft`, or undefined for the version in force. */
  version?: string | undefined
}

/** `--version` value that selects the working copy. */
export const draftVersion = 'draft'

/** Resolve `request` against a rendered site; throws an `Error` (a usage error) naming the choices. */
export async function selectTarget(result: BuildResult, request: PrintRequest, cache: ReleaseCache): Promise<PrintTarget> {
  const {project, archive} = result
  const id = request.document
  const published = archive.lock.versions.filter((entry) => entry.document === id)
  const workingLocales = project.documents.filter((d) => d.id === id).map((d) => d.locale)
  const locales = [...new Set([...workingLocales, ...published.flatMap((entry) => entry.locales)])].sort()
  if (locales.length === 0) {
    const known = [...new Set([...project.documents.map((d) => d.id), ...archive.lock.versions.map((v) => v.document)])].sort()
    throw new Error(`There is no document \`${id}\`${known.length > 0 ? `; documents: ${known.join(', ')}` : ''}`)
  }
  const locale = request.locale ?? (locales.includes(project.site.locale) ? project.site.locale : locales[0]!)
  if (!locales.includes(locale)) throw new Error(`\`${id}\` has no locale \`${locale}\`; locales: ${locales.join(', ')}`)

  const inLocale = published.filter((entry) => entry.locales.includes(locale))
  const latest = inLocale.at(-1)
  const working = project.documents.find((d) => d.id === id && d.locale === locale)
  const base = `${id}/${locale}`
  const has = (page: string) => result.written.some((file) => file.path === page)
  const choices = () => [...inLocale.map((entry) => entry.version).reverse(), ...(working ? [draftVersion] : [])].join(', ')

  const publishedTarget = async (version: string, notes: string[] = []): Promise<PrintTarget> => {
    const entry = inLocale.find((candidate) => candidate.version === version)!
    const release = await loadPublished(archive, entry, cache)
    const document = release.project.documents.find((d) => d.id === id && d.locale === locale)
    if (!document) throw new Error(`Published version ${version} of \`${id}\` has no \`${locale}\` document`)
    const page = entry === latest ? `${base}/index.html` : `${base}/v/${version}/index.html`
    return {document, version, status: 'published', page, notes}
  }

  const wanted = request.version
  const isWorking = wanted === draftVersion || (wanted !== undefined && working !== undefined && wanted === working.version && !inLocale.some((e) => e.version === wanted))
  if (isWorking) {
    if (!working) throw new Error(`The working copy has no \`${locale}\` version of \`${id}\`; versions: ${choices()}`)
    if (has(`${base}/draft/index.html`)) return {document: working, version: working.version, status: 'draft', page: `${base}/draft/index.html`, notes: []}
    if (!latest) return {document: working, version: working.version, status: 'draft', page: `${base}/index.html`, notes: []}
    // Nothing changed since the last publish: the working copy is that published version.
    return publishedTarget(latest.version, [`The working copy is unchanged since version ${latest.version} was published; printing that version.`])
  }
  if (wanted === undefined) {
    if (!latest) {
      throw new Error(`\`${id}\` (${locale}) has no published version yet; print the working copy with \`--version ${draftVersion}\``)
    }
    return publishedTarget(latest.version)
  }
  if (!inLocale.some((entry) => entry.version === wanted)) {
    throw new Error(`\`${id}\` (${locale}) has no version \`${wanted}\`; versions: ${choices()}`)
  }
  return publishedTarget(wanted)
}
