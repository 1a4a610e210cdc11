import { isSameDay } from 'date-fns'
import type { FollowUp } from '../../../electron/contract'
import { formatTime, formatWeekday } from '../../../electron/contract/format'
import { displayLocale } from '../../lib/locale'

/** "Done. Check-in planned for Tue 10:00 AM" (en-US): the toast after Mark done, for the check-in the service planned. */
export function checkInMessage(checkIn: Pick<FollowUp, 'dueAt'>, now = new Date()): string {
  const due = new Date(checkIn.dueAt)
  const weekday = isSameDay(due, now) ? 'today' : formatWeekday(due, displayLocale())
  return `Done. Check-in planned for ${weekday} ${formatTime(due, displayLocale())}.`
}
