import { endOfDay } from 'date-fns'
import { DomainError } from './errors'
import { FollowUpDraft, type FollowUpPatch } from './inputs'
import { Settings, type Data, type FollowUp, type HistoryEvent, type ReminderKind } from './schema'
import { appended, positionOf, removedAt, replacedAt, replacedById } from './followUpList'
import { defaultTargetAt } from './targets'
import { endOfWorkingToday } from './workingHours'

/**
 * Pure commands: each takes the data and the clock and returns new data.
 * Inputs are already validated against the contract; these enforce the rules
 * that need the clock or other follow-ups.
 */

interface Dates {
  dueAt: Date
  targetAt: Date
}

function resolveDates(
  input: { dueAt: string; allDay: boolean; targetAt?: string },
  now: Date,
  data: Data,
): Dates {
  const dueAt = input.allDay ? endOfDay(new Date(input.dueAt)) : new Date(input.dueAt)
  if (dueAt.getTime() <= now.getTime()) {
    throw new DomainError('invalid_input', 'The promised date has already passed. Pick a time in the future.', {
      dueAt: 'This is in the past.',
    })
  }
  const targetAt = input.targetAt
    ? new Date(input.targetAt)
    : defaultTargetAt(dueAt, now, data.settings.targetBufferBusinessDays)
  if (targetAt.getTime() > dueAt.getTime()) {
    throw new DomainError('invalid_input', 'Your own target must be on or before the date promised to the client.', {
      targetAt: 'Must be on or before “Promised by”.',
    })
  }
  return { dueAt, targetAt }
}

/** The follow-up with this id, or a refusal a person understands. */
export function findFollowUp(data: Data, id: string): FollowUp {
  const followUp = data.followUps[positionOf(data.followUps, id)]
  if (!followUp) throw new DomainError('not_found', 'That follow-up no longer exists. It may have been deleted in another window.')
  return followUp
}

function replace(data: Data, next: FollowUp): Data {
  const at = positionOf(data.followUps, next.id)
  return at < 0 ? data : { ...data, followUps: replacedAt(data.followUps, at, next) }
}

function withEvent(followUp: FollowUp, event: HistoryEvent, changes: Partial<FollowUp>): FollowUp {
  return { ...followUp, ...changes, history: [...followUp.history, event] }
}

export function createFollowUp(data: Data, draft: FollowUpDraft, now: Date, id: string): { data: Data; followUp: FollowUp } {
  const input = FollowUpDraft.parse(draft)
  const { dueAt, targetAt } = resolveDates(input, now, data)
  const at = now.toISOString()
  const followUp: FollowUp = {
    id,
    title: input.title,
    client: input.client,
    channel: input.channel,
    createdAt: at,
    dueAt: dueAt.toISOString(),
    allDay: input.allDay,
    targetAt: targetAt.toISOString(),
    notes: input.notes,
    ...(input.value ? { value: input.value } : {}),
    ...(input.recurrence ? { recurrence: input.recurrence } : {}),
    history: [{ type: 'created', at }],
    notifiedAt: {},
    kind: 'promise',
    checklist: (input.checklist ?? []).map((text, index) => ({ id: `${id}-item-${index + 1}`, text, done: false })),
  }
  return { data: { ...data, followUps: appended(data.followUps, [followUp]) }, followUp }
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/**
 * One edit, all or nothing: every field of the form, including a new promised
 * date (recorded as a reschedule, with whether the client was told) or a new own
 * target alone (recorded as a target change). Every rule is checked before
 * anything changes; an edit that changes nothing returns the same data.
 */
export function updateFollowUp(data: Data, id: string, patch: FollowUpPatch, now: Date): Data {
  const current = findFollowUp(data, id)
  const { value, recurrence, promiseText, dueAt, allDay, targetAt, toldClient, ...plain } = patch
  const next: FollowUp = { ...current }
  const fields: string[] = []
  for (const [key, given] of Object.entries(plain) as [keyof typeof plain, unknown][]) {
    if (given === undefined || sameJson(given, current[key])) continue
    ;(next as Record<string, unknown>)[key] = given
    fields.push(key)
  }
  // null clears an optional field; undefined leaves it as it is.
  const optional = { value, recurrence, promiseText: promiseText === '' ? null : promiseText } as const
  for (const [key, given] of Object.entries(optional) as [keyof typeof optional, unknown][]) {
    if (given === undefined || sameJson(given, current[key])) continue
    if (given === null) delete next[key]
    else (next as Record<string, unknown>)[key] = given
    fields.push(key)
  }
  const at = now.toISOString()
  const events: HistoryEvent[] = fields.length > 0 ? [{ type: 'edited', at, fields }] : []

  const newAllDay = allDay ?? current.allDay
  const requestedDue = dueAt === undefined ? undefined : newAllDay ? endOfDay(new Date(dueAt)).toISOString() : new Date(dueAt).toISOString()
  const requestedTarget = targetAt === undefined ? undefined : new Date(targetAt).toISOString()
  const dueMoved = requestedDue !== undefined && (requestedDue !== current.dueAt || newAllDay !== current.allDay)
  if (dueMoved) {
    const dates = resolveDates({ dueAt: dueAt!, allDay: newAllDay, targetAt }, now, data)
    const to = { dueAt: dates.dueAt.toISOString(), targetAt: dates.targetAt.toISOString() }
    events.push({ type: 'rescheduled', at, from: { dueAt: current.dueAt, targetAt: current.targetAt }, to, toldClient: toldClient ?? false })
    // A new promise deserves fresh reminders, and the person has now picked its time.
    Object.assign(next, to, { allDay: newAllDay, notifiedAt: {} })
    delete next.snoozedUntil
    delete next.needsTime
  } else if (requestedTarget !== undefined && requestedTarget !== current.targetAt) {
    if (Date.parse(requestedTarget) > Date.parse(current.dueAt)) {
      throw new DomainError('invalid_input', 'Your own target must be on or before the date promised to the client.', {
        targetAt: 'Must be on or before “Promised by”.',
      })
    }
    events.push({ type: 'targetChanged', at, from: current.targetAt, to: requestedTarget })
    next.targetAt = requestedTarget
    const { target: _, ...otherReminders } = current.notifiedAt
    next.notifiedAt = otherReminders
  }
  if (events.length === 0) return data
  return replace(data, { ...next, history: [...current.history, ...events] })
}

export function completeFollowUp(data: Data, id: string, now: Date): Data {
  const current = findFollowUp(data, id)
  if (current.completedAt) return data
  const at = now.toISOString()
  const next = withEvent(current, { type: 'completed', at }, { completedAt: at })
  delete next.snoozedUntil
  return replace(data, next)
}

/** A follow-up nobody has worked on since it was planned: only created, nothing ticked, not snoozed or done. */
function isUntouched(followUp: FollowUp): boolean {
  return (
    followUp.completedAt === undefined &&
    followUp.snoozedUntil === undefined &&
    followUp.history.length === 1 &&
    followUp.checklist.every((item) => !item.done)
  )
}

/**
 * Takes a done follow-up back to open. What its completion planned goes too, if
 * nobody has touched it: the check-in that follows it, and the next one of its series.
 */
export function reopenFollowUp(data: Data, id: string, now: Date): Data {
  const current = findFollowUp(data, id)
  if (!current.completedAt) return data
  const lastCompleted = current.history.findLastIndex((event) => event.type === 'completed')
  const nextInSeries = current.history.slice(lastCompleted).find((event) => event.type === 'recurred')?.nextId
  const next = withEvent(current, { type: 'reopened', at: now.toISOString() }, {})
  delete next.completedAt
  const reopened = replace(data, next)
  const plannedByCompletion = (f: FollowUp) => (f.followsUp === id && f.kind === 'check-in') || f.id === nextInSeries
  return { ...reopened, followUps: reopened.followUps.filter((f) => !(plannedByCompletion(f) && isUntouched(f))) }
}

export function snoozeFollowUp(data: Data, id: string, until: Date, now: Date): Data {
  const current = findFollowUp(data, id)
  if (until.getTime() <= now.getTime()) {
    throw new DomainError('invalid_input', 'A snooze must end in the future.', { until: 'This is in the past.' })
  }
  if (current.completedAt) throw new DomainError('invalid_input', 'This follow-up is done; there is nothing to snooze.')
  const untilIso = until.toISOString()
  return replace(data, withEvent(current, { type: 'snoozed', at: now.toISOString(), until: untilIso }, { snoozedUntil: untilIso }))
}

export function rescheduleFollowUp(
  data: Data,
  id: string,
  input: { dueAt: string; allDay: boolean; targetAt?: string; toldClient: boolean },
  now: Date,
): Data {
  const current = findFollowUp(data, id)
  const { dueAt, targetAt } = resolveDates(input, now, data)
  const to = { dueAt: dueAt.toISOString(), targetAt: targetAt.toISOString() }
  const event: HistoryEvent = {
    type: 'rescheduled',
    at: now.toISOString(),
    from: { dueAt: current.dueAt, targetAt: current.targetAt },
    to,
    toldClient: input.toldClient,
  }
  // A new promise deserves fresh reminders.
  const next = withEvent(current, event, { ...to, allDay: input.allDay, notifiedAt: {} })
  delete next.snoozedUntil
  delete next.needsTime
  return replace(data, next)
}

/**
 * Plan for today (drag to Due, or the tray): the promise becomes today's work.
 * The own target moves to the end of today's working hours, or the end of the
 * day once those have passed; never to "now", so it is not at once past target.
 * A target already due today or earlier stays; a snooze ends.
 */
export function planForToday(data: Data, id: string, now: Date): Data {
  const current = findFollowUp(data, id)
  if (current.completedAt) throw new DomainError('invalid_input', 'This follow-up is done. Reopen it first.')
  const endOfToday = Math.min(endOfWorkingToday(now, data.settings.workingHours).getTime(), Date.parse(current.dueAt))
  const moves = Date.parse(current.targetAt) > endOfToday
  if (!moves && current.snoozedUntil === undefined) return data
  const at = now.toISOString()
  const targetAt = moves ? new Date(endOfToday).toISOString() : current.targetAt
  const next: FollowUp = moves ? withEvent(current, { type: 'targetChanged', at, from: current.targetAt, to: targetAt }, { targetAt }) : { ...current }
  delete next.snoozedUntil
  return replace(data, next)
}

export function removeFollowUp(data: Data, id: string): { data: Data; removed: FollowUp } {
  const removed = findFollowUp(data, id)
  return { data: { ...data, followUps: removedAt(data.followUps, positionOf(data.followUps, id)) }, removed }
}

export function restoreFollowUp(data: Data, followUp: FollowUp): Data {
  if (positionOf(data.followUps, followUp.id) >= 0) return data
  return { ...data, followUps: appended(data.followUps, [followUp]) }
}

export function markNotified(data: Data, id: string, kinds: ReminderKind[], now: Date): Data {
  const current = data.followUps[positionOf(data.followUps, id)]
  if (!current || kinds.length === 0) return data
  return replace(data, withNotified(current, kinds, now))
}

/** One follow-up with reminders of `kinds` recorded as sent at `now`. */
export function withNotified(followUp: FollowUp, kinds: ReminderKind[], now: Date): FollowUp {
  const at = now.toISOString()
  const notifiedAt = { ...followUp.notifiedAt }
  for (const kind of kinds) notifiedAt[kind] = at
  const events: HistoryEvent[] = kinds.map((reminder) => ({ type: 'notified', at, reminder }))
  return { ...followUp, notifiedAt, history: [...followUp.history, ...events] }
}

/** Data with some follow-ups replaced by id, in one pass (a tick may settle many at once). */
export function replaceFollowUps(data: Data, updated: ReadonlyMap<string, FollowUp>): Data {
  return updated.size === 0 ? data : { ...data, followUps: replacedById(data.followUps, updated) }
}

/** Changes settings; the result is validated whole, so no combination of edits leaves them invalid. */
/** A settings change; `locale: null` removes the override (the system's locale applies again). */
export type SettingsPatch = Partial<Omit<Settings, 'locale'>> & { locale?: string | null }

export function updateSettings(data: Data, patch: SettingsPatch): Data {
  const { locale, ...rest } = patch
  const next: Partial<Settings> = { ...data.settings, ...rest }
  if (locale === null) delete next.locale
  else if (locale !== undefined) next.locale = locale
  const settings = Settings.parse(next)
  if (settings.workingHours.end <= settings.workingHours.start) {
    throw new DomainError('invalid_input', 'Working hours must end after they start.', { 'workingHours.end': 'Pick a time after the start.' })
  }
  return { ...data, settings }
}
