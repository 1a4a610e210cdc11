import { format, isSameDay } from 'date-fns'
import type { FollowUp } from '../../../electron/contract'

/** "Done. Check-in planned for Tue 10:00": the toast after Mark done, for the check-in the service planned. */
export function checkInMessage(checkIn: Pick<FollowUp, 'dueAt' | 'needsTime' | 'client'>, now = new Date()): string {
  const due = new Date(checkIn.dueAt)
  const when = format(due, isSameDay(due, now) ? "'today' HH:mm" : 'EEE d MMM HH:mm')
  // No slot in two weeks fits working hours and the cadence: the person picks the time.
  if (checkIn.needsTime) return `Done. No time in the next two weeks fits ${checkIn.client.name}’s cadence: the check-in waits at ${when}. Edit it to pick a time.`
  return `Done. Check-in planned for ${format(due, isSameDay(due, now) ? "'today' HH:mm" : 'EEE HH:mm')}.`
}
