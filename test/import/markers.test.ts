import {test} from 'node:test'
import assert from 'node:assert/strict'
import {readMarker, shapeOf} from '../../src/import/markers.js'

test('numbering markers: style, value and the text after them', () => {
  // [text, style, value, rest]
  const cases: Array<[string, string, number | undefined, string]> = [
    ['一、个人信息的收集和使用', 'zh-num', 1, '个人信息的收集和使用'],
    ['十二、附则', 'zh-num', 12, '附则'],
    ['（一）实现相关功能与服务', 'zh-paren', 1, '实现相关功能与服务'],
    ['(三) Cookie 及同类技术', 'zh-paren', 3, 'Cookie 及同类技术'],
    ['第三条 本规则适用于…', 'zh-第条', 3, '本规则适用于…'],
    ['第十二章 附则', 'zh-第章', 12, '附则'],
    ['第一部分 定义', 'zh-第部分', 1, '定义'],
    ['第5条 保存期限', 'zh-第条', 5, '保存期限'],
    ['1. 账号服务', 'arabic1.', 1, '账号服务'],
    ['1、注册服务', 'arabic1、', 1, '注册服务'],
    ['2) second', 'arabic1)', 2, 'second'],
    ['1.1 注册、登录', 'arabic2', 1, '注册、登录'],
    ['1.2.10 发布', 'arabic3', 10, '发布'],
    ['3.2.1群聊功能', 'arabic3', 1, '群聊功能'],
    ['（1）与国家安全有关的；', 'arabic-paren', 1, '与国家安全有关的；'],
    ['(b) to keep the service secure;', 'alpha-paren', 2, 'to keep the service secure;'],
    ['(ii) second', 'roman-paren', 2, 'second'],
    ['a.操作、使用的个人上网记录', 'alpha-dot', 1, '操作、使用的个人上网记录'],
    ['①第一项', 'circled', 1, '第一项'],
    ['Article 4. Data retention', 'en-article', 4, 'Data retention'],
    ['Section 2 – Scope', 'en-section', 2, '– Scope'],
    ['II. Information we collect', 'ROMAN-dot', 2, 'Information we collect']
  ]
  for (const [text, style, value, rest] of cases) {
    const marker = readMarker(text)
    assert.ok(marker, `expected a marker in ${text}`)
    assert.deepEqual([marker.style, marker.value, marker.rest], [style, value, rest], text)
  }
})

test('text that only looks numbered has no marker', () => {
  for (const text of [
    '第三方账号：当您使用…',
    '一些信息',
    '2023年9月20日',
    '2.0版本',
    'e.g. your name',
    'Section 4 of this policy explains…',
    '1 Meta Way',
    'ISO27001',
    '“（二）更正、补充个人信息”'
  ]) {
    assert.equal(readMarker(text), undefined, text)
  }
})

test('what follows a number decides heading or list item', () => {
  const cases: Array<[string, ReturnType<typeof shapeOf>]> = [
    ['账号服务', 'title'],
    ['Information We Collect', 'title'],
    ['What do we collect?', 'title'],
    ['手机号码/电子邮箱：', 'colon'],
    ['为订立、履行您作为以一方当事人的合同所必需；', 'sentence'],
    ['We collect your name.', 'sentence'],
    ['to provide the service,', 'sentence'],
    ['查阅、复制。您可以通过APP查阅。', 'sentence'],
    ['这是一个超过三十个汉字的很长的标题它读起来更像是一句完整的话而不是标题', 'sentence'],
    ['', 'empty']
  ]
  for (const [rest, shape] of cases) assert.equal(shapeOf(rest), shape, rest)
})
