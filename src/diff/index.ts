/**
 * The diff engine: what changed between two versions of a policy, as plain data, and its renderings.
 * Re-exports only.
 */
export type * from './types.js'
export {diffSchemaVersion} from './types.js'
export {diffDocuments, type DiffOptions} from './document.js'
export {
  documentFromMarkdown,
  readMarkdown,
  diffMarkdown,
  diffMarkdownDocuments,
  stripNumbering,
  type MarkdownDocument,
  type MarkdownSource
} from './markdown.js'
export {diffText, type WordDiffOptions} from './words.js'
export {tokenize} from './tokens.js'
export {oldText, newText, characterCount} from './ops.js'
export {formatDiffText, inlineRedline, describeCounts} from './format.js'
export {renderDiffBody, renderDiffPage, renderOps, diffLabelsEn, diffLabelsZh, type DiffHtmlOptions, type DiffLabels} from './html.js'
