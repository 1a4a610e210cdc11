import { addDays, differenceInCalendarDays, endOfDay, set, startOfDay } from 'date-fns'
import { clientKey, followUpsOfClient } from './followUpList'
import type { Data, Settings } from './schema'

/**
 * The method's timing for touches the app plans by itself (check-ins, thank-yous,
 * confirmation calls, the next one of a repeat): inside working hours, on a
 * working day, and inside the client's cadence ("about one touch a week").
 */

/** How far past its intended time a touch may move before the person has to choose. */
export const SLOT_SEARCH_DAYS = 14

export interface Slot {
  /** When the touch is planned. */
  at: Date
  /**
   * False when no time within two weeks fits both working hours and the cadence:
   * `at` is then the first working hour after the intended time, and the person picks.
   */
  fits: boolean
}

function atTime(day: Date, hhmm: string): Date {
  const [hours, minutes] = hhmm.split(':').map(Number)
  return set(day, { hours, minutes, seconds: 0, milliseconds: 0 })
}

/** Today's working hours as instants, or null on a day off. An end at or before the start means "until midnight". */
export function workingHoursOn(day: Date, workingHours: Settings['workingHours']): { start: Date; end: Date } | null {
  if (!workingHours.days.includes(day.getDay())) return null
  const start = atTime(day, workingHours.start)
  const end = workingHours.end > workingHours.start ? atTime(day, workingHours.end) : endOfDay(day)
  return { start, end }
}

/** The first instant at or after `from` inside working hours on `day`, or null when that day's hours are over or it is a day off. */
function firstWorkingInstant(day: Date, from: Date, workingHours: Settings['workingHours']): Date | null {
  const hours = workingHoursOn(day, workingHours)
  if (!hours) return null
  const at = from > hours.start ? from : hours.start
  return at < hours.end ? at : null
}

/**
 * The days a client is touched: deliveries and logged contacts, and the touches
 * already planned ahead of `now` (open check-ins, thank-yous, confirmation calls
 * and repeats). A one-off promise still open is not counted: the client asked for it.
 * `except` leaves out follow-ups being (re)planned.
 */
export function touchDays(data: Data, client: string, now: Date, except: ReadonlySet<string> = new Set()): Date[] {
  const name = clientKey(client)
  const days: Date[] = []
  for (const followUp of followUpsOfClient(data.followUps, client)) {
    if (except.has(followUp.id)) continue
    if (followUp.completedAt !== undefined) days.push(new Date(followUp.completedAt))
    else if ((followUp.kind !== 'promise' || followUp.recurrence) && Date.parse(followUp.dueAt) >= now.getTime()) days.push(new Date(followUp.dueAt))
  }
  for (const contact of data.contacts) if (clientKey(contact.client) === name) days.push(new Date(contact.at))
  return days
}

/**
 * Whether one more touch on `day` keeps every run of `windowDays` calendar days
 * around it at or under `maxTouches`. Counted in whole days, so a weekly 10:00
 * call delivered at 11:00 can still be planned for 10:00 a week later.
 */
export function fitsCadence(day: Date, touches: readonly Date[], cadence: Settings['cadence']): boolean {
  const offsets = touches.map((touch) => differenceInCalendarDays(touch, day))
  for (let first = -(cadence.windowDays - 1); first <= 0; first++) {
    const last = first + cadence.windowDays - 1
    const inWindow = offsets.filter((offset) => offset >= first && offset <= last).length
    if (inWindow + 1 > cadence.maxTouches) return false
  }
  return true
}

/**
 * The first time at or after `intended` (and after `now`) inside working hours on
 * a working day whose day keeps the client's cadence, searching two weeks. When
 * none fits, the first working hour after the intended time, marked as not fitting.
 */
export function firstSlot(intended: Date, now: Date, settings: Settings, touches: readonly Date[]): Slot {
  const from = intended > now ? intended : now
  const limit = addDays(from, SLOT_SEARCH_DAYS)
  let firstWorking: Date | null = null
  for (let offset = 0; offset <= SLOT_SEARCH_DAYS; offset++) {
    const day = startOfDay(addDays(from, offset))
    const at = firstWorkingInstant(day, offset === 0 ? from : day, settings.workingHours)
    if (!at || at > limit) continue
    firstWorking ??= at
    if (fitsCadence(at, touches, settings.cadence)) return { at, fits: true }
  }
  return { at: firstWorking ?? from, fits: false }
}

/**
 * The end of the working day for "plan for today": today's working hours' end, or
 * the end of the day once those have passed (or on a day off). Never `now` itself.
 */
export function endOfWorkingToday(now: Date, workingHours: Settings['workingHours']): Date {
  const hours = workingHoursOn(startOfDay(now), workingHours)
  return hours && hours.end > now ? hours.end : endOfDay(now)
}
