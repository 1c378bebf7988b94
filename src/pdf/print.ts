/**
 * Print one version of a policy to PDF, for the record: the portal page rendered in memory, served
 * from a temporary server on 127.0.0.1, printed by Chromium through the portal's print stylesheet
 * (A4, with the title, version and dates on every page and page numbers), fonts embedded.
 */
import {render, type BuildOptions, type BuildResult} from '../pipeline.js'
import {compileTemplates} from '../render/templates.js'
import {loadTemplates} from '../load/templates.js'
import type {ReleaseCache} from '../versions/releases.js'
import type {OutputFile} from '../render/site.js'
import {contentTypeOf, listenLocally} from '../serve/local.js'
import {findChromium, launchChromium} from './chromium.js'
import {footerTemplate, headerTemplate, pdfMargins} from './header.js'
import {draftVersion, selectTarget, type PrintRequest, type PrintTarget} from './select.js'

/** Options of `printPdf`. */
export interface PrintOptions extends PrintRequest, Pick<BuildOptions, 'content' | 'archive' | 'templates'> {
  /** Environment to look up `$POLICYPRESS_CHROMIUM` in (default `process.env`). */
  env?: NodeJS.ProcessEnv | undefined
}

/** The outcome: the PDF, or the content's problems. */
export type PrintResult =
  | {ok: true; pdf: Buffer; target: PrintTarget; result: BuildResult; warnings: string[]}
  | {ok: false; result: BuildResult}

/** Scripts the portal printing needs none of; scripts that filter or scroll are left out of the record. */
const blockedTypes = new Set(['script', 'websocket', 'eventsource', 'fetch', 'xhr'])

/** Render the site in memory and print the selected version's portal page. */
export async function printPdf(options: PrintOptions): Promise<PrintResult> {
  // Fail fast, before rendering, when Chromium is missing.
  const executable = await findChromium(options.env)
  const templates = compileTemplates(await loadTemplates(options.templates))
  const cache: ReleaseCache = new Map()
  const result = await render({content: options.content, archive: options.archive, templates: options.templates}, templates, cache)
  if (!result.ok) return {ok: false, result}
  const target = await selectTarget(result, options, cache)
  const labels = templates.labels(target.document.locale)
  const running = {
    lang: target.document.locale,
    title: target.document.title,
    siteTitle: result.project.site.title,
    version: target.document.version,
    updated: target.document.updated,
    effective: target.document.effective,
    status: target.status === 'draft' ? labels['draft'] ?? 'Draft' : '',
    labels
  }

  const server = await serveFiles(result.written)
  const browser = await launchChromium(executable)
  try {
    const context = await browser.newContext({javaScriptEnabled: false, locale: target.document.locale})
    const page = await context.newPage()
    await page.route('**/*', (route) => (blockedTypes.has(route.request().resourceType()) || !route.request().url().startsWith(server.url) ? route.abort() : route.fallback()))
    await page.emulateMedia({media: 'print', colorScheme: 'light'})
    const response = await page.goto(server.url + encodeURI(target.page), {waitUntil: 'load'})
    if (!response || !response.ok()) throw new Error(`Could not load ${target.page} (HTTP ${response?.status() ?? 'error'})`)
    await page.evaluate('document.fonts.ready.then(() => true)')
    const warnings = [...target.notes, ...(await fontWarnings(page, target.document.locale))]
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: headerTemplate(running),
      footerTemplate: footerTemplate(running),
      margin: pdfMargins,
      preferCSSPageSize: false,
      outline: true,
      tagged: true
    })
    await context.close()
    return {ok: true, pdf, target, result, warnings}
  } finally {
    await browser.close()
    await server.close()
  }
}

/** The default file name: `<doc>-<locale>-<version>.pdf`, `-draft` added for the working copy. */
export function defaultPdfName(target: PrintTarget): string {
  const version = target.status === 'draft' ? `${target.version || draftVersion}-${draftVersion}` : target.version
  const name = `${target.document.id}-${target.document.locale}-${version}`.replace(/[^\p{L}\p{N}._-]+/gu, '_')
  return `${name}.pdf`
}

/** Warn when a CJK page is set in a font without CJK glyphs (the PDF would show boxes). */
async function fontWarnings(page: import('playwright-core').Page, locale: string): Promise<string[]> {
  if (!/^(zh|ja|ko)\b/i.test(locale)) return []
  const cdp = await page.context().newCDPSession(page)
  try {
    const {root} = await cdp.send('DOM.getDocument', {depth: 0})
    const {nodeId} = await cdp.send('DOM.querySelector', {nodeId: root.nodeId, selector: 'h1'})
    if (!nodeId) return []
    await cdp.send('CSS.enable')
    const {fonts} = await cdp.send('CSS.getPlatformFontsForNode', {nodeId})
    const cjk = fonts.some((font) => font.glyphCount > 0 && /CJK|Han|Hei|Song|Ming|Kai|Gothic|PingFang|YaHei|Noto Sans (SC|TC|JP|KR)/i.test(font.familyName))
    return cjk ? [] : [`No CJK font found (used: ${fonts.map((f) => f.familyName).join(', ') || 'none'}); Chinese may print as boxes. Install one: sudo apt-get install fonts-noto-cjk`]
  } catch {
    return []
  } finally {
    await cdp.detach().catch(() => undefined)
  }
}

/** Serve rendered files from memory on 127.0.0.1 (a random free port) until closed. */
async function serveFiles(files: OutputFile[]): Promise<{url: string; close(): Promise<void>}> {
  const byPath = new Map(files.map((file) => [file.path, file.contents]))
  return listenLocally((request, response) => {
    let file = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname).replace(/^\/+/, '')
    if (file === '' || file.endsWith('/')) file += 'index.html'
    const body = byPath.get(file)
    response.writeHead(body === undefined ? 404 : 200, {'Content-Type': contentTypeOf(file)})
    response.end(body ?? 'Not found')
  })
}
