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
export function listDataPath(list: PolicyList, extension: 'json' | 'csv'): string {
  return outputPathOf(list.path, 'portal').replace(/\.html$/, `.${extension}`)
}

/** Every file the lists produce: pages, JSON, CSV, schemas and the filter script. */
export function renderLists(project: Project, templates: Templates, css: {portal: string; inApp: string}): OutputFile[] {
  if (project.lists.length === 0) return []
  const files: OutputFile[] = []
  for (const kind of listKinds) {
    files.push({path: listSchemaPath(kind), contents: json(listJsonSchemaDocument(kind, listSchemaPath(kind)))})
  }
  const script = templates.script('list-filter')
  if (script !== undefined) files.push({path: listFilterScriptPath, contents: script})
  for (const list of project.lists) {
    const document = project.documents.find((d) => d.id === list.documentId && d.locale === list.locale)
    files.push({path: listDataPath(list, 'json'), contents: json(listToJson(list, project.vocabulary, project.lists, document))})
    files.push({path: listDataPath(list, 'csv'), contents: listToCsv(list, project.vocabulary, project.lists)})
    files.push(renderListPage(list, document, project, templates, 'portal', css.portal))
    files.push(renderListPage(list, document, project, templates, 'app', css.inApp))
  }
  return files
}

function renderListPage(
  list: PolicyList,
  document: PolicyDocument | undefined,
  project: Project,
  templates: Templates,
  variant: Variant,
  css: string
): OutputFile {
  const path = outputPathOf(list.path, variant)
  const labels = templates.labels(list.locale)
  const rewrite = linkRewriterFor(path, variant)
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
    policyHref: relativeUrl(path, outputPathOf(policyPath, variant)),
    toc: [],
    bodyHtml: ''
  }
  if (variant === 'app') {
    return {path, contents: templates.render('list-inapp', {...common, css})}
  }
  const siblings = project.lists.filter((other) => other.documentId === list.documentId && other.kind === list.kind)
  const view = {
    ...common,
    assets: {css: relativeUrl(path, 'assets/portal.css'), script: relativeUrl(path, listFilterScriptPath)},
    home: relativeUrl(path, 'index.html'),
    inAppHref: relativeUrl(path, outputPathOf(list.path, 'app')),
    alternates: siblings.map((other) => ({
      locale: other.locale,
      label: templates.labels(other.locale)['languageName'] ?? other.locale,
      href: relativeUrl(path, outputPathOf(other.path, 'portal')),
      current: other === list
    })),
    downloads: [
      {label: 'JSON', href: relativeUrl(path, listDataPath(list, 'json'))},
      {label: 'CSV', href: relativeUrl(path, listDataPath(list, 'csv'))}
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
