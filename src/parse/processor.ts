/**
 * The unified processor for policy Markdown: CommonMark, front matter, GFM tables, CJK-friendly
 * emphasis, directives (for includes), `{#id}` headings, and bare links that stop before Chinese text.
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkFrontmatter from 'remark-frontmatter'
import remarkCjkFriendly from 'remark-cjk-friendly'
import remarkDirective from 'remark-directive'
import {remarkTables} from './tables.js'
import {remarkRestoreTextDirectives} from './restore-text-directives.js'
import {remarkLinkLiterals} from './link-literals.js'
import {remarkHeadingIds} from './heading-ids.js'
import {excessNesting, maxNesting} from './nesting.js'
import {parseSlices, sliceOffsets} from './slices.js'
import {report} from '../messages.js'
import './types.js'

const processor = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkTables)
  .use(remarkCjkFriendly)
  .use(remarkDirective)
  .use(remarkRestoreTextDirectives)
  .use(remarkLinkLiterals)
  .use(remarkHeadingIds)
  .freeze()

/** Options of `parseMarkdown`. */
export interface ParseOptions {
  /**
   * Long texts are parsed in slices of about this many UTF-16 units (default 8 000), where that gives
   * the same tree (see `slices.ts`): same result, less memory and time.
   */
  sliceLength?: number | undefined
}

const defaultSliceLength = 8_000

/**
 * Parse one Markdown file into its syntax tree, with policypress's transforms applied.
 *
 * A file nested deeper than the parser can take is reported (`content-nesting`) and parsed as empty.
 */
export function parseMarkdown(file: VFile, options: ParseOptions = {}): Root {
  const text = String(file.value)
  const deep = excessNesting(text)
  if (deep) {
    report(file, `Unexpected list or quote nested more than ${maxNesting} levels deep`, 'content-nesting', deep)
    return {type: 'root', children: []}
  }
  const cuts = sliceOffsets(text, options.sliceLength ?? defaultSliceLength)
  const tree = cuts.length === 0 ? processor.parse(file) : parseSlices(text, cuts, (slice) => processor.parse(slice))
  return processor.runSync(tree, file) as Root
}
