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
 * A block found in more places than this is boilerplate (or a hostile file), not where a clause starts:
 * pairing its places would take time growing with the square of their number.
 */
const maxPlaces = 64

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
  // Units compare by number: the same Markdown, the same number.
  const numbers = new Map<string, number>()
  const ids = units.map((unit) => {
    const known = numbers.get(unit.key)
    if (known !== undefined) return known
    numbers.set(unit.key, numbers.size)
    return numbers.size - 1
  })
  const heading = units.map((unit) => unit.heading)
  // Longest common runs starting at each pair of places; the longest are taken first.
  const candidates: Array<{length: number; at: [number, number]}> = []
  const byKey = new Map<number, number[]>()
  ids.forEach((id, i) => {
    if (heading[i]) return
    const positions = byKey.get(id)
    if (positions) positions.push(i)
    else byKey.set(id, [i])
  })
  for (const positions of byKey.values()) {
    if (positions.length > maxPlaces) continue
    for (let a = 0; a < positions.length; a++) {
      for (let b = a + 1; b < positions.length; b++) {
        const i = positions[a]!
        const j = positions[b]!
        // Not the start of the run: the one starting a block earlier covers it.
        if (i > 0 && j > 0 && !heading[i - 1] && ids[i - 1] === ids[j - 1]) continue
        let length = 0
        while (i + length < j && j + length < n && !heading[i + length] && ids[i + length] === ids[j + length]) length++
        if (length > 0) candidates.push({length, at: [i, j]})
      }
    }
  }
  candidates.sort((x, y) => y.length - x.length || x.at[0] - y.at[0])

  // Sums from the start, so a run's size costs nothing to know whatever its length.
  const charsBefore = [0]
  const itemsBefore = [0]
  units.forEach((unit, i) => {
    charsBefore.push(charsBefore[i]! + unit.chars)
    itemsBefore.push(itemsBefore[i]! + (unit.item ? 1 : 0))
  })
  const sameRun = runHashes(ids)
  const taken = new Uint8Array(n)
  const free = (at: number, length: number): boolean => {
    for (let u = at; u < at + length; u++) if (taken[u]) return false
    return true
  }
  const runs: Array<{length: number; at: number[]}> = []
  const runsByHash = new Map<string, Array<{length: number; at: number[]}>>()
  for (const {length, at} of candidates) {
    const [first] = at
    const chars = charsBefore[first + length]! - charsBefore[first]!
    const items = itemsBefore[first + length]! - itemsBefore[first]!
    if (items < minItems && chars < minChars) continue
    const places = at.filter((place) => free(place, length))
    if (places.length === 0) continue
    // A run with the same blocks found already: hashes narrow it down, the blocks decide.
    const hash = sameRun(first, length)
    const existing = runsByHash.get(hash)?.find((run) => sameIds(ids, run.at[0]!, first, length))
    if (existing) {
      existing.at.push(...places)
    } else if (places.length >= 2) {
      const run = {length, at: places}
      runs.push(run)
      runsByHash.set(hash, [...(runsByHash.get(hash) ?? []), run])
    } else {
      continue
    }
    for (const place of places) taken.fill(1, place, place + length)
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

/** Whether the `length` units from `a` and from `b` are the same. */
function sameIds(ids: readonly number[], a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (ids[a + k] !== ids[b + k]) return false
  return true
}

/**
 * A hash of any run of `ids` in constant time, from polynomial hashes of every prefix. Two moduli below
 * 2^26 keep every product exact in a double.
 */
function runHashes(ids: readonly number[]): (start: number, length: number) => string {
  const moduli = [67_108_859, 67_108_837] as const
  const base = 1_000_003
  const tables = moduli.map((modulus) => {
    const prefix = new Float64Array(ids.length + 1)
    const power = new Float64Array(ids.length + 1)
    power[0] = 1
    ids.forEach((id, i) => {
      prefix[i + 1] = (prefix[i]! * base + id + 1) % modulus
      power[i + 1] = (power[i]! * base) % modulus
    })
    return {modulus, prefix, power}
  })
  return (start, length) =>
    `${length}:${tables
      .map(({modulus, prefix, power}) => ((prefix[start + length]! - ((prefix[start]! * power[length]!) % modulus) + modulus) % modulus).toString(36))
      .join(':')}`
}
