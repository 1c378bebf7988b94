/**
 * Read a templates folder (layouts, partials, styles, labels, notices) into memory.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {readNoticeTemplatesIn, type NoticeTemplateSources} from '../notices/templates.js'

/** The raw text of a templates folder, by kind and name (file name without extension). */
export interface TemplateSources {
  layouts: Record<string, string>
  partials: Record<string, string>
  styles: Record<string, string>
  labels: Record<string, string>
  /** Scripts the portal serves from `assets/` (progressive enhancement only). */
  scripts: Record<string, string>
  /** Notice templates by locale, from `notices/` (absent: the shipped ones). */
  notices?: NoticeTemplateSources | undefined
}

/** The templates shipped with policypress. */
export const defaultTemplatesDir = fileURLToPath(new URL('../../templates/', import.meta.url))

/** Read `dir` (default: the shipped templates). Throws when a required folder is missing. */
export async function loadTemplates(dir: string = defaultTemplatesDir): Promise<TemplateSources> {
  return {
    layouts: await readFolder(dir, 'layouts', '.hbs'),
    partials: await readFolder(dir, 'partials', '.hbs'),
    styles: await readFolder(dir, 'styles', '.css'),
    labels: await readFolder(dir, 'labels', '.yaml'),
    scripts: await readFolder(dir, 'scripts', '.js', true),
    notices: readNoticeTemplatesIn(dir)
  }
}

async function readFolder(dir: string, folder: string, extension: string, optional = false): Promise<Record<string, string>> {
  const full = path.join(dir, folder)
  const names = await fs.readdir(full).catch(() => {
    if (optional) return [] as string[]
    throw new Error(`Templates folder \`${full}\` not found; pass an existing folder with --templates`)
  })
  const result: Record<string, string> = {}
  for (const name of names.filter((n) => n.endsWith(extension)).sort()) {
    result[name.slice(0, -extension.length)] = await fs.readFile(path.join(full, name), 'utf8')
  }
  return result
}
