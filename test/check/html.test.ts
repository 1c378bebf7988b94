import {test} from 'node:test'
import assert from 'node:assert/strict'
import {compile, messages, policy} from '../helpers.js'

const path = 'privacy/zh-CN/index.md'

test('inline HTML is an error at its position', () => {
  assert.deepEqual(messages(compile({[path]: policy('## 一 {#a}\n\n文字<span>x</span>\n')})), [
    `${path}:12:3 error no-html`,
    `${path}:12:10 error no-html`
  ])
})

test('block HTML and comments are errors', () => {
  assert.deepEqual(messages(compile({[path]: policy('<div>\n块\n</div>\n\n<!-- 注释 -->\n')})), [
    `${path}:10:1 error no-html`,
    `${path}:14:1 error no-html`
  ])
})

test('images are errors', () => {
  assert.deepEqual(messages(compile({[path]: policy('![logo](https://x.cn/a.png)\n')})), [`${path}:10:1 error no-image`])
})

test('an empty policy is an error', () => {
  assert.deepEqual(messages(compile({[path]: policy('')})), [`${path}:1:1 error content-empty`])
})
