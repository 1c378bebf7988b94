/**
 * Read the number a heading is written with (一、 （一） 1. 1.1 第三条 Article 4 (a)) as an integer.
 */

const chineseDigits: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9
}

/** Parse a Chinese numeral up to 999 (`十二`, `二十`, `一百零五`); `undefined` when it is not one. */
export function parseChineseNumeral(value: string): number | undefined {
  if (!/^[零〇一二两三四五六七八九十百]+$/.test(value)) return undefined
  let total = 0
  let current = 0
  for (const char of value) {
    if (char === '百') {
      total += (current || 1) * 100
      current = 0
    } else if (char === '十') {
      total += (current || 1) * 10
      current = 0
    } else {
      current = chineseDigits[char] ?? 0
    }
  }
  return total + current
}

const patterns: Array<[RegExp, (match: RegExpExecArray) => number | undefined]> = [
  [/^([零〇一二两三四五六七八九十百]+)[、.．]/, (m) => parseChineseNumeral(m[1] ?? '')],
  [/^[（(]([零〇一二两三四五六七八九十百]+)[）)]/, (m) => parseChineseNumeral(m[1] ?? '')],
  [/^第([零〇一二两三四五六七八九十百]+|\d+)[条章节部分款]/, (m) => (/\d/.test(m[1] ?? '') ? Number(m[1]) : parseChineseNumeral(m[1] ?? ''))],
  [/^(?:Article|Section|Part|Chapter)\s+(\d+)/i, (m) => Number(m[1])],
  [/^(\d+(?:\.\d+)*)(?:[.．、]|\s|$)/, (m) => Number((m[1] ?? '').split('.').at(-1))],
  [/^[（(](\d+)[）)]/, (m) => Number(m[1])],
  [/^[（(]([a-z])[）)]/, (m) => (m[1] ?? 'a').charCodeAt(0) - 96]
]

/** The number a heading title starts with, or `undefined`. */
export function headingNumber(title: string): number | undefined {
  const trimmed = title.trim()
  for (const [pattern, read] of patterns) {
    const match = pattern.exec(trimmed)
    if (match) {
      const value = read(match)
      if (value !== undefined && Number.isFinite(value)) return value
    }
  }
  return undefined
}
