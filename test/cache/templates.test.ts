import {test} from 'node:test'
import assert from 'node:assert/strict'
import {fileURLToPath} from 'node:url'
import {loadContent} from '../../src/load/content.js'
import {compileContent} from '../../src/compile.js'
import {loadTemplates} from '../../src/load/templates.js'
import {compileTemplates} from '../../src/render/templates.js'
import {renderSite, siteOfProject} from '../../src/render/site.js'
import {memoryCache} from '../../src/cache/store.js'

const fixture = fileURLToPath(new URL('../fixtures/content/multilocale/content', import.meta.url))

test('templates compiled from cached syntax trees render the same bytes, however often they are reused', async () => {
  const {project} = compileContent(await loadContent(fixture))
  const sources = await loadTemplates()
  const cache = memoryCache()
  const fresh = renderSite(siteOfProject(project), compileTemplates(sources))
  // Handlebars changes the trees it compiles; a second and third set from the same cache must not see that.
  for (let round = 0; round < 3; round++) {
    assert.deepEqual(renderSite(siteOfProject(project), compileTemplates(sources, cache)), fresh)
  }
  assert.equal(cache.stats.misses, 1)
  assert.equal(cache.stats.hits, 2)
})

test('a syntax error is reported even when other templates are cached', async () => {
  const sources = await loadTemplates()
  const cache = memoryCache()
  compileTemplates(sources, cache)
  const broken = {...sources, layouts: {...sources.layouts, portal: `${sources.layouts['portal']}{{#if}}`}}
  assert.throws(() => compileTemplates(broken, cache), /Parse error|Expecting/)
})
