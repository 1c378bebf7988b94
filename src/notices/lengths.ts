/**
 * How long a notice may be on each channel, and how its length is measured.
 *
 * Display texts (pop-up, push, email subject) are measured in columns: a CJK or full-width character
 * takes two, anything else one, so one limit reads as "20 Chinese characters or 40 Latin ones".
 * SMS are measured as the network bills them (see `measureSms`).
 */
import type {Notices} from './schema.js'

/** Limits per channel; display texts in columns (CJK 2, Latin 1), SMS in billed segments. */
export interface NoticeLimits {
  popup: {title: number; body: number; button: number}
  push: {title: number; body: number}
  sms: {segments: number}
  email: {subject: number}
}

/** The default limits. Columns: CJK counts 2, Latin 1. */
export const noticeLimits: NoticeLimits = {
  /** In-app pop-up: title 20 CJK / 40 Latin, body 200 / 400, each button 8 / 16. */
  popup: {title: 40, body: 400, button: 16},
  /** Push (APNs / FCM / vendor channels cut beyond this on lock screens): title 20 / 40, body 50 / 100. */
  push: {title: 40, body: 100},
  /** SMS: at most this many billed segments (3 × 67 = 201 Chinese characters, 3 × 153 = 459 GSM-7). */
  sms: {segments: 3},
  /** Email subject: 39 CJK / 78 Latin, the line length RFC 5322 recommends and mobile clients show. */
  email: {subject: 78}
}

/** Whether code point `code` takes two columns (East Asian Wide or Fullwidth, emoji). */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x1f900 && code <= 0x1f9ff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  )
}

/** Columns `text` takes: 2 per CJK / full-width character or emoji, 1 per other code point. */
export function textWidth(text: string): number {
  let width = 0
  for (const char of text) width += isWide(char.codePointAt(0) ?? 0) ? 2 : 1
  return width
}

// GSM 03.38 default alphabet (one septet each) and its extension table (escape + one septet).
const gsmBasic = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà'
)
const gsmExtension = new Set('^{}\\[~]|€\f')

/** An SMS as the network counts it. */
export interface SmsMeasure {
  encoding: 'gsm7' | 'ucs2'
  /** GSM-7 septets (extension characters count 2) or UCS-2 code units (characters beyond the BMP count 2). */
  length: number
  /** Billed messages: one up to 160 septets / 70 units; when longer, split in parts of 153 / 67. */
  segments: number
}

/**
 * Measure an SMS. Rule: if every character is in the GSM 03.38 alphabet it is sent as GSM-7, 160
 * septets in one message or 153 per part when concatenated (the user data header takes 7); any other
 * character (any Chinese one) makes the whole message UCS-2: 70 characters in one message, 67 per part.
 */
export function measureSms(text: string): SmsMeasure {
  let septets = 0
  let gsm = true
  for (const char of text) {
    if (gsmBasic.has(char)) septets += 1
    else if (gsmExtension.has(char)) septets += 2
    else {
      gsm = false
      break
    }
  }
  const [encoding, length, single, part] = gsm ? (['gsm7', septets, 160, 153] as const) : (['ucs2', text.length, 70, 67] as const)
  return {encoding, length, segments: length <= single ? 1 : Math.ceil(length / part)}
}

/** A notice text over its channel's limit. */
export interface LengthProblem {
  /** `popup.title`, `push.body`, `sms` … */
  part: string
  /** Human wording of the measure, e.g. `3 segments (150 UCS-2 characters)`. */
  actual: string
  /** Human wording of the limit. */
  limit: string
  /** The text measured. */
  text: string
}

/** Every text of `notices` that is over its limit (default limits: `noticeLimits`). */
export function lengthProblems(notices: Notices, limits: NoticeLimits = noticeLimits): LengthProblem[] {
  const problems: LengthProblem[] = []
  const columns = (part: string, text: string, max: number) => {
    const width = textWidth(text)
    if (width > max) problems.push({part, text, actual: `${width} columns`, limit: `${max} columns (${max / 2} Chinese or ${max} Latin characters)`})
  }
  columns('popup.title', notices.popup.title, limits.popup.title)
  columns('popup.body', notices.popup.body, limits.popup.body)
  columns('popup.buttons.view', notices.popup.buttons.view, limits.popup.button)
  columns('popup.buttons.dismiss', notices.popup.buttons.dismiss, limits.popup.button)
  columns('push.title', notices.push.title, limits.push.title)
  columns('push.body', notices.push.body, limits.push.body)
  columns('email.subject', notices.email.subject, limits.email.subject)
  const sms = measureSms(notices.sms.text)
  if (sms.segments > limits.sms.segments) {
    const gsm = sms.encoding === 'gsm7'
    const unit = gsm ? 'GSM-7 characters' : 'UCS-2 characters'
    const max = limits.sms.segments === 1 ? (gsm ? 160 : 70) : limits.sms.segments * (gsm ? 153 : 67)
    const plural = (n: number) => `${n} segment${n === 1 ? '' : 's'}`
    problems.push({part: 'sms', text: notices.sms.text, actual: `${plural(sms.segments)} (${sms.length} ${unit})`, limit: `${plural(limits.sms.segments)} (${max} ${unit})`})
  }
  return problems
}
