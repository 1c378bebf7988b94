import {test} from 'node:test'
import assert from 'node:assert/strict'
import * as api from '../src/index.js'

test('the public API exports exactly the pipeline stages', () => {
  assert.deepEqual(Object.keys(api).sort(), [
    'allSections',
    'allowedProtocols',
    'applyHeadingIds',
    'build',
    'buildDocument',
    'check',
    'classifyLink',
    'compileContent',
    'compileTemplates',
    'contentFromFiles',
    'defaultTemplatesDir',
    'documentText',
    'fixContent',
    'formatJson',
    'formatText',
    'hasErrors',
    'headingNumber',
    'idPattern',
    'isValidId',
    'loadContent',
    'loadTemplates',
    'messageRecords',
    'messageSource',
    'outputMarker',
    'outputPathOf',
    'parseChineseNumeral',
    'parseMarkdown',
    'plainText',
    'planHeadingIds',
    'policyMetaSchema',
    'portalCssPath',
    'recoverOutput',
    'renderBody',
    'renderSite',
    'report',
    'ruleHints',
    'siteConfigPath',
    'tableOfContents',
    'writeOutput'
  ])
})

test('the library checks in-memory content without the CLI', () => {
  const result = api.compileContent(
    api.contentFromFiles({
      'terms/en-US/index.md': '---\nid: terms\ntitle: Terms\nlocale: en-US\nversion: "1"\nupdated: 2024-01-01\neffective: 2024-01-01\n---\n\n## One {#one}\n\nText.\n'
    })
  )
  assert.equal(result.ok, true)
  assert.equal(result.project.documents[0]?.sections[0]?.id, 'one')
})
