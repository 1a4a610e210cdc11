import { endOfDay } from 'date-fns'
import type { FollowUp, HistoryEvent, Settings, SyncItem } from '../schema'
import { defaultTargetAt } from '../targets'
import { applyTicks, describeFollowUp, readDescription } from './description'
import { sameSecond, type RemoteTodo } from './vtodo'

/**
 * The merge rules between a follow-up and its VTODO as the calendar now holds it,
 * field by field:
 * - a completion wins on either side (a reopen on the phone counts only when the
 *   app did not change the follow-up since the last sync);
 * - the promised deadline is the app's: when only the calendar moved DUE, the move
 *   is recorded as a reschedule the client was not told about, and flagged for the
 *   person to confirm; when the app moved it too, the app's stands;
 * - the own target follows the calendar when only the calendar moved it;
 * - title and notes: the newer LAST-MODIFIED wins; ticks follow the newer side too.
 */
export interface MergeResult {
  followUp: FollowUp
  /** The calendar completed it: the app plans what delivering sets off. */
  completedThere: boolean
  /** Only the calendar moved the promised deadline: ask the person to confirm. */
  dueMovedThere: boolean
  /** The calendar's version already says everything the merged follow-up says. */
  agrees: boolean
}

type Base = SyncItem['base']

const sameDue = (a: { dueAt: string; allDay: boolean }, b: { dueAt: string; allDay: boolean }) =>
  a.allDay === b.allDay && sameSecond(a.dueAt, b.dueAt)

/** When a field last changed here: the newest edit that names it, else creation. */
function editedAt(followUp: FollowUp, field: string): number {
  for (let index = followUp.history.length - 1; index >= 0; index--) {
    const event = followUp.history[index]
    if (event.type === 'edited' && event.fields.includes(field)) return Date.parse(event.at)
  }
  return Date.parse(followUp.createdAt)
}

const calendarIsNewer = (remote: RemoteTodo, followUp: FollowUp, field: string) =>
  remote.lastModified !== undefined && Date.parse(remote.lastModified) > editedAt(followUp, field)

export function mergeRemote(local: FollowUp, remote: RemoteTodo, base: Base, localChanged: boolean, now: Date): MergeResult {
  const at = now.toISOString()
  const events: HistoryEvent[] = []
  const next: FollowUp = { ...local }
  const edited: string[] = []
  const read = readDescription(remote.description)

  if (remote.title && remote.title !== local.title && calendarIsNewer(remote, local, 'title')) {
    next.title = remote.title
    edited.push('title')
  }
  if (read.notes !== local.notes.trim() && calendarIsNewer(remote, local, 'notes')) {
    next.notes = read.notes
    edited.push('notes')
  }
  if (remote.lastModified && Date.parse(remote.lastModified) > editedAt(local, 'checklist')) next.checklist = applyTicks(local.checklist, read.ticks)
  if (edited.length > 0) events.push({ type: 'edited', at, fields: edited })

  let dueMovedThere = false
  const appKeptDue = sameDue(local, base)
  if (remote.due && !sameDue(remote.due, local) && appKeptDue) {
    next.dueAt = remote.due.dueAt
    next.allDay = remote.due.allDay
    next.notifiedAt = {}
    dueMovedThere = true
  }
  const appKeptTarget = sameSecond(local.targetAt, base.targetAt)
  const wantedTarget = remote.targetAt && appKeptTarget && !sameSecond(remote.targetAt, local.targetAt) ? remote.targetAt : local.targetAt
  const targetAt = new Date(Math.min(Date.parse(wantedTarget), Date.parse(next.dueAt))).toISOString()
  if (dueMovedThere) {
    events.push({ type: 'rescheduled', at, from: { dueAt: local.dueAt, targetAt: local.targetAt }, to: { dueAt: next.dueAt, targetAt }, toldClient: false })
  } else if (targetAt !== local.targetAt) {
    events.push({ type: 'targetChanged', at, from: local.targetAt, to: targetAt })
  }
  next.targetAt = targetAt

  let completedThere = false
  if (remote.completedAt && !local.completedAt) {
    next.completedAt = remote.completedAt
    delete next.snoozedUntil
    events.push({ type: 'completed', at })
    completedThere = true
  } else if (!remote.completedAt && local.completedAt && base.completed && !localChanged) {
    delete next.completedAt
    events.push({ type: 'reopened', at })
  }

  const merged: FollowUp = events.length === 0 && next.checklist === local.checklist ? local : { ...next, history: [...local.history, ...events] }
  return { followUp: merged, completedThere, dueMovedThere, agrees: agreesWith(merged, remote) }
}

/** Whether the VTODO already carries every field the app writes for this follow-up. */
export function agreesWith(followUp: FollowUp, remote: RemoteTodo): boolean {
  return (
    remote.title === followUp.title &&
    remote.due !== undefined &&
    sameDue(remote.due, followUp) &&
    remote.targetAt !== undefined &&
    sameSecond(remote.targetAt, followUp.targetAt) &&
    (remote.completedAt !== undefined) === (followUp.completedAt !== undefined) &&
    remote.description.replace(/\r\n/g, '\n') === describeFollowUp(followUp)
  )
}

/** The server's fields as the base of the next merge. */
export const baseOf = (followUp: FollowUp): Base => ({
  dueAt: followUp.dueAt,
  allDay: followUp.allDay,
  targetAt: followUp.targetAt,
  completed: followUp.completedAt !== undefined,
})

/** A task created on the phone becomes a follow-up; the client comes from its description when the app wrote one. */
export function followUpFromRemote(remote: RemoteTodo, id: string, now: Date, settings: Settings): FollowUp {
  const at = now.toISOString()
  const read = readDescription(remote.description)
  const due = remote.due ?? { dueAt: endOfDay(now).toISOString(), allDay: true }
  const dueMs = Date.parse(due.dueAt)
  const target = remote.targetAt ? Date.parse(remote.targetAt) : defaultTargetAt(new Date(dueMs), now, settings.targetBufferBusinessDays).getTime()
  const followUp: FollowUp = {
    id,
    title: (remote.title || 'Task from your calendar').slice(0, 500),
    client: { name: (read.client || 'From your calendar').slice(0, 200) },
    channel: 'other',
    createdAt: at,
    dueAt: due.dueAt,
    allDay: due.allDay,
    targetAt: new Date(Math.min(target, dueMs)).toISOString(),
    notes: read.notes.slice(0, 20_000),
    history: [{ type: 'created', at }],
    notifiedAt: {},
    kind: remote.kind ?? 'promise',
    checklist: [],
  }
  if (remote.completedAt) {
    followUp.completedAt = remote.completedAt
    followUp.history.push({ type: 'completed', at })
  }
  return followUp
}
