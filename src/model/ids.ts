/**
 * Section and entry ids: stable anchors and diff keys, so they are restricted to characters that are
 * safe in URLs and unambiguous to read: lowercase ASCII letters, digits, Chinese characters, joined by
 * single `-` or `_`. Full-width letters, zero-width characters and spaces are rejected.
 */

/** Pattern every id must match. */
export const idPattern = /^[a-z0-9\p{Script=Han}]+(?:[-_][a-z0-9\p{Script=Han}]+)*$/u

/** Whether `id` is a well-formed id. */
export function isValidId(id: string): boolean {
  return idPattern.test(id)
}
