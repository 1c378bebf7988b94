/**
 * Locales name a document's language folder (`content/<doc>/<locale>/`) and set `lang` on pages:
 * a BCP 47 language, optional script and region, in their usual case (`zh-CN`, `zh-Hant-TW`, `en-US`).
 */

/** Pattern every locale must match. */
export const localePattern = /^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|\d{3}))?$/

/** Whether `locale` is a well-formed locale. */
export function isValidLocale(locale: string): boolean {
  return localePattern.test(locale)
}
