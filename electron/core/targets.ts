import { subBusinessDays } from 'date-fns'

/**
 * The seller's own target for a promise: a buffer before the promised deadline,
 * the smaller of `bufferBusinessDays` and half the time left, so a promise made
 * for this afternoon still gets a target before it.
 */
export function defaultTargetAt(dueAt: Date, now: Date, bufferBusinessDays: number): Date {
  const businessDayBuffer = subBusinessDays(dueAt, bufferBusinessDays)
  const halfTimeLeft = new Date(now.getTime() + (dueAt.getTime() - now.getTime()) / 2)
  const target = Math.max(businessDayBuffer.getTime(), halfTimeLeft.getTime())
  return new Date(Math.min(target, dueAt.getTime()))
}
