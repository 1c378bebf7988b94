/**
 * The fields of each list: their names in Chinese and English, their type and whether they are
 * required. One table drives parsing, checking, rendering, JSON and CSV, so they cannot drift apart.
 */
import type {ListKind} from '../model/types.js'

/** How a field's value is read. */
export type FieldType =
  | 'text'
  /** Comma-separated vocabulary ids. */
  | 'data'
  /** One vocabulary id. */
  | 'data-one'
  /** Comma-separated permission ids. */
  | 'permissions'
  /** Comma-separated platform names. */
  | 'platforms'
  /** An `https:` or `http:` URL. */
  | 'url'
  /** A URL or any other contact (email, phone, address). */
  | 'contact'
  /** 是/否, yes/no. */
  | 'yes-no'

/** One field of a list entry. */
export interface FieldSpec {
  /** Key in the model and in JSON (`provider`). */
  key: string
  /** Column and field names per locale; the first is the canonical one. */
  names: {'zh-CN': string; 'en-US': string}
  /** Other names accepted in the source (`第三方主体`, `Provider`). */
  aliases: string[]
  type: FieldType
  required: boolean
}

function field(key: string, zh: string, en: string, type: FieldType, required: boolean, aliases: string[] = []): FieldSpec {
  return {key, names: {'zh-CN': zh, 'en-US': en}, aliases, type, required}
}

/** Fields per list kind, in display order (the entry name comes from the heading). */
export const listFields: Record<ListKind, FieldSpec[]> = {
  sdk: [
    field('provider', '第三方主体', 'Provider', 'text', true, ['SDK提供方', '提供方']),
    field('purpose', '使用目的', 'Purpose', 'text', true),
    field('scenario', '使用场景', 'Scenario', 'text', true),
    field('data', '收集的个人信息', 'Personal information', 'data', true, ['个人信息类型', '收集个人信息类型', 'Personal information collected']),
    field('method', '收集方式', 'Collection method', 'text', true, ['Method']),
    field('permissions', '使用的权限', 'Permissions', 'permissions', true, ['调用的权限', '权限', 'Permissions used']),
    field('platforms', '适用平台', 'Platforms', 'platforms', true, ['平台', 'Platform']),
    field('policyUrl', '隐私政策', 'Privacy policy', 'url', true, ['隐私政策链接', '第三方隐私政策', 'Privacy policy URL']),
    field('notes', '备注', 'Notes', 'text', false, ['Note'])
  ],
  sharing: [
    field('cooperation', '合作类型', 'Cooperation type', 'text', true, ['合作方类型', 'Type']),
    field('purpose', '共享目的', 'Purpose', 'text', true, ['使用目的']),
    field('scenario', '使用场景', 'Scenario', 'text', true, ['共享场景']),
    field('data', '共享的个人信息', 'Personal information shared', 'data', true, ['个人信息类型', '共享个人信息类型', 'Personal information']),
    field('method', '共享方式', 'Sharing method', 'text', true, ['Method']),
    field('contact', '隐私政策或联系方式', 'Privacy policy or contact', 'contact', true, ['隐私政策', '联系方式', 'Privacy policy', 'Contact']),
    field('notes', '备注', 'Notes', 'text', false, ['Note'])
  ],
  collection: [
    field('dataType', '信息类型', 'Information type', 'data-one', true, ['个人信息类型', 'Type']),
    field('purpose', '使用目的', 'Purpose', 'text', true),
    field('scenario', '使用场景', 'Scenario', 'text', true),
    field('basicMode', '基本模式必需', 'Required in basic mode', 'yes-no', true, ['基本功能模式必需', 'Basic mode']),
    field('notes', '备注', 'Notes', 'text', false, ['Note'])
  ],
  permissions: [
    field('android', 'Android 权限', 'Android permission', 'text', false, ['Android权限', '安卓权限', 'Android']),
    field('ios', 'iOS 权限', 'iOS key', 'text', false, ['iOS权限', 'iOS']),
    field('scenario', '使用场景', 'Feature or scenario', 'text', true, ['功能场景', 'Scenario']),
    field('purpose', '使用目的', 'Purpose', 'text', true),
    field('askedBeforeUse', '使用前询问', 'Asked before use', 'yes-no', true, ['是否询问', 'Asked']),
    field('canDisable', '可关闭', 'Can be turned off', 'yes-no', true, ['是否可关闭', 'Can disable']),
    field('refusalEffect', '拒绝的影响', 'Effect of refusing', 'text', true, ['拒绝授权的影响', 'If refused'])
  ]
}

/** Display name of the entry-name column per kind and locale. */
export const entryNameLabels: Record<ListKind, {'zh-CN': string; 'en-US': string}> = {
  sdk: {'zh-CN': 'SDK 名称', 'en-US': 'SDK'},
  sharing: {'zh-CN': '合作方名称', 'en-US': 'Recipient'},
  collection: {'zh-CN': '个人信息', 'en-US': 'Information'},
  permissions: {'zh-CN': '权限名称', 'en-US': 'Permission'}
}

/** Default list titles per kind and locale. */
export const listTitles: Record<ListKind, {'zh-CN': string; 'en-US': string}> = {
  sdk: {'zh-CN': '第三方SDK目录', 'en-US': 'Third-party SDKs'},
  sharing: {'zh-CN': '第三方数据合作清单', 'en-US': 'Third parties we share personal information with'},
  collection: {'zh-CN': '个人信息收集清单', 'en-US': 'Personal information we collect'},
  permissions: {'zh-CN': '权限列表', 'en-US': 'System permissions'}
}

/** The list kinds, in the order lists are shown. */
export const listKinds: ListKind[] = ['collection', 'sdk', 'sharing', 'permissions']

/** A display name in `locale`, falling back to Chinese for other locales. */
export function localized(names: {'zh-CN': string; 'en-US': string}, locale: string): string {
  return locale.startsWith('en') ? names['en-US'] : names['zh-CN']
}

/** Find the field of `kind` named `name` (any accepted name, case and spacing ignored). */
export function findField(kind: ListKind, name: string): FieldSpec | undefined {
  const wanted = normalizeName(name)
  return listFields[kind].find((spec) =>
    [spec.names['zh-CN'], spec.names['en-US'], ...spec.aliases, spec.key].some((candidate) => normalizeName(candidate) === wanted)
  )
}

function normalizeName(name: string): string {
  return name.replace(/\s+/g, '').toLowerCase()
}
