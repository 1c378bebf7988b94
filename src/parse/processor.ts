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

/**
 * Parse one Markdown file into its syntax tree, with policypress's transforms applied.
 *
 * A file nested deeper than the parser can take is reported (`content-nesting`) and parsed as empty.
 */
export function parseMarkdown(file: VFile): Root {
  const deep = excessNesting(String(file.value))
  if (deep) {
    report(file, `Unexpected list or quote nested more than ${maxNesting} levels deep`, 'content-nesting', deep)
    return {type: 'root', children: []}
  }
  const tree = processor.parse(file)
  return processor.runSync(tree, file) as Root
}
