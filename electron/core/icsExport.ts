import ICAL from 'ical.js'
import { tzlib_get_ical_block } from 'timezones-ical-library'
import { DEFAULT_LOCALE, formatDay, formatDayTime } from './localeFormat'
import type { Data, FollowUp } from './schema'

/**
 * Open follow-ups as a calendar (RFC 5545, written with ical.js): one event per
 * follow-up at the seller's own target, so the calendar shows when to do it.
 *
 * - A timed follow-up is a 15-minute event in the person's time zone: DTSTART and
 *   DTEND carry a TZID and the calendar holds that zone's VTIMEZONE (the rules come
 *   from timezones-ical-library, since ical.js ships no zone data). A zone it does
 *   not know falls back to UTC times, which every calendar reads correctly.
 * - An all-day promise is an all-day event (VALUE=DATE) on its target's day, not a
 *   timed event at 23:59:59.
 * - The UID comes from the follow-up's id and SEQUENCE grows with its history, so a
 *   calendar re-importing the file updates the same events rather than adding copies.
 */
export const ICS_EVENT_MINUTES = 15

export const icsUid = (followUp: FollowUp) => `${followUp.id}@follow-through`

function promised(followUp: FollowUp, locale: string): string {
  const due = new Date(followUp.dueAt)
  return followUp.allDay ? formatDay(due, locale) : formatDayTime(due, locale)
}

function description(followUp: FollowUp, locale: string): string {
  const { client } = followUp
  const lines = [
    `Client: ${client.name}${client.company ? ` (${client.company})` : ''}`,
    `Promised by: ${promised(followUp, locale)}`,
    ...(client.phone ? [`Phone: ${client.phone}`] : []),
    ...(client.email ? [`Email: ${client.email}`] : []),
    ...(followUp.notes.trim() ? ['', followUp.notes.trim()] : []),
  ]
  return lines.join('\n')
}

/** The wall clock of `at` in `timeZone` (Intl knows every IANA zone; ical.js does not convert instants to zones). */
function wallClock(at: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at)
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value)
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute'), second: part('second') }
}

/** The zone itself when Intl knows it, else UTC. */
function knownZone(timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone
  } catch {
    return 'UTC'
  }
}

/** The zone's VTIMEZONE, or null when the zone is UTC or unknown (times are then written in UTC). */
function vtimezone(timeZone: string): ICAL.Component | null {
  if (/^(UTC|Etc\/UTC|Etc\/GMT|GMT)$/i.test(timeZone)) return null
  try {
    const block = tzlib_get_ical_block(timeZone)
    const text = Array.isArray(block) ? block[0] : ''
    if (!text.startsWith('BEGIN:VTIMEZONE')) return null
    return new ICAL.Component(ICAL.parse(text) as unknown[])
  } catch {
    return null
  }
}

function eventOf(followUp: FollowUp, now: Date, locale: string, timeZone: string, zone: ICAL.Timezone | null): ICAL.Component {
  const vevent = new ICAL.Component('vevent')
  const event = new ICAL.Event(vevent)
  event.uid = icsUid(followUp)
  event.summary = followUp.title
  event.description = description(followUp, locale)
  vevent.updatePropertyWithValue('dtstamp', ICAL.Time.fromJSDate(now, true))
  vevent.updatePropertyWithValue('sequence', followUp.history.length)
  const target = new Date(followUp.targetAt)
  if (followUp.allDay) {
    const { year, month, day } = wallClock(target, timeZone)
    const start = ICAL.Time.fromData({ year, month, day, isDate: true })
    const end = start.clone()
    end.adjust(1, 0, 0, 0)
    event.startDate = start
    event.endDate = end
    // A day to do it, not a busy day.
    vevent.updatePropertyWithValue('transp', 'TRANSPARENT')
  } else {
    const start = zone ? ICAL.Time.fromData(wallClock(target, timeZone), zone) : ICAL.Time.fromJSDate(target, true)
    const end = start.clone()
    end.adjust(0, 0, ICS_EVENT_MINUTES, 0)
    event.startDate = start
    event.endDate = end
  }
  return vevent
}

/**
 * The calendar file. `locale` writes the promised date in the description; `timeZone`
 * (an IANA name, the person's own) is the zone timed events are written in.
 */
export function followUpsIcs(data: Data, now: Date, locale: string = DEFAULT_LOCALE, personsTimeZone = 'UTC'): string {
  const timeZone = knownZone(personsTimeZone)
  const calendar = new ICAL.Component(['vcalendar', [], []])
  calendar.updatePropertyWithValue('prodid', '-//Follow Through//Follow Through//EN')
  calendar.updatePropertyWithValue('version', '2.0')
  calendar.updatePropertyWithValue('calscale', 'GREGORIAN')
  calendar.updatePropertyWithValue('method', 'PUBLISH')
  calendar.updatePropertyWithValue('x-wr-calname', 'Follow Through')
  const open = data.followUps.filter((f) => !f.completedAt)
  const zoneComponent = open.some((f) => !f.allDay) ? vtimezone(timeZone) : null
  let zone: ICAL.Timezone | null = null
  if (zoneComponent) {
    calendar.addSubcomponent(zoneComponent)
    zone = new ICAL.Timezone({ component: zoneComponent, tzid: timeZone })
  }
  for (const followUp of open) calendar.addSubcomponent(eventOf(followUp, now, locale, timeZone, zone))
  return calendar.toString() + '\r\n'
}
