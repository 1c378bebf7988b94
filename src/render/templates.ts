/**
 * Compile Handlebars layouts and partials once; layouts receive precomputed view models.
 */
import Handlebars from 'handlebars'
import {parse as parseYaml} from 'yaml'
import type {TemplateSources} from '../load/templates.js'
import {cacheKey} from '../cache/key.js'

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
}

/** Strict: a field the template names but the view lacks is an error, not an empty string. */
const compileOptions = {strict: true, knownHelpersOnly: true}

/** Layouts every template set must provide. */
const requiredLayouts: LayoutName[] = ['inapp', 'portal', 'index']

/** Compile `sources`. Throws on a template syntax error or a missing layout (a designer's error). */
export function compileTemplates(sources: TemplateSources): Templates {
  const handlebars = Handlebars.create()
  for (const [name, source] of Object.entries(sources.partials)) {
    handlebars.registerPartial(name, handlebars.compile(parseOnce(handlebars, source), compileOptions))
  }
  const layouts = new Map<string, HandlebarsTemplateDelegate>()
  for (const name of requiredLayouts) {
    if (sources.layouts[name] === undefined) throw new Error(`Missing layout \`layouts/${name}.hbs\` in templates`)
  }
  for (const [name, source] of Object.entries(sources.layouts)) {
    const template = handlebars.compile(parseOnce(handlebars, source), compileOptions)
    layouts.set(name, template)
  }
  const labels = new Map<string, Record<string, string>>()
  for (const [locale, source] of Object.entries(sources.labels)) {
    const data: unknown = parseYaml(source)
    if (data === null || typeof data !== 'object') throw new Error(`Labels \`labels/${locale}.yaml\` must be a map of key: text`)
    labels.set(locale, Object.fromEntries(Object.entries(data).map(([k, v]) => [k, String(v)])))
  }
  const fallback = labels.get('en-US') ?? {}
  return {
    key: cacheKey('templates', sources),
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
 * Parse now, so a designer's typo fails before any rendering (Handlebars compiles lazily, on first
 * use), and hand the syntax tree to `compile` so the template is not parsed a second time. The tree
 * is the unprocessed one: `compile` applies whitespace control itself.
 */
function parseOnce(handlebars: typeof Handlebars, source: string): hbs.AST.Program {
  return handlebars.parseWithoutProcessing(source)
}
