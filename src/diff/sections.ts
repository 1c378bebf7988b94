/**
 * Section alignment: which section of the old version is which section of the new one, across the
 * whole tree.
 *
 * Sections are keyed by id, wherever they stand, so a section that changed parent is the same section,
 * `moved`. Among the siblings both versions share, the longest run kept in order stays put; the others
 * are `moved` too. On request (`pairByContent`), sections whose id appears in one version only are then
 * paired, under the same parent, by the similarity of their title and text: for documents whose ids
 * were derived from heading text, where a reworded heading gets a new id. Ids written by authors are
 * the truth about which section is which, so this is off by default.
 */
import type {Section} from '../model/types.js'
import {orderedPairs} from './align.js'
import type {TextIndex} from './similarity.js'

/** A section in its tree, with its alignment key. */
export interface SectionNode {
  /** The id, suffixed `#2`, `#3` … for repeats so that a malformed document still aligns. */
  key: string
  section: Section
  parent: SectionNode | null
  /** Index among the parent's children. */
  position: number
  children: SectionNode[]
}

/** One section of the aligned tree: in both versions, or in one. */
export interface SectionPair {
  old: SectionNode | null
  new: SectionNode | null
  /** Present in both, under another parent or out of order among shared siblings. */
  moved: boolean
  /** Subsections in new order; removed ones stand after the old sibling they followed. */
  children: SectionPair[]
}

/** Options of section alignment. */
export interface SectionAlignOptions {
  /** Pair sections with different ids under one parent by content (default `false`). */
  pairByContent?: boolean | undefined
  /** Least word-set similarity (title and own blocks) for such a pair (default 0.5). */
  sectionThreshold?: number | undefined
}

/** Align the section trees of two versions. Defaults: see `SectionAlignOptions`. */
export function alignSections(
  old: readonly Section[],
  text: readonly Section[],
  index: TextIndex,
  options: SectionAlignOptions = {}
): SectionPair[] {
  const oldTree = treeOf(old)
  const newTree = treeOf(text)
  const match = new Map<SectionNode, SectionNode>()
  const oldByKey = new Map(oldTree.all.map((node) => [node.key, node]))
  for (const node of newTree.all) {
    const counterpart = oldByKey.get(node.key)
    if (counterpart) {
      match.set(node, counterpart)
      match.set(counterpart, node)
    }
  }
  if (options.pairByContent) pairByContent(oldTree.roots, newTree.roots, match, index, options.sectionThreshold ?? 0.5)
  const moved = movedSections(newTree, match)
  const build = (newChildren: SectionNode[], oldChildren: SectionNode[]): SectionPair[] => {
    const result: SectionPair[] = []
    const here = new Set(newChildren)
    // Each removed child goes after the nearest earlier old sibling that is still a sibling here.
    const after = new Map<SectionNode | null, SectionNode[]>()
    let anchor: SectionNode | null = null
    for (const child of oldChildren) {
      const counterpart = match.get(child)
      if (counterpart && here.has(counterpart)) anchor = child
      else if (!counterpart) after.set(anchor, [...(after.get(anchor) ?? []), child])
    }
    const removed = (node: SectionNode): SectionPair => ({old: node, new: null, moved: false, children: build([], node.children)})
    result.push(...(after.get(null) ?? []).map(removed))
    for (const child of newChildren) {
      const counterpart = match.get(child) ?? null
      result.push({old: counterpart, new: child, moved: moved.has(child), children: build(child.children, counterpart?.children ?? [])})
      if (counterpart) result.push(...(after.get(counterpart) ?? []).map(removed))
    }
    return result
  }
  return build(newTree.roots, oldTree.roots)
}

/** Every section as a node, keys deduplicated by occurrence. */
function treeOf(sections: readonly Section[]): {roots: SectionNode[]; all: SectionNode[]} {
  const all: SectionNode[] = []
  const seen = new Map<string, number>()
  const walk = (list: readonly Section[], parent: SectionNode | null): SectionNode[] =>
    list.map((section, position) => {
      const count = (seen.get(section.id) ?? 0) + 1
      seen.set(section.id, count)
      const node: SectionNode = {key: count === 1 ? section.id : `${section.id}#${count}`, section, parent, position, children: []}
      all.push(node)
      node.children = walk(section.children, node)
      return node
    })
  return {roots: walk(sections, null), all}
}

/** Pair, parent by parent from the top, the children left unmatched on both sides by similarity. */
function pairByContent(
  oldRoots: SectionNode[],
  newRoots: SectionNode[],
  match: Map<SectionNode, SectionNode>,
  index: TextIndex,
  threshold: number
): void {
  const words = new Map<SectionNode, Set<string>>()
  const wordsOf = (node: SectionNode): Set<string> => {
    let set = words.get(node)
    if (!set) {
      set = new Set(index.wordsOf(node.section.title))
      for (const block of node.section.blocks) for (const word of index.wordsOf(block.text)) set.add(word)
      words.set(node, set)
    }
    return set
  }
  const queue: Array<[SectionNode[], SectionNode[]]> = [[oldRoots, newRoots]]
  for (let item = queue.shift(); item; item = queue.shift()) {
    const [oldChildren, newChildren] = item
    const oldOpen = oldChildren.filter((node) => !match.has(node))
    const newOpen = newChildren.filter((node) => !match.has(node))
    // Same budget as blocks: a few hundred unmatched siblings at most are compared pairwise.
    if (oldOpen.length > 0 && newOpen.length > 0 && oldOpen.length * newOpen.length <= 40_000) {
      const pairs = orderedPairs(oldOpen.length, newOpen.length, (r, c) => dice(wordsOf(oldOpen[r]!), wordsOf(newOpen[c]!)), threshold)
      for (const [r, c] of pairs) {
        match.set(oldOpen[r]!, newOpen[c]!)
        match.set(newOpen[c]!, oldOpen[r]!)
      }
    }
    for (const node of newChildren) {
      const counterpart = match.get(node)
      if (counterpart) queue.push([counterpart.children, node.children])
    }
  }
}

/** Matched sections under another parent, or outside the longest in-order run of shared siblings. */
function movedSections(tree: {all: SectionNode[]; roots: SectionNode[]}, match: Map<SectionNode, SectionNode>): Set<SectionNode> {
  const moved = new Set<SectionNode>()
  const groups: SectionNode[][] = [tree.roots, ...tree.all.map((node) => node.children)]
  for (const children of groups) {
    const stayed: SectionNode[] = []
    for (const node of children) {
      const counterpart = match.get(node)
      if (!counterpart) continue
      const oldParent = counterpart.parent ? (match.get(counterpart.parent) ?? undefined) : null
      if (oldParent !== (node.parent ?? null)) moved.add(node)
      else stayed.push(node)
    }
    const kept = new Set(longestIncreasing(stayed, (node) => match.get(node)!.position))
    for (const node of stayed) if (!kept.has(node)) moved.add(node)
  }
  return moved
}

/** The longest subsequence of `items` whose `rank` strictly increases (patience sorting). */
function longestIncreasing<T>(items: T[], rank: (item: T) => number): T[] {
  const tails: number[] = []
  const previous: number[] = []
  for (let i = 0; i < items.length; i++) {
    const value = rank(items[i]!)
    let low = 0
    let high = tails.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (rank(items[tails[middle]!]!) < value) low = middle + 1
      else high = middle
    }
    previous[i] = low > 0 ? tails[low - 1]! : -1
    tails[low] = i
  }
  const result: T[] = []
  for (let i = tails.at(-1) ?? -1; i >= 0; i = previous[i]!) result.push(items[i]!)
  return result.reverse()
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let shared = 0
  for (const word of small) if (large.has(word)) shared++
  return (2 * shared) / (a.size + b.size)
}
