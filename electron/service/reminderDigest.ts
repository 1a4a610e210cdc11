import type { Reminder } from '../core/reminders'
import type { Notification } from './notifier'
import { countOf } from '../core/localeFormat'

/** A reminder later than this was missed (app closed, machine asleep), not just delivered. */
export const MISSED_AFTER_MS = 60_000

/**
 * Punctual reminders are shown one by one; those missed while the app was closed
 * or asleep become one summary, so waking the laptop is not a burst of popups.
 */
export function notificationsFor(reminders: Reminder[], now: Date): Notification[] {
  return digestReminders(reminders, now).map(({ notification }) => notification)
}

/** A notification and the reminders it shows: they count as sent only once it was shown. */
export interface DigestedReminders {
  notification: Notification
  covers: Reminder[]
}

export function digestReminders(reminders: Reminder[], now: Date): DigestedReminders[] {
  const missed = reminders.filter((r) => now.getTime() - r.at.getTime() > MISSED_AFTER_MS)
  const punctual = reminders.filter((r) => !missed.includes(r))
  const digested: DigestedReminders[] = punctual.map((r) => ({ notification: { title: r.title, body: r.body, followUpId: r.followUpId }, covers: [r] }))
  if (missed.length === 1) {
    const [only] = missed
    digested.push({ notification: { title: only.title, body: only.body, followUpId: only.followUpId }, covers: [only] })
  } else if (missed.length > 1) {
    const overdue = missed.filter((r) => r.kind === 'deadline').length
    const title =
      overdue > 0
        ? `${countOf(overdue, 'follow-up')} became overdue while you were away`
        : `${missed.length} follow-ups need you now`
    const names = missed.slice(0, 3).map((r) => r.body.split(' (promised')[0])
    const more = missed.length > 3 ? ` and ${missed.length - 3} more` : ''
    digested.push({ notification: { title, body: `${names.join('; ')}${more}. Open the board to see them all.` }, covers: missed })
  }
  return digested
}
