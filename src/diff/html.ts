/**
 * The one HTML renderer of a `DocumentDiff`: a body fragment a layout can wrap, and a minimal
 * standalone page for the CLI.
 *
 * All text is escaped; no author HTML is ever emitted (blocks are shown as their plain text, lines and
 * tabs kept by `white-space: pre-wrap`). Insertions are `<ins class="diff-ins">`, deletions
 * `<del class="diff-del">`, so they read as underline and strike-through without colour. Every change
 * carries `id="change-N"` and `data-change="N"` (N from 1, in reading order) so a page can step through
 * them; the wrapper carries `data-changes` with their number.
 */
import type {BlockChange, DiffOp, DocumentDiff, SectionChange} from './types.js'

/** UI words of the diff view. */
export interface DiffLabels {
  /** Note on an added section. */
  added: string
  /** Note on a removed section. */
  removed: string
  /** Note on a renamed section. */
  renamed: string
  /** Note on a section that moved. */
  sectionMoved: string
  /** Before the link where a block went. */
  movedTo: string
  /** Before the link where a block came from. */
  movedFrom: string
  /** Name of the text before the first heading. */
  preamble: string
  /** Stands for unchanged blocks left out; `{count}` is their number. */
  omitted: string
  /** Legend words. */
  inserted: string
  deleted: string
  moved: string
  /** Title of the standalone page; `{title}` is the document title. */
  pageTitle: string
  /** Link to the first change on the standalone page. */
  firstChange: string
  /** Summary line; `{blocks}`, `{inserted}`, `{deleted}` are counts. */
  counts: string
}

/** English labels. */
export const diffLabelsEn: DiffLabels = {
  added: 'Added section',
  removed: 'Removed section',
  renamed: 'Renamed',
  sectionMoved: 'Section moved',
  movedTo: 'Moved to',
  movedFrom: 'Moved here from',
  preamble: 'Introduction',
  omitted: '{count} unchanged paragraph(s)',
  inserted: 'inserted',
  deleted: 'deleted',
  moved: 'moved',
  pageTitle: 'Changes to {title}',
  firstChange: 'Go to the first change',
  counts: '{blocks} block(s) changed · {inserted} characters inserted · {deleted} deleted'
}

/** Chinese labels. */
export const diffLabelsZh: DiffLabels = {
  added: '新增章节',
  removed: '删除章节',
  renamed: '标题已修改',
  sectionMoved: '章节位置已调整',
  movedTo: '已移至',
  movedFrom: '移自',
  preamble: '开篇',
  omitted: '{count} 段未修改',
  inserted: '新增',
  deleted: '删除',
  moved: '移动',
  pageTitle: '{title}修订对照',
  firstChange: '跳到第一处修改',
  counts: '{blocks} 处修改 · 新增 {inserted} 字 · 删除 {deleted} 字'
}

/** Options of the HTML renderer. */
export interface DiffHtmlOptions {
  /** Show only sections holding a change, and only the changed blocks in them (default `false`). */
  changedOnly?: boolean | undefined
  /** UI words (default: Chinese when the new version's locale starts with `zh`, else English). */
  labels?: Partial<DiffLabels> | undefined
}

/**
 * The diff as an HTML fragment: a `<div class="diff">` with the preamble and nested `<section>`s whose
 * ids are the section ids, so `#id` links land there. Default: the whole new document, changes marked.
 */
export function renderDiffBody(diff: DocumentDiff, options: DiffHtmlOptions = {}): string {
  const labels = labelsFor(diff, options)
  const changedOnly = options.changedOnly ?? false
  let count = 0
  const changeAttributes = (kind: string): string => {
    count++
    return ` id="change-${count}" data-change="${count}" data-change-kind="${kind}"`
  }
  // A link to where a block came from must point at the section's anchor on this page.
  const anchors = new Map<string, string>()
  const collect = (section: SectionChange): void => {
    if (section.old) anchors.set(section.old.id, section.id)
    section.children.forEach(collect)
  }
  diff.sections.forEach(collect)
  const link = (section: string | null, anchorOf: (id: string) => string | undefined): string => {
    if (section === null) return `<a href="#diff-preamble">${escape(labels.preamble)}</a>`
    const anchor = anchorOf(section)
    return anchor === undefined ? `<code>#${escape(section)}</code>` : `<a href="#${escape(anchor)}">#${escape(section)}</a>`
  }

  const block = (change: BlockChange, numbered: boolean): string => {
    const kind = change.kind === 'moved' ? `moved-${change.side}` : change.kind
    const attributes = change.kind === 'equal' || !numbered ? '' : changeAttributes(kind)
    const dataKind = ` data-kind="${escape((change.kind === 'removed' ? change.old : change.new).kind)}"`
    const classes = `diff-block diff-${change.kind}${change.kind === 'moved' ? ` diff-moved-${change.side}` : ''}`
    let inner: string
    if (change.kind === 'moved' && change.side === 'from') {
      inner = `<p class="diff-note">${escape(labels.movedTo)} ${link(change.to.section, (id) => id)}</p><del class="diff-del diff-moved">${escape(change.old.text)}</del>`
    } else if (change.kind === 'moved') {
      inner = `<p class="diff-note">${escape(labels.movedFrom)} ${link(change.from.section, (id) => anchors.get(id))}</p>${renderOps(change.ops)}`
    } else {
      inner = renderOps(change.ops)
    }
    return `<div class="${classes}"${dataKind}${attributes}>${inner}</div>`
  }

  const blocks = (changes: BlockChange[], numbered: boolean): string => {
    const parts: string[] = []
    let skipped = 0
    const flush = (): void => {
      if (skipped > 0) parts.push(`<p class="diff-skip">${escape(labels.omitted.replace('{count}', String(skipped)))}</p>`)
      skipped = 0
    }
    for (const change of changes) {
      if (changedOnly && change.kind === 'equal') {
        skipped++
        continue
      }
      flush()
      parts.push(block(change, numbered))
    }
    flush()
    return parts.join('')
  }

  const section = (change: SectionChange, numbered: boolean): string => {
    if (changedOnly && !change.changed) return ''
    const level = Math.min(6, Math.max(2, change.depth))
    const whole = change.kind === 'added' || change.kind === 'removed'
    const notes: string[] = []
    if (change.kind === 'added') notes.push(labels.added)
    if (change.kind === 'removed') notes.push(labels.removed)
    if (change.renamed) notes.push(labels.renamed)
    if (change.moved) notes.push(labels.sectionMoved)
    const headingKind = whole ? change.kind : change.renamed ? 'renamed' : change.moved ? 'moved' : ''
    const attributes = headingKind !== '' && numbered ? changeAttributes(headingKind) : ''
    const title = change.kind === 'added' ? insert(change.new.title) : change.kind === 'removed' ? remove(change.old.title) : renderOps(change.titleOps)
    const note = notes.length > 0 ? `<p class="diff-note">${notes.map(escape).join(' · ')}</p>` : ''
    // Inside an added or removed section every block is new or gone: the section is the one change.
    const inner = numbered && !whole
    return (
      `<section class="diff-section diff-section-${change.kind}${change.moved ? ' diff-moved' : ''}" id="${escape(change.id)}" data-section-change="${change.kind}">` +
      `<h${level}${attributes}>${title}</h${level}>${note}` +
      blocks(change.blocks, inner) +
      change.children.map((child) => section(child, inner)).join('') +
      '</section>'
    )
  }

  const preambleChanged = diff.preamble.some((change) => change.kind !== 'equal')
  const preamble =
    diff.preamble.length > 0 && (!changedOnly || preambleChanged)
      ? `<section class="diff-section diff-preamble" id="diff-preamble">${blocks(diff.preamble, true)}</section>`
      : ''
  const body = preamble + diff.sections.map((change) => section(change, true)).join('')
  return `<div class="diff" data-changes="${count}">${body}</div>`
}

/**
 * A standalone HTML page of the diff: title, versions, counts, a legend, and the body, with a small
 * stylesheet (underline for insertions, strike-through for deletions, a double rule for moves; light
 * and dark; print). Options as `renderDiffBody`.
 */
export function renderDiffPage(diff: DocumentDiff, options: DiffHtmlOptions = {}): string {
  const labels = labelsFor(diff, options)
  const title = labels.pageTitle.replace('{title}', diff.to.title)
  const body = renderDiffBody(diff, options)
  const versions = `${escape(diff.from.version)} → ${escape(diff.to.version)}`
  const counts = labels.counts
    .replace('{blocks}', String(diff.counts.blocksChanged))
    .replace('{inserted}', String(diff.counts.charactersInserted))
    .replace('{deleted}', String(diff.counts.charactersDeleted))
  const first = body.includes('id="change-1"') ? ` <a href="#change-1">${escape(labels.firstChange)}</a>` : ''
  return [
    '<!doctype html>',
    `<html lang="${escape(diff.to.locale || 'und')}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escape(title)}</title>`,
    `<style>${pageStyle}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${escape(title)}</h1>`,
    `<p class="diff-versions">${versions}</p>`,
    `<p class="diff-counts">${escape(counts)}${first}</p>`,
    `<p class="diff-legend"><ins class="diff-ins">${escape(labels.inserted)}</ins> <del class="diff-del">${escape(labels.deleted)}</del> <span class="diff-moved">${escape(labels.moved)}</span></p>`,
    '</header>',
    `<main>${body}</main>`,
    '</body>',
    '</html>',
    ''
  ].join('\n')
}

/** Ops as HTML: equal text as is, deletions in `<del>`, insertions in `<ins>`, all escaped. */
export function renderOps(ops: readonly DiffOp[]): string {
  return ops.map((op) => (op.type === 'equal' ? escape(op.text) : op.type === 'delete' ? remove(op.text) : insert(op.text))).join('')
}

function insert(text: string): string {
  return `<ins class="diff-ins">${escape(text)}</ins>`
}

function remove(text: string): string {
  return `<del class="diff-del">${escape(text)}</del>`
}

function labelsFor(diff: DocumentDiff, options: DiffHtmlOptions): DiffLabels {
  const base = diff.to.locale.toLowerCase().startsWith('zh') ? diffLabelsZh : diffLabelsEn
  return {...base, ...options.labels}
}

/** Escape text for an HTML text node or a double-quoted attribute. */
function escape(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

const pageStyle = `
:root{color-scheme:light dark;--ink:#1f2328;--muted:#59636e;--ins:#dafbe1;--del:#ffebe9;--move:#8250df;--rule:#d1d9e0}
@media (prefers-color-scheme:dark){:root{--ink:#e6edf3;--muted:#9198a1;--ins:#1b4721;--del:#5d1a1d;--move:#ab7df8;--rule:#3d444d}}
body{margin:0 auto;max-width:50rem;padding:1.5rem 1rem 4rem;color:var(--ink);font:16px/1.75 system-ui,-apple-system,"PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","Microsoft YaHei",sans-serif}
h1{font-size:1.5rem;line-height:1.4}
.diff-versions,.diff-counts,.diff-note,.diff-skip{color:var(--muted);font-size:.875rem}
.diff-legend{display:flex;gap:1rem;font-size:.875rem}
ins.diff-ins{text-decoration:underline;text-decoration-thickness:.12em;text-underline-offset:.2em;background:var(--ins)}
del.diff-del{text-decoration:line-through;text-decoration-thickness:.12em;background:var(--del)}
span.diff-moved{border-left:.25rem double var(--move);padding:0 .25rem 0 .5rem}
.diff ins::before,.diff ins::after,.diff del::before,.diff del::after{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.diff ins::before{content:" [insertion start] "}.diff ins::after{content:" [insertion end] "}.diff del::before{content:" [deletion start] "}.diff del::after{content:" [deletion end] "}
:lang(zh) .diff ins::before{content:"【新增开始】"}:lang(zh) .diff ins::after{content:"【新增结束】"}:lang(zh) .diff del::before{content:"【删除开始】"}:lang(zh) .diff del::after{content:"【删除结束】"}
.diff-block{white-space:pre-wrap;overflow-wrap:anywhere;margin:.75rem 0}
.diff-block[data-change]{border-left:.25rem solid var(--rule);padding-left:.5rem}
.diff-block.diff-moved{border-left-style:double;border-left-color:var(--move)}
.diff-section-added>h2,.diff-section-added>h3,.diff-section-added>h4,.diff-section-added>h5,.diff-section-added>h6{text-decoration:underline}
.diff-note{margin:.25rem 0}
.diff-skip{font-style:italic}
:target{scroll-margin-top:1rem;outline:2px solid var(--move);outline-offset:.25rem}
@media print{.diff-block[data-change]{break-inside:avoid}ins.diff-ins,del.diff-del{background:none}}
`.trim()
