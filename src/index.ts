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
export {renderSite, renderSiteCached, planSite, portalCssPath, type OutputFile, type RenderUnit, type SitePlan, type UnitOutput} from './render/site.js'
export {renderBody, tableOfContents, type TocEntry} from './render/document.js'
export {outputPathOf, type Variant} from './render/paths.js'
export {writeOutput, recoverOutput, outputMarker} from './write/atomic.js'
export {planHeadingIds, applyHeadingIds, type IdFix} from './fix/heading-ids.js'
export {headingNumber, parseChineseNumeral} from './fix/numbering.js'
export {formatText, formatJson, messageRecords, type MessageRecord} from './report/format.js'
export {ruleHints, messageSource, report, hasErrors, type RuleId} from './messages.js'
export {check, build, render, fixContent, type BuildOptions, type BuildResult, type CheckResult, type PipelineOptions} from './pipeline.js'
export * from './diff/index.js'
export {parseList, urlProblem, platformNames, type ListReference, type ParsedList} from './lists/parse.js'
export {listFields, listKinds, listTitles, findField, type FieldSpec, type FieldType} from './lists/fields.js'
export {readVocabulary, dataTypeName, vocabularyPath} from './lists/vocabulary.js'
export {crossCheckLists} from './lists/cross-check.js'
export {diffLists, type ListDiff, type EntryChange, type FieldChange} from './lists/diff.js'
export {listJsonSchema, listJsonSchemaDocument, listToJson, listToCsv, listSchemaVersion} from './lists/export.js'
export {readArchive, writeVersion, lockFileName, type Archive, type FrozenFile} from './versions/archive.js'
export {sha256, entryHash, serializeLock, type ArchiveLock, type PublishedVersion} from './versions/lock.js'
export {publish, defaultArchive, type PublishOptions, type PublishResult} from './versions/publish.js'
export {loadReleases, loadPublished, outlineReleases, publishedKey, type ReleaseCache} from './versions/releases.js'
export {
  buildHistories,
  compareReleases,
  outlineHistories,
  outlineOf,
  type Release,
  type LocaleRelease,
  type LocaleHistory,
  type VersionChange,
  type ReleaseOutline,
  type ReleaseHandle,
  type ChangeHandle,
  type HistoryOutline,
  type DocumentMeta,
  type ListMeta
} from './changes/history.js'
export {cacheKey, codeFingerprint, fingerprintOf, noCache, memoryCache, folderCache, defaultCacheDir, type CacheStore, type CacheStats} from './cache/index.js'
export {assessMateriality, daysBetween, type Materiality, type MaterialReason, type MaterialInput} from './changes/material.js'
export {buildChangeSummary, changeSummarySchema, changeSummarySchemaVersion, type ChangeSummary} from './changes/summary.js'
export {checkNoticePeriod} from './changes/notice-period.js'
export {summaryOf, versionInForce, historyPaths} from './render/history.js'
export {siteOfProject, type SiteModel} from './render/site.js'
export {startDevServer, type DevServer, type DevServerOptions} from './dev/server.js'
export {notify, publishedSummaries, type NotifyOptions, type NotifyResult} from './notices/notify.js'
export {verifySignature, signatureHeader, signPayload, signatureHeaderName, type VerifyOptions} from './notices/signature.js'
export {idempotencyKey, deliverAll, deliveryOf, deliveryHeaderName, idempotencyHeaderName, type DeliverOptions, type DeliveryOutcome} from './notices/deliver.js'
export {renderNotices, withNotices, noticeView, formatDate} from './notices/render.js'
export {compileNoticeTemplates, readNoticeTemplates, defaultNoticeTemplatesDir, type NoticeTemplates, type NoticeView} from './notices/templates.js'
export {noticeLimits, textWidth, measureSms, lengthProblems, type NoticeLimits} from './notices/lengths.js'
export {noticesSchema, type Notices} from './notices/schema.js'
export {checkNoticeLengths} from './notices/check.js'
export {readEndpoints, loadEndpoints, resolveEndpoints, webhooksPath, type Endpoint, type EndpointConfig} from './notices/endpoints.js'
export {readOutbox, openOutbox, defaultOutbox, outboxSchema, type Outbox, type OutboxEntry} from './notices/outbox.js'
export type {ChangeSummaryCore} from './changes/summary.js'
export {importPolicy, formatOf, UnreadableFileError, maxUnpackedBytes, type ImportOptions, type ImportInput, type ImportResult, type ImportProblem, type ImportFormat, type ImportNote, type ImportRule, type InputPlace, type ImportedMeta, type LostSentence} from './import/index.js'
export {formatImportText, formatImportJson, formatPlace} from './import/report.js'
