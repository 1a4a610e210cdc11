import { strict } from 'chrono-node'

/**
 * Dates and times in spreadsheet cells. Numeric dates are read here rather than
 * by chrono or Date.parse because their order is the locale's question: 03/04/2026
 * is 4 March in en-US and 3 April in en-GB or de-DE, and neither library takes the
 * order as an option. Everything written out ("Dec 1 2026 4pm") goes to chrono's
 * strict parser, which must read the whole cell.
 */

export interface DateCell {
  at: Date
  allDay: boolean
}

export interface DateReading {
  /** Day before month in numeric dates (en-GB 27/11/2026, de-DE 27.11.2026); month first otherwise (en-US 11/27/2026). */
  dayFirst: boolean
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/i
/** 2026-11-27, 27/11/2026, 11/27/26, 27.11.2026, each optionally followed by a time. */
const NUMERIC_DATE = /^(\d{1,4})[./-](\d{1,2})[./-](\d{1,4})\.?(?:(?:\s+|T|,\s*)(.+))?$/i
/** 16:00, 4:00 PM, 4pm, 16:00:00, 9.30 */
const TIME = /^(\d{1,2})(?:[:.](\d{2}))?(?::(\d{2}))?\s*([ap])?\.?\s*m?\.?$/i

/** A time-of-day cell as hours and minutes, or null when it is not one. */
export function parseTimeCell(cell: string): { hours: number; minutes: number } | null {
  const match = TIME.exec(cell.trim())
  if (!match) return null
  let hours = Number(match[1])
  const minutes = Number(match[2] ?? 0)
  const meridiem = match[4]?.toLowerCase()
  if (!match[2] && !meridiem) return null
  if (meridiem) {
    if (hours < 1 || hours > 12) return null
    hours = (hours % 12) + (meridiem === 'p' ? 12 : 0)
  }
  return hours <= 23 && minutes <= 59 ? { hours, minutes } : null
}

function calendarDate(year: number, month: number, day: number): Date | null {
  const fullYear = year < 100 ? 2000 + year : year
  const date = new Date(fullYear, month - 1, day, 12)
  return date.getFullYear() === fullYear && date.getMonth() === month - 1 && date.getDate() === day ? date : null
}

function numericDate(match: RegExpExecArray, reading: DateReading): Date | null {
  const [a, b, c] = [match[1], match[2], match[3]]
  if (a.length === 4) return calendarDate(Number(a), Number(b), Number(c))
  if (c.length !== 4 && c.length !== 2) return null
  const [first, second] = [Number(a), Number(b)]
  // A number above 12 can only be the day, whatever the locale says.
  const dayFirst = first > 12 ? true : second > 12 ? false : reading.dayFirst
  return dayFirst ? calendarDate(Number(c), second, first) : calendarDate(Number(c), first, second)
}

/**
 * A date cell, with an optional time from its own column (Pipedrive and others
 * export "Due date" and "Due time" apart). A date without a time is all-day.
 * Null when the cell cannot be read in full.
 */
export function parseDateCell(cell: string, now: Date, reading: DateReading = { dayFirst: false }, timeCell = ''): DateCell | null {
  const text = cell.trim()
  const time = timeCell.trim() === '' ? null : parseTimeCell(timeCell)
  if (timeCell.trim() !== '' && !time) return null
  if (ISO_INSTANT.test(text)) {
    const ms = Date.parse(text)
    return Number.isNaN(ms) || time ? null : { at: new Date(ms), allDay: false }
  }
  const numeric = NUMERIC_DATE.exec(text)
  if (numeric) {
    const day = numericDate(numeric, reading)
    if (!day) return null
    const own = numeric[4] ? parseTimeCell(numeric[4]) : null
    if (numeric[4] && !own) return null
    const at = own ?? time
    if (!at) return { at: day, allDay: true }
    day.setHours(at.hours, at.minutes, 0, 0)
    return { at: day, allDay: false }
  }
  const [result] = strict.parse(text, now, { forwardDate: true })
  if (!result || result.text.trim().length < text.replace(/[.,;]+$/, '').length) return null
  const at = result.start.date()
  if (time && !result.start.isCertain('hour')) {
    at.setHours(time.hours, time.minutes, 0, 0)
    return { at, allDay: false }
  }
  return time ? null : { at, allDay: !result.start.isCertain('hour') }
}
