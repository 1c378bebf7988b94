/**
 * Just enough of a PDF reader to check what Chromium printed, without poppler: the pages in order,
 * each page's text (through the fonts' ToUnicode maps), and the fonts with how they are embedded.
 * Handles what Skia writes (classic xref, no object streams, Flate streams); not a general parser.
 */
import zlib from 'node:zlib'

/** A font resource of the PDF. */
export interface PdfFont {
  object: number
  /** `/Subtype`: Type0, Type3, TrueType, Type1. */
  subtype: string
  /** `/BaseFont` (Type0, TrueType, Type1), else the descriptor's `/FontName` (Type3). */
  name: string
  /** `/FontFamily` of the descriptor, when given. */
  family: string
  /** FontFile2 / FontFile3 / FontFile in the (descendant's) descriptor, or `CharProcs` for Type 3 glyphs. */
  program: 'FontFile' | 'FontFile2' | 'FontFile3' | 'CharProcs' | undefined
  /** Every character the font maps to Unicode. */
  characters: Set<string>
}

/** A parsed PDF. */
export interface PdfDocument {
  pages: string[]
  fonts: PdfFont[]
}

interface PdfObject {
  dict: string
  stream: Buffer | undefined
}

/** Read `bytes`: the text of every page and every font. */
export function readPdf(bytes: Buffer): PdfDocument {
  const objects = parseObjects(bytes)
  const unicode = new Map<number, CMap>()
  const cmapOf = (fontObject: number): CMap => {
    let cmap = unicode.get(fontObject)
    if (!cmap) {
      const ref = /\/ToUnicode\s+(\d+)\s+0\s+R/.exec(objects.get(fontObject)?.dict ?? '')
      cmap = parseCMap(ref ? objects.get(Number(ref[1]))?.stream?.toString('latin1') ?? '' : '')
      unicode.set(fontObject, cmap)
    }
    return cmap
  }
  const toUnicodeOf = (fontObject: number) => cmapOf(fontObject).decode

  const pages = pageObjects(objects).map((page) => {
    const dict = objects.get(page)?.dict ?? ''
    const resources = resolveDict(objects, dict, 'Resources')
    const fonts = new Map<string, number>()
    const fontDict = resolveDict(objects, resources, 'Font')
    for (const match of fontDict.matchAll(/\/([^\s/<>[\]]+)\s+(\d+)\s+0\s+R/g)) fonts.set(match[1]!, Number(match[2]))
    return contentStreams(objects, dict)
      .map((stream) => textOf(stream, (name) => fonts.get(name), toUnicodeOf))
      .join('')
  })

  const fonts: PdfFont[] = []
  for (const [number, object] of objects) {
    if (!/\/Type\s*\/Font\b/.test(object.dict)) continue
    const subtype = /\/Subtype\s*\/(\w+)/.exec(object.dict)?.[1] ?? ''
    if (subtype === 'CIDFontType0' || subtype === 'CIDFontType2') continue // described by their Type0 parent
    let descriptorHost = object.dict
    const descendant = /\/DescendantFonts\s*\[\s*(\d+)\s+0\s+R/.exec(object.dict)
    if (descendant) descriptorHost = objects.get(Number(descendant[1]))?.dict ?? ''
    const descriptorRef = /\/FontDescriptor\s+(\d+)\s+0\s+R/.exec(descriptorHost)
    const descriptor = descriptorRef ? objects.get(Number(descriptorRef[1]))?.dict ?? '' : ''
    const file = /\/(FontFile[23]?)\s+\d+\s+0\s+R/.exec(descriptor)?.[1] as PdfFont['program']
    const program = file ?? (subtype === 'Type3' && /\/CharProcs\b/.test(object.dict) ? 'CharProcs' : undefined)
    const name = /\/BaseFont\s*\/([^\s/<>[\]]+)/.exec(object.dict)?.[1] ?? /\/FontName\s*\/([^\s/<>[\]]+)/.exec(descriptor)?.[1] ?? ''
    const family = /\/FontFamily\s*\(([^)]*)\)/.exec(descriptor)?.[1] ?? ''
    const characters = cmapOf(number).characters
    fonts.push({object: number, subtype, name, family, program, characters})
  }
  return {pages, fonts}
}

function parseObjects(bytes: Buffer): Map<number, PdfObject> {
  const text = bytes.toString('latin1')
  const objects = new Map<number, PdfObject>()
  const header = /(\d+)\s+0\s+obj\b/g
  let match: RegExpExecArray | null
  while ((match = header.exec(text))) {
    const start = match.index + match[0].length
    const streamAt = text.indexOf('stream', start)
    const endAt = text.indexOf('endobj', start)
    if (endAt < 0) break
    if (streamAt < 0 || streamAt > endAt) {
      objects.set(Number(match[1]), {dict: text.slice(start, endAt), stream: undefined})
      continue
    }
    const dict = text.slice(start, streamAt)
    let dataStart = streamAt + 'stream'.length
    if (text[dataStart] === '\r') dataStart++
    if (text[dataStart] === '\n') dataStart++
    const length = /\/Length\s+(\d+)(?!\s+0\s+R)/.exec(dict)
    const dataEnd = length ? dataStart + Number(length[1]) : text.indexOf('endstream', dataStart)
    let data = bytes.subarray(dataStart, dataEnd)
    if (/\/FlateDecode/.test(dict)) {
      try {
        data = zlib.inflateSync(data)
      } catch {
        data = Buffer.alloc(0)
      }
    }
    objects.set(Number(match[1]), {dict, stream: data})
    header.lastIndex = text.indexOf('endobj', dataEnd) + 'endobj'.length
  }
  return objects
}

/** Leaf pages in document order, from the catalog's page tree. */
function pageObjects(objects: Map<number, PdfObject>): number[] {
  const catalog = [...objects.values()].find((object) => /\/Type\s*\/Catalog\b/.test(object.dict))
  const root = /\/Pages\s+(\d+)\s+0\s+R/.exec(catalog?.dict ?? '')
  const pages: number[] = []
  const visit = (number: number, depth: number) => {
    const dict = objects.get(number)?.dict ?? ''
    if (depth > 32) return
    if (/\/Type\s*\/Pages\b/.test(dict)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(dict)?.[1] ?? ''
      for (const kid of kids.matchAll(/(\d+)\s+0\s+R/g)) visit(Number(kid[1]), depth + 1)
    } else if (/\/Type\s*\/Page\b/.test(dict)) {
      pages.push(number)
    }
  }
  if (root) visit(Number(root[1]), 0)
  return pages
}

/** The value of `/key` in `dict`: an inline `<<…>>` (balanced) or the dictionary of a reference. */
function resolveDict(objects: Map<number, PdfObject>, dict: string, key: string): string {
  const at = dict.search(new RegExp(`/${key}\\b`))
  if (at < 0) return ''
  const rest = dict.slice(at + key.length + 1).trimStart()
  const ref = /^(\d+)\s+0\s+R/.exec(rest)
  if (ref) return objects.get(Number(ref[1]))?.dict ?? ''
  if (!rest.startsWith('<<')) return ''
  let depth = 0
  for (let i = 0; i < rest.length - 1; i++) {
    if (rest[i] === '<' && rest[i + 1] === '<') {
      depth++
      i++
    } else if (rest[i] === '>' && rest[i + 1] === '>') {
      depth--
      i++
      if (depth === 0) return rest.slice(0, i + 1)
    }
  }
  return rest
}

function contentStreams(objects: Map<number, PdfObject>, pageDict: string): string[] {
  const contents = /\/Contents\s*(\[[^\]]*\]|\d+\s+0\s+R)/.exec(pageDict)?.[1] ?? ''
  return [...contents.matchAll(/(\d+)\s+0\s+R/g)].map((ref) => objects.get(Number(ref[1]))?.stream?.toString('latin1') ?? '')
}

/** The text a content stream shows: hex and literal strings of Tj / TJ, decoded with the current font. */
function textOf(stream: string, fontObject: (name: string) => number | undefined, decoder: (font: number) => (codes: string) => string): string {
  let decode: (codes: string) => string = () => ''
  let text = ''
  const tokens = /\/([^\s/<>[\]()]+)\s+[-\d.]+\s+Tf|\[((?:[^\]\\]|\\.)*)\]\s*TJ|<([0-9A-Fa-f\s]*)>\s*Tj|\(((?:[^()\\]|\\.)*)\)\s*Tj|\bET\b/g
  for (const token of stream.matchAll(tokens)) {
    if (token[1] !== undefined) {
      const font = fontObject(token[1])
      decode = font === undefined ? () => '' : decoder(font)
    } else if (token[2] !== undefined) {
      for (const part of token[2].matchAll(/<([0-9A-Fa-f\s]*)>|\(((?:[^()\\]|\\.)*)\)/g)) {
        text += decode(part[1] !== undefined ? hexBytes(part[1]) : unescapeLiteral(part[2] ?? ''))
      }
    } else if (token[3] !== undefined) {
      text += decode(hexBytes(token[3]))
    } else if (token[4] !== undefined) {
      text += decode(unescapeLiteral(token[4]))
    } else {
      text += ' '
    }
  }
  return text
}

function hexBytes(hex: string): string {
  const clean = hex.replace(/\s+/g, '')
  let bytes = ''
  for (let i = 0; i < clean.length; i += 2) bytes += String.fromCharCode(parseInt(clean.slice(i, i + 2).padEnd(2, '0'), 16))
  return bytes
}

function unescapeLiteral(value: string): string {
  return value.replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, escape: string) => {
    const simple: Record<string, string> = {n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\'}
    return simple[escape] ?? String.fromCharCode(parseInt(escape, 8))
  })
}

interface CMap {
  /** Byte string (latin1) → text. */
  decode(codes: string): string
  /** Every character mapped. */
  characters: Set<string>
}

/** A ToUnicode CMap: `bfchar` and `bfrange` entries. */
function parseCMap(cmap: string): CMap {
  const map = new Map<number, string>()
  const width = Math.max(1, ((/begincodespacerange\s*<([0-9A-Fa-f]+)>/.exec(cmap)?.[1]?.length ?? 2) / 2) | 0)
  const utf16 = (hex: string) => {
    const units: number[] = []
    for (let i = 0; i + 4 <= hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16))
    return String.fromCharCode(...units)
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const pair of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(parseInt(pair[1]!, 16), utf16(pair[2]!))
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const range of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])/g)) {
      const low = parseInt(range[1]!, 16)
      const high = parseInt(range[2]!, 16)
      const target = range[3]!
      if (target.startsWith('[')) {
        const items = [...target.matchAll(/<([0-9A-Fa-f]+)>/g)].map((item) => utf16(item[1]!))
        items.forEach((item, index) => map.set(low + index, item))
      } else {
        const base = utf16(target.slice(1, -1))
        const last = base.charCodeAt(base.length - 1)
        for (let code = low; code <= high && code - low < 65536; code++) map.set(code, base.slice(0, -1) + String.fromCharCode(last + code - low))
      }
    }
  }
  const decode = (codes: string) => {
    let text = ''
    for (let i = 0; i + width <= codes.length; i += width) {
      let code = 0
      for (let j = 0; j < width; j++) code = code * 256 + codes.charCodeAt(i + j)
      text += map.get(code) ?? ''
    }
    return text
  }
  return {decode, characters: new Set([...map.values()].join(''))}
}
