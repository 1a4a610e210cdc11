import countryToCurrency from 'country-to-currency'

/**
 * Every date, time, number and amount the person sees, through `Intl`, in the
 * locale passed in (pure: core, the service and the renderer all call these, each
 * with the locale it resolved). "Fri, Nov 27, 4:30 PM" in en-US, "Fri 27 Nov,
 * 16:30" in en-GB, "Fr., 27. Nov., 16:30" in de-DE.
 */

/** Where neither the setting nor the system names a usable locale. */
export const DEFAULT_LOCALE = 'en-US'

/** The locale to show: the setting's override when it is one Intl knows, else the system's, else en-US. */
export function resolveLocale(override: string | undefined, system: string | undefined): string {
  for (const candidate of [override, system]) {
    if (!candidate) continue
    try {
      const [canonical] = Intl.getCanonicalLocales(candidate)
      if (canonical && Intl.DateTimeFormat.supportedLocalesOf(canonical).length > 0) return canonical
    } catch {
      // Not a BCP 47 tag (e.g. "C" or "en_US.UTF-8" from a POSIX environment): try the next one.
    }
  }
  return DEFAULT_LOCALE
}

/** The process's own locale (Node and browsers alike); shells may know better (Electron's app.getLocale). */
export const systemLocale = (): string => Intl.DateTimeFormat().resolvedOptions().locale

/** Building an Intl formatter costs far more than using one, and every card on screen formats several values. */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>()

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`
  let format = formatters.get(key) as Intl.DateTimeFormat | undefined
  if (!format) formatters.set(key, (format = new Intl.DateTimeFormat(locale, options)))
  return format
}

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`
  let format = formatters.get(key) as Intl.NumberFormat | undefined
  if (!format) formatters.set(key, (format = new Intl.NumberFormat(locale, options)))
  return format
}

const DAY: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' }
const LONG_DAY: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long' }

/** The year is shown only when it is not the year of `now` (or always, without `now`). */
const withYear = (options: Intl.DateTimeFormatOptions, date: Date, now?: Date): Intl.DateTimeFormatOptions =>
  now && now.getFullYear() === date.getFullYear() ? options : { ...options, year: 'numeric' }

/** "9:05 AM" on a 12-hour clock, "09:05" on a 24-hour one (what `timeStyle: 'short'` writes, which cannot be combined with a weekday). */
const timeOf = (locale: string): Intl.DateTimeFormatOptions => ({ hour: uses12HourClock(locale) ? 'numeric' : '2-digit', minute: '2-digit' })

/** "4:30 PM" (en-US), "16:30" (en-GB, de-DE). */
export const formatTime = (date: Date, locale: string): string => dateFormat(locale, timeOf(locale)).format(date)

/** "Fri" / "Fr.". */
export const formatWeekday = (date: Date, locale: string): string => dateFormat(locale, { weekday: 'short' }).format(date)

/** "Fri, Nov 27" / "Fri 27 Nov" / "Fr., 27. Nov."; with the year when it is not `now`'s. */
export const formatDay = (date: Date, locale: string, now?: Date): string => dateFormat(locale, withYear(DAY, date, now)).format(date)

/** "Fri, Nov 27, 4:30 PM" / "Fri 27 Nov, 16:30" / "Fr., 27. Nov., 16:30"; with the year when it is not `now`'s. */
export const formatDayTime = (date: Date, locale: string, now?: Date): string =>
  dateFormat(locale, { ...withYear(DAY, date, now), ...timeOf(locale) }).format(date)

/** Written out for a message to a client: "Friday, November 27 at 4:30 PM", "Freitag, 27. November um 16:30". */
export const formatLongDay = (date: Date, locale: string, now?: Date, withTime = false): string =>
  dateFormat(locale, withTime ? { ...withYear(LONG_DAY, date, now), ...timeOf(locale) } : withYear(LONG_DAY, date, now)).format(date)

/** A calendar date with digits, as spreadsheets write it: "11/27/2026" / "27/11/2026" / "27.11.2026". */
export const formatNumericDate = (date: Date, locale: string): string =>
  dateFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(date)

/** "$2,500.00" / "US$2,500.00" / "2.500,00 $". */
export const formatMoney = (amount: number, currency: string, locale: string): string =>
  numberFormat(locale, { style: 'currency', currency }).format(amount)

/** "1,234.5" / "1.234,5". */
export const formatNumber = (value: number, locale: string, maximumFractionDigits = 2): string =>
  numberFormat(locale, { maximumFractionDigits }).format(value)

/**
 * A count and its noun, "1 follow-up", "3 follow-ups" (the app's wording is English; the
 * nouns it counts take an "s"). With a locale the number is grouped for it: "1,500 follow-ups".
 */
export const countOf = (count: number, noun: string, locale?: string): string =>
  `${locale === undefined ? count : formatNumber(count, locale)} ${noun}${count === 1 ? '' : 's'}`

/** A number with exactly `digits` decimals and no grouping, for spreadsheets: "83.3" / "83,3". */
export const formatDecimal = (value: number, locale: string, digits: number): string =>
  numberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }).format(value)

/** "," where the locale writes decimals with a comma (de-DE): its spreadsheets then separate cells with ";". */
export const decimalSeparatorOf = (locale: string): string =>
  numberFormat(locale, {}).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.'

/** A rate 0…1 as "83%" / "83 %". */
export const formatPercent = (rate: number, locale: string): string => numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(rate)

const twelveHourClocks = new Map<string, boolean>()

/** Whether the locale writes times with AM/PM (en-US) rather than a 24-hour clock (asked once per locale: every time on a card asks). */
export function uses12HourClock(locale: string): boolean {
  let twelveHours = twelveHourClocks.get(locale)
  if (twelveHours === undefined) twelveHourClocks.set(locale, (twelveHours = dateFormat(locale, { hour: 'numeric' }).resolvedOptions().hour12 === true))
  return twelveHours
}

type WeekInfo = { firstDay: number; minimalDays?: number }
type LocaleWithWeekInfo = Intl.Locale & { getWeekInfo?(): WeekInfo; weekInfo?: WeekInfo }

/**
 * The first day of the week as date-fns counts it (0 = Sunday … 6 = Saturday): Sunday
 * in en-US, Monday in en-GB and de-DE. Intl.Locale's week info (CLDR) is read where the
 * engine has it (Chromium, Node); elsewhere the ISO 8601 Monday.
 */
export function weekStartOf(locale: string): 0 | 1 | 2 | 3 | 4 | 5 | 6 {
  const tag = new Intl.Locale(locale) as LocaleWithWeekInfo
  const firstDay = (tag.getWeekInfo?.() ?? tag.weekInfo)?.firstDay ?? 1
  return (firstDay % 7) as 0 | 1 | 2 | 3 | 4 | 5 | 6
}

/** How the locale numbers weeks, as date-fns takes it: ISO 8601 (Monday, week 1 holds 4 January) in de-DE and en-GB, Sunday and 1 January in en-US. */
export interface WeekRules {
  weekStartsOn: 0 | 1 | 2 | 3 | 4 | 5 | 6
  /** date-fns knows the two rules in use: week 1 holds 1 January, or 4 January (ISO). */
  firstWeekContainsDate: 1 | 4
}

export function weekRulesOf(locale: string): WeekRules {
  const tag = new Intl.Locale(locale) as LocaleWithWeekInfo
  const minimalDays = (tag.getWeekInfo?.() ?? tag.weekInfo)?.minimalDays ?? 4
  return { weekStartsOn: weekStartOf(locale), firstWeekContainsDate: minimalDays >= 4 ? 4 : 1 }
}

/** The currency of the locale's region ("en-US" → USD, "de-DE" → EUR, "en" → USD via its likely region). */
export function defaultCurrencyOf(locale: string): string {
  const region = new Intl.Locale(locale).maximize().region
  return (region && (countryToCurrency as Record<string, string>)[region]) || 'USD'
}

/** Whether the locale writes numeric dates day first (en-GB 27/11, de-DE 27.11) rather than month first (en-US 11/27). */
export function writesDayFirst(locale: string): boolean {
  const parts = dateFormat(locale, { month: 'numeric', day: 'numeric' }).formatToParts(new Date(2000, 10, 27))
  return parts.findIndex((p) => p.type === 'day') < parts.findIndex((p) => p.type === 'month')
}
