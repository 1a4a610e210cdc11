import { addDays, startOfDay } from 'date-fns'
import { timesOf } from './instants'
import type { Data, FollowUp } from './schema'

export const COLUMNS = ['promised', 'due', 'overdue', 'done'] as const
export type Column = (typeof COLUMNS)[number]

/**
 * The local day around `now` as epoch milliseconds. Local-time arithmetic is slow
 * (a time-zone lookup per call), so a board computes it once, not once per card.
 */
export interface Today {
  now: number
  start: number
  end: number
}

export function today(now: Date): Today {
  const start = startOfDay(now)
  return { now: now.getTime(), start: start.getTime(), end: addDays(start, 1).getTime() }
}

/** The own target has come while the promise still stands: deliver now or send a heads-up. */
export function isAtRisk(followUp: FollowUp, now: Date | Today): boolean {
  const t = now instanceof Date ? now.getTime() : now.now
  const { targetAt, dueAt } = timesOf(followUp)
  return followUp.completedAt === undefined && t >= targetAt && t <= dueAt
}

/**
 * The column a follow-up belongs in (DESIGN.md, first match wins; a target counts as
 * passed from its own instant). A snooze hides
 * the card from Due until it ends; it never hides a missed promise.
 */
export function columnOf(followUp: FollowUp, now: Date | Today): Column {
  if (followUp.completedAt !== undefined) return 'done'
  const day = now instanceof Date ? today(now) : now
  const { dueAt, targetAt, snoozedUntil } = timesOf(followUp)
  if (day.now > dueAt) return 'overdue'
  if (snoozedUntil !== undefined && snoozedUntil > day.now) return 'promised'
  // Promised for today, or my own target is today or has passed (a promise planned for today).
  if (dueAt < day.end || targetAt < day.end) return 'due'
  return 'promised'
}

/** The local midnight that starts the day of `ms` (native Date: date-fns adds nothing here and this runs per card). */
function startOfLocalDay(ms: number): number {
  const day = new Date(ms)
  day.setHours(0, 0, 0, 0)
  return day.getTime()
}

/**
 * The next instant after `now` at which time alone may change this follow-up's
 * column or at-risk flag: its target, the midnights that make its promise or its own
 * target "today" (columnOf puts either in Due),
 * the end of a snooze, the moment the promise passes. Null when none will.
 */
export function nextColumnChangeAt(followUp: FollowUp, now: number): number | null {
  if (followUp.completedAt !== undefined) return null
  const { dueAt, targetAt, snoozedUntil } = timesOf(followUp)
  let next = Infinity
  const consider = (candidate: number) => {
    if (candidate > now && candidate < next) next = candidate
  }
  consider(targetAt)
  consider(dueAt + 1)
  if (snoozedUntil !== undefined) consider(snoozedUntil)
  consider(startOfLocalDay(dueAt))
  consider(startOfLocalDay(targetAt))
  return next === Infinity ? null : next
}

/** The next instant at which any card may change column, or null when none will by itself. */
export function nextTransitionAt(data: Data, now: Date): Date | null {
  const t = now.getTime()
  let next = Infinity
  for (const followUp of data.followUps) next = Math.min(next, nextColumnChangeAt(followUp, t) ?? Infinity)
  return next === Infinity ? null : new Date(next)
}
