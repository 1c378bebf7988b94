/**
 * Small builders shared by tests: policies in memory and their messages as plain lines.
 */
import {contentFromFiles} from '../src/load/content.js'
import {compileContent, type CompileResult} from '../src/compile.js'

/** Default front matter of a test policy. */
export const defaultMeta: Record<string, string> = {
  id: 'privacy',
  title: '测试隐私政策',
  locale: 'zh-CN',
  version: '2023-09-20',
  updated: '2023-09-20',
  effective: '2023-09-27'
}

/** A policy file: front matter from `meta` (merged over the defaults; `null` drops a key) and `body`. */
export function policy(body: string, meta: Record<string, string | null> = {}): string {
  const merged = {...defaultMeta, ...meta}
  const lines = Object.entries(merged)
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([key, value]) => `${key}: ${value}`)
  return `---\n${lines.join('\n')}\n---\n\n${body}`
}

/** Compile in-memory files; `privacy/zh-CN/index.md` is the usual policy path. */
export function compile(files: Record<string, string>): CompileResult {
  return compileContent(contentFromFiles(files))
}

/** Every message as `path:line:column severity rule-id`, sorted by file, line and column. */
export function messages(result: CompileResult): string[] {
  return result.files
    .flatMap((file) => file.messages.map((m) => ({file: file.path, line: m.line ?? 0, column: m.column ?? 0, m})))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column))
    .map(({file, line, column, m}) => `${file}:${line}:${column} ${m.fatal ? 'error' : 'warning'} ${m.ruleId}`)
}

/** Messages of `result` with their reasons, for asserting wording. */
export function reasons(result: CompileResult): string[] {
  return result.files.flatMap((file) => file.messages.map((m) => m.reason))
}
