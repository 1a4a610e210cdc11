import { describe, expect, it } from 'vitest'
import { buildBoard } from '../../../../electron/core/board'
import { createFollowUp, planForToday } from '../../../../electron/core/commands'
import { logContact } from '../../../../electron/core/contacts'
import { deliver } from '../../../../electron/core/followThrough'
import { scorecard } from '../../../../electron/core/scorecard'
import { emptyData, type Data } from '../../../../electron/core/schema'
import { endOfWorkingToday, firstSlot, fitsCadence, workingHoursOn } from '../../../../electron/core/workingHours'

// Berlin time (vitest sets TZ). Tuesday 24 November 2026.
const at = (iso: string) => new Date(iso)
const LATE_NIGHT = at('2026-11-24T01:28:00+01:00')

function withPromise(now: Date, extra: Partial<Parameters<typeof createFollowUp>[1]> = {}): Data {
  return createFollowUp(emptyData(), { title: 'Send the proposal', client: { name: 'Jenny Rivera' }, channel: 'email', dueAt: '2026-11-27T16:00:00+01:00', ...extra }, now, 'p1').data
}

let n = 0
const newId = () => `n${++n}`

describe('working hours', () => {
  it('are Monday to Friday, 09:00–17:00 by default', () => {
    const { workingHours } = emptyData().settings
    expect(workingHoursOn(at('2026-11-24T00:00:00+01:00'), workingHours)).toEqual({ start: at('2026-11-24T09:00:00+01:00'), end: at('2026-11-24T17:00:00+01:00') })
    expect(workingHoursOn(at('2026-11-28T00:00:00+01:00'), workingHours)).toBeNull()
  })
})

describe('the first slot for a touch the app plans', () => {
  const settings = emptyData().settings

  it('moves a touch meant for the night to the start of that working day', () => {
    expect(firstSlot(at('2026-11-25T01:28:00+01:00'), LATE_NIGHT, settings, [])).toEqual({ at: at('2026-11-25T09:00:00+01:00'), fits: true })
  })

  it('moves a touch meant for the evening or the weekend to the next working morning', () => {
    expect(firstSlot(at('2026-11-27T18:00:00+01:00'), LATE_NIGHT, settings, []).at).toEqual(at('2026-11-30T09:00:00+01:00'))
    expect(firstSlot(at('2026-11-28T11:00:00+01:00'), LATE_NIGHT, settings, []).at).toEqual(at('2026-11-30T09:00:00+01:00'))
  })

  it('keeps a time that is already inside working hours', () => {
    expect(firstSlot(at('2026-11-25T14:30:00+01:00'), LATE_NIGHT, settings, []).at).toEqual(at('2026-11-25T14:30:00+01:00'))
  })

  it('waits for the client\'s cadence, counting whole days', () => {
    // One touch a week: a touch on Tuesday leaves room from the next Tuesday.
    const touches = [at('2026-11-24T11:00:00+01:00')]
    expect(fitsCadence(at('2026-11-30T16:00:00+01:00'), touches, settings.cadence)).toBe(false)
    expect(fitsCadence(at('2026-12-01T09:00:00+01:00'), touches, settings.cadence)).toBe(true)
    // A touch planned ahead blocks the days before it too.
    expect(fitsCadence(at('2026-11-26T09:00:00+01:00'), [at('2026-11-30T09:00:00+01:00')], settings.cadence)).toBe(false)
    expect(firstSlot(at('2026-11-25T10:00:00+01:00'), LATE_NIGHT, settings, touches)).toEqual({ at: at('2026-12-01T09:00:00+01:00'), fits: true })
  })

  it('says when nothing fits within two weeks, and offers the first working hour for the person to change', () => {
    const busy = Array.from({ length: 30 }, (_, day) => at(`2026-11-${String(day + 1).padStart(2, '0')}T12:00:00+01:00`)).concat(
      Array.from({ length: 20 }, (_, day) => at(`2026-12-${String(day + 1).padStart(2, '0')}T12:00:00+01:00`)),
    )
    expect(firstSlot(at('2026-11-25T01:28:00+01:00'), LATE_NIGHT, settings, busy)).toEqual({ at: at('2026-11-25T09:00:00+01:00'), fits: false })
  })
})

describe('a check-in after a late-night delivery', () => {
  it('lands inside working hours on a business day, a cadence week after the delivery', () => {
    const done = deliver(withPromise(at('2026-11-23T10:00:00+01:00')), 'p1', LATE_NIGHT, newId)
    const checkIn = done.followUps.find((f) => f.kind === 'check-in')!
    expect(checkIn.dueAt).toBe(at('2026-12-01T09:00:00+01:00').toISOString())
    expect(checkIn.needsTime).toBeUndefined()
  })

  it('lands at 09:00 the next business day when the cadence has room', () => {
    const data = withPromise(at('2026-11-23T10:00:00+01:00'))
    data.settings = { ...data.settings, cadence: { maxTouches: 3, windowDays: 7 } }
    const checkIn = deliver(data, 'p1', LATE_NIGHT, newId).followUps.find((f) => f.kind === 'check-in')!
    expect(checkIn.dueAt).toBe(at('2026-11-25T09:00:00+01:00').toISOString())
  })

  it('is flagged for the person to pick a time when no slot fits within two weeks', () => {
    let data = withPromise(at('2026-11-23T10:00:00+01:00'))
    data.settings = { ...data.settings, cadence: { maxTouches: 1, windowDays: 30 } }
    data = logContact(data, { client: 'Jenny Rivera', channel: 'phone', at: '2026-11-20T10:00:00+01:00' }, LATE_NIGHT, 'k1').data
    const checkIn = deliver(data, 'p1', LATE_NIGHT, newId).followUps.find((f) => f.kind === 'check-in')!
    expect(checkIn.needsTime).toBe(true)
    expect(checkIn.dueAt).toBe(at('2026-11-25T09:00:00+01:00').toISOString())
  })
})

describe('the next one of a repeat', () => {
  it('keeps its time inside working hours, and moves into them otherwise', () => {
    const weekly = withPromise(at('2026-11-23T10:00:00+01:00'), { dueAt: '2026-11-24T07:30:00+01:00', targetAt: '2026-11-24T07:00:00+01:00', recurrence: 'weekly' })
    weekly.settings = { ...weekly.settings, followThrough: { enabled: false, afterBusinessDays: 1 } }
    const next = deliver(weekly, 'p1', LATE_NIGHT, newId).followUps.find((f) => f.id !== 'p1')!
    expect(next.dueAt).toBe(at('2026-12-01T09:00:00+01:00').toISOString())
  })
})

describe('plan for today, then deliver', () => {
  const morning = at('2026-11-24T10:00:00+01:00')

  it('is early on the card and in the scorecard alike', () => {
    const planned = planForToday(withPromise(at('2026-11-23T10:00:00+01:00')), 'p1', morning)
    expect(planned.followUps[0].targetAt).toBe(endOfWorkingToday(morning, planned.settings.workingHours).toISOString())
    const done = deliver(planned, 'p1', at('2026-11-24T10:00:16+01:00'), newId)
    const card = buildBoard(done, at('2026-11-24T10:01:00+01:00')).columns.done[0]
    expect(card.outcome).toBe('early')
    const score = scorecard(done, at('2026-11-24T10:01:00+01:00'))
    expect(score.totals).toMatchObject({ early: 1, onTime: 0, total: 1 })
  })

  it('is on time, on both, when delivered after the own target but by the promise', () => {
    const planned = planForToday(withPromise(at('2026-11-23T10:00:00+01:00')), 'p1', morning)
    const done = deliver(planned, 'p1', at('2026-11-25T10:00:00+01:00'), newId)
    expect(buildBoard(done, at('2026-11-25T10:01:00+01:00')).columns.done[0].outcome).toBe('onTime')
    expect(scorecard(done, at('2026-11-25T10:01:00+01:00')).totals).toMatchObject({ early: 0, onTime: 1 })
  })
})
