import {test} from 'node:test'
import assert from 'node:assert/strict'
import {contentTypeOf, listenLocally} from '../../src/serve/local.js'

test('a local server answers on 127.0.0.1 at a free port and closes with its connections open', async () => {
  const local = await listenLocally((_request, response) => {
    response.writeHead(200, {'Content-Type': contentTypeOf('index.html')})
    // An event stream that never ends by itself.
    response.write('x')
  })
  assert.match(local.url, /^http:\/\/127\.0\.0\.1:\d+\/$/)
  const response = await fetch(local.url)
  assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8')
  await local.close()
  await assert.rejects(fetch(local.url))
})

test('content types follow the extension, unknown ones are bytes', () => {
  assert.equal(contentTypeOf('a/b.csv'), 'text/csv; charset=utf-8')
  assert.equal(contentTypeOf('changes.atom'), 'application/atom+xml; charset=utf-8')
  assert.equal(contentTypeOf('file.bin'), 'application/octet-stream')
})
