/**
 * Content-relative paths: always `/`-separated, never leaving the content folder.
 */
import path from 'node:path'

/**
 * Resolve `reference` (relative to the file at `from`) to a content-relative path.
 *
 * @returns the path, or `undefined` when it would leave the content folder.
 */
export function resolveContentPath(from: string, reference: string): string | undefined {
  const decoded = safeDecode(reference)
  if (decoded.startsWith('/')) return undefined
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(from), decoded))
  if (joined === '..' || joined.startsWith('../') || joined === '.') return undefined
  return joined
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}
