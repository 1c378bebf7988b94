/**
 * GFM tables and strikethrough, without GFM's autolink literals.
 *
 * The autolink literal swallows the Chinese text after a bare URL (`访问https://x.com了解详情` links the
 * whole run, emphasis included), so bare links are found afterwards by `remarkLinkLiterals` instead.
 */
import type {Processor} from 'unified'
import {gfmTable} from 'micromark-extension-gfm-table'
import {gfmStrikethrough} from 'micromark-extension-gfm-strikethrough'
import {gfmTableFromMarkdown} from 'mdast-util-gfm-table'
import {gfmStrikethroughFromMarkdown} from 'mdast-util-gfm-strikethrough'

/** Add GFM tables and `~~strikethrough~~` to the parser. */
export function remarkTables(this: Processor): void {
  const data = this.data()
  const micromarkExtensions = (data.micromarkExtensions ??= [])
  const fromMarkdownExtensions = (data.fromMarkdownExtensions ??= [])
  micromarkExtensions.push(gfmTable(), gfmStrikethrough({singleTilde: false}))
  fromMarkdownExtensions.push(gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown())
}
