import { describe, expect, it } from 'vitest'
import { completeFollowUp } from '../../../../electron/core/commands'
import { deliver } from '../../../../electron/core/followThrough'
import { nextOccurrence, planNextOccurrence } from '../../../../electron/core/recurrence'
import { emptyData, type Data } from '../../../../electron/core/schema'
import { aFollowUp } from '../../../fixtures/followUps'

const at = (iso: string) => new Date(iso)

describe('nextOccurrence', () => {
  it('keeps a weekly 10:00 at 10:00 local time across the end of summer time', () => {
    expect(nextOccurrence(at('2026-10-20T10:00:00+02:00'), 'weekly', at('2026-10-20T12:00:00+02:00'))).toEqual(at('2026-10-27T10:00:00+01:00'))
  })

  it('repeats every second Tuesday', () => {
    expect(nextOccurrence(at('2026-11-24T09:30:00+01:00'), 'every-2-weeks', at('2026-11-24T10:00:00+01:00'))).toEqual(at('2026-12-08T09:30:00+01:00'))
  })

  it('repeats monthly on the same day of the month', () => {
    expect(nextOccurrence(at('2026-11-15T16:00:00+01:00'), 'monthly', at('2026-11-15T17:00:00+01:00'))).toEqual(at('2026-12-15T16:00:00+01:00'))
  })

  it('skips to the first date after now when the series fell behind', () => {
    expect(nextOccurrence(at('2026-10-06T10:00:00+02:00'), 'weekly', at('2026-11-23T12:00:00+01:00'))).toEqual(at('2026-11-24T10:00:00+01:00'))
  })
})

describe('completing a recurring follow-up', () => {
  const NOW = at('2026-11-24T11:00:00+01:00')
  const weekly = aFollowUp({ id: 'w1', title: 'Weekly check-in', client: { name: 'Jenny Rivera' }, dueAt: '2026-11-24T10:00:00+01:00', targetAt: '2026-11-24T09:00:00+01:00', recurrence: 'weekly', checklist: [{ id: 'c1', text: 'Pipeline review', done: true }] })
  let ids = 0
  const newId = () => `n${++ids}`
  const data: Data = { ...emptyData(), followUps: [weekly] }

  it('plans the next one a week later, with the same buffer and an unticked checklist', () => {
    const next = deliver(data, 'w1', NOW, newId).followUps.filter((f) => f.title === 'Weekly check-in' && !f.completedAt)
    expect(next).toMatchObject([
      { dueAt: at('2026-12-01T10:00:00+01:00').toISOString(), targetAt: at('2026-12-01T09:00:00+01:00').toISOString(), recurrence: 'weekly', checklist: [{ text: 'Pipeline review', done: false }] },
    ])
  })

  it('plans it once, however often the completion is seen', () => {
    const completed = completeFollowUp(data, 'w1', NOW)
    const once = planNextOccurrence(completed, 'w1', NOW, newId)
    expect(planNextOccurrence(once, 'w1', NOW, newId)).toBe(once)
    expect(once.followUps.find((f) => f.id === 'w1')!.history.at(-1)).toMatchObject({ type: 'recurred' })
  })

  it('plans nothing for a follow-up that does not repeat', () => {
    const plain = { ...emptyData(), followUps: [aFollowUp({ id: 'p1' })] }
    const completed = completeFollowUp(plain, 'p1', NOW)
    expect(planNextOccurrence(completed, 'p1', NOW, newId)).toBe(completed)
  })
})
