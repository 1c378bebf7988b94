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
}

/** Site-wide settings from `content/policypress.yaml`. */
export interface SiteConfig {
  /** Portal name (`快手隐私中心`). */
  title: string
  /** Locale of the portal index page. */
  locale: string
}

/** Everything the content directory holds, as models. */
export interface Project {
  site: SiteConfig
  /** Documents sorted by id, then locale. */
  documents: PolicyDocument[]
}

/** The expanded syntax tree of a policy file with includes resolved. */
export interface ParsedPolicy {
  /** Content-relative path. */
  path: string
  tree: Root
}
