import { addBusinessDays } from 'date-fns'
import { completeFollowUp } from './commands'
import { appended, followUpsFollowing, positionOf } from './followUpList'
import { planNextOccurrence } from './recurrence'
import { planTouches } from './touch'
import type { Data, FollowUp } from './schema'

/** The method's fourth rule: after delivering, follow through. The steps of a check-in. */
export const CHECK_IN_STEPS = [
  'Confirm they received it',
  'Offer to clarify anything',
  'Share something new since we talked',
  'Book the next meeting',
] as const

/**
 * The check-in that follows a delivered promise: same client and channel, meant
 * for `afterBusinessDays` business days after delivery at the same local time,
 * and planned at the first slot from then inside working hours and the client's
 * cadence. Null when the follow-up is not a delivered promise or follow-through
 * is switched off.
 */
export function followThroughFor(data: Data, promise: FollowUp, now: Date, newId: string): FollowUp | null {
  const { followThrough } = data.settings
  if (promise.kind !== 'promise' || promise.completedAt === undefined || !followThrough.enabled) return null
  const [checkIn] = planTouches(
    data,
    promise,
    [
      {
        fields: {
          id: newId,
          title: `Check in with ${promise.client.name}: ${promise.title}`,
          kind: 'check-in',
          checklist: CHECK_IN_STEPS.map((text, index) => ({ id: `${newId}-step-${index + 1}`, text, done: false })),
        },
        intended: addBusinessDays(now, followThrough.afterBusinessDays),
      },
    ],
    now,
  )
  return checkIn
}

/**
 * After `id` was completed: adds its check-in, once. Nothing when one already
 * follows it (reopened and completed again). `newId` is called only when needed.
 */
export function planFollowThrough(data: Data, id: string, now: Date, newId: () => string): Data {
  const promise = data.followUps[positionOf(data.followUps, id)]
  if (!promise || followUpsFollowing(data.followUps, id).some((f) => f.kind === 'check-in')) return data
  if (promise.kind !== 'promise' || promise.completedAt === undefined || !data.settings.followThrough.enabled) return data
  const checkIn = followThroughFor(data, promise, now, newId())
  return checkIn ? { ...data, followUps: appended(data.followUps, [checkIn]) } : data
}

/**
 * Everything marking a follow-up done sets off: the completion itself, the next
 * one of a recurring series (planned first: the series keeps its rhythm), and
 * the follow-through check-in, fitted around both.
 */
export function deliver(data: Data, id: string, now: Date, newId: () => string): Data {
  return planFollowThrough(planNextOccurrence(completeFollowUp(data, id, now), id, now, newId), id, now, newId)
}
