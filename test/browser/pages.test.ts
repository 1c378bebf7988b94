/**
 * The built site in a real browser, as users see it (served over HTTP by a local server): the in-app
 * page on a phone, the portal, the lists and the redline; axe-core on every page type; a screenshot of
 * each on a phone and a desktop into the git-ignored `screenshots/` folder for review.
 */
import {after, before, describe, test, type TestContext} from 'node:test'
import assert from 'node:assert/strict'
import type {Browser, Page} from 'playwright-core'
import {diffDocuments, documentFromMarkdown, renderDiffPage} from '../../src/diff/index.js'
import {
  buildSite,
  describeViolations,
  desktop,
  launch,
  luminance,
  openPage,
  pages,
  phone,
  screenshot,
  seriousViolations,
  settleAll,
  skipReason,
  testTimeout,
  type PageType,
  type Site
} from './helpers.js'

// Page functions run in the browser; the project's type-check has no DOM library.
declare const document: any
declare const window: any
declare const location: any
declare const getComputedStyle: any

let site: Site
let browser: Browser

before(async () => {
  if (skipReason) return
  await settleAll<[Site, Browser]>([buildSite(), launch()], ([built, launched]) => {
    site = built!
    browser = launched!
  })
})

after(async () => {
  await browser?.close()
  await site?.close()
})

/** A test that skips, saying why, where Chromium is missing. */
function it(name: string, fn: (t: TestContext) => Promise<void>) {
  test(name, {timeout: testTimeout}, async (t) => {
    if (skipReason) {
      t.skip(skipReason)
      return
    }
    await fn(t)
  })
}

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth as number)

/** Wait until the element with `id` is in the viewport and the URL ends in `#id`. */
async function waitForJump(page: Page, id: string): Promise<void> {
  await page.waitForFunction(
    (target: string) => {
      const element = document.getElementById(target)
      if (!element || decodeURIComponent(location.hash) !== `#${target}`) return false
      const rect = element.getBoundingClientRect()
      return rect.top >= -1 && rect.top < window.innerHeight && rect.bottom > 0
    },
    id,
    {timeout: 5000}
  )
}

describe('in-app page on a 375×812 phone', () => {
  it('does not scroll sideways, even with the table of contents open', async () => {
    const page = await openPage(browser, site.href('inApp'), {viewport: phone, isMobile: true, hasTouch: true})
    try {
      assert.ok((await pageWidth(page)) <= phone.width, `page is ${await pageWidth(page)}px wide`)
      await page.locator('details.toc summary').click()
      assert.ok((await pageWidth(page)) <= phone.width, `page with the TOC open is ${await pageWidth(page)}px wide`)
    } finally {
      await page.context().close()
    }
  })

  it('renders Chinese with a CJK font, not boxes', async () => {
    const page = await openPage(browser, site.href('inApp'), {viewport: phone})
    try {
      const cdp = await page.context().newCDPSession(page)
      const {root} = await cdp.send('DOM.getDocument', {depth: 0})
      await cdp.send('CSS.enable')
      for (const selector of ['.prose p', 'h1', '.prose h2']) {
        const {nodeId} = await cdp.send('DOM.querySelector', {nodeId: root.nodeId, selector})
        assert.ok(nodeId, `no ${selector}`)
        const {fonts} = await cdp.send('CSS.getPlatformFontsForNode', {nodeId})
        const cjk = fonts.filter((font) => /CJK|Han|Hei|Song|PingFang|Noto Sans SC/.test(font.familyName) && font.glyphCount > 0)
        assert.ok(cjk.length > 0, `${selector} is drawn with ${JSON.stringify(fonts)}`)
      }
    } finally {
      await page.context().close()
    }
  })

  it('opens the table of contents and jumps to a section', async () => {
    const page = await openPage(browser, site.href('inApp'), {viewport: phone, isMobile: true, hasTouch: true})
    try {
      const toc = page.locator('details.toc')
      assert.equal(await toc.evaluate((element: any) => element.open), false, 'the TOC starts closed')
      await page.locator('details.toc summary').click()
      assert.equal(await toc.evaluate((element: any) => element.open), true, 'the TOC opens')
      const link = page.locator('details.toc a[href="#rights"]')
      assert.ok(await link.isVisible(), 'the link to 四、您的权利 shows')
      await link.click()
      await waitForJump(page, 'rights')
      // A nested entry too.
      await page.evaluate(() => window.scrollTo(0, 0))
      await page.locator('details.toc a[href="#sharing-1-2"]').click()
      await waitForJump(page, 'sharing-1-2')
    } finally {
      await page.context().close()
    }
  })

  it('follows the dark colour scheme', async () => {
    const page = await openPage(browser, site.href('inApp'), {viewport: phone})
    try {
      const colors = () => page.evaluate(() => ({background: getComputedStyle(document.body).backgroundColor as string, text: getComputedStyle(document.body).color as string}))
      await page.emulateMedia({colorScheme: 'light'})
      const light = await colors()
      assert.ok(luminance(light.background) > 0.7, `light background ${light.background}`)
      await page.emulateMedia({colorScheme: 'dark'})
      const dark = await colors()
      assert.ok(luminance(dark.background) < 0.05, `dark background ${dark.background}`)
      assert.ok(luminance(dark.text) > 0.5, `dark-mode text ${dark.text}`)
    } finally {
      await page.context().close()
    }
  })
})

describe('portal page', () => {
  it('has a permalink on every heading that sets the address to its section', async () => {
    const page = await openPage(browser, site.href('portal'))
    try {
      const links = await page.evaluate(() =>
        [...document.querySelectorAll('.prose a.permalink')].map((a: any) => ({href: a.getAttribute('href'), heading: a.parentElement.id, tag: a.parentElement.tagName}))
      )
      assert.ok(links.length >= 10, `${links.length} permalinks`)
      for (const link of links) {
        assert.match(link.tag, /^H[2-6]$/)
        assert.equal(link.href, `#${link.heading}`)
      }
      const heading = page.locator('h3#sharing-2')
      await heading.hover()
      await heading.locator('a.permalink').click()
      await waitForJump(page, 'sharing-2')
      assert.equal(new URL(page.url()).hash, '#sharing-2')
    } finally {
      await page.context().close()
    }
  })

  it('jumps from the sidebar table of contents on a wide screen', async () => {
    const page = await openPage(browser, site.href('portal'), {viewport: desktop})
    try {
      assert.ok(await page.locator('.toc--sidebar').isVisible(), 'the sidebar TOC shows at 1280px')
      await page.locator('.toc--sidebar a[href="#contact"]').click()
      await waitForJump(page, 'contact')
      await page.locator('.toc--sidebar a[href="#collection-1-5"]').click()
      await waitForJump(page, 'collection-1-5')
    } finally {
      await page.context().close()
    }
  })

  it('jumps from the collapsible table of contents on a phone, without sideways scrolling', async () => {
    const page = await openPage(browser, site.href('portal'), {viewport: phone, isMobile: true, hasTouch: true})
    try {
      assert.ok((await pageWidth(page)) <= phone.width, `page is ${await pageWidth(page)}px wide`)
      assert.equal(await page.locator('.toc--sidebar').isVisible(), false, 'no sidebar on a phone')
      await page.locator('details.toc summary').click()
      await page.locator('details.toc a[href="#security"]').click()
      await waitForJump(page, 'security')
    } finally {
      await page.context().close()
    }
  })

  it('prints without navigation', async () => {
    const page = await openPage(browser, site.href('portal'))
    try {
      const rendered = (selector: string) =>
        page.evaluate((s: string) => [...document.querySelectorAll(s)].map((element: any) => element.getClientRects().length > 0), selector)
      const navigation = ['.skip-link', '.site-header', '.site-nav', '.locales', '.toc--sidebar', '.portal__sidebar', '.back-to-top', '.site-footer']
      for (const selector of navigation) assert.ok((await rendered(selector)).some(Boolean), `${selector} shows on screen`)
      await page.emulateMedia({media: 'print'})
      for (const selector of [...navigation, 'details.toc']) {
        const shown = await rendered(selector)
        assert.ok(shown.length > 0 && shown.every((visible) => !visible), `${selector} is hidden in print`)
      }
      const display = await page.evaluate(() => ({skip: getComputedStyle(document.querySelector('.skip-link')).display, toc: getComputedStyle(document.querySelector('details.toc')).display}))
      assert.deepEqual(display, {skip: 'none', toc: 'none'})
      for (const selector of ['h1.doc-title', '.dates', '.prose', '.release-notice']) assert.ok((await rendered(selector)).every(Boolean), `${selector} prints`)
    } finally {
      await page.context().close()
    }
  })
})

describe('list pages', () => {
  it('show each row as a card on a phone, without sideways scrolling', async () => {
    const page = await openPage(browser, site.href('list'), {viewport: phone, isMobile: true, hasTouch: true})
    try {
      assert.ok((await pageWidth(page)) <= phone.width, `list page is ${await pageWidth(page)}px wide`)
      const row = await page.evaluate(() => {
        const tr = document.querySelector('#pp-list-table tbody tr')
        const td = tr.querySelector('td')
        return {row: getComputedStyle(tr).display, label: td.getAttribute('data-label'), before: getComputedStyle(td, '::before').content, width: tr.getBoundingClientRect().width}
      })
      assert.notEqual(row.row, 'table-row', 'rows are cards below 64em')
      assert.ok(row.label && row.before.includes(row.label), `each cell shows its column name (${row.before})`)
      assert.ok(row.width <= phone.width, `a card is ${row.width}px wide`)
      const inApp = await openPage(browser, site.href('listInApp'), {viewport: phone, isMobile: true})
      try {
        assert.ok((await pageWidth(inApp)) <= phone.width, `in-app list is ${await pageWidth(inApp)}px wide`)
        assert.ok((await inApp.locator('section.entry').count()) > 5)
      } finally {
        await inApp.context().close()
      }
    } finally {
      await page.context().close()
    }
  })

  it('are a table on a wide screen', async () => {
    const page = await openPage(browser, site.href('list'), {viewport: desktop})
    try {
      assert.ok((await pageWidth(page)) <= desktop.width, `list page is ${await pageWidth(page)}px wide`)
      assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('#pp-list-table tbody tr')).display), 'table-row')
    } finally {
      await page.context().close()
    }
  })

  it('filter rows as you type and restore them when cleared', async () => {
    const page = await openPage(browser, site.href('list'), {viewport: phone, isMobile: true, hasTouch: true})
    try {
      const input = page.locator('#pp-list-q')
      await input.waitFor({state: 'visible'})
      const count = page.locator('#pp-list-count')
      const initial = (await count.textContent())!.trim()
      const total = await page.locator('#pp-list-table tbody tr:not(.list-nomatch)').count()
      assert.ok(total > 5 && initial.includes(String(total)), `${initial} / ${total} rows`)
      const visibleRows = () =>
        page.evaluate(() => [...document.querySelectorAll('#pp-list-table tbody tr:not(.list-nomatch)')].filter((tr: any) => !tr.hidden).map((tr: any) => tr.textContent as string))

      await input.fill('微信')
      await page.waitForFunction((text: string) => document.getElementById('pp-list-count').textContent.trim() !== text, initial)
      const shown = await visibleRows()
      assert.ok(shown.length > 0 && shown.length < total, `${shown.length} of ${total} rows match 微信`)
      for (const row of shown) assert.match(row, /微信/)
      assert.match((await count.textContent())!, new RegExp(`${shown.length}\\D+${total}`))

      await input.fill('zzz-no-such-sdk')
      await page.locator('tr.list-nomatch').waitFor({state: 'visible'})
      assert.equal((await visibleRows()).length, 0)

      await input.fill('')
      await page.waitForFunction((text: string) => document.getElementById('pp-list-count').textContent.trim() === text, initial)
      assert.equal((await visibleRows()).length, total)
      assert.equal(await page.locator('tr.list-nomatch').isVisible(), false)
    } finally {
      await page.context().close()
    }
  })
})

describe('redline (diff) page', () => {
  it('marks insertions and deletions with more than colour', async () => {
    for (const [type, options] of [['diff', {viewport: desktop}], ['diffInApp', {viewport: phone}]] as const) {
      const page = await openPage(browser, site.href(type), options)
      try {
        for (const media of ['screen', 'print'] as const) {
          await page.emulateMedia({media})
          const marks = await page.evaluate(() =>
            [...document.querySelectorAll('.diff ins.diff-ins, .diff del.diff-del')].map((element: any) => ({
              tag: element.tagName,
              line: getComputedStyle(element).textDecorationLine as string,
              visible: element.getClientRects().length > 0 && element.textContent.trim() !== ''
            }))
          )
          const ins = marks.filter((mark) => mark.tag === 'INS')
          const del = marks.filter((mark) => mark.tag === 'DEL')
          assert.ok(ins.length > 0 && del.length > 0, `${type}: insertions and deletions`)
          for (const mark of ins) assert.ok(mark.visible && mark.line.includes('underline'), `${type} ${media}: <ins> ${JSON.stringify(mark)}`)
          for (const mark of del) assert.ok(mark.visible && mark.line.includes('line-through'), `${type} ${media}: <del> ${JSON.stringify(mark)}`)
        }
        if (type === 'diffInApp') assert.ok((await pageWidth(page)) <= phone.width, `in-app redline is ${await pageWidth(page)}px wide`)
      } finally {
        await page.context().close()
      }
    }
  })

  it('tells screen readers where each insertion and deletion starts and ends, without showing or copying it', async () => {
    const english = renderDiffPage(
      diffDocuments(
        documentFromMarkdown('---\nversion: 1\nlocale: en-US\n---\n\n## Sharing {#sharing}\n\nWe share your phone number with partners.\n', 'v1.md'),
        documentFromMarkdown('---\nversion: 2\nlocale: en-US\n---\n\n## Sharing {#sharing}\n\nWe share your device model with partners.\n', 'v2.md')
      )
    )
    const chinese = ['【新增开始】', '【新增结束】', '【删除开始】', '【删除结束】']
    const pages = [
      {name: 'diff', type: 'diff', words: chinese},
      {name: 'diffInApp', type: 'diffInApp', words: chinese},
      {name: 'policypress diff --format html, English', type: 'diff', html: english, words: ['[insertion start]', '[insertion end]', '[deletion start]', '[deletion end]']}
    ] as const
    for (const {name, type, words, ...rest} of pages) {
      // The standalone page is written into a portal page, so that page's CSP must not block its <style>.
      const page = await openPage(browser, site.href(type), {viewport: phone, bypassCSP: 'html' in rest})
      try {
        if ('html' in rest) await page.setContent(rest.html)
        const [insStart, insEnd, delStart, delEnd] = words.map((word) => word.replace(/[[\]]/g, '\\$&'))
        // What assistive technology gets: Chromium's accessibility tree, as Playwright reads it.
        const tree = await page.locator('.diff').first().ariaSnapshot()
        const insertions = tree.split('\n').filter((line) => /^\s*- insertion:/.test(line))
        const deletions = tree.split('\n').filter((line) => /^\s*- deletion:/.test(line))
        const counts = await page.evaluate(() => [document.querySelectorAll('.diff ins').length, document.querySelectorAll('.diff del').length] as number[])
        assert.ok(counts[0]! > 0 && counts[1]! > 0, `${name}: insertions and deletions`)
        assert.equal(insertions.length, counts[0], `${name}: every <ins> is in the tree`)
        assert.equal(deletions.length, counts[1], `${name}: every <del> is in the tree`)
        // The snapshot is YAML: a text starting with `[` is quoted.
        for (const line of insertions) assert.match(line, new RegExp(`insertion: "?${insStart} .+ ${insEnd}"?$`), name)
        for (const line of deletions) assert.match(line, new RegExp(`deletion: "?${delStart} .+ ${delEnd}"?$`), name)
        // Not shown (a 1-pixel clipped box), and not part of the text a reader selects and copies.
        const shown = await page.evaluate(() =>
          ['::before', '::after'].map((pseudo) => {
            const style = getComputedStyle(document.querySelector('.diff ins'), pseudo)
            return `${style.position} ${style.width} ${style.clipPath}`
          })
        )
        assert.deepEqual(shown, ['absolute 1px inset(50%)', 'absolute 1px inset(50%)'], name)
        const copied = await page.evaluate(() => {
          const selection = window.getSelection()
          selection.selectAllChildren(document.querySelector('.diff'))
          return selection.toString() as string
        })
        for (const word of words) assert.ok(!copied.includes(word), `${name}: ${word} is not copied`)
        assert.ok((await pageWidth(page)) <= phone.width, `${name}: nothing sticks out`)
      } finally {
        await page.context().close()
      }
    }
  })

  it('steps to the next and previous change', async () => {
    const page = await openPage(browser, site.href('diff'), {viewport: desktop})
    try {
      const nav = page.locator('#pp-change-nav')
      await nav.waitFor({state: 'visible'})
      const status = page.locator('#pp-change-status')
      const next = page.locator('#pp-change-next')
      const previous = page.locator('#pp-change-prev')
      const focused = () => page.evaluate(() => document.activeElement?.id as string | undefined)
      const inView = (id: string) =>
        page.waitForFunction((target: string) => {
          const rect = document.getElementById(target).getBoundingClientRect()
          return rect.top >= -1 && rect.top < window.innerHeight
        }, id)
      const before = (await status.textContent())!.trim()
      assert.match(before, /2/)

      await next.click()
      await inView('change-1')
      assert.equal(await focused(), 'change-1')
      await page.waitForFunction(() => /1\D+2/.test(document.getElementById('pp-change-status').textContent))

      await next.click()
      await inView('change-2')
      assert.equal(await focused(), 'change-2')
      await page.waitForFunction(() => /2\D+2/.test(document.getElementById('pp-change-status').textContent))
      assert.notEqual((await status.textContent())!.trim(), before)
      assert.equal(await next.getAttribute('aria-disabled'), 'true', 'no change after the last one')

      await previous.click()
      await inView('change-1')
      assert.equal(await focused(), 'change-1')
    } finally {
      await page.context().close()
    }
  })
})

// Independent pages: two at a time keeps both cores busy while one waits.
describe('accessibility (axe-core) and screenshots of every page type', {concurrency: 2}, () => {
  /** In-app pages are checked where they are shown, on a phone; portal pages on a desktop. */
  const inApp = new Set<PageType>(['inApp', 'listInApp', 'diffInApp'])
  /** Pages whose dark theme is checked for contrast too. */
  const dark = new Set<PageType>(['inApp', 'portal'])
  const types: PageType[] = ['index', 'portal', 'inApp', 'list', 'listInApp', 'history', 'diff', 'diffInApp']

  for (const type of types) {
    it(`${type}: ${pages[type]} has no serious or critical violations`, async () => {
      const size = inApp.has(type) ? 'phone' : 'desktop'
      // The in-app pages' Content-Security-Policy would block the injected axe script.
      const page = await openPage(browser, site.href(type), {viewport: inApp.has(type) ? phone : desktop, bypassCSP: true, isMobile: inApp.has(type)})
      try {
        const violations = await seriousViolations(page)
        assert.equal(violations.length, 0, `${pages[type]}:\n${describeViolations(violations)}`)
        await screenshot(page, `${type}-${size}`)
        if (dark.has(type)) {
          await page.emulateMedia({colorScheme: 'dark'})
          const contrast = await seriousViolations(page, {rules: ['color-contrast', 'link-in-text-block']})
          assert.equal(contrast.length, 0, `${pages[type]} (dark):\n${describeViolations(contrast)}`)
          await screenshot(page, `${type}-${size}-dark`)
          await page.emulateMedia({colorScheme: 'light'})
        }
        await page.setViewportSize(inApp.has(type) ? desktop : phone)
        await screenshot(page, `${type}-${inApp.has(type) ? 'desktop' : 'phone'}`)
      } finally {
        await page.context().close()
      }
    })
  }
})
