import { format } from 'date-fns'
import { createEvents, type EventAttributes } from 'ics'
import type { Data, FollowUp } from './schema'

/**
 * Open follow-ups as a calendar (RFC 5545, written by the `ics` library): one
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

export function followUpsIcs(data: Data, now: Date): string {
  const events = data.followUps
    .filter((f) => !f.completedAt)
    .map(
      (followUp) =>
        ({
          uid: icsUid(followUp),
          title: followUp.title,
          description: description(followUp),
          start: Date.parse(followUp.targetAt),
          startInputType: 'utc',
          startOutputType: 'utc',
          duration: { minutes: ICS_EVENT_MINUTES },
          // DTSTAMP: the export's instant (the library would otherwise read the clock).
          timestamp: now.getTime(),
        }) as EventAttributes,
    )
  const { error, value } = createEvents(events, { productId: 'follow-through', calName: 'Follow Through' })
  if (error || !value) throw new Error(`Could not write the calendar: ${error?.message ?? 'no output'}`)
  return value
}
