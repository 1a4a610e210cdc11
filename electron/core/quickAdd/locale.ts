/** How dates are written: month first (US), day first (most English outside the US), or German. */
export type DateDialect = 'en-US' | 'en-GB' | 'de'

/** Regions whose English writes the month first (3/12 is March 12). */
const MONTH_FIRST_REGIONS = new Set(['US', 'CA', 'PH', 'FM', 'MH', 'PW', 'AS', 'GU', 'MP', 'PR', 'UM', 'VI'])

/**
 * The dialect quick add reads for a BCP 47 tag: German for any "de" tag, month
 * first for US-style English (and when nothing is known), day first otherwise,
 * since most of the world writes the day first.
 */
export function dateDialect(locale: string | undefined): DateDialect {
  if (!locale) return 'en-US'
  const [language, ...rest] = locale.split(/[-_]/)
  if (language.toLowerCase() === 'de') return 'de'
  const region = rest.find((part) => /^[A-Za-z]{2}$|^\d{3}$/.test(part))?.toUpperCase()
  if (language.toLowerCase() === 'en' && (region === undefined || MONTH_FIRST_REGIONS.has(region))) return 'en-US'
  return 'en-GB'
}
