/**
 * micromark's `EditMap#consume` copies every event before the first edit and pushes them all back, so
 * a document with many lists costs the square of its length (micromark closes each list with a
 * `consume` of the whole document's events). The events before the first edit are already in place:
 * the patch drops the copy, nothing else. `scripts/bundle.js` applies it to the command-line bundle;
 * `test/parse/edit-map.test.ts` checks that the patched `consume` gives the same events.
 */

/** The two statements that copy the events before the first edit and empty the list. */
export const editMapCopy = 'vecs.push(events.slice());\n    events.length = 0;'

/** `source` of micromark-util-edit-map's index.js, without the copy. Throws if the source changed. */
export function patchEditMap(source) {
  if (!source.includes(editMapCopy)) throw new Error('micromark-util-edit-map changed: review scripts/edit-map-patch.js')
  return source.replace(editMapCopy, '// policypress: the events before the first edit stay where they are.')
}
