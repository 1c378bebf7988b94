/* policypress — list-filter.js
 * Optional filter for portal list pages (layouts/list.hbs). No dependencies,
 * no inline handlers, no eval: works under CSP `script-src 'self'`.
 * Without it the page is complete: every row is shown and the filter stays hidden.
 *
 * Expects (all looked up by id; the script does nothing if one is missing):
 *   #pp-list-filter  wrapper of the <label> + <input>, initially [hidden]
 *   #pp-list-q       <input type="search">
 *   #pp-list-table   <table data-no-match="…"> with one <tbody>
 *   #pp-list-count   count text, aria-live="polite", data-filtered="… {shown} … {total} …"
 */
(function () {
  'use strict'

  function init() {
    var box = document.getElementById('pp-list-filter')
    var input = document.getElementById('pp-list-q')
    var table = document.getElementById('pp-list-table')
    var count = document.getElementById('pp-list-count')
    if (!box || !input || !table || !table.tBodies || !table.tBodies[0]) return

    var body = table.tBodies[0]
    var rows = []
    for (var i = 0; i < body.rows.length; i++) {
      rows.push({el: body.rows[i], text: normalize(body.rows[i].textContent)})
    }
    var total = rows.length
    var initialCount = count ? count.textContent : ''
    var template = (count && count.getAttribute('data-filtered')) || '{shown} / {total}'
    var noMatch = null
    var announceTimer = 0

    function normalize(value) {
      var text = String(value || '')
      if (text.normalize) text = text.normalize('NFKC') // full-width Ａ１ → A1
      return text.toLowerCase().replace(/\s+/g, ' ')
    }

    function noMatchRow() {
      if (noMatch) return noMatch
      var columns = table.tHead && table.tHead.rows[0] ? table.tHead.rows[0].cells.length : 1
      noMatch = document.createElement('tr')
      noMatch.className = 'list-nomatch'
      noMatch.setAttribute('role', 'row')
      var cell = document.createElement('td')
      cell.setAttribute('role', 'cell')
      cell.colSpan = columns || 1
      cell.textContent = table.getAttribute('data-no-match') || '—'
      noMatch.appendChild(cell)
      noMatch.hidden = true
      body.appendChild(noMatch)
      return noMatch
    }

    function setCount(text) {
      if (!count) return
      // Debounced so screen readers hear the result once typing pauses, not every keystroke.
      clearTimeout(announceTimer)
      announceTimer = setTimeout(function () {
        if (count.textContent !== text) count.textContent = text
      }, 350)
    }

    function apply() {
      var terms = normalize(input.value).split(' ').filter(function (term) { return term !== '' })
      var shown = 0
      for (var i = 0; i < rows.length; i++) {
        var row = rows[i]
        var match = true
        for (var t = 0; t < terms.length && match; t++) match = row.text.indexOf(terms[t]) !== -1
        row.el.hidden = !match
        if (match) shown++
      }
      if (terms.length === 0) {
        if (noMatch) noMatch.hidden = true
        setCount(initialCount)
      } else {
        noMatchRow().hidden = shown !== 0
        setCount(template.replace('{shown}', String(shown)).replace('{total}', String(total)))
      }
    }

    // A #id link to a row the filter hides: clear the filter and show the row.
    function revealTarget() {
      var id = location.hash.slice(1)
      try { id = decodeURIComponent(id) } catch (error) { /* keep it raw */ }
      var target = id ? document.getElementById(id) : null
      if (target && target.hidden && body.contains(target)) {
        input.value = ''
        apply()
        target.scrollIntoView()
      }
    }

    input.addEventListener('input', apply)
    input.addEventListener('search', apply)
    input.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && input.value !== '') {
        input.value = ''
        apply()
      }
    })
    window.addEventListener('hashchange', revealTarget)
    // Print shows every row (lists.css), so the count must say so too.
    window.addEventListener('beforeprint', function () {
      clearTimeout(announceTimer)
      if (count) count.textContent = initialCount
    })
    window.addEventListener('afterprint', apply)

    box.hidden = false
    input.hidden = false
    if (input.value) apply() // value restored by the browser (back/forward)
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init)
  } else {
    init()
  }
})()
