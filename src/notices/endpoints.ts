/**
 * Webhook endpoints from `content/webhooks.yaml`: where `notify` sends change summaries, and the
 * name of the environment variable holding each endpoint's signing secret.
 *
 * A file of its own, not a key of `policypress.yaml`: that file is frozen into every published version,
 * and moving an endpoint must not make the working copy a new draft.
 */
import fs from 'node:fs/promises'
import net from 'node:net'
import path from 'node:path'
import {VFile} from 'vfile'
import {location} from 'vfile-location'
import {isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type Pair} from 'yaml'
import {report} from '../messages.js'
import {explainYamlError} from '../parse/yaml-errors.js'
import {signatureHeader} from './signature.js'

/** Name of the endpoints file in the content folder. */
export const webhooksPath = 'webhooks.yaml'

/** An endpoint as configured. */
export interface EndpointConfig {
  /** Short name used in reports and the outbox (default: the URL's host). */
  name: string
  url: string
  /** Name of the environment variable that holds the signing secret. */
  secretEnv: string
}

/**
 * An endpoint ready to sign. The secret lives only in `sign`'s closure, so printing, logging or
 * serializing an endpoint can never reveal it.
 */
export interface Endpoint extends EndpointConfig {
  /** `X-Policypress-Signature` for `body` sent at `timestamp` (unix seconds). */
  sign(body: string, timestamp: number): string
}

const endpointKeys: Record<string, string> = {
  name: 'a short name, e.g. `notification-service`',
  url: 'an `https://` address (plain `http://` only to 127.0.0.1, ::1 or localhost)',
  secretEnv: 'the name of an environment variable, e.g. `POLICYPRESS_WEBHOOK_SECRET`'
}

/** Read the endpoints in `file`, reporting problems on it as `webhooks-invalid` errors. */
export function readEndpoints(file: VFile): EndpointConfig[] {
  const place = location(file)
  const pointOf = (node: YamlNode | null | undefined) => (node?.range ? place.toPoint(node.range[0]) : undefined) ?? {line: 1, column: 1}
  const document = parseDocument(String(file.value), {prettyErrors: false})
  for (const error of document.errors) {
    const explained = explainYamlError(String(file.value), error)
    report(file, explained.reason, 'webhooks-invalid', place.toPoint(explained.offset))
  }
  if (document.errors.length > 0) return []
  const root = document.contents
  const list = isMap(root) ? root.get('endpoints', true) : undefined
  if (!isMap(root) || root.items.length !== 1 || !isSeq(list)) {
    report(file, 'Unexpected content, expected one key `endpoints:` with a list of endpoints', 'webhooks-invalid', pointOf(root as YamlNode | null))
    return []
  }
  const endpoints: EndpointConfig[] = []
  for (const item of list.items) {
    const at = pointOf(item as YamlNode)
    if (!isMap(item)) {
      report(file, 'Unexpected endpoint that is not a map, expected `- url: …` with `secretEnv: …`', 'webhooks-invalid', at)
      continue
    }
    const values: Record<string, string> = {}
    let ok = true
    for (const pair of item.items as Pair[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key)
      const value = isScalar(pair.value) && typeof pair.value.value === 'string' ? pair.value.value.trim() : undefined
      const keyAt = pointOf(pair.key as YamlNode)
      if (!(key in endpointKeys)) {
        report(file, `Unexpected key \`${key}\`, expected one of ${Object.keys(endpointKeys).map((k) => `\`${k}\``).join(', ')}`, 'webhooks-invalid', keyAt)
        ok = false
      } else if (!value || !validValue(key, value)) {
        report(file, `Unexpected value for \`${key}\`, expected ${endpointKeys[key]}`, 'webhooks-invalid', pointOf(pair.value as YamlNode) ?? keyAt)
        ok = false
      } else values[key] = value
    }
    for (const key of ['url', 'secretEnv']) {
      if (values[key] === undefined && ok) {
        report(file, `Missing \`${key}\` in endpoint, expected ${endpointKeys[key]}`, 'webhooks-invalid', at)
        ok = false
      }
    }
    if (!ok) continue
    const url = new URL(values['url']!).href
    const name = values['name'] ?? new URL(url).host
    const clash = endpoints.find((other) => other.name === name || other.url === url)
    if (clash) {
      report(file, `Unexpected duplicate endpoint \`${clash.url === url ? url : name}\`, expected each name and url once`, 'webhooks-invalid', at)
      continue
    }
    endpoints.push({name, url, secretEnv: values['secretEnv']!})
  }
  return endpoints
}

/** Read `<content>/webhooks.yaml`; `file` is `undefined` when there is none. */
export async function loadEndpoints(content: string): Promise<{file: VFile | undefined; endpoints: EndpointConfig[]}> {
  const root = path.resolve(content)
  const text = await fs.readFile(path.join(root, webhooksPath), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined
    throw error
  })
  if (text === undefined) return {file: undefined, endpoints: []}
  const file = new VFile({path: webhooksPath, cwd: root, value: text})
  return {file, endpoints: readEndpoints(file)}
}

/**
 * Attach each endpoint's secret from `env` (default `process.env`). Throws, naming the variable and
 * never a value, when one is unset or empty: a configuration error.
 */
export function resolveEndpoints(configs: EndpointConfig[], env: NodeJS.ProcessEnv = process.env): Endpoint[] {
  const missing = configs.filter((config) => !env[config.secretEnv])
  if (missing.length > 0) {
    const names = missing.map((config) => `\`${config.secretEnv}\` (endpoint \`${config.name}\`)`).join(', ')
    throw new Error(`Environment variable${missing.length === 1 ? '' : 's'} ${names} not set; set the signing secret of each webhook endpoint`)
  }
  return configs.map((config) => {
    const secret = env[config.secretEnv]!
    return {...config, sign: (body: string, timestamp: number) => signatureHeader(secret, body, timestamp)}
  })
}

/** Whether `url` may be used: `https:`, or plain `http:` to a loopback host (tests, local receivers). */
export function isAllowedUrl(url: URL): boolean {
  if (url.username || url.password) return false
  if (url.protocol === 'https:') return true
  return url.protocol === 'http:' && isLoopback(url.hostname)
}

/** Whether `hostname` (as `URL#hostname` gives it) is loopback: `localhost`, 127.0.0.0/8 or ::1. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname
  if (host === 'localhost') return true
  if (net.isIPv4(host)) return host.startsWith('127.')
  return net.isIPv6(host) && (host === '::1' || host === '0:0:0:0:0:0:0:1')
}

function validValue(key: string, value: string): boolean {
  switch (key) {
    case 'url': {
      if (!URL.canParse(value)) return false
      const url = new URL(value)
      return isAllowedUrl(url) && url.hash === ''
    }
    case 'secretEnv':
      return /^[A-Za-z_][A-Za-z0-9_]*$/.test(value)
    default:
      return /^[\w.-]+$/.test(value)
  }
}
