import * as chrono from 'chrono-node'
import type { Chrono, ParsedComponents, ParsedResult, Parser } from 'chrono-node'
import { addDays, addMonths, differenceInCalendarDays, endOfDay, isSameDay, startOfDay } from 'date-fns'
import {
  at,
  endOfWorkingMonth,
  endOfWorkingWeek,
  firstWorkingDayOfNextWeek,
  timeOf,
  withinWorkingHours,
  type DateRules,
  type TimeOfDay,
} from './calendar'
import type { Span } from './contactDetails'
import type { DateDialect } from './locale'
import { weekdayNamedBy } from './normalize'
import { MONTHS, WEEKDAYS } from './vocabulary'

/** One reading of a deadline: an instant, or a whole day (due by its end). */
export interface DateChoice {
  dueAt: string
  allDay: boolean
}

/** Why a reading needs a person's yes before it is saved. */
export type ConfirmReason = 'far-away' | 'at-night' | 'today-but-named-day' | 'date-words-left' | 'ambiguous'

export interface DateReading {
  choice: DateChoice
  /** Other ways to read the line, best first; empty when there is no doubt. */
  alternatives: DateChoice[]
  reasons: ConfirmReason[]
  /** Where the words that made the date are, to leave them out of the title; other date words stay and make the preview ask. */
  spans: Span[]
}

/** About six months: further than that, a typed date is more often a slip than a plan. */
const FAR_AWAY_DAYS = 183
const NIGHT = { from: 22, to: 6 }

const END_OF_DAY = /\b(?:eod|cob|end\s+of\s+(?:the\s+)?(?:business\s+)?day|close\s+of\s+(?:the\s+)?business(?:\s+day)?|end\s+of\s+business)\b/i
const END_OF_WEEK = /\b(?:eow|end\s+of\s+(?:the\s+)?(next\s+)?week)\b/i
const END_OF_MONTH = /\b(?:eom|end\s+of\s+(?:the\s+)?(next\s+)?month)\b/i
const MORNING = /\b(?:morning|vormittags?|früh|morgens)(?![\p{L}])/iu
const AFTERNOON = /\b(?:afternoon|nachmittags?)(?![\p{L}])/iu
const NEXT_WEEK_ONLY = /^(?:next\s+week|nächste\s+woche)$/i
const NEXT_WEEKDAY = /\b(?:next|nächsten?)\s+\p{L}/iu
const THIS_OR_TODAY = /\b(?:this|today|heute|diesen)\b/i
/** Hours written so that they can only be read one way: 24-hour "08:30", "16 Uhr", "noon". */
const UNAMBIGUOUS_HOUR = /\buhr\b|\b0\d:\d\d|noon|midnight|mittag/i

/** "EOD", "COB", "end of week", "end of month": placed by the working hours afterwards, see `clockOf` and `dayOf`. */
const endOfParser: Parser = {
  pattern: () => new RegExp(`(?:${END_OF_DAY.source})|(?:${END_OF_WEEK.source})|(?:${END_OF_MONTH.source})`, 'i'),
  extract: (context, match) =>
    END_OF_DAY.test(match[0]) ? context.createParsingComponents({ hour: 17, minute: 0 }) : context.createParsingComponents({ day: context.refDate.getDate(), month: context.refDate.getMonth() + 1, year: context.refDate.getFullYear() }),
}

/** "on the 15th", "by the 1st": the next such day of a month, this one if it is still ahead. */
const ordinalDayParser: Parser = {
  pattern: () => /\bthe\s+(\d{1,2})(?:st|nd|rd|th)\b(?!\s+of\b)/i,
  extract: (context, match) => {
    const day = Number(match[1])
    if (day < 1 || day > 31) return null
    const ref = context.refDate
    let month = startOfDay(new Date(ref.getFullYear(), ref.getMonth(), 1))
    if (day < ref.getDate()) month = addMonths(month, 1)
    while (new Date(month.getFullYear(), month.getMonth(), day).getDate() !== day) month = addMonths(month, 1)
    return { day, month: month.getMonth() + 1, year: month.getFullYear() }
  },
}

const dayAfterTomorrowParser: Parser = {
  pattern: () => /\b(?:the\s+)?day\s+after\s+tomorrow\b/i,
  extract: (context) => {
    const date = addDays(context.refDate, 2)
    return { day: date.getDate(), month: date.getMonth() + 1, year: date.getFullYear() }
  },
}

/** "3.12." and "15.12.2026", as written in Germany and much of Europe. */
const dottedDateParser: Parser = {
  pattern: () => /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})?(?!\d)/,
  extract: (context, match) => {
    const [day, month] = [Number(match[1]), Number(match[2])]
    if (day < 1 || day > 31 || month < 1 || month > 12) return null
    const ref = context.refDate
    let year = match[3] ? Number(match[3].length === 2 ? `20${match[3]}` : match[3]) : ref.getFullYear()
    if (!match[3] && new Date(year, month - 1, day) < startOfDay(ref)) year += 1
    return { day, month, year }
  },
}

function extended(base: Chrono, dialect: DateDialect): Chrono {
  const custom = base.clone()
  custom.parsers.push(endOfParser, ordinalDayParser, dayAfterTomorrowParser)
  if (dialect !== 'en-US') custom.parsers.push(dottedDateParser)
  return custom
}

const READERS: Record<DateDialect, Chrono> = {
  'en-US': extended(chrono.casual, 'en-US'),
  'en-GB': extended(chrono.en.GB, 'en-GB'),
  de: extended(chrono.de.casual, 'de'),
}

/**
 * The readers a line goes through. A German system reads English too: many German
 * salespeople write their notes in English, and day first, like en-GB.
 */
const READ_AS: Record<DateDialect, DateDialect[]> = { 'en-US': ['en-US'], 'en-GB': ['en-GB'], de: ['de', 'en-GB'] }

const overlaps = (a: ParsedResult, b: ParsedResult) => a.index < b.index + b.text.length && b.index < a.index + a.text.length

/**
 * The date words of a line in every language its system reads. Where two readings
 * cover the same words, the one that covers more wins ("tomorrow 4pm" over "4pm"),
 * the system's own language on a tie; the rest keep their place in the line.
 */
function dateWords(line: string, now: Date, dialect: DateDialect): ParsedResult[] {
  const found: ParsedResult[] = []
  for (const reader of READ_AS[dialect]) {
    for (const result of READERS[reader].parse(line, now, { forwardDate: true })) {
      if (bareMonth(result, reader)) continue
      const rivals = found.filter((other) => overlaps(result, other))
      if (rivals.some((other) => other.text.length >= result.text.length)) continue
      for (const rival of rivals) found.splice(found.indexOf(rival), 1)
      found.push(result)
    }
  }
  return found.sort((a, b) => a.index - b.index)
}

const hasHour = (c: ParsedComponents) => c.isCertain('hour')
const hasDay = (c: ParsedComponents) => c.isCertain('day') || c.isCertain('weekday') || c.isCertain('month')

/** "at 3", "EOD": a time with no date of its own. */
function timeOnly(result: ParsedResult): boolean {
  return hasHour(result.start) && !hasDay(result.start) && !END_OF_WEEK.test(result.text) && !END_OF_MONTH.test(result.text)
}

/** A month on its own ("April" in "April Ludgate") is a name more often than a deadline. */
function bareMonth(result: ParsedResult, dialect: DateDialect): boolean {
  return !result.start.isCertain('day') && !hasHour(result.start) && MONTHS[dialect].includes(result.text.toLowerCase())
}

interface Clock {
  time: TimeOfDay
  /** The hour could be morning or evening and neither is within working hours ("at 8"). */
  unsure?: TimeOfDay
}

/**
 * The time a result states, with a bare hour read within working hours: "at 3" is
 * 15:00, "at 10" is 10:00; "at 8" stays 08:00 but is unsure.
 */
function clockOf(result: ParsedResult, rules: DateRules): Clock | undefined {
  const c = result.start
  if (END_OF_DAY.test(result.text)) return { time: timeOf(rules.workingHours.end) }
  if (!hasHour(c)) {
    if (MORNING.test(result.text)) return { time: timeOf(rules.dayParts.morning) }
    if (AFTERNOON.test(result.text)) return { time: timeOf(rules.dayParts.afternoon) }
    return undefined
  }
  const time = { hour: c.get('hour')!, minute: c.get('minute') ?? 0 }
  if (c.isCertain('meridiem') || time.hour > 12 || time.hour === 0 || UNAMBIGUOUS_HOUR.test(result.text)) return { time }
  const morning = { hour: time.hour % 12, minute: time.minute }
  const afternoon = { hour: (time.hour % 12) + 12, minute: time.minute }
  const readings = (time.hour === 12 ? [time] : [morning, afternoon]).filter((t) => withinWorkingHours(t, rules))
  if (readings.length === 1) return { time: readings[0] }
  return { time, unsure: time.hour === 12 ? undefined : afternoon }
}

const choice = (date: Date, time: TimeOfDay | undefined): DateChoice =>
  time ? { dueAt: at(date, time).toISOString(), allDay: false } : { dueAt: endOfDay(date).toISOString(), allDay: true }

const spanOf = (result: ParsedResult): Span => ({ start: result.index, end: result.index + result.text.length })

const namesAWeekday = (result: ParsedResult) => result.start.isCertain('weekday') && !result.start.isCertain('day')

/**
 * The day a result names, placed by the rules for end of week or month and "next week".
 * Decided: a weekday typed on that same weekday means next week's ("Monday" on a Monday
 * is in 7 days); "this Monday" or "today" mean today. `today` is then set, to offer it too.
 */
function dayOf(result: ParsedResult, now: Date, rules: DateRules): { day: Date; time?: TimeOfDay; today?: boolean } {
  const week = result.text.match(END_OF_WEEK)
  if (week) {
    const due = endOfWorkingWeek(now, rules, week[1] ? 1 : 0)
    return { day: due, time: timeOf(rules.workingHours.end) }
  }
  const month = result.text.match(END_OF_MONTH)
  if (month) {
    const due = endOfWorkingMonth(now, rules, month[1] ? 1 : 0)
    return { day: due, time: timeOf(rules.workingHours.end) }
  }
  if (NEXT_WEEK_ONLY.test(result.text.trim())) return { day: firstWorkingDayOfNextWeek(now, rules) }
  // A bare time belongs to today; chrono moves it to tomorrow once today's has passed.
  if (timeOnly(result)) return { day: startOfDay(now) }
  const day = startOfDay(result.start.date())
  if (namesAWeekday(result) && !THIS_OR_TODAY.test(result.text) && result.start.get('weekday') === now.getDay()) {
    return isSameDay(day, now) ? { day: addDays(day, 7), today: true } : { day, today: true }
  }
  return { day }
}

/**
 * Reads the deadline in a line (contact details already blanked out): the first date
 * words, joined with a time written elsewhere in the line ("tmrw call Dave 2pm"), placed
 * by working hours and day parts, with the reasons to ask and the other readings.
 * Returns null when the line holds no date.
 */
export function readDate(line: string, now: Date, dialect: DateDialect, rules: DateRules): DateReading | null {
  const results = dateWords(line, now, dialect)
  if (results.length === 0) return null
  const dated = results.find((r) => !timeOnly(r))
  const primary = dated ?? results[0]
  const { day, time: placed, today } = dayOf(primary, now, rules)
  let clock: Clock | undefined = placed ? { time: placed } : clockOf(primary, rules)
  const used = [primary]
  if (!clock) {
    const partner = results.find((r) => r !== primary && timeOnly(r))
    if (partner) {
      clock = clockOf(partner, rules)
      used.push(partner)
    }
  }

  let date = day
  const alternatives: DateChoice[] = []
  const reasons = new Set<ConfirmReason>()
  const weekdayOnly = namesAWeekday(primary)
  if (today) alternatives.push(choice(now, clock?.time))
  // "next Friday" typed on a Monday: this week's Friday or the one after? Ask.
  if (weekdayOnly && NEXT_WEEKDAY.test(primary.text)) {
    const sooner = addDays(date, -7)
    if (differenceInCalendarDays(sooner, now) > 0) {
      reasons.add('ambiguous')
      alternatives.push(choice(sooner, clock?.time))
    }
  }
  // A bare time already past today ("at 3" typed at 16:00) most likely means tomorrow: ask.
  if (timeOnly(primary) && clock && at(date, clock.time) <= now) {
    reasons.add('ambiguous')
    date = addDays(date, 1)
  }
  if (clock?.unsure) {
    reasons.add('ambiguous')
    alternatives.push(choice(date, clock.unsure))
  }

  const picked = choice(date, clock?.time)
  const due = new Date(picked.dueAt)
  if (differenceInCalendarDays(due, now) > FAR_AWAY_DAYS) reasons.add('far-away')
  if (!picked.allDay && (due.getHours() >= NIGHT.from || due.getHours() < NIGHT.to)) reasons.add('at-night')

  const leftovers = results.filter((r) => !used.includes(r))
  for (const leftover of leftovers) {
    reasons.add('date-words-left')
    const other = dayOf(leftover, now, rules)
    alternatives.push(choice(other.day, other.time ?? clockOf(leftover, rules)?.time ?? clock?.time))
  }

  if (isSameDay(date, now)) {
    const named = namedOtherWeekday(line, used.map(spanOf), now, dialect)
    if (named !== undefined) {
      reasons.add('today-but-named-day')
      alternatives.push(choice(addDays(startOfDay(now), ((named - now.getDay() + 7) % 7) || 7), clock?.time))
    }
  }

  return {
    choice: picked,
    alternatives: distinct(alternatives.filter((a) => new Date(a.dueAt) > now && a.dueAt !== picked.dueAt)),
    reasons: [...reasons],
    spans: used.map(spanOf),
  }
}

/** A weekday other than today's named (or nearly) outside the date words: "Firdya 4pm" read as today. */
function namedOtherWeekday(line: string, used: Span[], now: Date, dialect: DateDialect): number | undefined {
  for (const match of line.matchAll(/\p{L}+/gu)) {
    if (used.some((s) => match.index! >= s.start && match.index! < s.end)) continue
    for (const reader of READ_AS[dialect]) {
      const day = weekdayNamedBy(match[0], reader)
      if (day === undefined) continue
      const weekday = WEEKDAYS[reader].indexOf(day)
      if (weekday !== now.getDay()) return weekday
    }
  }
  return undefined
}

function distinct(choices: DateChoice[]): DateChoice[] {
  const seen = new Set<string>()
  return choices.filter((c) => !seen.has(c.dueAt) && seen.add(c.dueAt))
}
