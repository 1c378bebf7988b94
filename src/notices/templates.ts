/**
 * Notice templates: per locale, `texts.yaml` (Handlebars templates of plain text, one per channel part)
 * and `email.hbs` (the HTML email). Compiled once; they receive a precomputed `NoticeView`.
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import Handlebars from 'handlebars'
import {parse as parseYaml} from 'yaml'
import type {NoticeTexts} from './schema.js'
import {cacheKey} from '../cache/key.js'

/** The raw templates of one locale. */
export interface NoticeTemplateSource {
  /** YAML map of plain-text templates (keys: `noticeTextKeys`). */
  texts: string
  /** Handlebars template of the HTML email. */
  email: string
}

/** Raw templates by locale (`zh-CN`, `en-US` …). */
export type NoticeTemplateSources = Record<string, NoticeTemplateSource>

/** What every notice template is given. All strings are plain text; the HTML template escapes them. */
export interface NoticeView {
  /** Portal name from `policypress.yaml` (`快手隐私中心`). */
  siteTitle: string
  /** The document title (`快手隐私政策`). */
  title: string
  version: string
  /** `YYYY-MM-DD`. */
  updated: string
  /** `YYYY-MM-DD`. */
  effective: string
  /** `updated` written out for the summary locale (`2024年3月1日`, `March 1, 2024`). */
  updatedText: string
  /** `effective` written out for the summary locale. */
  effectiveText: string
  /** Days between `updated` and `effective`. */
  noticeDays: number
  material: boolean
  separateConsent: boolean
  /** The author's summary, or the generated one. */
  summary: string
  /** Why the change is material, one sentence each. */
  reasons: string[]
  /** Why consent is needed, one sentence each. */
  consentReasons: string[]
  links: {diff: string; diffFull: string; version: string; history: string; portal: string}
}

/** Dotted keys every `texts.yaml` must define. */
export const noticeTextKeys = [
  'popup.title',
  'popup.body',
  'popup.view',
  'popup.dismiss',
  'push.title',
  'push.body',
  'sms',
  'email.subject',
  'email.text'
] as const

type TextKey = (typeof noticeTextKeys)[number]

/** Compiled notice templates. */
export interface NoticeTemplates {
  /** Hash of the sources, for cache keys of what shows notice texts. */
  key: string
  /** Locales with templates, sorted. */
  locales: string[]
  /** The locale whose templates serve `locale`: itself, else one of the same language, else `en-US`, else the first. */
  localeFor(locale: string): string
  /** Render every channel's text for `locale` (see `localeFor`). */
  render(locale: string, view: NoticeView): NoticeTexts
}

/** The notice templates shipped with policypress. */
export const defaultNoticeTemplatesDir = fileURLToPath(new URL('../../templates/notices/', import.meta.url))

/**
 * Read the notice templates of `dir` (default: the shipped ones): one folder per locale holding
 * `texts.yaml` and `email.hbs`. Synchronous because the summary builder that uses the shipped ones
 * is; the files are small and read once. Throws when `dir` has no locale folder.
 */
export function readNoticeTemplates(dir: string = defaultNoticeTemplatesDir): NoticeTemplateSources {
  const sources: NoticeTemplateSources = {}
  const entries = fs.readdirSync(dir, {withFileTypes: true}).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()
  for (const locale of entries) {
    const folder = path.join(dir, locale)
    const read = (name: string) => {
      const file = path.join(folder, name)
      if (!fs.existsSync(file)) throw new Error(`Missing \`${name}\` in notice templates \`${folder}\`; each locale folder needs texts.yaml and email.hbs`)
      return fs.readFileSync(file, 'utf8')
    }
    sources[locale] = {texts: read('texts.yaml'), email: read('email.hbs')}
  }
  if (entries.length === 0) throw new Error(`No notice templates in \`${dir}\`; expected one folder per locale with texts.yaml and email.hbs`)
  return sources
}

/**
 * The notice templates of the templates folder `dir`: its `notices/` folder when it has one, else the
 * shipped ones (a template set that only restyles the pages need not copy them).
 */
export function readNoticeTemplatesIn(dir: string | undefined): NoticeTemplateSources {
  const folder = dir === undefined ? undefined : path.join(dir, 'notices')
  return folder !== undefined && fs.existsSync(folder) ? readNoticeTemplates(folder) : readNoticeTemplates()
}

// Plain text must reach SMS and push verbatim: no HTML escaping. Strict: a misspelt field throws.
const textOptions = {strict: true, knownHelpersOnly: true, noEscape: true}
const htmlOptions = {strict: true, knownHelpersOnly: true}
const runtimeOptions = {allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false}

/** Compile `sources`. Throws on a syntax error or a missing key (a template author's mistake). */
export function compileNoticeTemplates(sources: NoticeTemplateSources): NoticeTemplates {
  const handlebars = Handlebars.create()
  const compiled = new Map<string, {texts: Map<TextKey, HandlebarsTemplateDelegate>; email: HandlebarsTemplateDelegate}>()
  for (const [locale, source] of Object.entries(sources)) {
    const data: unknown = parseYaml(source.texts)
    const texts = new Map<TextKey, HandlebarsTemplateDelegate>()
    for (const key of noticeTextKeys) {
      const value = key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), data)
      if (typeof value !== 'string') throw new Error(`Missing \`${key}\` in notice templates \`${locale}/texts.yaml\``)
      texts.set(key, compileEagerly(handlebars, value, textOptions))
    }
    compiled.set(locale, {texts, email: compileEagerly(handlebars, source.email, htmlOptions)})
  }
  const key = noticeTemplatesKey(sources)
  const locales = [...compiled.keys()].sort()
  const localeFor = (locale: string) =>
    compiled.has(locale)
      ? locale
      : (locales.find((l) => l.split('-')[0] === locale.split('-')[0]) ?? (compiled.has('en-US') ? 'en-US' : locales[0] ?? locale))
  return {
    key,
    locales,
    localeFor,
    render(locale, view) {
      const set = compiled.get(localeFor(locale))
      if (!set) throw new Error(`No notice templates for \`${locale}\``)
      const text = (key: TextKey) => set.texts.get(key)!(view, runtimeOptions)
      const line = (key: TextKey) => oneLine(text(key))
      return {
        popup: {title: line('popup.title'), body: line('popup.body'), buttons: {view: line('popup.view'), dismiss: line('popup.dismiss')}, link: view.links.diff},
        push: {title: line('push.title'), body: line('push.body'), link: view.links.diff},
        sms: line('sms'),
        email: {subject: line('email.subject'), html: `${set.email(view, runtimeOptions).trim()}\n`, text: paragraphs(text('email.text'))}
      }
    }
  }
}

/**
 * Handlebars compiles lazily, on first render; precompiling runs the whole compiler now, so a syntax
 * error or an unknown helper fails when the templates load, not at the first summary.
 */
function compileEagerly(handlebars: typeof Handlebars, source: string, options: CompileOptions): HandlebarsTemplateDelegate {
  // The template object `template` makes from the precompiled code is what `compile` would make on first render.
  const code = handlebars.precompile(source, options)
  // eslint-disable-next-line no-new-func -- code Handlebars generated just now from the shipped or given templates
  return handlebars.template(new Function(`return ${String(code)}`)() as TemplateSpecification)
}

let shipped: NoticeTemplates | undefined

/** The shipped notice templates, read and compiled on first use. */
export function defaultNoticeTemplates(): NoticeTemplates {
  shipped ??= compileNoticeTemplates(readNoticeTemplates())
  return shipped
}

/** Notice templates read, compiled on first use: what shows their texts knows its cache key before. */
export interface LazyNoticeTemplates {
  /** Hash of the sources (the `key` of the compiled templates). */
  key: string
  /** Compile (once) and return the templates. */
  compiled(): NoticeTemplates
}

/** `sources`, to be compiled when first needed. */
export function lazyNoticeTemplates(sources: NoticeTemplateSources): LazyNoticeTemplates {
  let compiled: NoticeTemplates | undefined
  return {
    key: noticeTemplatesKey(sources),
    compiled() {
      compiled ??= compileNoticeTemplates(sources)
      return compiled
    }
  }
}

/** A hash of notice template sources. */
export function noticeTemplatesKey(sources: NoticeTemplateSources): string {
  return cacheKey('notice-templates', sources)
}

/**
 * Join a template's lines into one: a space between two Latin characters, nothing next to a CJK one
 * (so Chinese templates can wrap anywhere without spaces appearing in the text).
 */
export function oneLine(text: string): string {
  const lines = text.split(/\s*\n\s*/).map((l) => l.trim()).filter((l) => l !== '')
  let result = ''
  for (const line of lines) {
    const before = result.at(-1)
    const after = line[0]
    result += before !== undefined && after !== undefined && !isCjk(before) && !isCjk(after) ? ` ${line}` : line
  }
  return result
}

/** Trim line ends and collapse the blank lines left by `{{#if}}` blocks to one. */
function paragraphs(text: string): string {
  return `${text.split('\n').map((l) => l.trimEnd()).join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`
}

function isCjk(char: string): boolean {
  return /[\u2e80-\u303f\u3040-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/.test(char)
}
