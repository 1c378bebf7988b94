/**
 * A server on 127.0.0.1 at a free port, for what policypress shows in a browser on this machine: the
 * preview, the pages Chromium prints, and the pages tests open.
 */
import http from 'node:http'
import path from 'node:path'
import type {AddressInfo} from 'node:net'

/** Content types of the files a build writes. */
export const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml'
}

/** The content type of `file` by its extension. */
export function contentTypeOf(file: string): string {
  return contentTypes[path.extname(file)] ?? 'application/octet-stream'
}

/** A running local server. */
export interface LocalServer {
  /** `http://127.0.0.1:<port>/` */
  url: string
  server: http.Server
  /** Stop, closing open connections (event streams too). */
  close(): Promise<void>
}

/** Listen with `handler` on 127.0.0.1 (`port` 0: any free port). */
export async function listenLocally(handler: http.RequestListener, port = 0): Promise<LocalServer> {
  const server = http.createServer(handler)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  const address = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${address.port}/`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}
