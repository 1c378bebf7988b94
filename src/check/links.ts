/**
 * Link rules: only safe protocols; relative links point at existing content files and existing ids.
 */
import type {Link} from 'mdast'
import {visit} from 'unist-util-visit'
import {report} from '../messages.js'
import {resolveContentPath} from '../parse/paths.js'
import {fileOf, sourcePathOf, type PolicyContext} from './context.js'

/** Protocols a policy may link to. */
export const allowedProtocols = ['https:', 'http:', 'mailto:', 'tel:']

/** A link target inside the content folder. */
export interface ContentLink {
  /** Content-relative path of the target file. */
  path: string
  /** Fragment without `#`, or `undefined`. */
  fragment: string | undefined
}

/** How a link's `url` reads: external, inside the document, to another content file, or not allowed. */
export type LinkTarget =
  | {type: 'external'; url: string}
  | {type: 'anchor'; fragment: string}
  | {type: 'content'; path: string; fragment: string | undefined}
  | {type: 'forbidden'; reason: string}

/** Classify `url` written in the file at `from` (content-relative). */
export function classifyLink(url: string, from: string): LinkTarget {
  const trimmed = url.trim()
  if (trimmed.startsWith('#')) return {type: 'anchor', fragment: decodeFragment(trimmed.slice(1))}
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(trimmed)
  if (scheme) {
    const protocol = `${(scheme[1] ?? '').toLowerCase()}:`
    if (allowedProtocols.includes(protocol)) return {type: 'external', url: trimmed}
    return {type: 'forbidden', reason: `Unexpected link protocol \`${protocol}\`, expected one of ${allowedProtocols.join(' ')}`}
  }
  if (trimmed.startsWith('//') || trimmed.startsWith('/')) {
    return {type: 'forbidden', reason: `Unexpected absolute link \`${trimmed}\`, expected \`https://…\` or a path relative to this file`}
  }
  const hash = trimmed.indexOf('#')
  const pathPart = hash === -1 ? trimmed : trimmed.slice(0, hash)
  const fragment = hash === -1 ? undefined : decodeFragment(trimmed.slice(hash + 1))
  const target = resolveContentPath(from, pathPart)
  if (target === undefined) return {type: 'forbidden', reason: `Unexpected link \`${trimmed}\` outside the content folder`}
  return {type: 'content', path: target, fragment}
}

/**
 * Check the links of a policy.
 *
 * @param anchorsOf the ids a content file provides, or `undefined` when it does not exist.
 */
export function checkLinks(context: PolicyContext, anchorsOf: (path: string) => Set<string> | undefined): void {
  visit(context.tree, function (node) {
    // Definitions are checked where they are used: reference links are resolved to links before.
    if (node.type !== 'link') return
    const link: Link = node
    // Bare links found in text are always external and well-formed.
    if (!link.position) return
    const file = fileOf(context, link)
    const target = classifyLink(link.url, sourcePathOf(context, link))
    if (target.type === 'forbidden') {
      report(file, target.reason, 'link-protocol', link.position)
    } else if (target.type === 'anchor') {
      if (!anchorsOf(context.path)?.has(target.fragment)) {
        report(file, `Cannot find heading id \`#${target.fragment}\` in this document`, 'link-missing-anchor', link.position)
      }
    } else if (target.type === 'content') {
      const anchors = anchorsOf(target.path)
      if (anchors && !/^[^/]+\/[^/]+\/(?:index|lists\/[^/]+)\.md$/.test(target.path)) {
        report(file, `Unexpected link to \`${link.url}\`: it is not a page; link to the section that includes it`, 'link-missing-file', link.position)
      } else if (!anchors) {
        report(file, `Cannot find linked file \`${link.url}\` (looked for \`${target.path}\`)`, 'link-missing-file', link.position)
      } else if (target.fragment !== undefined && target.fragment !== '' && !anchors.has(target.fragment)) {
        report(file, `Cannot find heading id \`#${target.fragment}\` in \`${target.path}\``, 'link-missing-anchor', link.position)
      }
    }
  })
}

function decodeFragment(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}
