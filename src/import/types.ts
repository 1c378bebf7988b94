/**
 * Plain data shared by the import stages: every reader turns its input into `Block`s (lines of text with
 * formatting), structure detection rewrites them into headings, paragraphs and list items, and the
 * writer turns them into Markdown. Nothing here imports from the rest of `src/`.
 */

/** A run of text with the formatting the policy keeps: key clauses (bold or underline) and links. */
export interface Span {
  text: string
  /** Bold or underlined in the source: a key clause, written `**…**`. */
  bold?: boolean | undefined
  /** Link target; only `https:`, `http:`, `mailto:` and `tel:` survive (others keep their text only). */
  href?: string | undefined
}

/** Where something is in the INPUT: line and column (1-based, in characters), or a .docx paragraph. */
export type InputPlace = {line: number; column: number} | {paragraph: number}

/** One block of the input, and later of the output. */
export interface Block {
  kind: 'paragraph' | 'heading' | 'item' | 'table' | 'include'
  /** Inline content; empty for tables and includes. */
  spans: Span[]
  /** Table rows → cells → spans; the first row is the header. */
  rows?: Span[][][] | undefined
  /**
   * List nesting: 0 outside lists; an item at depth d ≥ 1 is written with (d-1)·2 spaces of indent, a
   * paragraph or table at depth d ≥ 1 continues the item at depth d.
   */
  depth: number
  /** Heading level: from the markup while reading (1–6), the output level (2–6) after structure. */
  level?: number | undefined
  /** The structure came from markup (an HTML/Markdown/Word heading or list), not from a guess. */
  explicit?: boolean | undefined
  /** A table-of-contents entry: the heading it names gets linked once ids are known. */
  toc?: boolean | undefined
  /** Id of the heading a table-of-contents entry links to. */
  target?: string | undefined
  /** Heading id, once planned. */
  id?: string | undefined
  /** Include target (`clauses/<name>.md`) of an `include` block. */
  src?: string | undefined
  place: InputPlace | undefined
}

/** What a reader found. */
export interface ReadResult {
  blocks: Block[]
  /**
   * The input's text as a reader of the source would see it, found independently of `blocks` where
   * the format allows (raw text, Word's raw text): the no-text-lost check compares against it.
   */
  source: SourcePiece[]
  /** A title the format states outside the text (`<title>`, wiki front matter), if any. */
  title?: {text: string; place: InputPlace | undefined} | undefined
  notes: ImportNote[]
}

/** A piece of the input's text and where it starts. */
export interface SourcePiece {
  text: string
  place: InputPlace | undefined
}

/** Kinds of things the importer reports for a person to review. */
export type ImportRule =
  | 'import-numbering'
  | 'import-heading'
  | 'import-split'
  | 'import-dropped'
  | 'import-clause'
  | 'import-date'
  | 'import-text-lost'

/** One thing the importer was unsure about, or changed, with its place in the input. */
export interface ImportNote {
  rule: ImportRule
  message: string
  place: InputPlace | undefined
}
