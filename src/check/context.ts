/**
 * What a rule sees of one policy: its expanded tree and a way to find the file a node came from.
 */
import type {Root} from 'mdast'
import type {Node} from 'unist'
import type {VFile} from 'vfile'
import type {ContentSource} from '../load/content.js'

/** One policy file, includes expanded, as the rules see it. */
export interface PolicyContext {
  /** Content-relative path of the policy. */
  path: string
  /** The expanded tree. */
  tree: Root
  /** All content. */
  source: ContentSource
}

/** The content-relative path of the file `node` was written in. */
export function sourcePathOf(context: PolicyContext, node: Node): string {
  return node.data?.sourceFile ?? context.path
}

/** The file `node` was written in, to report problems on. */
export function fileOf(context: PolicyContext, node: Node): VFile {
  const file = context.source.files.get(sourcePathOf(context, node))
  if (!file) throw new Error(`No file for ${sourcePathOf(context, node)}`)
  return file
}
