import { describe, expect, it } from 'vitest'
import { columnOf } from '../../../electron/core/columns'
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

describe('planForToday', () => {
  it('moves a promise days away into Due by making now the own target', () => {
    const planned = planForToday(withOne(), 'f1', NOW)
    expect(columnOf(planned.followUps[0], NOW)).toBe('due')
    expect(planned.followUps[0].dueAt).toBe('2026-11-27T15:00:00.000Z')
    expect(planned.followUps[0].history.at(-1)).toEqual({ type: 'edited', at: NOW.toISOString(), fields: ['targetAt'] })
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
