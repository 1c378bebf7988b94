/**
 * Messages of a check as plain data, and back: a cached check reports exactly what the check said.
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'

/** One message as stored. */
export interface StoredMessage {
  reason: string
  place: VFileMessage['place']
  ruleId: string | undefined
  source: string | undefined
  fatal: boolean | null | undefined
  note: string | undefined
  url: string | undefined
}

/** The messages of every file that has some, by path. */
export function storeMessages(files: Iterable<Pick<VFile, 'path' | 'messages'>>): Record<string, StoredMessage[]> {
  const stored: Record<string, StoredMessage[]> = {}
  for (const file of files) {
    if (file.messages.length === 0) continue
    stored[file.path] = file.messages.map((message) => ({
      reason: message.reason,
      place: message.place,
      ruleId: message.ruleId,
      source: message.source,
      fatal: message.fatal,
      note: message.note,
      url: message.url
    }))
  }
  return stored
}

/** Put stored messages back on `files` (by path). Returns whether every path was found. */
export function restoreMessages(files: Map<string, VFile>, stored: Record<string, StoredMessage[]>): boolean {
  const byPath = new Map([...files.values()].map((file) => [file.path, file]))
  if (!Object.keys(stored).every((path) => byPath.has(path))) return false
  for (const [path, messages] of Object.entries(stored)) {
    const file = byPath.get(path)!
    for (const stored of messages) {
      const message = file.message(stored.reason, {place: stored.place ?? undefined, ruleId: stored.ruleId, source: stored.source})
      message.fatal = stored.fatal
      message.note = stored.note
      message.url = stored.url
    }
  }
  return true
}
