import { describe, expect, it } from 'vitest'
import {
  countOf,
  defaultCurrencyOf,
  formatDay,
  formatDayTime,
  formatDecimal,
  formatLongDay,
  formatMoney,
  formatNumericDate,
  formatPercent,
  formatTime,
  resolveLocale,
  weekRulesOf,
  weekStartOf,
  writesDayFirst,
} from '../../../electron/core/localeFormat'

// Friday 27 November 2026, 16:30 in Berlin (tests run in Europe/Berlin); "now" is the Monday before.
const AT = new Date(2026, 10, 27, 16, 30)
const NOW = new Date(2026, 10, 23, 10, 0)

describe.each([
  {
    locale: 'en-US',
    time: '4:30 PM',
    day: 'Fri, Nov 27',
    dayTime: 'Fri, Nov 27, 4:30 PM',
    nextYear: 'Fri, Nov 26, 2027, 4:30 PM',
    long: 'Friday, November 27 at 4:30 PM',
    money: '$2,500.50',
    euros: '€1,234.00',
    percent: '83%',
    numeric: '11/27/2026',
    decimal: '83.3',
    weekStart: 0,
    currency: 'USD',
    dayFirst: false,
  },
  {
    locale: 'en-GB',
    time: '16:30',
    day: 'Fri 27 Nov',
    dayTime: 'Fri 27 Nov, 16:30',
    nextYear: 'Fri, 26 Nov 2027, 16:30',
    long: 'Friday 27 November at 16:30',
    money: 'US$2,500.50',
    euros: '€1,234.00',
    percent: '83%',
    numeric: '27/11/2026',
    decimal: '83.3',
    weekStart: 1,
    currency: 'GBP',
    dayFirst: true,
  },
  {
    locale: 'de-DE',
    time: '16:30',
    day: 'Fr., 27. Nov.',
    dayTime: 'Fr., 27. Nov., 16:30',
    nextYear: 'Fr., 26. Nov. 2027, 16:30',
    long: 'Freitag, 27. November um 16:30',
    money: '2.500,50 $',
    euros: '1.234,00 €',
    percent: '83 %',
    numeric: '27.11.2026',
    decimal: '83,3',
    weekStart: 1,
    currency: 'EUR',
    dayFirst: true,
  },
])('in $locale', (expected) => {
  const { locale } = expected

  it('writes the time with the locale’s clock (12-hour in en-US)', () => {
    expect(formatTime(AT, locale)).toBe(expected.time)
  })

  it('writes days and day-times the locale’s way, with the year only when it is not this year', () => {
    expect(formatDay(AT, locale, NOW)).toBe(expected.day)
    expect(formatDayTime(AT, locale, NOW)).toBe(expected.dayTime)
    expect(formatDayTime(new Date(2027, 10, 26, 16, 30), locale, NOW)).toBe(expected.nextYear)
    expect(formatLongDay(AT, locale, NOW, true)).toBe(expected.long)
    expect(formatNumericDate(AT, locale)).toBe(expected.numeric)
  })

  it('writes amounts, percentages and decimals with the locale’s separators', () => {
    expect(formatMoney(2500.5, 'USD', locale).replace(/\u00a0/g, ' ')).toBe(expected.money)
    expect(formatMoney(1234, 'EUR', locale).replace(/\u00a0/g, ' ')).toBe(expected.euros)
    expect(formatPercent(0.834, locale).replace(/\u00a0/g, ' ')).toBe(expected.percent)
    expect(formatDecimal(83.33, locale, 1)).toBe(expected.decimal)
  })

  it('knows the week start, the default currency and whether dates are written day first', () => {
    expect(weekStartOf(locale)).toBe(expected.weekStart)
    expect(defaultCurrencyOf(locale)).toBe(expected.currency)
    expect(writesDayFirst(locale)).toBe(expected.dayFirst)
  })
})

describe('which locale is shown', () => {
  it('takes Settings’ override over the system’s', () => {
    expect(resolveLocale('de-DE', 'en-US')).toBe('de-DE')
    expect(resolveLocale(undefined, 'en-GB')).toBe('en-GB')
  })

  it('skips what is not a locale (a POSIX "C" or "en_US.UTF-8") and ends at en-US', () => {
    expect(resolveLocale('not a locale', 'de-DE')).toBe('de-DE')
    expect(resolveLocale(undefined, 'en_US.UTF-8')).toBe('en-US')
    expect(resolveLocale(undefined, undefined)).toBe('en-US')
  })

  it('takes the currency of a language’s likely region', () => {
    expect(defaultCurrencyOf('de')).toBe('EUR')
    expect(defaultCurrencyOf('fr-CH')).toBe('CHF')
  })
})

describe('times before ten', () => {
  const morning = new Date(2026, 10, 27, 9, 5)
  it.each([
    ['en-US', '9:05 AM'],
    ['en-GB', '09:05'],
    ['de-DE', '09:05'],
  ])('%s writes %s', (locale, expected) => {
    expect(formatTime(morning, locale)).toBe(expected)
  })
})

describe('weeks', () => {
  it('start on Sunday with week 1 holding 1 January in en-US, and follow ISO 8601 in en-GB and de-DE', () => {
    expect(weekRulesOf('en-US')).toEqual({ weekStartsOn: 0, firstWeekContainsDate: 1 })
    expect(weekRulesOf('en-GB')).toEqual({ weekStartsOn: 1, firstWeekContainsDate: 4 })
    expect(weekRulesOf('de-DE')).toEqual({ weekStartsOn: 1, firstWeekContainsDate: 4 })
  })
})

describe('counts in words', () => {
  it('says one follow-up, and any other number of follow-ups, grouped for the locale when one is given', () => {
    expect(countOf(1, 'follow-up')).toBe('1 follow-up')
    expect(countOf(0, 'follow-up')).toBe('0 follow-ups')
    expect(countOf(3, 'logged contact')).toBe('3 logged contacts')
    expect(countOf(1500, 'follow-up', 'en-US')).toBe('1,500 follow-ups')
    expect(countOf(1500, 'follow-up', 'de-DE')).toBe('1.500 follow-ups')
  })
})
