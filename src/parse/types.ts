/**
 * Fields policypress adds to syntax-tree nodes, declared by augmenting the mdast and unist types.
 */
import type {Point} from 'unist'

declare module 'unist' {
  interface Data {
    /** Content-relative path of the file a node came from, set on nodes spliced in by an include. */
    sourceFile?: string | undefined
  }
}

declare module 'mdast' {
  interface HeadingData {
    /** The id written as `{#id}` after the heading text, as written (unvalidated). */
    id?: string | undefined
    /** Where the `{` of `{#id}` is. */
    idStart?: Point | undefined
    /** Text after the heading that looks like an attribute block but is not `{#id}` (`{.x}`, `{#}`). */
    idMalformed?: string | undefined
  }
}

export {}
