import {test} from 'node:test'
import assert from 'node:assert/strict'
import {inspect} from 'node:util'
import {VFile} from 'vfile'
import {isAllowedUrl, isLoopback, readEndpoints, resolveEndpoints} from '../../src/notices/endpoints.js'
import {formatText} from '../../src/report/format.js'

function read(yaml: string) {
  const file = new VFile({path: 'webhooks.yaml', cwd: '/content', value: yaml})
  const endpoints = readEndpoints(file)
  return {endpoints, messages: file.messages.length === 0 ? [] : formatText([file], '/content').split('\n').filter((line) => line.includes('webhooks-invalid'))}
}

test('endpoints are read with a name, a URL and the name of the secret variable', () => {
  const {endpoints, messages} = read(
    'endpoints:\n  - name: notify\n    url: https://notify.example.com/hooks/policypress\n    secretEnv: NOTIFY_SECRET\n  - url: http://127.0.0.1:8080/hook\n    secretEnv: LOCAL_SECRET\n'
  )
  assert.deepEqual(messages, [])
  assert.deepEqual(endpoints, [
    {name: 'notify', url: 'https://notify.example.com/hooks/policypress', secretEnv: 'NOTIFY_SECRET'},
    {name: '127.0.0.1:8080', url: 'http://127.0.0.1:8080/hook', secretEnv: 'LOCAL_SECRET'}
  ])
})

test('mistakes in webhooks.yaml are reported where they are', () => {
  const cases: Array<[string, string]> = [
    ['hooks: []\n', 'webhooks.yaml:1:1  error  Unexpected content, expected one key `endpoints:` with a list of endpoints  webhooks-invalid'],
    ['endpoints:\n  - url: http://notify.example.com/\n    secretEnv: S\n', 'webhooks.yaml:2:10  error  Unexpected value for `url`, expected an `https://` address (plain `http://` only to 127.0.0.1, ::1 or localhost)  webhooks-invalid'],
    ['endpoints:\n  - url: https://user:pw@notify.example.com/\n    secretEnv: S\n', 'webhooks.yaml:2:10  error  Unexpected value for `url`, expected an `https://` address (plain `http://` only to 127.0.0.1, ::1 or localhost)  webhooks-invalid'],
    ['endpoints:\n  - url: https://notify.example.com/\n    secretEnv: my secret value\n', 'webhooks.yaml:3:16  error  Unexpected value for `secretEnv`, expected the name of an environment variable, e.g. `POLICYPRESS_WEBHOOK_SECRET`  webhooks-invalid'],
    ['endpoints:\n  - url: https://notify.example.com/\n    secret: abc\n', 'webhooks.yaml:3:5  error  Unexpected key `secret`, expected one of `name`, `url`, `secretEnv`  webhooks-invalid'],
    ['endpoints:\n  - url: https://notify.example.com/\n', 'webhooks.yaml:2:5  error  Missing `secretEnv` in endpoint, expected the name of an environment variable, e.g. `POLICYPRESS_WEBHOOK_SECRET`  webhooks-invalid'],
    ['endpoints:\n  - https://notify.example.com/\n', 'webhooks.yaml:2:5  error  Unexpected endpoint that is not a map, expected `- url: …` with `secretEnv: …`  webhooks-invalid'],
    [
      'endpoints:\n  - url: https://a.example/\n    secretEnv: A\n  - url: https://a.example/\n    secretEnv: B\n',
      'webhooks.yaml:4:5  error  Unexpected duplicate endpoint `https://a.example/`, expected each name and url once  webhooks-invalid'
    ],
    ['endpoints: [\n', 'webhooks.yaml:2:1  error  Unexpected YAML']
  ]
  for (const [yaml, expected] of cases) {
    const {endpoints, messages} = read(yaml)
    assert.equal(endpoints.length, yaml.includes('B\n') ? 1 : 0, yaml)
    assert.ok(messages[0]?.startsWith(expected), `${yaml}\n${messages.join('\n')}`)
  }
})

test('plain HTTP only to loopback', () => {
  const cases: Array<[string, boolean]> = [
    ['https://notify.example.com/hook', true],
    ['http://127.0.0.1:9000/hook', true],
    ['http://127.1.2.3/hook', true],
    ['http://localhost:9000/', true],
    ['http://[::1]:9000/', true],
    ['http://notify.example.com/', false],
    ['http://128.0.0.1/', false],
    ['http://10.0.0.1/', false],
    ['http://localhost.example.com/', false],
    ['http://[::2]/', false],
    ['ftp://127.0.0.1/', false],
    ['https://user:secret@notify.example.com/', false]
  ]
  for (const [url, allowed] of cases) assert.equal(isAllowedUrl(new URL(url)), allowed, url)
  assert.equal(isLoopback('127.255.255.254'), true)
  assert.equal(isLoopback('0.0.0.0'), false)
})

test('a missing secret variable is a configuration error naming the variable, never a value', () => {
  const configs = [
    {name: 'a', url: 'https://a.example/', secretEnv: 'PP_A'},
    {name: 'b', url: 'https://b.example/', secretEnv: 'PP_B'}
  ]
  assert.throws(() => resolveEndpoints(configs, {PP_A: 'value-of-a'}), (error: Error) => {
    assert.equal(error.message, 'Environment variable `PP_B` (endpoint `b`) not set; set the signing secret of each webhook endpoint')
    return true
  })
  assert.throws(() => resolveEndpoints(configs, {PP_A: 'value-of-a', PP_B: ''}), /`PP_B`/)
})

test('a resolved endpoint signs, but printing or serializing it shows no secret', () => {
  const [endpoint] = resolveEndpoints([{name: 'a', url: 'https://a.example/', secretEnv: 'PP_A'}], {PP_A: 'super-secret-value'})
  assert.ok(endpoint)
  assert.match(endpoint.sign('{}', 1), /^t=1,v1=[0-9a-f]{64}$/)
  assert.doesNotMatch(JSON.stringify(endpoint), /super-secret-value/)
  assert.doesNotMatch(inspect(endpoint, {depth: 10, showHidden: true}), /super-secret-value/)
})
