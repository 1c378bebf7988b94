/**
 * policypress: publish a privacy policy written as structured Markdown.
 *
 * The pipeline, stage by stage: load → parse → check → model → render → write.
 */
export type * from './model/types.js'
export {idPattern, isValidId} from './model/ids.js'
export {plainText} from './model/plain-text.js'
export {buildDocument, allSections, documentText} from './model/build.js'
export {loadContent, contentFromFiles, type ContentSource} from './load/content.js'
export {loadTemplates, defaultTemplatesDir, type TemplateSources} from './load/templates.js'
export {parseMarkdown} from './parse/processor.js'
export {compileContent, siteConfigPath, type CompileResult} from './compile.js'
export {policyMetaSchema} from './check/frontmatter.js'
export {classifyLink, allowedProtocols, type LinkTarget} from './check/links.js'
export {compileTemplates, type Templates} from './render/templates.js'
export {renderSite, portalCssPath, type OutputFile} from './render/site.js'
export {renderBody, tableOfContents, type TocEntry} from './render/document.js'
export {outputPathOf, type Variant} from './render/paths.js'
export {writeOutput, recoverOutput, outputMarker} from './write/atomic.js'
export {planHeadingIds, applyHeadingIds, type IdFix} from './fix/heading-ids.js'
export {headingNumber, parseChineseNumeral} from './fix/numbering.js'
export {formatText, formatJson, messageRecords, type MessageRecord} from './report/format.js'
export {ruleHints, messageSource, report, hasErrors, type RuleId} from './messages.js'
export {check, build, fixContent, type BuildOptions, type BuildResult, type PipelineOptions} from './pipeline.js'
