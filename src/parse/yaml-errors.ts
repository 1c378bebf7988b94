/**
 * YAML errors in words an author can act on. The parser's own messages ("Implicit keys need to be on a
 * single line") describe its state, not the mistake, and the usual mistakes come from a Chinese input
 * method: a full-width colon or space, or curly quotes.
 */
import type {YAMLError} from 'yaml'

/** The reason to report for `error` in the YAML text `source`, and the offset to report it at. */
export function explainYamlError(source: string, error: YAMLError): {reason: string; offset: number} {
  // An unclosed quote is noticed lines later, where the next key looks wrong: point at where it opened.
  const quote = /Missing closing (["'])quote/.exec(error.message)?.[1]
  if (quote) {
    const opened = openingQuote(source, error.pos[0], quote)
    if (opened !== undefined) return {reason: `Missing the closing \`${quote}\` of the value that starts here`, offset: opened}
  }
  const lineStart = source.lastIndexOf('\n', error.pos[0] - 1) + 1
  const lineEnd = source.indexOf('\n', lineStart)
  const mistake = yamlMistake(source.slice(lineStart, lineEnd === -1 ? source.length : lineEnd))
  if (mistake) return {reason: mistake, offset: lineStart}
  return {reason: `Unexpected YAML: ${error.message.split('\n')[0]}`, offset: error.pos[0]}
}

/**
 * What an author most likely got wrong on a YAML line the parser refused, as a message; `undefined` when
 * the parser's own message is the best there is.
 */
function yamlMistake(line: string): string | undefined {
  const key = /^\s*(?:-\s+)?([A-Za-z][\w-]*)/.exec(line)?.[1]
  if (key === undefined) return undefined
  const after = line.slice(line.indexOf(key) + key.length)
  if (/^\s*：/.test(after)) return `Unexpected full-width colon \`：\` after \`${key}\`, expected an ASCII colon and a space: \`${key}: …\``
  if (/^:\u3000/.test(after)) return `Unexpected full-width space after \`${key}:\`, expected an ASCII space: \`${key}: …\``
  if (/^:\s*[“‘]/.test(after)) return `Unexpected curly quotes in the value of \`${key}\`: YAML quotes are ASCII, write \`${key}: "…"\``
  if (/^:[^\s]/.test(after)) return `Missing space after \`${key}:\`, expected \`${key}: …\``
  return undefined
}

/** Offset of the `quote` that opens a `key: "…` value left unclosed, before `before`. */
function openingQuote(source: string, before: number, quote: string): number | undefined {
  let offset = 0
  for (const line of source.slice(0, before).split('\n')) {
    const value = new RegExp(`^\\s*(?:-\\s+)?[^\\s:#][^:]*:\\s+${quote}`).exec(line)
    if (value && (line.slice(value[0].length).match(new RegExp(`(?<!\\\\)${quote}`, 'g'))?.length ?? 0) % 2 === 0) return offset + value[0].length - 1
    offset += line.length + 1
  }
  return undefined
}
