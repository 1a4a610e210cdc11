import { describe, expect, it } from 'vitest'
import { columnOf, isAtRisk } from '../../../electron/core/columns'
import {
  completeFollowUp,
  createFollowUp,
  removeFollowUp,
  reopenFollowUp,
  planForToday,
  rescheduleFollowUp,
  restoreFollowUp,
  snoozeFollowUp,
  updateFollowUp,
} from '../../../electron/core/commands'
import { DomainError } from '../../../electron/core/errors'
import { setChecklistItem } from '../../../electron/core/checklist'
import { deliver } from '../../../electron/core/followThrough'
import { emptyData, type Data } from '../../../electron/core/schema'

const NOW = new Date('2026-11-23T10:00:00+01:00')
const LATER = new Date('2026-11-24T10:00:00+01:00')

function withOne(): Data {
  return createFollowUp(emptyData(), { title: 'Send proposal', client: { name: 'Acme Corp' }, dueAt: '2026-11-27T15:00:00.000Z' }, NOW, 'f1').data
}

const refusal = (run: () => unknown) => {
  try {
    run()
  } catch (error) {
    return error as DomainError
  }
  throw new Error('accepted')
}

describe('createFollowUp', () => {
  it('fills in the own target, channel and a created event', () => {
    const [followUp] = withOne().followUps
    expect(followUp).toMatchObject({ id: 'f1', channel: 'other', notes: '', allDay: false, notifiedAt: {} })
    expect(followUp.targetAt < followUp.dueAt).toBe(true)
    expect(followUp.history).toEqual([{ type: 'created', at: NOW.toISOString() }])
  })

  it('makes an all-day promise due at the end of that local day', () => {
    const { followUp } = createFollowUp(emptyData(), { title: 'Quote', client: { name: 'Globex' }, dueAt: '2026-11-26T00:00:00+01:00', allDay: true }, NOW, 'f2')
    expect(followUp.dueAt).toBe(new Date('2026-11-26T23:59:59.999+01:00').toISOString())
  })

  it('refuses a promised date in the past, naming the field', () => {
    const error = refusal(() => createFollowUp(emptyData(), { title: 'x', client: { name: 'A' }, dueAt: '2026-11-20T10:00:00Z' }, NOW, 'f3'))
    expect(error.code).toBe('invalid_input')
    expect(error.fields).toHaveProperty('dueAt')
  })

  it('refuses an own target after the promise', () => {
    const error = refusal(() =>
      createFollowUp(emptyData(), { title: 'x', client: { name: 'A' }, dueAt: '2026-11-27T10:00:00Z', targetAt: '2026-11-28T10:00:00Z' }, NOW, 'f4'),
    )
    expect(error.fields).toHaveProperty('targetAt')
  })

  it('does not change the data it was given', () => {
    const before = emptyData()
    createFollowUp(before, { title: 'x', client: { name: 'A' }, dueAt: '2026-11-27T10:00:00Z' }, NOW, 'f5')
    expect(before.followUps).toEqual([])
  })
})

describe('editing and completing', () => {
  it('records which fields an edit changed, and ignores an edit that changes nothing', () => {
    const data = withOne()
    const edited = updateFollowUp(data, 'f1', { title: 'Send revised proposal', notes: '' }, LATER)
    expect(edited.followUps[0].title).toBe('Send revised proposal')
    expect(edited.followUps[0].history.at(-1)).toEqual({ type: 'edited', at: LATER.toISOString(), fields: ['title'] })
    expect(updateFollowUp(data, 'f1', { notes: '' }, LATER)).toBe(data)
  })

  it('removes the value when an edit clears it', () => {
    const data = updateFollowUp(withOne(), 'f1', { value: { amount: 5000, currency: 'EUR' } }, NOW)
    expect(data.followUps[0].value).toEqual({ amount: 5000, currency: 'EUR' })
    expect(updateFollowUp(data, 'f1', { value: null }, LATER).followUps[0].value).toBeUndefined()
  })

  it('completes once, moving the card to Done, and reopens it', () => {
    const done = completeFollowUp(withOne(), 'f1', LATER)
    expect(columnOf(done.followUps[0], LATER)).toBe('done')
    expect(completeFollowUp(done, 'f1', LATER)).toBe(done)
    const reopened = reopenFollowUp(done, 'f1', LATER)
    expect(columnOf(reopened.followUps[0], LATER)).toBe('promised')
    expect(reopened.followUps[0].history.map((e) => e.type)).toEqual(['created', 'completed', 'reopened'])
  })

  it('says plainly when the follow-up no longer exists', () => {
    expect(refusal(() => completeFollowUp(withOne(), 'gone', NOW)).code).toBe('not_found')
  })
})

describe('snooze and reschedule', () => {
  it('snoozes until a future instant and refuses a past one', () => {
    const until = new Date('2026-11-23T11:00:00+01:00')
    const snoozed = snoozeFollowUp(withOne(), 'f1', until, NOW)
    expect(snoozed.followUps[0].snoozedUntil).toBe(until.toISOString())
    expect(refusal(() => snoozeFollowUp(withOne(), 'f1', new Date('2026-11-23T09:00:00+01:00'), NOW)).code).toBe('invalid_input')
  })

  it('records old and new dates and whether the client was told, and resets reminders', () => {
    let data = withOne()
    data = { ...data, followUps: [{ ...data.followUps[0], notifiedAt: { target: NOW.toISOString() } }] }
    const moved = rescheduleFollowUp(data, 'f1', { dueAt: '2026-12-04T15:00:00.000Z', allDay: false, toldClient: true }, LATER)
    const [followUp] = moved.followUps
    expect(followUp.dueAt).toBe('2026-12-04T15:00:00.000Z')
    expect(followUp.notifiedAt).toEqual({})
    expect(followUp.history.at(-1)).toMatchObject({
      type: 'rescheduled',
      from: { dueAt: '2026-11-27T15:00:00.000Z' },
      to: { dueAt: '2026-12-04T15:00:00.000Z' },
      toldClient: true,
    })
  })
})

describe('one edit, all or nothing', () => {
  const original = () => withOne().followUps[0]

  it('saves every field and a new promised date told to the client in one change', () => {
    const edited = updateFollowUp(withOne(), 'f1', { title: 'Send revised proposal', notes: 'v2', dueAt: '2026-11-30T15:00:00.000Z', allDay: false, targetAt: '2026-11-30T10:00:00.000Z', toldClient: true }, LATER)
    const [card] = edited.followUps
    expect(card).toMatchObject({ title: 'Send revised proposal', notes: 'v2', dueAt: '2026-11-30T15:00:00.000Z', targetAt: '2026-11-30T10:00:00.000Z' })
    expect(card.history.slice(1)).toEqual([
      { type: 'edited', at: LATER.toISOString(), fields: ['title', 'notes'] },
      {
        type: 'rescheduled',
        at: LATER.toISOString(),
        from: { dueAt: original().dueAt, targetAt: original().targetAt },
        to: { dueAt: '2026-11-30T15:00:00.000Z', targetAt: '2026-11-30T10:00:00.000Z' },
        toldClient: true,
      },
    ])
  })

  it('saves nothing when any part is refused, not even the fields that were fine', () => {
    const data = withOne()
    const refused = refusal(() => updateFollowUp(data, 'f1', { title: 'Send revised proposal', dueAt: '2026-11-20T15:00:00.000Z', toldClient: true }, LATER))
    expect(refused?.fields).toEqual({ dueAt: 'This is in the past.' })
    expect(data.followUps[0].title).toBe('Send proposal')
    const late = refusal(() => updateFollowUp(data, 'f1', { notes: 'x', targetAt: '2026-11-28T15:00:00.000Z' }, LATER))
    expect(late?.fields).toEqual({ targetAt: 'Must be on or before “Promised by”.' })
  })

  it('records a change of the own target alone as a target change, not a moved promise', () => {
    const edited = updateFollowUp(withOne(), 'f1', { dueAt: original().dueAt, allDay: false, targetAt: '2026-11-25T09:00:00.000Z' }, LATER)
    expect(edited.followUps[0].history.at(-1)).toEqual({ type: 'targetChanged', at: LATER.toISOString(), from: original().targetAt, to: '2026-11-25T09:00:00.000Z' })
    expect(edited.followUps[0].history.some((e) => e.type === 'rescheduled')).toBe(false)
  })

  it('leaves fields it was not given as they are', () => {
    const data = updateFollowUp(withOne(), 'f1', { channel: 'phone', notes: 'Call first' }, NOW)
    const edited = updateFollowUp(data, 'f1', { title: 'Send the proposal' }, LATER).followUps[0]
    expect(edited).toMatchObject({ channel: 'phone', notes: 'Call first', allDay: false })
  })
})

describe('reopen', () => {
  it('removes the check-in the completion planned while nobody has touched it', () => {
    const done = deliver(withOne(), 'f1', LATER, () => 'c1')
    expect(done.followUps.map((f) => f.id)).toEqual(['f1', 'c1'])
    expect(reopenFollowUp(done, 'f1', LATER).followUps.map((f) => f.id)).toEqual(['f1'])
  })

  it('removes the next one of a series the completion planned, while untouched', () => {
    const weekly = createFollowUp(emptyData(), { title: 'Weekly report', client: { name: 'Acme Corp' }, dueAt: '2026-11-27T15:00:00.000Z', recurrence: 'weekly' }, NOW, 'f1').data
    let n = 0
    const done = deliver(weekly, 'f1', LATER, () => `n${++n}`)
    expect(done.followUps.filter((f) => f.title === 'Weekly report')).toHaveLength(2)
    expect(reopenFollowUp(done, 'f1', LATER).followUps.filter((f) => f.title === 'Weekly report').map((f) => f.id)).toEqual(['f1'])
  })

  it('keeps a check-in someone has started on', () => {
    const done = deliver(withOne(), 'f1', LATER, () => 'c1')
    const started = setChecklistItem(done, 'c1', done.followUps[1].checklist[0].id, true)
    expect(reopenFollowUp(started, 'f1', LATER).followUps.map((f) => f.id)).toEqual(['f1', 'c1'])
  })
})

describe('planForToday', () => {
  it('moves a promise days away into Due with the end of today\'s working hours as the own target, never now', () => {
    const planned = planForToday(withOne(), 'f1', NOW)
    const [card] = planned.followUps
    expect(columnOf(card, NOW)).toBe('due')
    expect(isAtRisk(card, NOW)).toBe(false)
    expect(card.dueAt).toBe('2026-11-27T15:00:00.000Z')
    expect(card.targetAt).toBe(new Date('2026-11-23T17:00:00+01:00').toISOString())
    expect(card.history.at(-1)).toEqual({ type: 'targetChanged', at: NOW.toISOString(), from: withOne().followUps[0].targetAt, to: card.targetAt })
  })

  it('aims at the end of the day once working hours are over, or on a day off', () => {
    const evening = new Date('2026-11-23T19:30:00+01:00')
    expect(planForToday(withOne(), 'f1', evening).followUps[0].targetAt).toBe(new Date('2026-11-23T23:59:59.999+01:00').toISOString())
    const saturday = new Date('2026-11-21T10:00:00+01:00')
    const early = createFollowUp(emptyData(), { title: 'Send proposal', client: { name: 'Acme Corp' }, dueAt: '2026-11-27T15:00:00.000Z' }, saturday, 'f1').data
    expect(planForToday(early, 'f1', saturday).followUps[0].targetAt).toBe(new Date('2026-11-21T23:59:59.999+01:00').toISOString())
  })

  it('never aims past the promise, and leaves a target already today alone', () => {
    const dueSoon = createFollowUp(emptyData(), { title: 'Call back', client: { name: 'Acme Corp' }, dueAt: '2026-11-23T11:00:00+01:00', targetAt: '2026-11-23T10:30:00+01:00' }, NOW, 'f1').data
    expect(planForToday(dueSoon, 'f1', NOW)).toBe(dueSoon)
    const planned = planForToday(withOne(), 'f1', NOW)
    expect(planForToday(planned, 'f1', new Date('2026-11-23T11:00:00+01:00'))).toBe(planned)
  })
})

describe('remove and restore', () => {
  it('gives back exactly what was removed', () => {
    const data = withOne()
    const { data: without, removed } = removeFollowUp(data, 'f1')
    expect(without.followUps).toEqual([])
    expect(restoreFollowUp(without, removed).followUps).toEqual(data.followUps)
  })
})
