import { endOfDay, startOfDay } from 'date-fns'
import * as rruleModule from 'rrule'
import { appended, positionOf, replacedAt } from './followUpList'
import { firstSlot, touchDays } from './workingHours'
import type { Data, FollowUp, Recurrence } from './schema'

// rrule ships ESM (read by Vite and vitest) and a UMD build (what Node's own loader picks,
// exposing everything on `default`); take RRule from whichever was loaded.
const { RRule } = (rruleModule as unknown as { default?: typeof rruleModule }).default ?? rruleModule

const RULES: Record<Recurrence, { freq: number; interval: number }> = {
  weekly: { freq: RRule.WEEKLY, interval: 1 },
  'every-2-weeks': { freq: RRule.WEEKLY, interval: 2 },
  monthly: { freq: RRule.MONTHLY, interval: 1 },
}

/*
 * rrule computes in UTC, but a weekly 10:00 call should stay at 10:00 local time
 * across a DST change. So the rule runs on the local wall-clock time written as
 * if it were UTC ("floating" time, as rrule's docs advise) and is read back as local.
 */
const toFloating = (date: Date) =>
  new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate(), date.getHours(), date.getMinutes(), date.getSeconds(), date.getMilliseconds()))
const fromFloating = (date: Date) =>
  new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds())

/** The next date in the series that starts at `dueAt`, after both `dueAt` and `notBefore`. */
export function nextOccurrence(dueAt: Date, recurrence: Recurrence, notBefore: Date): Date | null {
  const rule = new RRule({ ...RULES[recurrence], dtstart: toFloating(dueAt) })
  const after = toFloating(new Date(Math.max(dueAt.getTime(), notBefore.getTime())))
  const next = rule.after(after, false)
  return next ? fromFloating(next) : null
}

/**
 * Completing a recurring follow-up plans the next one: same promise, client and
 * checklist (unticked), the same buffer before the new date. Once per completion.
 * The next date is the series' next one, moved to the first slot inside working
 * hours and the client's cadence (an all-day one keeps the whole day).
 */
export function planNextOccurrence(data: Data, id: string, now: Date, newId: () => string): Data {
  const position = positionOf(data.followUps, id)
  const done = data.followUps[position]
  if (!done?.recurrence || done.completedAt === undefined) return data
  const lastCompleted = done.history.findLastIndex((event) => event.type === 'completed')
  if (done.history.slice(lastCompleted).some((event) => event.type === 'recurred')) return data
  const dueAt = new Date(done.dueAt)
  const intended = nextOccurrence(dueAt, done.recurrence, now)
  if (!intended) return data
  const touches = touchDays(data, done.client.name, now)
  const slot = firstSlot(done.allDay ? startOfDay(intended) : intended, now, data.settings, touches)
  const nextDue = done.allDay ? endOfDay(slot.at) : slot.at
  const buffer = dueAt.getTime() - Date.parse(done.targetAt)
  const at = now.toISOString()
  const next: FollowUp = {
    id: newId(),
    title: done.title,
    client: done.client,
    channel: done.channel,
    createdAt: at,
    dueAt: nextDue.toISOString(),
    allDay: done.allDay,
    targetAt: new Date(Math.max(now.getTime(), nextDue.getTime() - buffer)).toISOString(),
    notes: done.notes,
    ...(done.value ? { value: done.value } : {}),
    history: [{ type: 'created', at }],
    notifiedAt: {},
    kind: done.kind,
    checklist: done.checklist.map((item) => ({ ...item, done: false })),
    recurrence: done.recurrence,
    ...(slot.fits ? {} : { needsTime: true as const }),
  }
  const marked: FollowUp = { ...done, history: [...done.history, { type: 'recurred', at, nextId: next.id }] }
  return { ...data, followUps: appended(replacedAt(data.followUps, position, marked), [next]) }
}
