import { format, isSameDay } from 'date-fns'
import type { FollowUp } from '../../../electron/contract'

/** "Done. Check-in planned for Tue 10:00": the toast after Mark done, for the check-in the service planned. */
export function checkInMessage(checkIn: Pick<FollowUp, 'dueAt'>, now = new Date()): string {
  const due = new Date(checkIn.dueAt)
  return `Done. Check-in planned for ${format(due, isSameDay(due, now) ? "'today' HH:mm" : 'EEE HH:mm')}.`
}
