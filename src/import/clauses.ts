/**
 * Find text repeated word for word in several places (the same run of list items, or a long paragraph)
 * and offer it as a reusable clause: one file in `clauses/`, included with `::include` at each place.
 */
import {textOf} from './spans.js'
import type {Block, ImportNote, InputPlace} from './types.js'
import {writeBlocks} from './write.js'

/** A reusable clause found in the text. */
export interface Clause {
  /** File name inside `clauses/`, e.g. `clause-1.md`. */
  name: string
  blocks: Block[]
  places: Array<InputPlace | undefined>
}

/** When a repeated run is worth a clause. */
export interface ClauseOptions {
  /** Fewest list items (with what they contain) in a run (default 3). */
  minItems?: number
  /** Fewest characters of text in a run with fewer items (default 80). */
  minChars?: number
}

/** A top-level block with everything nested in it. */
interface Unit {
  start: number
  end: number
  key: string
  heading: boolean
  item: boolean
  chars: number
}

function unitsOf(blocks: readonly Block[]): Unit[] {
  const units: Unit[] = []
  for (let i = 0; i < blocks.length; ) {
    let end = i + 1
    const first = blocks[i]!
    const topItem = first.kind === 'item' && first.depth <= 1
    if (topItem || first.depth === 0) {
      while (end < blocks.length && blocks[end]!.kind !== 'heading' && blocks[end]!.kind !== 'include' && blocks[end]!.depth >= 1 && !(blocks[end]!.kind === 'item' && blocks[end]!.depth <= 1)) end++
    }
    const slice = blocks.slice(i, end)
    units.push({
      start: i,
      end,
      key: writeBlocks(slice).text,
      heading: first.kind === 'heading' || first.kind === 'include' || first.toc === true,
      item: topItem,
      chars: slice.reduce((sum, block) => sum + textOf(block.spans).length + (block.rows ?? []).flat().map(textOf).join('').length, 0)
    })
    i = end
  }
  return units
}

/**
 * Replace runs of blocks that occur identically in two or more places with `include` blocks.
 *
 * @returns the blocks with includes, and the clauses (named `clause-1.md`, `clause-2.md` … in order).
 */
export function extractClauses(blocks: readonly Block[], notes: ImportNote[], options: ClauseOptions = {}): {blocks: Block[]; clauses: Clause[]} {
  const minItems = options.minItems ?? 3
  const minChars = options.minChars ?? 80
  const units = unitsOf(blocks)
  const n = units.length
  // Longest common runs starting at each pair of places; the longest are taken first.
  const candidates: Array<{length: number; at: number[]}> = []
  const byKey = new Map<string, number[]>()
  units.forEach((unit, i) => {
    if (!unit.heading) byKey.set(unit.key, [...(byKey.get(unit.key) ?? []), i])
  })
  for (const positions of byKey.values()) {
    for (let a = 0; a < positions.length; a++) {
      for (let b = a + 1; b < positions.length; b++) {
        const i = positions[a]!
        const j = positions[b]!
        if (i > 0 && j > 0 && !units[i - 1]!.heading && units[i - 1]!.key === units[j - 1]!.key) continue
        let length = 0
        while (i + length < j && j + length < n && !units[i + length]!.heading && units[i + length]!.key === units[j + length]!.key) length++
        if (length > 0) candidates.push({length, at: [i, j]})
      }
    }
  }
  candidates.sort((x, y) => y.length - x.length || (x.at[0] ?? 0) - (y.at[0] ?? 0))
  const taken = new Array<boolean>(n).fill(false)
  const runs: Array<{length: number; at: number[]}> = []
  for (const candidate of candidates) {
    const run = units.slice(candidate.at[0], (candidate.at[0] ?? 0) + candidate.length)
    const chars = run.reduce((sum, unit) => sum + unit.chars, 0)
    const items = run.filter((unit) => unit.item).length
    if (items < minItems && chars < minChars) continue
    const key = units.slice(candidate.at[0], (candidate.at[0] ?? 0) + candidate.length).map((unit) => unit.key).join('\u0000')
    const existing = runs.find((run) => run.length === candidate.length && units.slice(run.at[0], (run.at[0] ?? 0) + run.length).map((unit) => unit.key).join('\u0000') === key)
    const free = (at: number): boolean => !taken.slice(at, at + candidate.length).some(Boolean)
    const places = candidate.at.filter(free)
    if (existing) {
      for (const at of places) if (!existing.at.includes(at)) existing.at.push(at)
    } else if (places.length >= 2) {
      runs.push({length: candidate.length, at: places})
    } else {
      continue
    }
    for (const at of existing ? existing.at : places) taken.fill(true, at, at + candidate.length)
  }

  runs.sort((x, y) => Math.min(...x.at) - Math.min(...y.at))
  const clauses: Clause[] = []
  const replace = new Map<number, {end: number; src: string}>()
  runs.forEach((run, k) => {
    const name = `clause-${k + 1}.md`
    const at = [...run.at].sort((x, y) => x - y)
    const first = units[at[0]!]!
    const last = units[at[0]! + run.length - 1]!
    const clauseBlocks = blocks.slice(first.start, last.end)
    const places = at.map((u) => blocks[units[u]!.start]?.place)
    clauses.push({name, blocks: clauseBlocks, places})
    for (const u of at) replace.set(units[u]!.start, {end: units[u + run.length - 1]!.end, src: `clauses/${name}`})
    notes.push({rule: 'import-clause', message: `The same ${run.length === 1 ? 'text' : `${run.length} blocks`} appear${run.length === 1 ? 's' : ''} in ${at.length} places; written once as \`clauses/${name}\` and included at each (rename it to say what it is)`, place: places[0]})
  })

  const result: Block[] = []
  for (let i = 0; i < blocks.length; ) {
    const hit = replace.get(i)
    if (hit) {
      result.push({kind: 'include', spans: [], depth: 0, src: hit.src, place: blocks[i]?.place})
      i = hit.end
    } else {
      result.push(blocks[i]!)
      i++
    }
  }
  return {blocks: result, clauses}
}
