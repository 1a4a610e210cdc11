import { format } from 'date-fns'
import ICAL from 'ical.js'
import type { Data, FollowUp } from './schema'

/**
 * Open follow-ups as a calendar (RFC 5545, written with ical.js like calendar sync): one
 * 15-minute event per follow-up at the seller's own target, so the calendar shows
 * when to do it; the description names the client and the promised deadline.
 * The UID is derived from the follow-up's id, so re-importing updates the same
 * events instead of duplicating them.
 */
export const ICS_EVENT_MINUTES = 15

export const icsUid = (followUp: FollowUp) => `${followUp.id}@follow-through`

function promised(followUp: FollowUp): string {
  const due = new Date(followUp.dueAt)
  return followUp.allDay ? format(due, 'EEE d MMM yyyy') : format(due, 'EEE d MMM yyyy HH:mm')
}

function description(followUp: FollowUp): string {
  const { client } = followUp
  const lines = [
    `Client: ${client.name}${client.company ? ` (${client.company})` : ''}`,
    `Promised by: ${promised(followUp)}`,
    ...(client.phone ? [`Phone: ${client.phone}`] : []),
    ...(client.email ? [`Email: ${client.email}`] : []),
    ...(followUp.notes.trim() ? ['', followUp.notes.trim()] : []),
  ]
  return lines.join('\n')
}

const utc = (ms: number) => ICAL.Time.fromJSDate(new Date(ms), true)

export function followUpsIcs(data: Data, now: Date): string {
  const calendar = new ICAL.Component(['vcalendar', [], []])
  calendar.addPropertyWithValue('version', '2.0')
  calendar.addPropertyWithValue('prodid', 'follow-through')
  calendar.addPropertyWithValue('x-wr-calname', 'Follow Through')
  for (const followUp of data.followUps) {
    if (followUp.completedAt) continue
    const start = Date.parse(followUp.targetAt)
    const event = new ICAL.Component('vevent')
    event.addPropertyWithValue('uid', icsUid(followUp))
    event.addPropertyWithValue('summary', followUp.title)
    event.addPropertyWithValue('description', description(followUp))
    event.addPropertyWithValue('dtstart', utc(start))
    event.addPropertyWithValue('dtend', utc(start + ICS_EVENT_MINUTES * 60_000))
    // DTSTAMP: the export's instant, so the output depends only on the data and the clock passed in.
    event.addPropertyWithValue('dtstamp', utc(now.getTime()))
    calendar.addSubcomponent(event)
  }
  return calendar.toString() + '\r\n'
}
