import { describe, expect, it } from 'vitest'
import { describeFollowUp } from '../../../../electron/core/caldav/description'
import { baseOf, followUpFromRemote, mergeRemote } from '../../../../electron/core/caldav/merge'
import type { RemoteTodo } from '../../../../electron/core/caldav/vtodo'
import { DEFAULT_SETTINGS, type FollowUp } from '../../../../electron/core/schema'

const NOW = new Date('2026-11-24T12:00:00.000Z')

const local: FollowUp = {
  id: 'f1',
  title: 'Send the proposal',
  client: { name: 'Jenny Rivera' },
  channel: 'email',
  createdAt: '2026-11-23T08:00:00.000Z',
  dueAt: '2026-11-27T15:00:00.000Z',
  allDay: false,
  targetAt: '2026-11-26T15:00:00.000Z',
  notes: 'Mention the discount.',
  history: [{ type: 'created', at: '2026-11-23T08:00:00.000Z' }],
  notifiedAt: {},
  kind: 'promise',
  checklist: [{ id: 'c1', text: 'Which plan?', done: false }],
}

/** The calendar's copy of `local`, with some fields changed there. */
function remote(changes: Partial<RemoteTodo> = {}, of: FollowUp = local): RemoteTodo {
  return {
    uid: 'follow-through-f1',
    title: of.title,
    due: { dueAt: of.dueAt, allDay: of.allDay },
    targetAt: of.targetAt,
    description: describeFollowUp(of),
    lastModified: '2026-11-23T08:00:00.000Z',
    sequence: 1,
    ...changes,
  }
}

const editedTitle = (at: string): FollowUp => ({ ...local, title: 'Send the revised proposal', history: [...local.history, { type: 'edited', at, fields: ['title'] }] })

describe('merging the calendar’s version into a follow-up', () => {
  it('changes nothing when the calendar says what the app says', () => {
    const result = mergeRemote(local, remote(), baseOf(local), false, NOW)
    expect(result).toEqual({ followUp: local, completedThere: false, dueMovedThere: false, agrees: true })
  })

  it('lets a completion win from either side', () => {
    const there = mergeRemote(local, remote({ completedAt: '2026-11-24T11:00:00.000Z' }), baseOf(local), true, NOW)
    expect(there.followUp.completedAt).toBe('2026-11-24T11:00:00.000Z')
    expect(there.completedThere).toBe(true)
    expect(there.followUp.history.at(-1)).toEqual({ type: 'completed', at: NOW.toISOString() })

    const done = { ...local, completedAt: '2026-11-24T10:00:00.000Z' }
    const here = mergeRemote(done, remote({}, local), { ...baseOf(local), completed: true }, true, NOW)
    expect(here.followUp.completedAt).toBe('2026-11-24T10:00:00.000Z')
    expect(here.agrees).toBe(false)
  })

  it('reopens when only the calendar reopened it', () => {
    const done = { ...local, completedAt: '2026-11-24T10:00:00.000Z' }
    const result = mergeRemote(done, remote(), { ...baseOf(done), completed: true }, false, NOW)
    expect(result.followUp.completedAt).toBeUndefined()
    expect(result.followUp.history.at(-1)).toMatchObject({ type: 'reopened' })
  })

  it('records a DUE moved only in the calendar as a reschedule the client was not told about, and flags it', () => {
    const result = mergeRemote(local, remote({ due: { dueAt: '2026-12-04T15:00:00.000Z', allDay: false } }), baseOf(local), false, NOW)
    expect(result.dueMovedThere).toBe(true)
    expect(result.followUp.dueAt).toBe('2026-12-04T15:00:00.000Z')
    expect(result.followUp.history.at(-1)).toEqual({
      type: 'rescheduled',
      at: NOW.toISOString(),
      from: { dueAt: local.dueAt, targetAt: local.targetAt },
      to: { dueAt: '2026-12-04T15:00:00.000Z', targetAt: local.targetAt },
      toldClient: false,
    })
  })

  it('keeps the app’s deadline when both sides moved it', () => {
    const movedHere = { ...local, dueAt: '2026-11-30T15:00:00.000Z' }
    const result = mergeRemote(movedHere, remote({ due: { dueAt: '2026-12-04T15:00:00.000Z', allDay: false } }), baseOf(local), true, NOW)
    expect(result.followUp.dueAt).toBe('2026-11-30T15:00:00.000Z')
    expect(result.dueMovedThere).toBe(false)
    expect(result.agrees).toBe(false)
  })

  it('takes the own target from the calendar when only the calendar moved it, never after the deadline', () => {
    const moved = mergeRemote(local, remote({ targetAt: '2026-11-25T09:00:00.000Z' }), baseOf(local), false, NOW)
    expect(moved.followUp.targetAt).toBe('2026-11-25T09:00:00.000Z')
    expect(moved.followUp.history.at(-1)).toMatchObject({ type: 'targetChanged', to: '2026-11-25T09:00:00.000Z' })
    const late = mergeRemote(local, remote({ targetAt: '2026-12-25T09:00:00.000Z' }), baseOf(local), false, NOW)
    expect(late.followUp.targetAt).toBe(local.dueAt)
  })

  it('gives title and notes to the newer LAST-MODIFIED', () => {
    const here = editedTitle('2026-11-24T09:00:00.000Z')
    const older = mergeRemote(here, remote({ title: 'Proposal (phone)', lastModified: '2026-11-24T08:00:00.000Z' }), baseOf(local), true, NOW)
    expect(older.followUp.title).toBe('Send the revised proposal')
    const newer = mergeRemote(here, remote({ title: 'Proposal (phone)', description: 'Client: Jenny Rivera\n\nBring samples', lastModified: '2026-11-24T10:00:00.000Z' }), baseOf(local), true, NOW)
    expect(newer.followUp).toMatchObject({ title: 'Proposal (phone)', notes: 'Bring samples' })
    expect(newer.followUp.history.at(-1)).toEqual({ type: 'edited', at: NOW.toISOString(), fields: ['title', 'notes'] })
  })

  it('takes checklist ticks made later in the calendar', () => {
    const ticked = describeFollowUp(local).replace('[ ] Which plan?', '[x] Which plan?')
    const result = mergeRemote(local, remote({ description: ticked, lastModified: '2026-11-24T10:00:00.000Z' }), baseOf(local), false, NOW)
    expect(result.followUp.checklist).toEqual([{ id: 'c1', text: 'Which plan?', done: true }])
  })

  it('ignores a difference of milliseconds, which iCalendar cannot carry', () => {
    const precise = { ...local, dueAt: '2026-11-27T15:00:00.456Z', targetAt: '2026-11-26T15:00:00.789Z' }
    const result = mergeRemote(precise, remote({ due: { dueAt: '2026-11-27T15:00:00.000Z', allDay: false }, targetAt: '2026-11-26T15:00:00.000Z' }, precise), baseOf(precise), false, NOW)
    expect(result.followUp).toBe(precise)
    expect(result.agrees).toBe(true)
  })
})

describe('a task created in the calendar', () => {
  it('becomes a promise with the calendar’s dates and a default target before its deadline', () => {
    const created = followUpFromRemote(
      { uid: 'phone-1', title: 'Call Sam', due: { dueAt: '2026-11-30T16:00:00.000Z', allDay: false }, description: 'Bring the price list', sequence: 0 },
      'n1',
      NOW,
      DEFAULT_SETTINGS,
    )
    expect(created).toMatchObject({ id: 'n1', title: 'Call Sam', client: { name: 'From your calendar' }, notes: 'Bring the price list', kind: 'promise', dueAt: '2026-11-30T16:00:00.000Z' })
    expect(Date.parse(created.targetAt)).toBeLessThan(Date.parse(created.dueAt))
  })
})
