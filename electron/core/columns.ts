import { isSameDay, startOfDay } from 'date-fns'
import type { Data, FollowUp } from './schema'

export const COLUMNS = ['promised', 'due', 'overdue', 'done'] as const
export type Column = (typeof COLUMNS)[number]

const ms = (iso: string) => Date.parse(iso)

function isSnoozed(followUp: FollowUp, now: Date): boolean {
  return followUp.snoozedUntil !== undefined && ms(followUp.snoozedUntil) > now.getTime()
}

/** The own target has passed while the promise still stands: time for a heads-up. */
export function isAtRisk(followUp: FollowUp, now: Date): boolean {
  const t = now.getTime()
  return followUp.completedAt === undefined && t > ms(followUp.targetAt) && t <= ms(followUp.dueAt)
}

/**
 * The column a follow-up belongs in (DESIGN.md, first match wins). A snooze hides
 * the card from Due until it ends; it never hides a missed promise.
 */
export function columnOf(followUp: FollowUp, now: Date): Column {
  if (followUp.completedAt !== undefined) return 'done'
  const t = now.getTime()
  const dueAt = ms(followUp.dueAt)
  if (t > dueAt) return 'overdue'
  if (isSnoozed(followUp, now)) return 'promised'
  if (isSameDay(dueAt, now) || t > ms(followUp.targetAt)) return 'due'
  return 'promised'
}

/** Instants after `now` at which this follow-up may change column. */
function transitionCandidates(followUp: FollowUp): number[] {
  if (followUp.completedAt !== undefined) return []
  const dueAt = ms(followUp.dueAt)
  const candidates = [startOfDay(dueAt).getTime(), ms(followUp.targetAt) + 1, dueAt + 1]
  if (followUp.snoozedUntil !== undefined) candidates.push(ms(followUp.snoozedUntil))
  return candidates
}

/** The next instant any card changes column, or null when nothing will change by itself. */
export function nextTransitionAt(data: Data, now: Date): Date | null {
  const t = now.getTime()
  let next = Infinity
  for (const followUp of data.followUps) {
    for (const candidate of transitionCandidates(followUp)) {
      if (candidate > t && candidate < next) next = candidate
    }
  }
  return next === Infinity ? null : new Date(next)
}
