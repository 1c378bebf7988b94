/**
 * Compile Handlebars layouts and partials once; layouts receive precomputed view models.
 */
import Handlebars from 'handlebars'
import {parse as parseYaml} from 'yaml'
import type {TemplateSources} from '../load/templates.js'
import {cacheKey, codeFingerprint} from '../cache/key.js'
import {noCache, type CacheStore} from '../cache/store.js'
import {lazyNoticeTemplates, readNoticeTemplates, type LazyNoticeTemplates} from '../notices/templates.js'

/** The layouts a template set provides. */
export type LayoutName = 'inapp' | 'portal' | 'index' | 'list' | 'list-inapp' | 'history' | 'diff' | 'diff-inapp'

/** Compiled templates, styles and UI labels. */
export interface Templates {
  /** Hash of every source the templates were compiled from: part of the cache key of everything rendered. */
  key: string
  /** Render layout `name` with `view`. */
  render(name: LayoutName, view: object): string
  /** The CSS of `names` (from `styles/`), joined. */
  css(...names: string[]): string
  /** UI labels for `locale`, falling back to `en-US` for missing keys or locales. */
  labels(locale: string): Record<string, string>
  /** The script `name` (from `scripts/`), or `undefined`. */
  script(name: string): string | undefined
  /** The notice templates (from `notices/`, else the shipped ones), compiled on first use. */
  notices: LazyNoticeTemplates
}

/** Strict: a field the template names but the view lacks is an error, not an empty string. */
const compileOptions = {strict: true, knownHelpersOnly: true}

/** Layouts every template set must provide. */
const requiredLayouts: LayoutName[] = ['inapp', 'portal', 'index']

/** Templates parsed: syntax trees and label data, plain data that can be cached. */
interface ParsedTemplates {
  partials: Record<string, hbs.AST.Program>
  layouts: Record<string, hbs.AST.Program>
  labels: Record<string, Record<string, string>>
}

/**
 * Compile `sources`. Throws on a template syntax error or a missing layout (a designer's error).
 * With `cache`, the parsed templates of the same sources are reused (Handlebars' parser is slow to start).
 */
export function compileTemplates(sources: TemplateSources, cache: CacheStore = noCache): Templates {
  for (const name of requiredLayouts) {
    if (sources.layouts[name] === undefined) throw new Error(`Missing layout \`layouts/${name}.hbs\` in templates`)
  }
  // The key covers the notice templates in use, shipped or not: change summaries show their texts.
  const noticeSources = sources.notices ?? readNoticeTemplates()
  const key = cacheKey('templates', codeFingerprint(), {...sources, notices: noticeSources})
  let parsed = cache.get(key) as ParsedTemplates | undefined
  if (!parsed || typeof parsed.layouts !== 'object' || typeof parsed.partials !== 'object' || typeof parsed.labels !== 'object') {
    parsed = parseTemplates(sources)
    cache.set(key, parsed)
  }
  const handlebars = Handlebars.create()
  for (const [name, ast] of Object.entries(parsed.partials)) handlebars.registerPartial(name, handlebars.compile(ast, compileOptions))
  const layouts = new Map<string, HandlebarsTemplateDelegate>()
  for (const [name, ast] of Object.entries(parsed.layouts)) layouts.set(name, handlebars.compile(ast, compileOptions))
  const labels = new Map(Object.entries(parsed.labels))
  const fallback = labels.get('en-US') ?? {}
  return {
    key,
    notices: lazyNoticeTemplates(noticeSources),
    render(name, view) {
      const layout = layouts.get(name)
      if (!layout) throw new Error(`Missing layout \`layouts/${name}.hbs\` in templates`)
      return layout(view, {allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false})
    },
    css(...names) {
      return names.map((name) => sources.styles[name] ?? '').join('\n')
    },
    script(name) {
      return sources.scripts[name]
    },
    labels(locale) {
      return {...fallback, ...(labels.get(locale) ?? labels.get(locale.split('-')[0] ?? '') ?? {})}
    }
  }
}

/**
 * Parse every template now, so a designer's typo fails before any rendering (Handlebars compiles
 * lazily, on first use). The trees are unprocessed: `compile` applies whitespace control itself.
 */
function parseTemplates(sources: TemplateSources): ParsedTemplates {
  const parse = (templates: Record<string, string>) =>
    Object.fromEntries(Object.entries(templates).map(([name, source]) => [name, Handlebars.parseWithoutProcessing(source)]))
  const labels: Record<string, Record<string, string>> = {}
  for (const [locale, source] of Object.entries(sources.labels)) {
    const data: unknown = parseYaml(source)
    if (data === null || typeof data !== 'object') throw new Error(`Labels \`labels/${locale}.yaml\` must be a map of key: text`)
    labels[locale] = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, String(v)]))
  }
  return {partials: parse(sources.partials), layouts: parse(sources.layouts), labels}
}
