/**
 * Turn built pages into preview pages: add the reload client and relax the in-app page's
 * Content-Security-Policy just enough for it (the built files themselves are never changed).
 */
import {clientPath} from './client.js'

const cspMeta = /<meta http-equiv="Content-Security-Policy" content="[^"]*">/i
const previewCsp = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'">`

/** The preview version of an HTML page. */
export function injectClient(html: string): string {
  const withCsp = html.replace(cspMeta, previewCsp)
  const tag = `<script src="${clientPath}" defer></script>`
  return withCsp.includes('</body>') ? withCsp.replace('</body>', `${tag}\n</body>`) : `${withCsp}\n${tag}`
}
