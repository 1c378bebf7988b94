/**
 * The preview's phone page: every in-app page inside a phone-sized frame, as users see it in the app.
 */
import {escapeHtml} from '../render/html.js'

/** Path of the phone page. */
export const phonePath = '/__policypress/phone'

/** The phone page for the in-app pages `pages` (output paths such as `app/privacy/zh-CN.html`). */
export function phonePage(pages: string[], selected: string | undefined): string {
  const current = selected && pages.includes(selected) ? selected : pages[0] ?? ''
  const options = pages
    .map((page) => `<li><a href="${phonePath}?page=${encodeURIComponent(page)}"${page === current ? ' aria-current="page"' : ''}>${escapeHtml(page)}</a></li>`)
    .join('')
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>App 内预览 · policypress</title>
<style>
body{margin:0;font:15px/1.6 system-ui,"PingFang SC","Noto Sans CJK SC",sans-serif;background:#eef0f3;color:#1c1f24;display:flex;gap:24px;padding:24px;flex-wrap:wrap}
nav{min-width:220px}nav a{color:#1d56b0}nav a[aria-current]{font-weight:700}
.phone{width:375px;height:812px;border:12px solid #1c1f24;border-radius:40px;overflow:hidden;background:#fff;box-shadow:0 8px 32px rgba(0,0,0,.25)}
iframe{width:375px;height:812px;border:0}
</style></head>
<body>
<nav aria-label="App 内页面"><h1 style="font-size:18px">App 内预览</h1><ul>${options}</ul><p><a href="/">门户首页</a></p></nav>
<div class="phone"><iframe title="App 内页面预览" src="/${escapeHtml(current)}"></iframe></div>
</body></html>
`
}
