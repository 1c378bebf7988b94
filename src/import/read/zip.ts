/**
 * The size a .docx (a zip file) unpacks to, found before mammoth unpacks it: mammoth's zip library
 * (JSZip) inflates each part whole into memory, so a megabyte crafted to inflate to a gigabyte (a zip
 * bomb) would take the process's memory and half a minute before failing. The directory at the end of
 * the zip states each part's size; the parts are then inflated here too, each stopped one byte past the
 * size stated, because a crafted directory can state any size.
 *
 * The directory is read the way JSZip reads it (the last end-of-directory record, the headers from the
 * offset it gives, each part's data after its local header), so every part mammoth can open is
 * counted. What JSZip would read differently (data prepended to the zip, ZIP64, encryption, unknown
 * compression) is refused: Word writes none of it.
 */
import {inflateRawSync} from 'node:zlib'
import {UnreadableFileError} from './unreadable.js'

/** One part of a zip file, from its directory. */
export interface ZipPart {
  name: string
  /** 0: stored; 8: deflated. */
  method: number
  /** Uncompressed size the directory states. */
  size: number
  /** Where the part's (compressed) data starts in the file, and how long it is. */
  start: number
  length: number
}

const endSignature = 0x06054b50
const headerSignature = 0x02014b50
const localSignature = 0x04034b50
/** A 16- or 32-bit field at its maximum means "see the ZIP64 record". */
const zip64Marks = new Set([0xffff, 0xffffffff])

/**
 * The parts listed in the directory of the zip file `data`.
 *
 * @throws UnreadableFileError when `data` is not a complete zip file JSZip would read the same way.
 */
export function zipParts(data: Uint8Array): ZipPart[] {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength)
  const damaged = (what: string): UnreadableFileError => unreadableDocx(`: ${what}`)
  const end = bytes.lastIndexOf(uint32(endSignature))
  if (end < 0 || end + 22 > bytes.length) {
    throw damaged('it is cut short, password-protected, or not a .docx file (there is no zip directory at its end)')
  }
  const fields = [4, 6, 8, 10].map((at) => bytes.readUInt16LE(end + at))
  const directorySize = bytes.readUInt32LE(end + 12)
  const directoryStart = bytes.readUInt32LE(end + 16)
  if ([...fields, directorySize, directoryStart].some((field) => zip64Marks.has(field))) throw damaged('it is a ZIP64 file, which Word does not write')
  if (fields[0] !== 0 || fields[1] !== 0) throw damaged('it is split over several files')
  if (directoryStart + directorySize !== end) throw damaged('its zip directory is not where the end of the file says')

  const parts: ZipPart[] = []
  // JSZip reads headers for as long as their signature follows, whatever count the end record states.
  for (let at = directoryStart; at + 46 <= bytes.length && bytes.readUInt32LE(at) === headerSignature; ) {
    const flags = bytes.readUInt16LE(at + 8)
    const method = bytes.readUInt16LE(at + 10)
    const length = bytes.readUInt32LE(at + 20)
    const size = bytes.readUInt32LE(at + 24)
    const nameLength = bytes.readUInt16LE(at + 28)
    const extraLength = bytes.readUInt16LE(at + 30)
    const commentLength = bytes.readUInt16LE(at + 32)
    const local = bytes.readUInt32LE(at + 42)
    const next = at + 46 + nameLength + extraLength + commentLength
    if (next > bytes.length) throw damaged('its zip directory is cut short')
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength)
    if ((flags & 1) !== 0) throw damaged(`\`${shown(name)}\` is encrypted`)
    if (method !== 0 && method !== 8) throw damaged(`\`${shown(name)}\` is compressed in a way Word does not use (method ${method})`)
    if ([length, size, local].some((field) => zip64Marks.has(field))) throw damaged('it is a ZIP64 file, which Word does not write')
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== localSignature) throw damaged(`\`${shown(name)}\` is missing from the file`)
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28)
    if (start + length > bytes.length) throw damaged(`\`${shown(name)}\` is cut short`)
    parts.push({name, method, size, start, length})
    at = next
  }
  if (parts.length === 0) throw damaged('its zip directory lists no parts')
  return parts
}

/**
 * The size the parts of the zip file `data` unpack to, all together, as its directory states it. When
 * that is at most `limit`, every part is inflated to check it: inflating stops one byte past the size
 * stated, so a directory that understates a part (to pass the check) costs no more than what it states.
 *
 * @throws UnreadableFileError when the file is damaged, or a part does not unpack to its stated size.
 */
export function unpackedSize(data: Uint8Array, limit: number): number {
  const parts = zipParts(data)
  const stated = parts.reduce((sum, part) => sum + part.size, 0)
  if (stated > limit) return stated
  for (const part of parts) {
    const packed = data.subarray(part.start, part.start + part.length)
    const size = part.method === 0 ? packed.length : inflatedSize(packed, part)
    if (size > part.size) {
      throw unreadableDocx(`: \`${shown(part.name)}\` unpacks to more than the ${part.size} bytes the zip directory says (a damaged file, or one made to unpack to far more than it says)`)
    }
    if (size < part.size) throw unreadableDocx(`: \`${shown(part.name)}\` unpacks to ${size} bytes where the zip directory says ${part.size}`)
  }
  return stated
}

/** How many bytes the deflated `packed` inflates to, counting one past `part.size` at most. */
function inflatedSize(packed: Uint8Array, part: ZipPart): number {
  try {
    return inflateRawSync(packed, {maxOutputLength: part.size + 1}).length
  } catch (error) {
    if (error instanceof RangeError && (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return part.size + 1
    const reason = error instanceof Error ? error.message : String(error)
    throw unreadableDocx(`: \`${shown(part.name)}\` is damaged (${reason})`)
  }
}

/** A part's name as a message can show it: on one line, not too long. */
function shown(name: string): string {
  const line = name.replace(/[\p{Cc}\p{Zl}\p{Zp}]/gu, '?')
  return line.length > 100 ? `${line.slice(0, 100)}…` : line
}

/** What to do about a .docx that cannot be read, said at the end of every message about one. */
export const resaveDocx = 'open it in Word and save it again as .docx, or export it as .html or .txt'

/** "cannot be read as a Word document`what`; how to fix it". */
export function unreadableDocx(what: string): UnreadableFileError {
  return new UnreadableFileError(`cannot be read as a Word document${what}; ${resaveDocx}`)
}

function uint32(value: number): Buffer {
  const bytes = Buffer.alloc(4)
  bytes.writeUInt32LE(value)
  return bytes
}
