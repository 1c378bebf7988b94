/**
 * `--templates` reaches the notice texts: a templates folder with a `notices/` folder writes the pop-up,
 * push, SMS and email texts of the change summaries that `build` publishes, `check` length-checks and
 * `notify` sends; one without it keeps the shipped texts.
 */
import {test} from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import {build} from '../../src/pipeline.js'
import {run} from '../../src/cli/index.js'
import {editVersion, root, secrets, workspaceWithVersions, writeWebhooks} from './helpers.js'

/** A copy of the shipped templates in `dir/templates`, with `edit` applied to `notices/zh-CN/texts.yaml`. */
function templatesWith(dir: string, edit: (texts: string) => string): string {
  const templates = path.join(dir, 'templates')
  fs.cpSync(path.join(root, 'templates'), templates, {recursive: true})
  const file = path.join(templates, 'notices', 'zh-CN', 'texts.yaml')
  const text = fs.readFileSync(file, 'utf8')
  const edited = edit(text)
  assert.notEqual(edited, text, 'the edit changes the template')
  fs.writeFileSync(file, edited)
  return templates
}

const customSms = (texts: string) => texts.replace('sms: |\n  【{{siteTitle}}】', 'sms: |\n  【{{siteTitle}}·自定义短信】')

/** The SMS text of every zh-CN change summary in a build output. */
function smsTexts(out: string): string[] {
  const folder = path.join(out, 'privacy', 'zh-CN', 'changes')
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => (JSON.parse(fs.readFileSync(path.join(folder, name), 'utf8')) as {notices: {sms: {text: string}}}).notices.sms.text)
}

/** `policypress …args` in this process, with `env` set meanwhile. */
async function cli(cwd: string, args: string[], env: Record<string, string> = {}): Promise<{code: number; stdout: string; stderr: string}> {
  const out: string[] = []
  const err: string[] = []
  Object.assign(process.env, env)
  try {
    const code = await run(['node', 'policypress', ...args], {stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd})
    return {code, stdout: out.join('\n'), stderr: err.join('\n')}
  } finally {
    for (const key of Object.keys(env)) delete process.env[key]
  }
}

test('build writes the notice texts of the templates folder given, and the shipped ones without it', async () => {
  const dir = await workspaceWithVersions(2)
  const content = path.join(dir, 'content')
  const templates = templatesWith(dir, customSms)
  const custom = await build({content, templates, out: path.join(dir, 'custom')})
  const shipped = await build({content, out: path.join(dir, 'shipped')})
  assert.ok(custom.ok && shipped.ok)
  const [customTexts, shippedTexts] = [smsTexts(path.join(dir, 'custom')), smsTexts(path.join(dir, 'shipped'))]
  assert.ok(customTexts.length > 0)
  for (const sms of customTexts) assert.match(sms, /^【.+·自定义短信】/)
  for (const sms of shippedTexts) assert.doesNotMatch(sms, /自定义短信/)
})

test('a templates folder without notices/ keeps the shipped notice texts', async () => {
  const dir = await workspaceWithVersions(2)
  const content = path.join(dir, 'content')
  const templates = templatesWith(dir, customSms)
  fs.rmSync(path.join(templates, 'notices'), {recursive: true})
  const restyled = await build({content, templates, out: path.join(dir, 'restyled')})
  const shipped = await build({content, out: path.join(dir, 'shipped')})
  assert.ok(restyled.ok && shipped.ok)
  assert.deepEqual(smsTexts(path.join(dir, 'restyled')), smsTexts(path.join(dir, 'shipped')))
})

test('check and build length-check the notice texts of the templates folder given', async () => {
  const dir = await workspaceWithVersions(2)
  const content = path.join(dir, 'content')
  editVersion(content, 3, '补充说明。') // a working copy that differs from the latest published version, with a short summary
  // An SMS with 180 more characters is over three segments (201 characters).
  const templates = templatesWith(dir, (texts) => texts.replace('  详见 {{links.portal}}', `  ${'请您仔细阅读本次更新。'.repeat(18)}详见 {{links.portal}}`))
  const shipped = await cli(dir, ['check', '--content', content, '--no-cache'])
  assert.equal(shipped.code, 0, shipped.stdout)
  const long = await cli(dir, ['check', '--content', content, '--no-cache', '--templates', templates])
  assert.equal(long.code, 1)
  assert.match(long.stdout, /privacy\/zh-CN\/index\.md:\d+:\d+ +error +Unexpected SMS of 5 segments .* notice-length/)
  const refused = await build({content, templates, out: path.join(dir, 'out')})
  assert.equal(refused.ok, false)
  assert.equal(fs.existsSync(path.join(dir, 'out')), false, 'nothing written')
})

test('notify sends the notice texts of the templates folder given', async () => {
  const dir = await workspaceWithVersions(2)
  const content = path.join(dir, 'content')
  const templates = templatesWith(dir, customSms)
  writeWebhooks(content, ['https://hooks.example.com/policy'])
  const payloads = path.join(dir, 'payloads')
  const result = await cli(dir, ['notify', '--content', content, '--templates', templates, '--dry-run', '--out', payloads], secrets(1))
  assert.equal(result.code, 0, result.stderr)
  const sms = smsTexts(payloads)
  assert.ok(sms.length > 0)
  for (const text of sms) assert.match(text, /^【.+·自定义短信】/)
})

test('a notice template folder without email.hbs is refused, naming the file (exit 2)', async () => {
  const dir = await workspaceWithVersions(2)
  const content = path.join(dir, 'content')
  const templates = templatesWith(dir, customSms)
  fs.rmSync(path.join(templates, 'notices', 'zh-CN', 'email.hbs'))
  for (const command of [['build', '--out', path.join(dir, 'out')], ['check']]) {
    const result = await cli(dir, [...command, '--content', content, '--no-cache', '--templates', templates])
    assert.equal(result.code, 2, `${command[0]}: ${result.stderr}`)
    assert.equal(result.stderr, `policypress: Missing \`email.hbs\` in notice templates \`${path.join(templates, 'notices', 'zh-CN')}\`; each locale folder needs texts.yaml and email.hbs`)
  }
  assert.equal(fs.existsSync(path.join(dir, 'out')), false, 'nothing written')
})
