/**
 * Material-change rules: is a new version a material change users must be told about, why, and
 * does any of it need the user's separate consent under PIPL?
 *
 * Material by default: a third party (SDK or recipient), a purpose, an information type, sensitive
 * information or a permission added or widened; a substantive change in a section the site settings
 * mark material. Editorial: only wording, or only sections the author marked `editorial`. The author
 * may override with a recorded reason.
 */
import type {DataType, ListEntry, ListKind, PolicyDocument, SiteConfig} from '../model/types.js'
import type {BlockChange, DocumentDiff, SectionChange} from '../diff/types.js'
import {newText, oldText} from '../diff/ops.js'
import type {EntryChange, FieldChange, ListDiff} from '../lists/diff.js'

/** Why a change is material (or needs consent). */
export interface MaterialReason {
  rule:
    | 'sdk-added'
    | 'sdk-widened'
    | 'recipient-added'
    | 'recipient-widened'
    | 'data-type-added'
    | 'sensitive-data-added'
    | 'purpose-changed'
    | 'permission-added'
    | 'permission-widened'
    | 'section-changed'
    | 'author-override'
  /** The list and entry the reason is about, for list rules. */
  list?: ListKind | undefined
  entry?: string | undefined
  /** The section the reason is about, for section rules. */
  section?: string | undefined
  /** Vocabulary ids involved (added types, sensitive types). */
  data?: string[] | undefined
  /** PIPL article that asks for separate consent, for consent reasons. */
  article?: string | undefined
}

/** The verdict on a new version. */
export interface Materiality {
  material: boolean
  /** Every rule that fired (empty for an editorial change). */
  reasons: MaterialReason[]
  /** Whether any change needs separate consent (单独同意), not just notice. */
  separateConsent: boolean
  consentReasons: MaterialReason[]
  /** The author's override, when there is one. */
  override: {material: boolean; reason: string} | null
}

/** Everything the rules look at. */
export interface MaterialInput {
  /** The new version's document (its front matter holds overrides and `editorial`). */
  document: PolicyDocument
  diff: DocumentDiff
  lists: ListDiff[]
  vocabulary: DataType[]
  site: SiteConfig
}

/** Fields whose change widens what an entry does. */
const wideningFields: Record<ListKind, string[]> = {
  sdk: ['provider', 'purpose', 'scenario', 'data', 'permissions', 'platforms', 'method'],
  sharing: ['cooperation', 'purpose', 'scenario', 'data', 'method'],
  collection: ['purpose', 'scenario', 'basicMode'],
  permissions: ['purpose', 'scenario', 'android', 'ios', 'askedBeforeUse', 'canDisable']
}

/** Decide whether the change described by `input` is material. Pure. */
export function assessMateriality(input: MaterialInput): Materiality {
  const sensitive = new Set(input.vocabulary.filter((type) => type.sensitive).map((type) => type.id))
  const reasons: MaterialReason[] = []
  const consent: MaterialReason[] = []

  for (const list of input.lists) {
    for (const change of list.entries) {
      listRules(list.kind, change, sensitive, reasons, consent)
    }
  }
  const editorial = new Set(input.document.editorial ?? [])
  const materialSections = new Set(input.site.materialSections)
  for (const change of input.diff.sections) sectionRules(change, false, materialSections, editorial, reasons)

  const override = input.document.material !== undefined && input.document.materialReason
    ? {material: input.document.material, reason: input.document.materialReason}
    : null
  const material = override ? override.material : reasons.length > 0
  const allReasons = override ? [...reasons, {rule: 'author-override' as const}] : reasons
  return {material, reasons: allReasons, separateConsent: consent.length > 0, consentReasons: consent, override}
}

/** Days between two `YYYY-MM-DD` dates. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

function listRules(kind: ListKind, change: EntryChange, sensitive: Set<string>, reasons: MaterialReason[], consent: MaterialReason[]): void {
  if (change.type === 'removed') return
  const base = {list: kind, entry: change.id}
  if (change.type === 'added') {
    const data = dataOf(change.entry)
    const sensitiveData = data.filter((id) => sensitive.has(id))
    switch (kind) {
      case 'sdk':
        reasons.push({...base, rule: 'sdk-added', data})
        if (sensitiveData.length > 0) consent.push({...base, rule: 'sensitive-data-added', data: sensitiveData, article: 'PIPL art. 29'})
        return
      case 'sharing':
        reasons.push({...base, rule: 'recipient-added', data})
        consent.push({...base, rule: 'recipient-added', data, article: 'PIPL art. 23'})
        return
      case 'collection':
        reasons.push({...base, rule: sensitiveData.length > 0 ? 'sensitive-data-added' : 'data-type-added', data})
        if (sensitiveData.length > 0) consent.push({...base, rule: 'sensitive-data-added', data: sensitiveData, article: 'PIPL art. 29'})
        return
      case 'permissions':
        reasons.push({...base, rule: 'permission-added'})
        return
    }
  }
  const widening = change.fields.filter((field) => isWidening(kind, field))
  if (widening.length === 0) return
  const addedData = widening.find((field) => field.field === 'data')?.added ?? []
  const addedSensitive = addedData.filter((id) => sensitive.has(id))
  const purpose = widening.some((field) => field.field === 'purpose')
  const rule: MaterialReason['rule'] =
    kind === 'sdk' ? 'sdk-widened' : kind === 'sharing' ? 'recipient-widened' : kind === 'permissions' ? 'permission-widened' : 'purpose-changed'
  reasons.push({...base, rule, ...(addedData.length > 0 ? {data: addedData} : {})})
  if (purpose && rule !== 'purpose-changed' && kind !== 'permissions') reasons.push({...base, rule: 'purpose-changed'})
  if (kind === 'sharing' && addedData.length > 0) consent.push({...base, rule: 'recipient-widened', data: addedData, article: 'PIPL art. 23'})
  else if (addedSensitive.length > 0) consent.push({...base, rule: 'sensitive-data-added', data: addedSensitive, article: 'PIPL art. 29'})
  if (purpose && (kind === 'collection' || kind === 'sharing')) {
    const data = kind === 'collection' && change.new.kind === 'collection' ? [change.new.dataType] : undefined
    consent.push({...base, rule: 'purpose-changed', ...(data ? {data} : {}), article: 'PIPL art. 14'})
  }
}

function isWidening(kind: ListKind, field: FieldChange): boolean {
  if (!wideningFields[kind].includes(field.field)) return false
  if (field.added !== undefined) return field.added.length > 0
  if (typeof field.old === 'string' && typeof field.new === 'string') return wording(field.old) !== wording(field.new)
  // Yes/no fields widen in one direction only.
  if (field.field === 'basicMode') return field.new === true
  if (field.field === 'askedBeforeUse' || field.field === 'canDisable') return field.new === false
  if (field.field === 'android' || field.field === 'ios') return Boolean(field.new)
  return true
}

function sectionRules(
  change: SectionChange,
  inMaterial: boolean,
  materialSections: Set<string>,
  editorial: Set<string>,
  reasons: MaterialReason[]
): void {
  if (editorial.has(change.id)) return
  const material = inMaterial || materialSections.has(change.id)
  const ownChange = change.kind === 'added' || change.kind === 'removed' || (change.kind === 'modified' && change.blocks.some(substantive))
  if (material && ownChange) reasons.push({rule: 'section-changed', section: change.id})
  for (const child of change.children) sectionRules(child, material, materialSections, editorial, reasons)
}

function dataOf(entry: ListEntry): string[] {
  if (entry.kind === 'collection') return [entry.dataType]
  if (entry.kind === 'sdk' || entry.kind === 'sharing') return entry.data
  return []
}

/**
 * Whether a block's change touches the words: a change of punctuation or spacing only (a full-width
 * comma for a half-width one, a space added) changes nothing a user agreed to. A moved block counts:
 * where a sentence stands can change what it applies to.
 */
function substantive(block: BlockChange): boolean {
  switch (block.kind) {
    case 'equal':
      return false
    case 'modified':
      return wording(oldText(block.ops)) !== wording(newText(block.ops))
    case 'added':
    case 'removed':
      return wording(block.ops.map((op) => op.text).join('')) !== ''
    case 'moved':
      return true
  }
}

/** Text without punctuation, symbols of punctuation's kind, or spacing: what is left are the words. */
function wording(text: string): string {
  return text.normalize('NFKC').replace(/[\s\p{P}]+/gu, '')
}
