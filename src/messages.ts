/**
 * Problems in content are reported as vfile messages, never thrown.
 *
 * Every rule has an id, a one-line reason written at the call site, and a hint from this catalogue that
 * tells a non-programmer how to fix it. `throw` is kept for programmer and configuration errors.
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {Point, Position} from 'unist'

/** The `source` of every message policypress emits. */
export const messageSource = 'policypress'

/** Hints per rule id: what to do about it. */
export const ruleHints = {
  'frontmatter-missing': 'Start the file with a front matter block between two `---` lines (see docs/authoring.md).',
  'frontmatter-yaml': 'Fix the YAML syntax: each line is `key: value`; quote values that contain `:` or `#`.',
  'frontmatter-unknown-key': 'Remove the key or correct its spelling; allowed keys are listed in docs/authoring.md.',
  'frontmatter-required': 'Add the key to the front matter.',
  'frontmatter-type': 'Write the value in the form the message expects; quote text that YAML would read as a number or date.',
  'frontmatter-date': 'Write dates as `YYYY-MM-DD`, for example `2023-09-20`, and use a day that exists.',
  'frontmatter-date-order': 'The effective date (生效日期) must be on or after the updated date (更新日期).',
  'frontmatter-id': 'Use lowercase letters, digits and hyphens, for example `privacy`.',
  'frontmatter-mismatch': 'The front matter must match the folder: `content/<id>/<locale>/index.md`.',
  'section-unknown': 'Use the `{#id}` of an existing section; ids are listed in the table of contents of the built page.',
  'config-invalid': 'Fix `content/policypress.yaml`; allowed keys are listed in docs/authoring.md.',
  'locale-unknown': 'Set `locale` to the folder name of a translation, e.g. `zh-CN` for `content/privacy/zh-CN/`, or add that translation.',
  'heading-depth': 'Chapters use `##`; each level goes one deeper (`###`, `####` …). The title comes from front matter.',
  'heading-malformed': 'Write a heading as `##` to `######` in ASCII, then a space, then the title and its `{#id}`: `### （一）实现相关功能与服务 {#collection-1}`; write `\\#` for a `#` that starts a line of text.',
  'heading-id-missing': 'End the heading with a stable id such as `{#collection}`, or run `policypress check --fix`.',
  'heading-id-malformed': 'Ids use lowercase ASCII letters, digits and Chinese characters, joined by single `-` or `_`, e.g. `{#collection-1}`.',
  'heading-id-published': 'Keep the `{#id}` a published section had, even when its title or place changes; remove a section only when its text is really gone.',
  'heading-id-duplicate': 'Give each heading its own id; ids must be unique within a document.',
  'strong-unmatched': 'Give every `**` its closing `**`, in ASCII. Bold does not start right after a Latin letter or digit before a curly quote or ASCII punctuation (`SDK**“设备信息”**`), nor end the other way round: put the `**` inside the quotes (`SDK“**设备信息**”`) or around the Latin word too (`**SDK“设备信息”**`); write `\\*\\*` for asterisks.',
  'ordered-list': 'Write the policy\'s own item numbers as text in a `- ` list, with a backslash before the dot: `- 1\\. …`, `- 2\\. …`.',
  'table-malformed': 'Write the header row, then a separator row with one `---` per column (`| --- | --- |`), then one row per line; every row has the same number of cells.',
  'no-html': 'Remove the HTML; write the text in Markdown (`**bold**`, lists, links) instead.',
  'no-image': 'Images are not supported in policy text; describe the content in words.',
  'link-protocol': 'Links may use `https:`, `http:`, `mailto:` or `tel:`, or point at another file in content/.',
  'link-malformed': 'Write a link as `[text](target)`: ASCII parentheses, right after the `]`, e.g. `[“如何联系我们”](#contact)`.',
  'link-missing-file': 'Check the path: it is relative to this file, e.g. `lists/sdk.md` from a policy; link to policies and lists, not to clause files.',
  'link-missing-anchor': 'Use the id of an existing heading, e.g. `#collection`, or add that id.',
  'directive-unknown': 'The only directive is `::include{src="clauses/name.md"}`, on a line of its own; to write a colon, write it as text.',
  'include-missing': 'Check the `src` path: it is relative to this file.',
  'include-outside': 'Keep clauses inside the document\'s own folder, e.g. `content/privacy/zh-CN/clauses/`, so they are published with it.',
  'include-loop': 'A clause cannot include itself, directly or through another clause.',
  'include-frontmatter': 'Included clauses have no front matter; remove the `---` block.',
  'include-limit': 'Include each clause once, from the policy or a clause that is not itself included many times; a document may include at most 1000 clauses (counting repeats), nested at most 32 deep.',
  'content-missing': 'Restore the file (for example with `git checkout`, or by renaming `index.md.txt` back to `index.md`); a published document keeps its working copy even when nothing changes.',
  'content-unused': 'A policy must be `content/<doc>/<locale>/index.md` and a list `content/<doc>/<locale>/lists/<kind>.md`; include a clause with `::include{src="clauses/<name>.md"}`, or delete the file if it is no longer needed.',
  'content-empty': 'Write the text (of a policy, below its front matter), the entries (of a list) or the clause; delete a file that is not needed.',
  'content-encoding': 'Save the file as UTF-8.',
  'content-control-character': 'Delete the invisible character (it often comes from copying out of a PDF or a word processor); use a plain space or line break instead.',
  'content-nesting': 'Lists and quotes may be nested at most 100 levels deep; flatten the structure or split it into sections.',
  'content-symlink': 'Replace the link with a real file inside the content folder.',
  'list-unknown': 'List files are named `collection.md`, `sdk.md`, `sharing.md` or `permissions.md` in `<doc>/<locale>/lists/`.',
  'list-frontmatter': 'A list\'s front matter may only have `title`.',
  'list-structure': 'Each entry is a `## 名称 {#id}` heading followed by `- 字段: 值` lines, nothing else.',
  'list-unknown-field': 'Use one of the field names listed in docs/authoring.md for this list.',
  'list-missing-field': 'Add the field as a `- 字段: 值` line under the entry heading.',
  'list-duplicate-field': 'Write each field once; put several values on one line, separated by `、` or `,`.',
  'list-duplicate-entry': 'Keep one entry per SDK, recipient, information type or permission: merge the two, or name them so a reader can tell them apart.',
  'list-empty-field': 'Write a value after the colon, or remove the optional field.',
  'list-yes-no': 'Write `是` or `否` (or `yes` / `no`).',
  'list-platform': 'Platforms are Android, iOS, HarmonyOS, Web, Windows or macOS, separated by `、` or `,`.',
  'list-url': 'Write a full `https://` (or `http://`) address.',
  'list-unknown-data': 'Use an id defined in `content/vocabulary.yaml`, or add it there.',
  'list-unknown-permission': 'Use the id of an entry of this document\'s permissions list (`lists/permissions.md`), or add it there.',
  'list-sensitive-purpose': 'Add an entry for this information type to the collection list (`lists/collection.md`) stating its purpose.',
  'archive-edited': 'Published versions are legal records: restore the file (e.g. `git checkout -- <file>`) and publish your change as a new version.',
  'archive-added': 'If the file was put there by hand, remove it (it was never published); if `archive/lock.json` was edited, restore it from version control instead. To change the text, edit content/ and publish a new version.',
  'archive-deleted': 'Restore the deleted file (e.g. `git checkout -- <file>`); published versions are never removed.',
  'archive-lock': 'Restore `archive/lock.json` from version control; it records what was published and must not be edited by hand.',
  'notice-period': 'A material change needs notice: set `effective` at least `noticeDays` (policypress.yaml, default 7) after `updated`, or, if the change is not material, set `material: false` with a `materialReason`.',
  'notice-length': 'Shorten the front matter `summary` (or the title) so every notice fits its channel: an SMS counts 70 characters in one message or 67 per segment when any character is Chinese (limits in docs/notices.md).',
  'webhooks-invalid': 'Fix `content/webhooks.yaml`: `endpoints:` is a list of `name`, `url` (https://, or http:// to 127.0.0.1 for tests) and `secretEnv` (the NAME of an environment variable, never the secret itself); see docs/notices.md.',
  'import-numbering': 'Check the heading levels and list items around this number; change `#` levels or make the line a `- ` item by hand.',
  'import-heading': 'If this line is not a heading, remove the `#` marks and its `{#id}`; if a heading is missing, add one.',
  'import-split': 'Check that the text was cut at the right place; join the parts again if not.',
  'import-dropped': 'This was not policy text (script, style, image, comment, page metadata); add it back in words if it matters.',
  'import-clause': 'Give the clause file a name that says what it is (e.g. `consent-exceptions.md`) and update the `::include` lines.',
  'import-date': 'Set `updated` and `effective` in the front matter to the dates of this version.',
  'import-text-lost': 'Copy the sentence from the original into the imported file by hand; please report it as a bug too.',
  'vocabulary-invalid': 'Each entry is `id:` with a name per locale (`zh-CN: 手机号码`) and `sensitive: true` or `false`.'
} as const

/** Known rule ids. */
export type RuleId = keyof typeof ruleHints

/** A place a message points at. */
export type Place = Point | Position | undefined

/**
 * Report a problem on `file`.
 *
 * @param file the file the problem is in.
 * @param reason what is wrong, in one line (`Unexpected duplicate id \`x\`, expected unique ids`).
 * @param ruleId the rule that found it; its hint becomes the message's `note`.
 * @param place where it is; omitted for whole-file problems.
 * @param severity `error` (default) fails `check` and `build`; `warning` does not.
 */
export function report(
  file: VFile,
  reason: string,
  ruleId: RuleId,
  place?: Place,
  severity: 'error' | 'warning' = 'error'
): VFileMessage {
  const message = file.message(reason, {place, ruleId, source: messageSource})
  message.fatal = severity === 'error' ? true : false
  message.note = ruleHints[ruleId]
  message.url = `docs/authoring.md#${ruleId}`
  return message
}

/** Whether any of the files carries an error. */
export function hasErrors(files: Iterable<VFile>): boolean {
  for (const file of files) {
    if (file.messages.some((m) => m.fatal === true)) return true
  }
  return false
}
