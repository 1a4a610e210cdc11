import type { Reminder } from '../core/reminders'
import type { Notification } from './notifier'

/** A reminder later than this was missed (app closed, machine asleep), not just delivered. */
export const MISSED_AFTER_MS = 60_000

/**
 * Punctual reminders are shown one by one; those missed while the app was closed
 * or asleep become one summary, so waking the laptop is not a burst of popups.
 */
export function notificationsFor(reminders: Reminder[], now: Date): Notification[] {
  const missed = reminders.filter((r) => now.getTime() - r.at.getTime() > MISSED_AFTER_MS)
  const punctual = reminders.filter((r) => !missed.includes(r))
  const notifications: Notification[] = punctual.map((r) => ({ title: r.title, body: r.body, followUpId: r.followUpId }))
  if (missed.length === 1) {
    const [only] = missed
    notifications.push({ title: only.title, body: only.body, followUpId: only.followUpId })
  } else if (missed.length > 1) {
    const overdue = missed.filter((r) => r.kind === 'deadline').length
    const title =
      overdue > 0
        ? `${overdue} follow-up${overdue === 1 ? '' : 's'} became overdue while you were away`
        : `${missed.length} follow-ups need you now`
    const names = missed.slice(0, 3).map((r) => r.body.split(' (promised')[0])
    const more = missed.length > 3 ? ` and ${missed.length - 3} more` : ''
    notifications.push({ title, body: `${names.join('; ')}${more}. Open the board to see them all.` })
  }
  return notifications
}
