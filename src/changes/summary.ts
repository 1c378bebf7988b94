/**
 * The change summary the notification service reads: one per new version and locale.
 */
import {z} from 'zod'
import type {DataType, ListKind, PolicyDocument} from '../model/types.js'
import type {DocumentDiff, SectionChange} from '../diff/types.js'
import type {ListDiff} from '../lists/diff.js'
import type {Materiality, MaterialReason} from './material.js'
import {dataTypeName} from '../lists/vocabulary.js'
import {noticesSchema} from '../notices/schema.js'

/** Version of the change-summary JSON; bumped on incompatible changes. */
export const changeSummarySchemaVersion = 1

const listKind = z.enum(['sdk', 'sharing', 'collection', 'permissions'])
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const versionRef = z.strictObject({version: z.string(), updated: date, effective: date})
const reason = z.strictObject({
  rule: z.enum([
    'sdk-added', 'sdk-widened', 'recipient-added', 'recipient-widened', 'data-type-added', 'sensitive-data-added',
    'purpose-changed', 'permission-added', 'permission-widened', 'section-changed', 'author-override'
  ]),
  list: listKind.optional(),
  entry: z.string().optional(),
  section: z.string().optional(),
  data: z.array(z.string()).optional(),
  article: z.string().optional(),
  text: z.string().describe('The reason in words, in the summary locale')
})

/** The schema of a change summary; published as JSON Schema. */
export const changeSummarySchema = z.strictObject({
  schemaVersion: z.literal(changeSummarySchemaVersion),
  id: z.string().describe('Stable id of this summary: document/locale/from..to'),
  document: z.string(),
  locale: z.string(),
  title: z.string(),
  status: z.enum(['published', 'draft']),
  from: versionRef.nullable(),
  to: versionRef,
  material: z.boolean(),
  reasons: z.array(reason),
  separateConsent: z.boolean().describe('Whether a change needs the user\'s separate consent (PIPL), not only notice'),
  consentReasons: z.array(reason),
  override: z.strictObject({material: z.boolean(), reason: z.string()}).nullable(),
  noticeDays: z.number().int().describe('Days between updated and effective'),
  summary: z.string(),
  summaryGenerated: z.boolean().describe('false when the summary is the author\'s own'),
  changedSections: z.array(
    z.strictObject({
      id: z.string(),
      title: z.string(),
      kind: z.enum(['added', 'removed', 'modified', 'moved', 'renamed']),
      moved: z.boolean(),
      renamed: z.boolean(),
      permalink: z.string()
    })
  ),
  listChanges: z.array(
    z.strictObject({
      list: listKind,
      entry: z.string(),
      name: z.string(),
      change: z.enum(['added', 'removed', 'modified']),
      fields: z.array(z.strictObject({field: z.string(), old: z.unknown(), new: z.unknown()}))
    })
  ),
  counts: z.strictObject({
    sectionsAdded: z.number(),
    sectionsRemoved: z.number(),
    sectionsModified: z.number(),
    sectionsMoved: z.number(),
    sectionsRenamed: z.number(),
    blocksChanged: z.number(),
    charactersInserted: z.number(),
    charactersDeleted: z.number()
  }),
  links: z.strictObject({
    diff: z.string().describe('Highlighted diff, changed sections only'),
    diffFull: z.string().describe('Highlighted diff of the whole document'),
    version: z.string().describe('The new version'),
    previous: z.string().nullable().describe('The previous version'),
    history: z.string()
  }),
  notices: noticesSchema
})

/** A change summary. */
export type ChangeSummary = z.infer<typeof changeSummarySchema>

/** A change summary before its notice texts are rendered (`withNotices` in notices/render.ts adds them). */
export type ChangeSummaryCore = Omit<ChangeSummary, 'notices'>

/** Links a summary gives, already resolved (absolute when the site has a `url`). */
export type SummaryLinks = ChangeSummary['links'] & {
  /** The URL of a section of the new (or, for removed sections, the old) version. */
  section(id: string, removed: boolean): string
}

/** Everything a summary is made of. */
export interface SummaryInput {
  from: PolicyDocument | undefined
  to: PolicyDocument
  status: 'published' | 'draft'
  diff: DocumentDiff
  lists: ListDiff[]
  materiality: Materiality
  vocabulary: DataType[]
  links: SummaryLinks
}

/** Build the change summary of `input.to` against `input.from`. Pure. */
export function buildChangeSummary(input: SummaryInput): ChangeSummaryCore {
  const {from, to, diff, lists, materiality, links} = input
  const en = to.locale.startsWith('en')
  const names = nameLookup(input)
  const describe = (r: MaterialReason) => ({...stripUndefined(r), text: reasonText(r, names, en)})
  const reasons = materiality.reasons.map(describe)
  const listsChanged = lists.some((list) => list.entries.length > 0)
  const generated = generatedSummary(materiality, reasons.filter((r) => r.rule !== 'author-override').map((r) => r.text), diff, listsChanged, en)
  return {
    schemaVersion: changeSummarySchemaVersion,
    id: `${to.id}/${to.locale}/${from?.version ?? 'initial'}..${to.version}`,
    document: to.id,
    locale: to.locale,
    title: to.title,
    status: input.status,
    from: from ? {version: from.version, updated: from.updated, effective: from.effective} : null,
    to: {version: to.version, updated: to.updated, effective: to.effective},
    material: materiality.material,
    reasons,
    separateConsent: materiality.separateConsent,
    consentReasons: materiality.consentReasons.map(describe),
    override: materiality.override,
    noticeDays: Math.round((Date.parse(to.effective) - Date.parse(to.updated)) / 86_400_000),
    summary: to.summary ?? generated,
    summaryGenerated: to.summary === undefined,
    changedSections: changedSections(diff.sections, links),
    listChanges: lists.flatMap((list) =>
      list.entries.map((change) => ({
        list: list.kind,
        entry: change.id,
        name: change.name,
        change: change.type,
        fields: change.type === 'modified' ? change.fields.map((field) => ({field: field.field, old: field.old, new: field.new})) : []
      }))
    ),
    counts: diff.counts,
    links: {diff: links.diff, diffFull: links.diffFull, version: links.version, previous: links.previous, history: links.history}
  }
}

function changedSections(sections: SectionChange[], links: SummaryLinks): ChangeSummary['changedSections'] {
  const result: ChangeSummary['changedSections'] = []
  const walk = (changes: SectionChange[]) => {
    for (const change of changes) {
      const own = change.kind === 'added' || change.kind === 'removed' || change.kind === 'modified'
      if (own || change.moved || change.renamed) {
        const title = (change.new ?? change.old)?.title ?? change.id
        const kind = own ? (change.kind as 'added' | 'removed' | 'modified') : change.moved ? 'moved' : 'renamed'
        result.push({id: change.id, title, kind, moved: change.moved, renamed: change.renamed, permalink: links.section(change.id, change.kind === 'removed')})
      }
      walk(change.children)
    }
  }
  walk(sections)
  return result
}

interface Names {
  entry(list: ListKind | undefined, id: string | undefined): string
  data(ids: string[] | undefined): string
  section(id: string | undefined): string
  /** What happened to the section's own text. */
  sectionKind(id: string | undefined): SectionChange['kind'] | undefined
  /** The author's override, for its reason. */
  override: Materiality['override']
}

function nameLookup(input: SummaryInput): Names {
  const entries = new Map<string, string>()
  for (const list of input.lists) for (const change of list.entries) entries.set(`${list.kind}/${change.id}`, change.name)
  const sections = new Map<string, {title: string; kind: SectionChange['kind']}>()
  const walk = (changes: SectionChange[]) => {
    for (const change of changes) {
      // A heading's trailing colon (`1.6 物流服务：`) reads wrong inside 「」.
      const title = ((change.new ?? change.old)?.title ?? change.id).replace(/[\s:：，,。.;；]+$/u, '')
      sections.set(change.id, {title, kind: change.kind})
      walk(change.children)
    }
  }
  walk(input.diff.sections)
  const types = new Map(input.vocabulary.map((type) => [type.id, type]))
  const join = input.to.locale.startsWith('en') ? ', ' : '、'
  return {
    entry: (list, id) => entries.get(`${list}/${id}`) ?? id ?? '',
    data: (ids) => (ids ?? []).map((id) => {
      const type = types.get(id)
      return type ? dataTypeName(type, input.to.locale) : id
    }).join(join),
    section: (id) => sections.get(id ?? '')?.title ?? id ?? '',
    sectionKind: (id) => sections.get(id ?? '')?.kind,
    override: input.materiality.override
  }
}

function reasonText(reason: MaterialReason, names: Names, en: boolean): string {
  const entry = names.entry(reason.list, reason.entry)
  const data = names.data(reason.data)
  switch (reason.rule) {
    case 'sdk-added':
      return en ? `New third-party SDK “${entry}”` : `新增第三方SDK「${entry}」`
    case 'sdk-widened':
      return en ? `Third-party SDK “${entry}” changed${data ? ` (now also ${data})` : ''}` : `调整第三方SDK「${entry}」${data ? `（新增${data}）` : ''}`
    case 'recipient-added':
      return en ? `Personal information newly shared with “${entry}”` : `新增向「${entry}」共享个人信息`
    case 'recipient-widened':
      return en ? `Sharing with “${entry}” changed${data ? ` (now also ${data})` : ''}` : `调整向「${entry}」共享个人信息${data ? `（新增${data}）` : ''}`
    case 'data-type-added':
      return en ? `Newly collected: ${data || entry}` : `新增收集${data || entry}`
    case 'sensitive-data-added':
      // In brackets, not after a colon: a summary joins reasons after one of its own. An SDK or a
      // recipient is named: which third party gets the information is what the user consents to.
      if (reason.list === 'sdk' || reason.list === 'sharing') {
        return en ? `Sensitive personal information newly processed by “${entry}” (${data})` : `「${entry}」新增处理敏感个人信息（${data}）`
      }
      return en ? `Sensitive personal information newly processed (${data})` : `新增处理敏感个人信息（${data}）`
    case 'purpose-changed':
      return en ? `New purpose for “${entry}”` : `变更「${entry}」的使用目的`
    case 'permission-added':
      return en ? `New permission “${entry}”` : `新增申请「${entry}」`
    case 'permission-widened':
      return en ? `Use of permission “${entry}” changed` : `调整「${entry}」的使用`
    case 'section-changed': {
      const section = names.section(reason.section)
      const kind = names.sectionKind(reason.section)
      if (kind === 'added') return en ? `New section “${section}”` : `新增「${section}」`
      if (kind === 'removed') return en ? `Section “${section}” removed` : `删除「${section}」`
      return en ? `Section “${section}” revised` : `修订「${section}」`
    }
    case 'author-override': {
      const override = names.override
      if (!override) return en ? 'Classified by the author' : '由作者认定'
      return en
        ? `Classified by the author as ${override.material ? 'a material change' : 'not a material change'}: ${override.reason}`
        : `经认定${override.material ? '属于' : '不属于'}重大变更：${override.reason}`
    }
  }
}

function generatedSummary(materiality: Materiality, texts: string[], diff: DocumentDiff, listsChanged: boolean, en: boolean): string {
  const shown = texts.slice(0, 5)
  const more = texts.length - shown.length
  const list = shown.join(en ? '; ' : '；')
  const tail = more > 0 ? (en ? `; and ${more} more` : `等${texts.length}项`) : ''
  if (materiality.material) {
    // Notices already say the change is material; the summary says what it is.
    return en ? `Main changes: ${list}${tail}.` : `主要变更：${list}${tail}。`
  }
  // The author ruled that changes the rules call material are not: say what they are, and why not.
  if (materiality.override && texts.length > 0) {
    const reason = materiality.override.reason.trim()
    const end = /[。！？.!?]$/u.test(reason) ? '' : en ? '.' : '。'
    return en ? `This update: ${list}${tail}. Not a material change: ${reason}${end}` : `本次更新：${list}${tail}。经认定不属于重大变更：${reason}${end}`
  }
  const {counts} = diff
  const textSame = counts.blocksChanged === 0 && counts.sectionsAdded + counts.sectionsRemoved + counts.sectionsRenamed + counts.sectionsMoved === 0
  if (textSame && !listsChanged) {
    return en ? 'No change to the text.' : '政策文本无变化。'
  }
  return en ? 'Editorial changes only; how personal information is handled does not change.' : '本次更新为文字性修改，个人信息处理规则未发生实质变化。'
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}
