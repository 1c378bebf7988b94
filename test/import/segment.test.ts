import {test} from 'node:test'
import assert from 'node:assert/strict'
import {isFlattened, segmentLine, splitRunTogether} from '../../src/import/read/segment.js'
import {escapeText, inlineMarkdown} from '../../src/import/escape.js'
import {parseMarkdown} from '../../src/parse/processor.js'
import {plainText} from '../../src/model/plain-text.js'
import {VFile} from 'vfile'

const texts = (line: string): string[] => segmentLine(line).map((piece) => piece.text)

test('a flattened line splits into paragraphs at sentence ends and clause numbers', () => {
  // [input, paragraphs]
  const cases: Array<[string, string[]]> = [
    ['第一段。 第二段！ 第三段', ['第一段。', '第二段！', '第三段']],
    // A heading run into the sentence before it, and a number left at the end of a title.
    ['相关权限：（一）实现相关功能与服务1. 账号服务 1.1 注册、登录', ['相关权限：', '（一）实现相关功能与服务', '1. 账号服务', '1.1 注册、登录']],
    ['如何联系我们一、个人信息的收集', ['如何联系我们一、个人信息的收集']],
    ['七、如何联系我们一、个人信息的收集和使用 内容浏览是基本功能，您可通过访客模式使用。', ['七、如何联系我们', '一、个人信息的收集和使用', '内容浏览是基本功能，您可通过访客模式使用。']],
    ['其他情形。二、个人信息的共享、转移与公开（一）共享 为实现本政策中声明的目的，我们会共享。', ['其他情形。', '二、个人信息的共享、转移与公开', '（一）共享', '为实现本政策中声明的目的，我们会共享。']],
    // Spaces next to Latin words are real spaces; punctuation after a break continues the sentence.
    ['需要使用第三方 SDK（或 API）技术 （具体请见目录） 。', ['需要使用第三方 SDK（或 API）技术（具体请见目录）。']],
    ['（三）Cookie 及同类技术 Cookie和同类技术是普遍使用的技术，当您使用服务时我们会用到。', ['（三）Cookie 及同类技术', 'Cookie和同类技术是普遍使用的技术，当您使用服务时我们会用到。']],
    ['提供位置相关服务 ，合作伙伴会使用 。', ['提供位置相关服务，合作伙伴会使用。']],
    ['1.2.1 实名认证 ：当开通直播时，您需要提供身份信息。', ['1.2.1 实名认证：当开通直播时，您需要提供身份信息。']]
  ]
  for (const [input, expected] of cases) assert.deepEqual(texts(input), expected, input)
})

test('run-together splits keep input offsets', () => {
  const pieces = splitRunTogether({text: '为准。2.', start: 100})
  assert.deepEqual(pieces, [{text: '为准。', start: 100}, {text: '2.', start: 103}])
})

test('only long lines with many gaps beside Chinese text count as flattened', () => {
  assert.equal(isFlattened('An ordinary English paragraph. '.repeat(20)), false)
  assert.equal(isFlattened('第一段。 第二段。 '.repeat(40)), true)
  assert.equal(isFlattened('短文本。 短文本。'), false)
})

test('escaped text reads back as exactly the text', () => {
  const tricky = [
    '5 * 3 < 20 & [brackets] _under_ `tick` ~~strike~~ | pipe \\ backslash',
    '# not a heading',
    '1. not a list',
    '- not a list',
    '+ not a list',
    '::include{src="x.md"}',
    ':::warning',
    '&amp; stays &amp;',
    '<span>not html</span>',
    '访问https://example.com了解详情',
    '邮箱:privacy@example.com',
    '{#id} braces'
  ]
  for (const text of tricky) {
    const markdown = inlineMarkdown([{text}])
    const parsed = plainText(parseMarkdown(new VFile({path: 'x.md', value: `${markdown.replace(/^(\d+)\./, '$1\\.').replace(/^([-+])/, '\\$1').replace(/^:/, '\\:')}\n`})))
    assert.equal(parsed.trim(), text, `${text} → ${markdown}`)
  }
  assert.equal(escapeText('a*b'), 'a\\*b')
})

test('bold next to Latin letters and curly quotes still reads as bold', () => {
  const cases: Array<[Parameters<typeof inlineMarkdown>[0], string]> = [
    [[{text: '使用APP'}, {text: '“我的钱包”', bold: true}, {text: '功能'}], '使用APP“**我的钱包”**功能'],
    [[{text: 'a '}, {text: '“引号”', bold: true}, {text: 'b'}], 'a **“引号**”b'],
    [[{text: 'read '}, {text: ' this ', bold: true}, {text: 'now'}], 'read  **this** now'],
    [[{text: '您可以点击 ', bold: true}, {text: '《列表》', bold: true, href: 'javascript:;'}, {text: '查看', bold: true}], '**您可以点击 《列表》查看**']
  ]
  for (const [spans, expected] of cases) {
    const markdown = inlineMarkdown(spans)
    assert.equal(markdown, expected)
    const tree = parseMarkdown(new VFile({path: 'x.md', value: `${markdown}\n`}))
    assert.doesNotMatch(plainText(tree), /\*/, markdown)
  }
})
