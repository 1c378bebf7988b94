/**
 * A small, valid set of lists for one policy, to plant mistakes into.
 */
import {policy} from '../helpers.js'

export const vocabulary = `phone-number:
  zh-CN: 手机号码
  en-US: Mobile phone number
  sensitive: false
device-info:
  zh-CN: 设备信息
  en-US: Device information
  sensitive: false
face:
  zh-CN: 人脸信息
  en-US: Facial information
  sensitive: true
`

export const sdk = `---
title: 第三方SDK目录
---

我们接入的第三方SDK如下。

## 微信开放平台 SDK {#wechat}

- 第三方主体: 深圳市腾讯计算机系统有限公司
- 使用目的: 微信登录、分享
- 使用场景: 使用微信账号登录
- 收集的个人信息: device-info
- 收集方式: SDK本机采集
- 使用的权限: network
- 适用平台: Android、iOS
- 隐私政策: https://weixin.qq.com/privacy

## 实名认证 SDK {#verify}

- 第三方主体: 示例认证有限公司
- 使用目的: 实名认证
- 使用场景: 开通直播时
- 收集的个人信息: face, phone-number
- 收集方式: SDK本机采集
- 使用的权限: camera, network
- 适用平台: Android
- 隐私政策: https://verify.example.com/privacy
- 备注: =HYPERLINK("http://evil.example")
`

export const permissions = `## 网络权限 {#network}

- Android 权限: android.permission.INTERNET
- 使用场景: 所有联网功能
- 使用目的: 访问网络
- 使用前询问: 否
- 可关闭: 否
- 拒绝的影响: 无法使用联网功能

## 相机权限 {#camera}

- Android 权限: android.permission.CAMERA
- iOS 权限: NSCameraUsageDescription
- 使用场景: 拍摄、实名认证
- 使用目的: 拍摄照片和视频
- 使用前询问: 是
- 可关闭: 是
- 拒绝的影响: 无法拍摄，不影响其他功能
`

export const collection = `## 人脸信息 {#face}

- 信息类型: face
- 使用目的: 实名认证
- 使用场景: 开通直播、提现
- 基本模式必需: 否

## 设备信息 {#device}

- 信息类型: device-info
- 使用目的: 保障运营安全
- 使用场景: 访客模式
- 基本模式必需: 是
`

export const sharing = `## 支付服务机构 {#payment}

- 合作类型: 支付
- 共享目的: 完成支付
- 使用场景: 购买商品
- 共享的个人信息: device-info
- 共享方式: 后台接口传输
- 隐私政策或联系方式: https://pay.example.com/privacy
`

/** The files of a valid content folder with all four lists; `overrides` replace or add files. */
export function listContent(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    'vocabulary.yaml': vocabulary,
    'privacy/zh-CN/index.md': policy('## 一 {#a}\n\n详见[第三方SDK目录](lists/sdk.md)。\n'),
    'privacy/zh-CN/lists/sdk.md': sdk,
    'privacy/zh-CN/lists/permissions.md': permissions,
    'privacy/zh-CN/lists/collection.md': collection,
    'privacy/zh-CN/lists/sharing.md': sharing,
    ...overrides
  }
}
