/**
 * The pipeline as a library: check and build a content folder without the CLI.
 */
import path from 'node:path'
import fs from 'node:fs/promises'
import type {VFile} from 'vfile'
import {loadContent} from './load/content.js'
import {loadTemplates} from './load/templates.js'
import {compileContent, type CompileResult} from './compile.js'
import {compileTemplates} from './render/templates.js'
import {renderSite, type OutputFile} from './render/site.js'
import {writeOutput} from './write/atomic.js'
import {applyHeadingIds, planHeadingIds} from './fix/heading-ids.js'
import {readArchive, type Archive} from './versions/archive.js'
import {defaultArchive} from './versions/publish.js'

/** Options shared by `check` and `build`. */
export interface PipelineOptions {
  /** Content folder (default `content`). */
  content?: string | undefined
  /** Archive of published versions (default: `archive` beside the content folder). */
  archive?: string | undefined
}

/** Options of `build`. */
export interface BuildOptions extends PipelineOptions {
  /** Output folder (default `dist`); replaced as a whole. */
  out?: string | undefined
  /** Templates folder (default: the shipped `templates/`). */
  templates?: string | undefined
}

/** What `build` did. */
export interface BuildResult extends CheckResult {
  /** Files written, relative to the output folder; empty when the content has errors. */
  written: OutputFile[]
}

/** What `check` found: the content's problems and the archive's. */
export interface CheckResult extends CompileResult {
  /** The verified archive of published versions. */
  archive: Archive
}

/** Load, parse and check the content folder, and verify the archive of published versions. */
export async function check(options: PipelineOptions = {}): Promise<CheckResult> {
  const content = options.content ?? 'content'
  const archive = await readArchive(defaultArchive(content, options.archive))
  const result = compileContent(await loadContent(content))
  return {...result, archive, files: [...archive.files, ...result.files], ok: result.ok && archive.ok}
}

/** Check, render and write the output folder; writes nothing when the content has errors. */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const content = path.resolve(options.content ?? 'content')
  const out = path.resolve(options.out ?? 'dist')
  if (isWithin(out, content) || isWithin(content, out)) {
    throw new Error(`The output folder \`${out}\` and the content folder \`${content}\` must not contain each other`)
  }
  const templates = compileTemplates(await loadTemplates(options.templates))
  const result = await check({...options, content})
  if (!result.ok) return {...result, written: []}
  const files = renderSite(result.project, templates)
  await writeOutput(out, files)
  return {...result, written: files}
}

/** Add missing heading ids to the Markdown files of the content folder. Returns the files changed. */
export async function fixContent(options: PipelineOptions = {}): Promise<Array<{file: VFile; ids: string[]}>> {
  const source = await loadContent(options.content ?? 'content')
  const changed: Array<{file: VFile; ids: string[]}> = []
  for (const [relative, file] of source.files) {
    if (!relative.endsWith('.md') || file.messages.length > 0) continue
    const fixes = planHeadingIds(file)
    if (fixes.length === 0) continue
    const full = path.join(source.root, ...relative.split('/'))
    const original = await fs.readFile(full, 'utf8')
    // Re-plan against the exact bytes on disk (a BOM is kept) so offsets match.
    const bom = original.startsWith('\uFEFF') ? '\uFEFF' : ''
    await writeFileAtomically(full, bom + applyHeadingIds(String(file.value), fixes))
    changed.push({file, ids: fixes.map((fix) => fix.id)})
  }
  return changed
}

async function writeFileAtomically(file: string, text: string): Promise<void> {
  const temporary = `${file}.policypress-${process.pid}.tmp`
  await fs.writeFile(temporary, text)
  await fs.rename(temporary, file)
}

function isWithin(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner)
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
}
