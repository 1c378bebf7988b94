/**
 * `policypress dev`: the legal team's live preview. Builds in memory, serves the portal, the in-app
 * pages in a phone frame, the lists and the diff against the last published version, and reloads the
 * browser on every save. A content error never stops it: the page shows the problems and the last
 * good build stays reachable.
 */
import http from 'node:http'
import path from 'node:path'
import {watch, type FSWatcher} from 'chokidar'
import {render, type BuildOptions} from '../pipeline.js'
import {compileTemplates, type Templates} from '../render/templates.js'
import {loadTemplates, defaultTemplatesDir} from '../load/templates.js'
import {messageRecords, type MessageRecord} from '../report/format.js'
import {defaultArchive} from '../versions/freeze.js'
import type {ReleaseCache} from '../versions/releases.js'
import {memoryCache} from '../cache/store.js'
import {clientPath, clientScript, eventsPath, statusPath} from './client.js'
import {injectClient} from './inject.js'
import {phonePage, phonePath} from './phone.js'
import {contentTypes} from '../serve/local.js'

/** Options of the preview server. */
export interface DevServerOptions extends BuildOptions {
  /** Port to listen on (default 4321; 0 picks a free one). */
  port?: number | undefined
  /** Wait this long after a change for more before rebuilding (default 20 ms: an editor's save is one or two events close together). */
  debounceMs?: number | undefined
  /** Folder paths in problems are shown relative to this (default `process.cwd()`). */
  cwd?: string | undefined
  /** Called after each rebuild that a change started (not the first), e.g. to say so in the terminal. */
  onBuild?: ((state: BuildState) => void) | undefined
}

/** What the browser is told after each build. */
export interface BuildState {
  /** Counts successful builds; a page reloads when it changes. */
  build: number
  ok: boolean
  title: string
  problems: MessageRecord[]
  /** Milliseconds the last build took. */
  duration: number
}

/** A running preview server. */
export interface DevServer {
  /** `http://127.0.0.1:<port>/`. */
  url: string
  /** The state of the last build. */
  state(): BuildState
  /** Rebuild now (also runs on every change). */
  rebuild(): Promise<BuildState>
  /** Stop watching and serving. */
  close(): Promise<void>
}

/** Start the preview server on 127.0.0.1. */
export async function startDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  const content = path.resolve(options.content ?? 'content')
  const cwd = options.cwd ?? process.cwd()
  const cache: ReleaseCache = new Map()
  // Pages of published versions and of unchanged drafts are rendered once per session.
  const store = memoryCache()
  let templates: Templates | undefined
  let files = new Map<string, string>()
  let state: BuildState = {build: 0, ok: false, title: '', problems: [], duration: 0}
  const clients = new Set<http.ServerResponse>()

  const broadcast = () => {
    const data = `event: build\ndata: ${JSON.stringify(state)}\n\n`
    for (const client of clients) client.write(data)
  }

  let running: Promise<BuildState> | undefined
  let again = false
  /** Rebuilds done; the first is the start-up build, which the caller reports itself. */
  let rebuilds = 0
  const rebuild = async (): Promise<BuildState> => {
    if (running) {
      again = true
      return running
    }
    running = (async () => {
      do {
        again = false
        await buildOnce()
      } while (again)
      running = undefined
      broadcast()
      if (++rebuilds > 1) options.onBuild?.(state)
      return state
    })()
    return running
  }

  async function buildOnce(): Promise<void> {
    const started = performance.now()
    try {
      templates ??= compileTemplates(await loadTemplates(options.templates), store)
      const result = await render({...options, content, draftIsCurrent: true, cache: store}, templates, cache)
      const problems = messageRecords(result.files, cwd)
      if (result.ok) {
        files = new Map(result.written.map((file) => [file.path, file.contents]))
        state = {build: state.build + 1, ok: true, title: '', problems, duration: performance.now() - started}
      } else {
        state = {...state, ok: false, title: titleFor(state.build), problems, duration: performance.now() - started}
      }
    } catch (error) {
      // A broken template or settings file is shown like a content problem; the server keeps running.
      templates = undefined
      const message = error instanceof Error ? error.message : String(error)
      state = {
        ...state,
        ok: false,
        title: titleFor(state.build),
        problems: [{file: 'policypress', line: 1, column: 1, severity: 'error', message, ruleId: undefined, source: 'policypress', hint: undefined}],
        duration: performance.now() - started
      }
    }
  }

  await rebuild()

  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    if (url.pathname === eventsPath) {
      response.writeHead(200, {'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive'})
      response.write(`event: build\ndata: ${JSON.stringify(state)}\n\n`)
      clients.add(response)
      request.on('close', () => clients.delete(response))
      return
    }
    if (url.pathname === statusPath) return send(response, 200, '.json', JSON.stringify(state))
    if (url.pathname === clientPath) return send(response, 200, '.js', clientScript)
    // Browsers ask for it on every new tab; a 404 would be an error in the console each time.
    if (url.pathname === '/favicon.ico' && !files.has('favicon.ico')) {
      response.writeHead(204)
      response.end()
      return
    }
    if (url.pathname === phonePath) {
      const pages = [...files.keys()].filter((file) => file.startsWith('app/') && file.endsWith('.html') && !file.includes('/diff/')).sort()
      return send(response, 200, '.html', phonePage(pages, url.searchParams.get('page') ?? undefined))
    }
    let file = decodeURIComponent(url.pathname).replace(/^\/+/, '')
    if (file === '' || file.endsWith('/')) file += 'index.html'
    const body = files.get(file)
    // The preview shows the draft on the main pages, so it has no `draft/` copies; history and diff
    // pages still link there (as a built site needs). Send those links to the main page.
    const main = file.replace(/(^|\/)draft\//, '$1')
    if (body === undefined && main !== file && files.has(main)) {
      response.writeHead(302, {location: `/${encodeURI(main)}${url.search}`})
      response.end()
      return
    }
    if (body === undefined) {
      const missing = state.build === 0 ? problemsPage(state) : `<!doctype html><meta charset="utf-8"><title>404</title><p>Not found: ${escape(file)}</p><p><a href="/">Home</a></p>`
      return send(response, state.build === 0 ? 503 : 404, '.html', injectClient(missing))
    }
    const extension = path.extname(file)
    send(response, 200, extension, extension === '.html' ? injectClient(body) : body)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 4321, '127.0.0.1', () => resolve())
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : options.port ?? 4321

  let timer: NodeJS.Timeout | undefined
  const watched = [content, defaultArchive(content, options.archive), options.templates ?? defaultTemplatesDir]
  // Hidden files (editor swap files, staging folders) never change what is built.
  const watcher: FSWatcher = watch(watched, {ignoreInitial: true, ignored: (file) => path.basename(file).startsWith('.')})
  watcher.on('all', (_event, changed) => {
    if (changed.startsWith(path.resolve(options.templates ?? defaultTemplatesDir))) templates = undefined
    clearTimeout(timer)
    timer = setTimeout(() => void rebuild(), options.debounceMs ?? 20)
  })
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()))

  return {
    url: `http://127.0.0.1:${port}/`,
    state: () => state,
    rebuild,
    async close() {
      clearTimeout(timer)
      for (const client of clients) client.end()
      await watcher.close()
      // Close every connection now, not after the server stops: a page's reload client reconnects at
      // once, and its open event stream would keep `close` waiting for ever.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeAllConnections()
      await closed
    }
  }
}

function send(response: http.ServerResponse, status: number, extension: string, body: string): void {
  response.writeHead(status, {'Content-Type': contentTypes[extension] ?? 'application/octet-stream', 'Cache-Control': 'no-store'})
  response.end(body)
}

function titleFor(lastGood: number): string {
  return lastGood > 0
    ? '内容有错误，页面显示的是上一次成功的构建 · Content has errors; showing the last good build'
    : '内容有错误，尚无可显示的构建 · Content has errors; nothing could be built yet'
}

function problemsPage(state: BuildState): string {
  const items = state.problems.map((p) => `<li>${escape(`${p.file}:${p.line}:${p.column}  ${p.message}`)}</li>`).join('')
  return `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>policypress</title><body><h1>${escape(state.title)}</h1><ul>${items}</ul></body></html>`
}

function escape(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
