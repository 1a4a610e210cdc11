import { isSameDay } from 'date-fns'
import type { FollowUp } from '../../../electron/contract'
import { formatTime, formatWeekday } from '../../../electron/contract/format'
import { displayLocale } from '../../lib/locale'

/** "Done. Check-in planned for Tue 10:00 AM" (en-US): the toast after Mark done, for the check-in the service planned. */
export function checkInMessage(checkIn: Pick<FollowUp, 'dueAt' | 'needsTime' | 'client'>, now = new Date()): string {
  const due = new Date(checkIn.dueAt)
  const locale = displayLocale()
  const weekday = isSameDay(due, now) ? 'today' : formatWeekday(due, locale)
  // No slot in two weeks fits working hours and the cadence: the person picks the time.
  if (checkIn.needsTime) return `Done. No time in the next two weeks fits ${checkIn.client.name}’s cadence: the check-in waits at ${weekday} ${formatTime(due, locale)}. Edit it to pick a time.`
  return `Done. Check-in planned for ${weekday} ${formatTime(due, locale)}.`
}
