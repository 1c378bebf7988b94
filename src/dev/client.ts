/**
 * The script the preview injects into every page: reload on a new build, show problems on a failed one.
 * Served from the preview server only; never part of `dist/`.
 */

/** Path the client script is served at. */
export const clientPath = '/__policypress/client.js'
/** Path of the server-sent events stream. */
export const eventsPath = '/__policypress/events'
/** Path of the current build state as JSON. */
export const statusPath = '/__policypress/status'

/** The client script source. Text from content is only ever set with `textContent`. */
export const clientScript = `(() => {
  'use strict'
  const overlayId = 'policypress-overlay'
  function showProblems(state) {
    let overlay = document.getElementById(overlayId)
    // Errors keep the last good page under a red bar; warnings (the page is current) get a calmer one.
    const warningsOnly = state && state.ok && state.problems.length > 0
    if (!state || (state.ok && !warningsOnly)) { if (overlay) overlay.remove(); return }
    if (!overlay) {
      overlay = document.createElement('div')
      overlay.id = overlayId
      document.body.appendChild(overlay)
    }
    overlay.setAttribute('role', warningsOnly ? 'status' : 'alert')
    overlay.dataset.kind = warningsOnly ? 'warnings' : 'errors'
    overlay.style.cssText = 'position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;font:14px/1.6 ui-monospace,Menlo,Consolas,monospace;padding:12px 16px;box-shadow:0 -4px 16px rgba(0,0,0,.2);' +
      (warningsOnly ? 'background:#fffbeb;color:#3b2a00;border-top:4px solid #b58100' : 'background:#fff8f6;color:#2b0b06;border-top:4px solid #b3261e')
    overlay.textContent = ''
    const title = document.createElement('strong')
    title.textContent = warningsOnly ? '警告 / ' + state.problems.length + ' warning' + (state.problems.length === 1 ? '' : 's') + ' (the page is up to date)' : state.title
    overlay.appendChild(title)
    const list = document.createElement('ul')
    list.style.cssText = 'margin:8px 0 0;padding-left:20px'
    for (const problem of state.problems) {
      const item = document.createElement('li')
      item.className = 'policypress-problem'
      item.textContent = problem.file + ':' + problem.line + ':' + problem.column + '  ' + problem.severity + '  ' + problem.message + '  ' + (problem.ruleId || '')
      if (problem.hint) {
        // What to do about it, as \`check\` prints under each message.
        const hint = document.createElement('div')
        hint.className = 'policypress-hint'
        hint.style.cssText = 'opacity:.8;font-size:13px'
        hint.textContent = 'hint: ' + problem.hint
        item.appendChild(hint)
      }
      list.appendChild(item)
    }
    overlay.appendChild(list)
  }
  let build = null
  fetch(${JSON.stringify(statusPath)}).then((r) => r.json()).then((state) => { build = state.build; showProblems(state) }).catch(() => {})
  const events = new EventSource(${JSON.stringify(eventsPath)})
  events.addEventListener('build', (event) => {
    const state = JSON.parse(event.data)
    if (state.ok && build !== null && state.build !== build) { location.reload(); return }
    build = state.ok ? state.build : build
    showProblems(state)
  })
})()
`
