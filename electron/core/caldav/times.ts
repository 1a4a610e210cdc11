import ICAL from 'ical.js'
import { endOfDay, format } from 'date-fns'

/** An iCalendar DATE (all-day) as the app's all-day instant: the end of that local day. */
export const endOfLocalDate = (time: ICAL.Time): Date => endOfDay(new Date(time.year, time.month - 1, time.day))

/** The local date of an instant as an iCalendar DATE value. */
export const localDate = (instant: string): ICAL.Time => ICAL.Time.fromDateString(format(new Date(instant), 'yyyy-MM-dd'))

export const utcTime = (instant: string): ICAL.Time => ICAL.Time.fromJSDate(new Date(instant), true)

/**
 * The UTC offset of an IANA zone at an instant, from Intl. Used only when a client
 * writes TZID=Europe/Berlin without the VTIMEZONE that should come with it
 * (ical.js then has no rules for the zone, and no zone library is a dependency).
 */
function offsetMs(zone: string, at: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(at))
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value)
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - Math.floor(at / 1000) * 1000
}

function isIanaZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

/**
 * A DATE-TIME as an instant, whichever way the client wrote it: UTC, with a TZID
 * and its VTIMEZONE (Thunderbird), with only an IANA TZID, or floating (local).
 */
export function instantOf(property: ICAL.Property, calendar: ICAL.Component): Date {
  const time = (property.getFirstValue() as ICAL.Time).clone()
  const tzid = property.getParameter('tzid') as string | undefined
  if (!tzid || time.zone === ICAL.Timezone.utcTimezone) return time.toJSDate()
  const definition = calendar.getAllSubcomponents('vtimezone').find((zone) => zone.getFirstPropertyValue('tzid') === tzid)
  if (definition) {
    time.zone = new ICAL.Timezone(definition)
    return time.toJSDate()
  }
  if (isIanaZone(tzid)) {
    const wall = Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second)
    // Two passes settle the offset on either side of a daylight-saving change.
    const first = wall - offsetMs(tzid, wall)
    return new Date(wall - offsetMs(tzid, first))
  }
  return new Date(time.year, time.month - 1, time.day, time.hour, time.minute, time.second)
}
