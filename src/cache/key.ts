/**
 * Cache keys: a SHA-256 over everything an output is computed from, so an entry can never be
 * served for different inputs. Every key includes the code fingerprint: new code, new keys.
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {sha256} from '../versions/lock.js'

/**
 * The key of `parts` (any JSON data). Objects are serialized in their own key order: data made the
 * same way gets the same key, and the same data made in another order only costs a miss.
 */
export function cacheKey(...parts: unknown[]): string {
  return sha256(JSON.stringify(parts))
}

let fingerprint: string | undefined

/**
 * A hash of the code that renders: every file of the folder this module was loaded from (`lib/`
 * or `src/`, which holds the bundled dependencies as well), the lock file of the dependencies when
 * there is one, and the Node version. Computed once per process (~10 ms).
 */
export function codeFingerprint(): string {
  fingerprint ??= readFingerprint(fileURLToPath(new URL('../', import.meta.url)))
  return fingerprint
}

/** Name of the file `npm run compile` writes the fingerprint of `lib/` to, so a build need not hash it. */
export const fingerprintFile = 'fingerprint.txt'

function readFingerprint(codeRoot: string): string {
  try {
    const stored = fs.readFileSync(path.join(codeRoot, fingerprintFile), 'utf8').trim()
    if (/^[0-9a-f]{64}$/.test(stored)) return stored
  } catch {
    // Running from source (tests), or compiled without it: hash the code now.
  }
  return fingerprintOf(codeRoot)
}

/** The fingerprint of the code in `codeRoot` (its `.js`/`.ts` files, and `../package-lock.json`). */
export function fingerprintOf(codeRoot: string): string {
  const parts: string[] = [process.version]
  for (const file of listFiles(codeRoot)) parts.push(file, sha256(fs.readFileSync(path.join(codeRoot, file))))
  const lockFile = path.join(codeRoot, '..', 'package-lock.json')
  if (fs.existsSync(lockFile)) parts.push('package-lock.json', sha256(fs.readFileSync(lockFile)))
  return sha256(parts.join('\n'))
}

function listFiles(root: string, relative = ''): string[] {
  const found: string[] = []
  for (const entry of fs.readdirSync(path.join(root, relative), {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const child = relative ? `${relative}/${entry.name}` : entry.name
    if (entry.isDirectory()) found.push(...listFiles(root, child))
    else if (/\.(?:[cm]?js|ts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) found.push(child)
  }
  return found
}
