/**
 * The zip directory of a .docx, read before mammoth unpacks it: the parts and sizes of a real file, and
 * the ways a file can be damaged or lie about its sizes.
 */
import {test} from 'node:test'
import assert from 'node:assert/strict'
import {inflateRawSync} from 'node:zlib'
import {Document, Packer, Paragraph} from 'docx'
import {UnreadableFileError} from '../../src/import/read/unreadable.js'
import {unpackedSize, zipParts} from '../../src/import/read/zip.js'
import {makeZip} from '../hardening/helpers.js'

test('a .docx made by a Word library: every part listed, the sizes stated are the sizes inflated', async () => {
  const data = await Packer.toBuffer(new Document({sections: [{children: [new Paragraph('我们收集手机号码。')]}]}))
  const parts = zipParts(data)
  assert.ok(parts.some((part) => part.name === 'word/document.xml'))
  for (const part of parts) {
    const packed = data.subarray(part.start, part.start + part.length)
    assert.equal(part.method === 0 ? packed.length : inflateRawSync(packed).length, part.size, part.name)
  }
  assert.equal(unpackedSize(data, 64 << 20), parts.reduce((sum, part) => sum + part.size, 0))
})

test('more than the limit stated: the size is returned without inflating anything', async () => {
  const zip = await makeZip([{name: 'a.xml', bomb: {prefix: '<a>', repeat: 'x', times: 3 << 20, suffix: '</a>'}}])
  assert.equal(unpackedSize(zip, 1 << 20), (3 << 20) + 7)
})

test('a part that unpacks to more or less than stated, and files that are no zip, are unreadable', async () => {
  const xml = Buffer.from('<w:document>我们收集手机号码。</w:document>')
  const zip = await makeZip([{name: 'word/document.xml', data: xml}])
  const stating = (size: number): Buffer => {
    const copy = Buffer.from(zip)
    const header = copy.readUInt32LE(copy.length - 22 + 16)
    copy.writeUInt32LE(size, header + 24)
    return copy
  }
  assert.throws(() => unpackedSize(stating(10), 1 << 20), (error) => error instanceof UnreadableFileError && /`word\/document\.xml` unpacks to more than the 10 bytes/.test(error.message))
  assert.throws(() => unpackedSize(stating(1000), 1 << 20), new RegExp(`\`word/document\\.xml\` unpacks to ${xml.length} bytes where the zip directory says 1000`))
  assert.throws(() => zipParts(zip.subarray(0, zip.length - 30)), /there is no zip directory at its end/)
  assert.throws(() => zipParts(Buffer.from('<html>not a zip</html>')), UnreadableFileError)
  // JSZip would read a zip with bytes in front of it from other offsets than the directory states.
  assert.throws(() => zipParts(Buffer.concat([Buffer.from('MZ'), zip])), /not where the end of the file says/)
})
