import type { FollowUp } from './schema'

export interface FollowUpTimes {
  dueAt: number
  targetAt: number
  snoozedUntil: number | undefined
}

/**
 * A follow-up's instants as epoch milliseconds. Parsing ISO strings dominates
 * board and scheduler work at 10k cards; follow-ups are replaced, never mutated,
 * so each object's times are parsed once and remembered with it.
 */
const cache = new WeakMap<FollowUp, FollowUpTimes>()

export function timesOf(followUp: FollowUp): FollowUpTimes {
  let times = cache.get(followUp)
  if (times === undefined) {
    times = {
      dueAt: Date.parse(followUp.dueAt),
      targetAt: Date.parse(followUp.targetAt),
      snoozedUntil: followUp.snoozedUntil === undefined ? undefined : Date.parse(followUp.snoozedUntil),
    }
    cache.set(followUp, times)
  }
  return times
}
