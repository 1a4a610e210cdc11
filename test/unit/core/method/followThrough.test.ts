import { describe, expect, it } from 'vitest'
import { buildBoard } from '../../../../electron/core/board'
import { completeFollowUp, createFollowUp } from '../../../../electron/core/commands'
import { CHECK_IN_STEPS, followThroughFor, planFollowThrough } from '../../../../electron/core/followThrough'
import { emptyData, type Data } from '../../../../electron/core/schema'

const NOW = new Date('2026-11-23T10:00:00+01:00')
const DELIVERED = new Date('2026-11-27T10:00:00+01:00') // Friday 10:00

function withPromise(): Data {
  return createFollowUp(emptyData(), { title: 'Send the proposal', client: { name: 'Jenny Rivera' }, channel: 'email', dueAt: '2026-11-27T16:00:00+01:00' }, NOW, 'f1').data
}

/** A cadence that lets every touch through, to see the business-day rule alone. */
const relaxed = (data: Data): Data => ({ ...data, settings: { ...data.settings, cadence: { maxTouches: 50, windowDays: 1 } } })

let n = 0
const newId = () => `c${++n}`

describe('following through after delivery', () => {
  it('plans a check-in one business day later at the same time, with the four steps, when the cadence allows', () => {
    const done = relaxed(completeFollowUp(withPromise(), 'f1', DELIVERED))
    const checkIn = followThroughFor(done, done.followUps[0], DELIVERED, 'c1')
    expect(checkIn).toMatchObject({
      title: 'Check in with Jenny Rivera: Send the proposal',
      kind: 'check-in',
      followsUp: 'f1',
      channel: 'email',
      client: { name: 'Jenny Rivera' },
      allDay: false,
      // Friday → Monday, 10:00 local.
      dueAt: new Date('2026-11-30T10:00:00+01:00').toISOString(),
    })
    expect(checkIn?.checklist.map((i) => [i.text, i.done])).toEqual(CHECK_IN_STEPS.map((text) => [text, false]))
  })

  it('waits for the client\'s cadence: with one touch a week, the check-in comes a week after the delivery, at the start of working hours', () => {
    const done = completeFollowUp(withPromise(), 'f1', DELIVERED)
    const checkIn = followThroughFor(done, done.followUps[0], DELIVERED, 'c1')
    expect(checkIn?.dueAt).toBe(new Date('2026-12-04T09:00:00+01:00').toISOString())
    expect(checkIn?.needsTime).toBeUndefined()
  })

  it('puts the check-in on the board in Promised next to the delivered promise', () => {
    const data = planFollowThrough(completeFollowUp(withPromise(), 'f1', DELIVERED), 'f1', DELIVERED, newId)
    const board = buildBoard(data, DELIVERED)
    expect(board.columns.done.map((c) => c.title)).toEqual(['Send the proposal'])
    expect(board.columns.promised.map((c) => c.title)).toEqual(['Check in with Jenny Rivera: Send the proposal'])
  })

  it('plans one check-in per promise, none for a check-in, none when switched off or not done', () => {
    const once = planFollowThrough(completeFollowUp(withPromise(), 'f1', DELIVERED), 'f1', DELIVERED, newId)
    expect(planFollowThrough(once, 'f1', DELIVERED, newId)).toBe(once)

    const checkIn = once.followUps[1]
    const checkedIn = completeFollowUp(once, checkIn.id, DELIVERED)
    expect(planFollowThrough(checkedIn, checkIn.id, DELIVERED, newId)).toBe(checkedIn)

    const off = { ...completeFollowUp(withPromise(), 'f1', DELIVERED) }
    off.settings = { ...off.settings, followThrough: { enabled: false, afterBusinessDays: 1 } }
    expect(planFollowThrough(off, 'f1', DELIVERED, newId)).toBe(off)

    const open = withPromise()
    expect(planFollowThrough(open, 'f1', DELIVERED, newId)).toBe(open)
  })

  it('honours the number of business days in the settings', () => {
    const done = relaxed(completeFollowUp(withPromise(), 'f1', DELIVERED))
    done.settings = { ...done.settings, followThrough: { enabled: true, afterBusinessDays: 3 } }
    expect(followThroughFor(done, done.followUps[0], DELIVERED, 'c1')?.dueAt).toBe(new Date('2026-12-02T10:00:00+01:00').toISOString())
  })
})
