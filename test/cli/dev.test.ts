/**
 * `policypress dev` refuses what it cannot preview with one line and exit 2, as `check` and `build` do.
 * (The running preview is tested in a real browser: test/browser/preview.test.ts.)
 */
import {test} from 'node:test'
import assert from 'node:assert/strict'
import net from 'node:net'
import path from 'node:path'
import {run} from '../../src/cli/index.js'
import {workspace} from './run.js'

async function capture(args: string[], cwd: string): Promise<{code: number; stderr: string}> {
  const err: string[] = []
  const code = await run(['node', 'policypress', ...args], {stdout: () => {}, stderr: (t) => err.push(t), cwd})
  return {code, stderr: err.join('\n')}
}

test('a missing content folder is refused before anything starts', async () => {
  const dir = workspace()
  const result = await capture(['dev', '--port', '0', '--content', path.join(dir, 'nope')], dir)
  assert.equal(result.code, 2)
  assert.match(result.stderr, /^policypress: Content folder `.*nope` not found; pass an existing folder with --content$/)
})

test('a port in use is named, with what to do', async () => {
  const blocker = net.createServer()
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()))
  const port = (blocker.address() as net.AddressInfo).port
  try {
    const dir = workspace('multilocale')
    const result = await capture(['dev', '--port', String(port), '--content', path.join(dir, 'content')], dir)
    assert.equal(result.code, 2)
    assert.equal(result.stderr, `policypress: Port ${port} is already in use (is another preview running?); pass another with --port, or --port 0 for any free port`)
  } finally {
    await new Promise((resolve) => blocker.close(resolve))
  }
})
