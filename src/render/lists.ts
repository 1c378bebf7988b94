/**
 * List pages (portal and in-app) and their data files (JSON, CSV).
 */
import type {DataType, PolicyDocument, PolicyList, Project} from '../model/types.js'
import {entryNameLabels, listFields, localized, type FieldSpec} from '../lists/fields.js'
import {listToCsv, listToJson, listJsonSchemaDocument, referenceResolver} from '../lists/export.js'
import {listKinds} from '../lists/fields.js'
import type {Templates} from './templates.js'
import type {OutputFile} from './site.js'
import {renderNodes} from './html.js'
import {linkRewriterFor, outputPathOf, relativeUrl, type Variant} from './paths.js'

/** Path of a list kind's JSON Schema in the output. */
export function listSchemaPath(kind: PolicyList['kind']): string {
  return `schemas/${kind}-list.schema.json`
}

/** Path of the list filter script in the output. */
export const listFilterScriptPath = 'assets/list-filter.js'

/** The data file of `list` (`json` or `csv`) in the output, beside its portal page. */
export function listDataPath(list: PolicyList, extension: 'json' | 'csv', segment?: string): string {
  return outputPathOf(list.path, 'portal', segment).replace(/\.html$/, `.${extension}`)
}

/** The files every build with lists carries: JSON Schemas and the filter script. */
export function listSharedFiles(templates: Templates): OutputFile[] {
  const files: OutputFile[] = listKinds.map((kind) => ({path: listSchemaPath(kind), contents: json(listJsonSchemaDocument(kind, listSchemaPath(kind)))}))
  const script = templates.script('list-filter')
  if (script !== undefined) files.push({path: listFilterScriptPath, contents: script})
  return files
}

/** Everything one list produces for one release: portal page, JSON, CSV and, when current, the in-app page. */
export interface ListRender {
  list: PolicyList
  /** The release's project (its vocabulary and other lists resolve names). */
  project: Project
  /** The policy of the same document, locale and release. */
  document: PolicyDocument | undefined
  templates: Templates
  css: {portal: string; inApp: string}
  /** Folder of the release below `<doc>/<locale>/`; none for the current one. */
  segment?: string | undefined
  /** Also write the in-app page (current release only). */
  inApp: boolean
}

/** Render one list of one release. */
export function renderList(options: ListRender): OutputFile[] {
  const {list, project, document, segment} = options
  const files: OutputFile[] = [
    {path: listDataPath(list, 'json', segment), contents: json(listToJson(list, project.vocabulary, project.lists, document))},
    {path: listDataPath(list, 'csv', segment), contents: listToCsv(list, project.vocabulary, project.lists)},
    renderListPage(options, 'portal')
  ]
  if (options.inApp) files.push(renderListPage(options, 'app'))
  return files
}

function renderListPage(options: ListRender, variant: Variant): OutputFile {
  const {list, document, project, templates, segment} = options
  const path = outputPathOf(list.path, variant, variant === 'app' ? undefined : segment)
  const labels = templates.labels(list.locale)
  const rewrite = linkRewriterFor(path, variant, variant === 'app' ? undefined : segment)
  const policyPath = `${list.documentId}/${list.locale}/index.md`
  const common = {
    lang: list.locale,
    siteTitle: project.site.title,
    title: list.title,
    listKind: list.kind,
    documentTitle: document?.title ?? list.documentId,
    version: document?.version ?? '',
    updated: document?.updated ?? '',
    effective: document?.effective ?? '',
    labels,
    introHtml: list.intro.map((block) => renderNodes([block.node], block.place.file, rewrite)).join(''),
    countText: countText(list.entries.length, labels),
    nameLabel: localized(entryNameLabels[list.kind], list.locale),
    columns: listFields[list.kind].map((spec) => ({label: localized(spec.names, list.locale)})),
    rows: rows(list, project.vocabulary, project.lists),
    policyHref: relativeUrl(path, outputPathOf(policyPath, variant, variant === 'app' ? undefined : segment)),
    toc: [],
    bodyHtml: ''
  }
  if (variant === 'app') {
    return {path, contents: templates.render('list-inapp', {...common, css: options.css.inApp})}
  }
  const siblings = project.lists.filter((other) => other.documentId === list.documentId && other.kind === list.kind)
  const view = {
    ...common,
    assets: {css: relativeUrl(path, 'assets/portal.css'), script: relativeUrl(path, listFilterScriptPath)},
    home: relativeUrl(path, 'index.html'),
    inAppHref: segment ? '' : relativeUrl(path, outputPathOf(list.path, 'app')),
    alternates: siblings.map((other) => ({
      locale: other.locale,
      label: templates.labels(other.locale)['languageName'] ?? other.locale,
      href: relativeUrl(path, outputPathOf(other.path, 'portal', segment)),
      current: other === list
    })),
    downloads: [
      {label: 'JSON', href: relativeUrl(path, listDataPath(list, 'json', segment))},
      {label: 'CSV', href: relativeUrl(path, listDataPath(list, 'csv', segment))}
    ]
  }
  return {path, contents: templates.render('list', view)}
}

interface CellItem {
  text: string
  href: string
  sensitive: boolean
}

function rows(list: PolicyList, vocabulary: DataType[], lists: PolicyList[]) {
  const resolve = referenceResolver(list, vocabulary, lists)
  const en = list.locale.startsWith('en')
  return list.entries.map((entry) => ({
    id: entry.id,
    name: entry.name,
    cells: listFields[list.kind].map((spec) => ({
      label: localized(spec.names, list.locale),
      items: cellItems(spec, (entry as unknown as Record<string, unknown>)[spec.key])
    }))
  }))

  function cellItems(spec: FieldSpec, value: unknown): CellItem[] {
    const item = (text: string, href = '', sensitive = false): CellItem => ({text, href, sensitive})
    if (value === undefined || value === '') return []
    switch (spec.type) {
      case 'data':
        return (value as string[]).map((id) => resolve.data(id)).map((data) => item(data.name, '', data.sensitive))
      case 'data-one': {
        const data = resolve.data(value as string)
        return [item(data.name, '', data.sensitive)]
      }
      case 'permissions':
        return (value as string[]).map((id) => item(resolve.permission(id).name, `permissions.html#${id}`))
      case 'platforms':
        return (value as string[]).map((name) => item(name))
      case 'yes-no':
        return [item(value ? (en ? 'Yes' : '是') : en ? 'No' : '否')]
      case 'url':
      case 'contact': {
        const text = String(value)
        return [item(text, /^https?:\/\//i.test(text) ? text : '')]
      }
      default:
        return [item(String(value))]
    }
  }
}

function countText(count: number, labels: Record<string, string>): string {
  const template = labels['countTemplate'] ?? '{count}'
  return template.replace('{count}', String(count))
}

function json(value: object): string {
  return `${JSON.stringify(value, null, 2)}\n`
}
