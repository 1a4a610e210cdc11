import { addDays, setHours, startOfDay, subMinutes } from 'date-fns'
import { DEFAULT_LOCALE, formatDay, formatDayTime } from './localeFormat'
import { timesOf } from './instants'
import { quietHours, type QuietHours } from './quietHours'
import type { Data, FollowUp, ReminderKind, Settings } from './schema'

export interface Reminder {
  followUpId: string
  kind: ReminderKind
  /** When it is due: its own instant, or the end of a snooze or quiet hours that held it. */
  at: Date
  /** Every kind this reminder settles: a later reminder makes earlier unsent ones moot. */
  settles: ReminderKind[]
  title: string
  body: string
}

const ORDER: ReminderKind[] = ['target', 'lead', 'deadline']

function atHour(day: Date, hour: number): Date {
  return setHours(startOfDay(day), hour)
}

/** The instants a follow-up reminds at. All-day ones remind at a set hour instead of midnight. */
export function reminderInstants(followUp: FollowUp, settings: Settings): Record<ReminderKind, Date> {
  const dueAt = new Date(followUp.dueAt)
  const targetAt = new Date(followUp.targetAt)
  if (followUp.allDay) {
    const hour = settings.allDayReminderHour
    return {
      target: atHour(targetAt, hour),
      lead: atHour(dueAt, hour),
      deadline: atHour(addDays(dueAt, 1), hour),
    }
  }
  return { target: targetAt, lead: subMinutes(dueAt, settings.leadTimeMinutes), deadline: dueAt }
}

/** reminderInstants as epoch milliseconds; timed follow-ups (the common case) skip date objects entirely. */
function reminderTimes(followUp: FollowUp, settings: Settings): Record<ReminderKind, number> {
  if (followUp.allDay) {
    const instants = reminderInstants(followUp, settings)
    return { target: instants.target.getTime(), lead: instants.lead.getTime(), deadline: instants.deadline.getTime() }
  }
  const { dueAt, targetAt } = timesOf(followUp)
  return { target: targetAt, lead: dueAt - settings.leadTimeMinutes * 60_000, deadline: dueAt }
}

/** "1 h", "1 h 30 min", "25 min": the time actually left, which is less than the lead time when the reminder was held. */
function describeTimeLeft(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000))
  const hours = Math.floor(minutes / 60)
  if (hours === 0) return `${minutes} min`
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`
}

function message(followUp: FollowUp, kind: ReminderKind, now: Date, locale: string): { title: string; body: string } {
  const client = followUp.client.name
  const due = new Date(followUp.dueAt)
  const promised = followUp.allDay ? formatDay(due, locale, now) : formatDayTime(due, locale, now)
  switch (kind) {
    case 'target':
      return { title: `Time to deliver: ${followUp.title}`, body: `For ${client}. Promised by ${promised}.` }
    case 'lead':
      return followUp.allDay
        ? { title: `Promise to ${client} due today — deliver or send a heads-up`, body: followUp.title }
        : {
            title: `Promise to ${client} due in ${describeTimeLeft(timesOf(followUp).dueAt - now.getTime())} — deliver or send a heads-up`,
            body: followUp.title,
          }
    case 'deadline':
      return { title: `Overdue: tell ${client} now`, body: `${followUp.title} (promised by ${promised})` }
  }
}

function withQuietNote(text: { title: string; body: string }, held: boolean) {
  return held ? { ...text, body: `${text.body} (held during your quiet hours)` } : text
}

/** A snooze holds a reminder until it ends, and quiet hours until they end. */
function effectiveTime(followUp: FollowUp, at: number, quiet: QuietHours): number {
  const { snoozedUntil } = timesOf(followUp)
  return quiet.release(snoozedUntil === undefined ? at : Math.max(at, snoozedUntil))
}

/** This follow-up's reminder due at `now`, if any: the latest ripe kind, settling every ripe one. */
export function dueReminderOf(followUp: FollowUp, settings: Settings, quiet: QuietHours, now: Date, locale: string = DEFAULT_LOCALE): Reminder | null {
  if (followUp.completedAt !== undefined) return null
  const t = now.getTime()
  const times = reminderTimes(followUp, settings)
  const ripe = ORDER.filter((kind) => followUp.notifiedAt[kind] === undefined && effectiveTime(followUp, times[kind], quiet) <= t)
  const kind = ripe.at(-1)
  if (!kind) return null
  return {
    followUpId: followUp.id,
    kind,
    at: new Date(effectiveTime(followUp, times[kind], quiet)),
    settles: ripe,
    ...withQuietNote(message(followUp, kind, now, locale), quiet.release(times[kind]) !== times[kind]),
  }
}

/**
 * The earliest instant one of this follow-up's unsent reminders is due (already past
 * if one is waiting), or null: the scheduler keeps one such instant per follow-up.
 * With `after`, only instants later than it count: the dates were just set, and an
 * instant already behind them is no news to the person who set them; it is said by
 * the follow-up's next reminder instead (the latest ripe kind settles the earlier).
 */
export function nextReminderOf(followUp: FollowUp, settings: Settings, quiet: QuietHours, after = -Infinity): number | null {
  if (followUp.completedAt !== undefined) return null
  const times = reminderTimes(followUp, settings)
  let next = Infinity
  for (const kind of ORDER) {
    if (followUp.notifiedAt[kind] !== undefined) continue
    const at = effectiveTime(followUp, times[kind], quiet)
    if (at > after) next = Math.min(next, at)
  }
  return next === Infinity ? null : next
}

/** Whether two versions of a follow-up remind at the same instants (what is sent may still differ). */
export function sameReminderDates(a: FollowUp, b: FollowUp): boolean {
  return a.dueAt === b.dueAt && a.targetAt === b.targetAt && a.allDay === b.allDay && a.snoozedUntil === b.snoozedUntil && a.completedAt === b.completedAt
}

/** Reminders whose time has come and that have not been sent: at most one per follow-up, the latest kind. */
export function dueReminders(data: Data, now: Date, locale: string = DEFAULT_LOCALE): Reminder[] {
  const quiet = quietHours(data.settings, now)
  const result: Reminder[] = []
  for (const followUp of data.followUps) {
    const reminder = dueReminderOf(followUp, data.settings, quiet, now, locale)
    if (reminder) result.push(reminder)
  }
  return result.sort((a, b) => a.at.getTime() - b.at.getTime())
}

/** The next instant a reminder will be due, or null when none is pending. */
export function nextReminderAt(data: Data, now: Date): Date | null {
  const t = now.getTime()
  const quiet = quietHours(data.settings, now)
  let next = Infinity
  for (const followUp of data.followUps) {
    if (followUp.completedAt !== undefined) continue
    const times = reminderTimes(followUp, data.settings)
    for (const kind of ORDER) {
      if (followUp.notifiedAt[kind] !== undefined) continue
      const at = effectiveTime(followUp, times[kind], quiet)
      if (at > t && at < next) next = at
    }
  }
  return next === Infinity ? null : new Date(next)
}
