/* policypress — diff-nav.js
 * Previous / next change buttons for the portal redline page (layouts/diff.hbs).
 * No dependencies, no inline handlers, no eval: works under CSP `script-src 'self'`.
 * Without it the page is complete: the toolbar stays hidden and the
 * "跳到第一处修改" link (#change-1) and the section links still work.
 *
 * Expects (looked up by id; the script does nothing if one is missing or there is no change):
 *   #pp-change-nav     <nav hidden data-counter="第 {current} / {total} 处" data-total="共 {total} 处修改">
 *   #pp-change-prev    <button type="button">
 *   #pp-change-next    <button type="button">
 *   #pp-change-status  visible position text (updated while scrolling; not a live region)
 *   #pp-change-live    visually hidden, aria-live="polite": announced only after a button or shortcut
 *   .diff [data-change]  the changes, in reading order (src/diff/html.ts: id="change-N" data-change="N")
 *
 * "Previous" / "next" are relative to the scroll position: the change whose top is at (or just above)
 * the top of the viewport is the current one. Focus moves to the change (tabindex="-1") so screen readers
 * read it; while focus is on a change or in the toolbar, the keys n / p step too (no modifier keys).
 */
(function () {
  'use strict'

  function init() {
    var nav = document.getElementById('pp-change-nav')
    var prev = document.getElementById('pp-change-prev')
    var next = document.getElementById('pp-change-next')
    var status = document.getElementById('pp-change-status')
    var live = document.getElementById('pp-change-live')
    if (!nav || !prev || !next || !status) return

    var changes = Array.prototype.slice.call(document.querySelectorAll('.diff [data-change]'))
    var total = changes.length
    if (total === 0) return

    var counterTemplate = nav.getAttribute('data-counter') || '{current} / {total}'
    var totalTemplate = nav.getAttribute('data-total') || '{total}'
    var current = -1 // the change last moved to
    var moving = false // true from a move until its (smooth) scroll ends: trust `current`
    var movingTimer = 0
    var frame = 0
    var announceTimer = 0

    for (var i = 0; i < total; i++) {
      if (!changes[i].hasAttribute('tabindex')) changes[i].setAttribute('tabindex', '-1')
    }

    function fill(template, index) {
      return template.replace(/\{current\}/g, String(index + 1)).replace(/\{total\}/g, String(total))
    }

    function topMargin() {
      var value = parseFloat(window.getComputedStyle(changes[0]).scrollMarginTop)
      return isNaN(value) ? 0 : value
    }

    function bottomEdge() {
      var height = window.innerHeight || document.documentElement.clientHeight
      var bar = nav.getBoundingClientRect()
      return bar.height > 0 && bar.top < height ? bar.top : height
    }

    /** Index of the change at the reading position: the last one whose top is at or above the line. */
    function position() {
      var line = topMargin() + 8
      var found = -1
      for (var i = 0; i < total; i++) {
        if (changes[i].getBoundingClientRect().top <= line) found = i
        else break
      }
      if (moving) return current
      // The last changes may never reach the top (end of page): keep the one we moved to while it shows.
      if (current > found) {
        var rect = changes[current].getBoundingClientRect()
        if (rect.bottom > 0 && rect.top < bottomEdge()) found = current
      }
      return found
    }

    /** Targets of the two buttons from the reading position; -1 where there is none. */
    function targets() {
      var at = position()
      var back = at - 1
      // Scrolled into the middle of a change (its start is above the line): "previous" returns to its start.
      if (at >= 0 && !moving && changes[at].getBoundingClientRect().top < topMargin() - 2) back = at
      return {at: at, back: back, forward: at + 1 < total ? at + 1 : -1}
    }

    function setDisabled(button, disabled) {
      if (disabled) button.setAttribute('aria-disabled', 'true')
      else button.removeAttribute('aria-disabled')
    }

    function render(announce) {
      var t = targets()
      var text = t.at < 0 ? fill(totalTemplate, -1) : fill(counterTemplate, t.at)
      if (status.textContent !== text) status.textContent = text
      setDisabled(prev, t.back < 0)
      setDisabled(next, t.forward < 0)
      if (announce && live) {
        // Clear first so the same text is announced again.
        live.textContent = ''
        window.clearTimeout(announceTimer)
        announceTimer = window.setTimeout(function () {
          live.textContent = text
        }, 60)
      }
    }

    function go(index) {
      if (index < 0 || index >= total) return
      var target = changes[index]
      current = index
      settle(1500)
      try {
        target.focus({preventScroll: true})
      } catch (error) {
        target.focus()
      }
      // Smooth or not follows the page's scroll-behavior (base.css honours prefers-reduced-motion).
      if (target.scrollIntoView) target.scrollIntoView({block: 'start'})
      render(true)
    }

    /** Trust `current` until the scroll that a move started has ended (or `ms` passed without one). */
    function settle(ms) {
      moving = true
      window.clearTimeout(movingTimer)
      movingTimer = window.setTimeout(function () {
        moving = false
        render(false)
      }, ms)
    }

    function step(forward) {
      var t = targets()
      go(forward ? t.forward : t.back)
    }

    prev.addEventListener('click', function () {
      if (prev.getAttribute('aria-disabled') !== 'true') step(false)
    })
    next.addEventListener('click', function () {
      if (next.getAttribute('aria-disabled') !== 'true') step(true)
    })

    // n / p only while focus is in the toolbar or on the redline (WCAG 2.1.4: no page-wide single-key shortcuts).
    var body = changes[0].closest ? changes[0].closest('.diff') : null
    document.addEventListener('keydown', function (event) {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return
      var key = event.key
      if (key !== 'n' && key !== 'p' && key !== 'N' && key !== 'P') return
      var target = event.target
      if (!target || !(nav.contains(target) || (body && body.contains(target)))) return
      if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return
      event.preventDefault()
      step(key === 'n' || key === 'N')
    })

    // Following #change-N (the first-change link, "移自 #…" links) sets the position too.
    window.addEventListener('hashchange', function () {
      var id = decodeURIComponent(window.location.hash.slice(1))
      for (var i = 0; i < total; i++) {
        if (changes[i].id === id) {
          current = i
          settle(1000)
          break
        }
      }
      render(false)
    })

    window.addEventListener(
      'scroll',
      function () {
        if (frame) return
        frame = window.requestAnimationFrame(function () {
          frame = 0
          render(false)
        })
      },
      {passive: true}
    )
    window.addEventListener('scrollend', function () {
      if (!moving) return
      moving = false
      window.clearTimeout(movingTimer)
      render(false)
    })
    window.addEventListener('resize', function () {
      render(false)
    })

    nav.hidden = false
    document.documentElement.classList.add('pp-has-change-nav')
    render(false)
  }

  function safeInit() {
    try {
      init()
    } catch (error) {
      // Never break the page: without the script it is complete.
    }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', safeInit)
  else safeInit()
})()
