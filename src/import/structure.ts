/**
 * Structure detection: which paragraphs are headings, at which level, and which are the clauses of an
 * enumeration (list items that keep their number as text).
 *
 * - A numbered paragraph whose text is a short title is a heading; one whose text is a sentence is a
 *   list item (`1. 为订立…；`). A title ending in a colon is decided by its siblings.
 * - Numbered titles that follow each other with nothing between them are a table of contents or a short
 *   list, not headings.
 * - Levels come from the order numbering styles first appear in (一、 → ##, （一） → ###, 1. → ####…),
 *   nested under the levels of headings the markup states.
 * - A short unnumbered line between paragraphs is guessed to be a heading, and reported.
 */
import {readMarker, shapeOf, type Marker, type Shape} from './markers.js'
import {sliceSpans, textOf, trimSpans} from './spans.js'
import type {Block, ImportNote} from './types.js'

interface Info {
  marker: Marker | undefined
  shape: Shape | undefined
}

/** What a block turned out to be: a heading, an enumerated clause, a contents entry, or none of these. */
type Role = 'heading' | 'item' | 'toc' | undefined

/** Styles whose sentence-shaped clauses are still sections: `第一条 …` and `Article 4 …`. */
const articleStyles = /^(?:zh-第(?:条|章|节|部分)|en-(?:article|section|chapter|part))$/

/** Whether a block can be read as a heading or clause from its own text (not nested, not markup). */
const open = (block: Block): boolean => block.kind === 'paragraph' && block.depth === 0

/**
 * Turn numbered and title-like paragraphs of `blocks` into headings and list items.
 *
 * @returns new blocks: headings with their output level (2–6), items with their list depth.
 */
export function detectStructure(input: readonly Block[], notes: ImportNote[]): Block[] {
  const blocks = splitArticles(input.map((block) => ({...block})), notes)
  const infos: Info[] = blocks.map((block) => {
    if (!open(block) && !(block.kind === 'heading')) return {marker: undefined, shape: undefined}
    const marker = readMarker(textOf(block.spans))
    return {marker, shape: marker ? shapeOf(marker.rest) : undefined}
  })
  const role: Role[] = blocks.map((block, i) => {
    if (block.kind === 'heading') return 'heading'
    if (!open(block) || !infos[i]?.marker) return undefined
    const shape = infos[i]?.shape
    return shape === 'sentence' ? 'item' : shape === 'title' || shape === 'colon' ? 'heading' : undefined
  })

  markRuns(blocks, infos, role, notes)
  resolveColons(blocks, infos, role, notes)
  guessHeadings(blocks, infos, role, notes)
  assignLevels(blocks, infos, role, notes)
  nestItems(blocks, infos, role)
  return blocks
}

/** `第一条 为了…。` becomes the heading `第一条` and its text, so the article keeps its own address. */
function splitArticles(blocks: Block[], notes: ImportNote[]): Block[] {
  return blocks.flatMap((block) => {
    if (!open(block)) return [block]
    const text = textOf(block.spans)
    const marker = readMarker(text)
    if (!marker || !articleStyles.test(marker.style) || shapeOf(marker.rest) !== 'sentence') return [block]
    const cut = text.indexOf(marker.text) + marker.text.length
    notes.push({rule: 'import-split', message: `Made \`${marker.text.trim()}\` a heading above its text`, place: block.place})
    return [
      {...block, kind: 'heading' as const, spans: trimSpans(sliceSpans(block.spans, 0, cut))},
      {...block, spans: trimSpans(sliceSpans(block.spans, cut))}
    ]
  })
}

/** Numbered titles directly followed by their next sibling (a contents list, a short list) are items. */
function markRuns(blocks: Block[], infos: Info[], role: Role[], notes: ImportNote[]): void {
  for (let i = 0; i < blocks.length; i++) {
    const first = infos[i]?.marker
    if (role[i] !== 'heading' || !first || blocks[i]?.kind !== 'paragraph') continue
    let j = i
    while (j + 1 < blocks.length) {
      const next = infos[j + 1]?.marker
      const current = infos[j]?.marker
      if (!next || !current || role[j + 1] !== 'heading' || blocks[j + 1]?.kind !== 'paragraph') break
      if (next.style !== first.style || next.value === undefined || next.value !== (current.value ?? 0) + 1) break
      j++
    }
    if (j === i) continue
    for (let k = i; k <= j; k++) role[k] = 'toc'
    notes.push({rule: 'import-numbering', message: `Read ${j - i + 1} numbered lines with no text between them as a list (a table of contents?), not as headings`, place: blocks[i]?.place})
    i = j
  }
}

/** A numbered title ending in a colon is an item when a sibling of the same style is one. */
function resolveColons(blocks: Block[], infos: Info[], role: Role[], notes: ImportNote[]): void {
  for (let i = 0; i < blocks.length; i++) {
    if (infos[i]?.shape !== 'colon' || role[i] !== 'heading' || blocks[i]?.kind !== 'paragraph') continue
    const style = infos[i]?.marker?.style
    const sibling = (step: number): number | undefined => {
      for (let j = i + step; j >= 0 && j < blocks.length; j += step) {
        if (blocks[j]?.kind === 'heading') return undefined
        const marker = infos[j]?.marker
        if (!marker || !open(blocks[j]!)) continue
        if (marker.style === style) return j
        if (role[j] === 'heading' && infos[j]?.shape === 'title') return undefined
      }
      return undefined
    }
    const siblings = [sibling(-1), sibling(1)].filter((j): j is number => j !== undefined)
    if (siblings.some((j) => role[j] === 'item')) {
      role[i] = 'item'
    } else if (siblings.length === 0) {
      notes.push({rule: 'import-numbering', message: `Read \`${textOf(blocks[i]!.spans).trim()}\` as a heading; it could be a list item`, place: blocks[i]?.place})
    }
  }
}

/** Whether an unnumbered paragraph could be a heading by its own text. */
function headingCandidate(block: Block, info: Info | undefined): boolean {
  // Labels the markup states (admonition titles) are not headings.
  if (!open(block) || info?.marker || block.explicit) return false
  const text = textOf(block.spans).trim()
  if (text.length < 2 || shapeOf(text) !== 'title') return false
  if (block.spans.every((span) => span.href !== undefined)) return false
  if (/^[a-z]/.test(text) || /^[\p{P}\p{S}]/u.test(text)) return false
  // `公司名称：北京快手科技有限公司` is a label and its value, not a title.
  if (/[：:]./.test(text)) return false
  const wide = (text.match(/\p{Script=Han}/gu) ?? []).length
  return wide * 2 >= text.length ? text.length <= 25 : text.length <= 100 && text.split(/\s+/).length <= 16
}

/** Whether a block reads as body text a heading can stand above (not a fragment like `MERRION ROAD,`). */
function substantial(block: Block | undefined): boolean {
  if (!block) return false
  if (block.kind === 'item' || block.kind === 'table' || block.kind === 'include') return true
  const text = textOf(block.spans).trim()
  return block.kind === 'paragraph' && text.length >= 20 && !/[,，、]$/.test(text)
}

/** A fragment (`D04 X2K5,`) continues an address or a list, so the line after it is no heading. */
function fragment(block: Block | undefined): boolean {
  return block !== undefined && block.kind === 'paragraph' && /[,，、]$/.test(textOf(block.spans).trim())
}

/**
 * A short unnumbered line between paragraphs (`导言`, `What information do we collect?`) is a heading.
 * Several short lines in a row (an address, a signature) are not.
 */
function guessHeadings(blocks: Block[], infos: Info[], role: Role[], notes: ImportNote[]): void {
  const candidate = blocks.map((block, i) => headingCandidate(block, infos[i]))
  for (let i = 0; i < blocks.length; i++) {
    if (!candidate[i] || candidate[i - 1] || candidate[i + 1]) continue
    const next = blocks[i + 1]
    if (!next || next.kind === 'heading' || role[i + 1] === 'heading' || role[i + 1] === 'toc') continue
    if (!substantial(next) || fragment(blocks[i - 1])) continue
    role[i] = 'heading'
    infos[i] = {marker: undefined, shape: 'title'}
    notes.push({rule: 'import-heading', message: `Guessed that \`${textOf(blocks[i]!.spans).trim()}\` is a heading (a short line without a number)`, place: blocks[i]?.place})
  }
}

interface Level {
  style: string
  explicit: boolean
  depth: number
  weak: boolean
  value: number | undefined
}

/** Give every heading its output level from the nesting of markup levels and numbering styles. */
function assignLevels(blocks: Block[], infos: Info[], role: Role[], notes: ImportNote[]): void {
  const stack: Level[] = []
  const depths = new Map<number, number>()
  for (let i = 0; i < blocks.length; i++) {
    if (role[i] !== 'heading') continue
    const block = blocks[i]!
    const marker = infos[i]?.marker
    if (block.kind === 'heading' && block.explicit) {
      const depth = block.level ?? 2
      while (stack.length > 0 && (!stack.at(-1)!.explicit || stack.at(-1)!.depth >= depth)) stack.pop()
      stack.push({style: `h${depth}`, explicit: true, depth, weak: false, value: undefined})
    } else {
      const style = marker?.style ?? 'guess'
      const at = stack.findIndex((level) => level.style === style)
      if (at >= 0) {
        const previous = stack[at]!.value
        if (marker?.value !== undefined && previous !== undefined && marker.value !== previous + 1 && marker.value !== 1) {
          notes.push({rule: 'import-numbering', message: `Numbering goes from ${previous} to ${marker.value} at \`${marker.text.trim()}\`; check nothing is missing`, place: block.place})
        }
        stack.length = at
      } else {
        // An unnumbered guessed heading is a sibling of the numbered ones after it (导言, 一、…).
        while (stack.length > 0 && stack.at(-1)!.weak) stack.pop()
      }
      stack.push({style, explicit: false, depth: 0, weak: style === 'guess', value: marker?.value})
    }
    depths.set(i, stack.length)
  }
  flatten(depths, blocks, notes)
  for (const [i, depth] of depths) {
    const block = blocks[i]!
    if (depth > 5) notes.push({rule: 'import-numbering', message: `\`${textOf(block.spans).trim()}\` is nested deeper than ######; written at level 6`, place: block.place})
    blocks[i] = {...block, kind: 'heading', level: Math.min(6, depth + 1), depth: 0}
  }
}

/**
 * Markdown has six heading levels. When the nesting is deeper, a level held by a single heading (a
 * wrapper such as `### 提示条款：` around the whole policy) gives its children its own level. Wrappers
 * from markup go first, deepest first: the policy's own numbering is its real structure.
 */
function flatten(depths: Map<number, number>, blocks: Block[], notes: ImportNote[]): void {
  for (;;) {
    // Loops, not spreads: a long policy has more headings than a call can take arguments.
    let deepest = 0
    for (const depth of depths.values()) deepest = Math.max(deepest, depth)
    if (deepest <= 5) return
    const counts = new Map<number, number[]>()
    for (const [i, depth] of depths) {
      const at = counts.get(depth)
      if (at) at.push(i)
      else counts.set(depth, [i])
    }
    const singles = [...counts.entries()].filter(([depth, at]) => at.length === 1 && depth < deepest).map(([depth, at]) => ({depth, at: at[0]!}))
    const markup = singles.filter((single) => blocks[single.at]?.explicit).sort((a, b) => b.depth - a.depth)
    const chosen = markup[0] ?? singles.sort((a, b) => a.depth - b.depth)[0]
    if (!chosen) return
    for (const [i, d] of depths) if (d > chosen.depth) depths.set(i, d - 1)
    notes.push({rule: 'import-numbering', message: `Headings are nested more than six levels deep; the sections under \`${textOf(blocks[chosen.at]!.spans).trim()}\` were moved up one level to fit`, place: blocks[chosen.at]?.place})
  }
}

/**
 * Make numbered sentences list items, nested by numbering style, and put a paragraph between two items
 * of one list inside the item before it.
 */
function nestItems(blocks: Block[], infos: Info[], role: Role[]): void {
  const next = nextItems(blocks, infos, role)
  let stack: Array<{style: string; value: number | undefined}> = []
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!
    if (block.kind === 'heading' || role[i] === 'heading') {
      stack = []
      continue
    }
    if (role[i] === 'toc') {
      blocks[i] = {...block, kind: 'item', depth: 1, toc: true}
      stack = []
      continue
    }
    const marker = infos[i]?.marker
    if (role[i] === 'item' && marker) {
      const at = stack.findIndex((entry) => entry.style === marker.style)
      if (at >= 0) stack.length = at
      stack.push({style: marker.style, value: marker.value})
      blocks[i] = {...block, kind: 'item', depth: stack.length}
      continue
    }
    if (!open(block) && block.kind !== 'table') {
      if (block.kind === 'item' || block.depth > 0) stack = []
      continue
    }
    if (block.kind === 'table' && block.depth > 0) continue
    // A paragraph inside a numbered list belongs to the item the list continues from.
    const after = next[i + 1]
    if (stack.length > 0 && after) {
      const at = stack.findIndex((entry) => entry.style === after.style)
      const continues = at < 0 || (after.value !== undefined && after.value === (stack[at]?.value ?? 0) + 1)
      if (continues) {
        if (at >= 0) stack.length = at + 1
        blocks[i] = {...block, depth: stack.length}
        continue
      }
    }
    stack = []
  }
}

/**
 * For each place, the marker of the item that the paragraphs from there lead up to, if any. Found in one
 * pass from the end: looking ahead from every paragraph would take time growing with the square of the
 * paragraphs between two items. Blocks after a place are not rewritten before `nestItems` reaches it.
 */
function nextItems(blocks: readonly Block[], infos: readonly Info[], role: readonly Role[]): Array<Marker | undefined> {
  const next = new Array<Marker | undefined>(blocks.length + 1).fill(undefined)
  for (let j = blocks.length - 1; j >= 0; j--) {
    const block = blocks[j]!
    if (role[j] === 'heading' || role[j] === 'toc' || block.kind === 'heading') next[j] = undefined
    else if (role[j] === 'item') next[j] = infos[j]?.marker
    else if (!open(block) && block.kind !== 'table') next[j] = undefined
    else next[j] = next[j + 1]
  }
  return next
}
