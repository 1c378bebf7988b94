/**
 * Plain data types of the policy domain.
 *
 * Nothing here imports from the rest of `src/`: every stage takes and returns these.
 */
import type {Root, RootContent, PhrasingContent} from 'mdast'

/** A place in an author's file, for messages and for linking back to the source. */
export interface SourcePlace {
  /** Path relative to the content directory, with `/` separators. */
  file: string
  /** 1-indexed line. */
  line: number
  /** 1-indexed column. */
  column: number
}

/** Metadata from a policy's front matter, after validation. */
export interface PolicyMeta {
  /** Document id, shared by every locale of the document (`privacy`). */
  id: string
  /** Title as shown to users (`快手隐私政策`). */
  title: string
  /** BCP 47 locale (`zh-CN`). */
  locale: string
  /** Version label (`2023-09-20`). */
  version: string
  /** 更新日期, `YYYY-MM-DD`. */
  updated: string
  /** 生效日期, `YYYY-MM-DD`, never before `updated`. */
  effective: string
  /** Optional short human summary of this version's changes. */
  summary?: string | undefined
  /** The author's override of the material-change rules (with `materialReason`). */
  material?: boolean | undefined
  /** Why the author overrode the rules; recorded in the change summary. */
  materialReason?: string | undefined
  /** Sections whose changes in this version are editorial wording only. */
  editorial?: string[] | undefined
}

/** One block of policy text (paragraph, list, table, quote …) with its syntax tree. */
export interface Block {
  /** The mdast node type (`paragraph`, `list`, `table` …). */
  kind: RootContent['type']
  /** Plain text of the block, as a reader sees it (list items and cells on their own lines). */
  text: string
  /** The block's syntax tree: plain, serializable data. Renderers read this, never the Markdown. */
  node: RootContent
  /** Where the block starts in the author's files. */
  place: SourcePlace
}

/** A titled section of a policy: a heading with the blocks under it and its subsections. */
export interface Section {
  /** Stable id from `{#id}`; the anchor and the key for diffs. */
  id: string
  /** Plain-text title, numbering included as written (`一、个人信息的收集和使用`). */
  title: string
  /** The title's phrasing content (bold, links …), without the `{#id}` suffix. */
  titleContent: PhrasingContent[]
  /** Heading depth, 2–6 (`##` is a chapter). */
  depth: number
  /** Blocks directly under the heading, before any subsection. */
  blocks: Block[]
  /** Nested sections. */
  children: Section[]
  /** Where the heading is. */
  place: SourcePlace
}

/** A policy document in one locale: the model every renderer and the diff read. */
export interface PolicyDocument extends PolicyMeta {
  /** Content-relative path of the source file (`privacy/zh-CN/index.md`). */
  path: string
  /** Blocks before the first heading. */
  preamble: Block[]
  /** Top-level sections (chapters). */
  sections: Section[]
  /** Where each front matter key is, for messages about the metadata. */
  metaPlaces: Record<string, SourcePlace>
}

/** Site-wide settings from `content/policypress.yaml`. */
export interface SiteConfig {
  /** Portal name (`快手隐私中心`). */
  title: string
  /** Locale of the portal index page. */
  locale: string
  /** Public address of the portal (`https://privacy.example.com/`), for absolute links in summaries and feeds. */
  url?: string | undefined
  /** Minimum days between 更新日期 and 生效日期 of a material change (default 7). */
  noticeDays: number
  /** Sections (with everything below them) whose substantive changes are material. */
  materialSections: string[]
}

/** Everything the content directory holds, as models. */
export interface Project {
  site: SiteConfig
  /** Documents sorted by id, then locale. */
  documents: PolicyDocument[]
  /** Lists sorted by path. */
  lists: PolicyList[]
  /** The personal-information vocabulary, sorted by id. */
  vocabulary: DataType[]
}

/** The expanded syntax tree of a policy file with includes resolved. */
export interface ParsedPolicy {
  /** Content-relative path. */
  path: string
  tree: Root
}

/** The four lists a Chinese privacy policy comes with. */
export type ListKind = 'sdk' | 'sharing' | 'collection' | 'permissions'

/** A personal-information type of the shared vocabulary (设备信息, 人脸信息 …). */
export interface DataType {
  /** Stable id list entries refer to (`face`). */
  id: string
  /** Display name per locale. */
  names: Record<string, string>
  /** 敏感个人信息 under PIPL article 28. */
  sensitive: boolean
  place: SourcePlace
}

/** Fields shared by every list entry. */
interface EntryBase {
  /** Stable id from the entry heading's `{#id}`. */
  id: string
  /** The entry heading's text: SDK name, recipient, information type or permission name. */
  name: string
  place: SourcePlace
}

/** One third-party SDK (第三方SDK目录). */
export interface SdkEntry extends EntryBase {
  kind: 'sdk'
  provider: string
  purpose: string
  scenario: string
  /** Vocabulary ids of the personal information the SDK collects. */
  data: string[]
  method: string
  /** Permission ids from the permissions list. */
  permissions: string[]
  platforms: string[]
  policyUrl: string
  notes?: string | undefined
}

/** One recipient of shared personal information (第三方数据合作清单). */
export interface SharingEntry extends EntryBase {
  kind: 'sharing'
  cooperation: string
  purpose: string
  scenario: string
  data: string[]
  method: string
  /** Privacy-policy URL or other contact. */
  contact: string
  notes?: string | undefined
}

/** One type of personal information collected (个人信息收集清单). */
export interface CollectionEntry extends EntryBase {
  kind: 'collection'
  /** Vocabulary id. */
  dataType: string
  purpose: string
  scenario: string
  /** Whether the basic (browse-only) mode needs it. */
  basicMode: boolean
  notes?: string | undefined
}

/** One system permission (权限列表). */
export interface PermissionEntry extends EntryBase {
  kind: 'permissions'
  android?: string | undefined
  ios?: string | undefined
  scenario: string
  purpose: string
  /** Asked for only when the feature is first used. */
  askedBeforeUse: boolean
  /** Can be turned off in system settings. */
  canDisable: boolean
  refusalEffect: string
}

/** Any list entry. */
export type ListEntry = SdkEntry | SharingEntry | CollectionEntry | PermissionEntry

/** A list of one kind for one document and locale. */
export interface PolicyList {
  kind: ListKind
  /** Document id the list belongs to. */
  documentId: string
  locale: string
  title: string
  /** Content-relative path (`privacy/zh-CN/lists/sdk.md`). */
  path: string
  /** Blocks before the first entry. */
  intro: Block[]
  entries: ListEntry[]
}
