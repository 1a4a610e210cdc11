import { describe, expect, it } from 'vitest'
import { forgetRecordsFromTheFuture } from '../../../electron/core/clockJump'
import { emptyData, type Data, type FollowUp } from '../../../electron/core/schema'

const realNow = new Date('2026-11-23T10:00:00.000Z')
const thirtyDaysAhead = '2026-12-23T10:00:00.000Z'

const dueInTwoDays = (changes: Partial<FollowUp> = {}): FollowUp => ({
  id: 'a',
  title: 'Send the proposal',
  client: { name: 'Jenny Rivera' },
  channel: 'email',
  createdAt: '2026-11-20T09:00:00.000Z',
  dueAt: '2026-11-25T15:00:00.000Z',
  allDay: false,
  targetAt: '2026-11-24T15:00:00.000Z',
  notes: '',
  history: [{ type: 'created', at: '2026-11-20T09:00:00.000Z' }],
  notifiedAt: {},
  kind: 'promise',
  checklist: [],
  ...changes,
})

const withOne = (followUp: FollowUp): Data => ({ ...emptyData(), followUps: [followUp] })

describe('forgetRecordsFromTheFuture', () => {
  it('re-arms reminders that a clock 30 days ahead marked sent, and withdraws the miss it recorded', () => {
    const spoiled = dueInTwoDays({
      notifiedAt: { target: thirtyDaysAhead, lead: thirtyDaysAhead, deadline: thirtyDaysAhead },
      history: [
        { type: 'created', at: '2026-11-20T09:00:00.000Z' },
        { type: 'notified', at: thirtyDaysAhead, reminder: 'deadline' },
        { type: 'missed', at: '2026-11-25T15:00:00.000Z' },
      ],
    })
    const [mended] = forgetRecordsFromTheFuture(withOne(spoiled), realNow).followUps
    expect(mended.notifiedAt).toEqual({})
    expect(mended.history).toEqual([{ type: 'created', at: '2026-11-20T09:00:00.000Z' }])
  })

  it('keeps reminders and misses that really happened', () => {
    const past = dueInTwoDays({
      dueAt: '2026-11-22T15:00:00.000Z',
      targetAt: '2026-11-21T15:00:00.000Z',
      notifiedAt: { target: '2026-11-21T15:00:00.000Z' },
      history: [
        { type: 'notified', at: '2026-11-21T15:00:00.000Z', reminder: 'target' },
        { type: 'missed', at: '2026-11-22T15:00:00.000Z' },
      ],
    })
    const data = withOne(past)
    expect(forgetRecordsFromTheFuture(data, realNow)).toBe(data)
  })

  it('leaves done follow-ups as they are', () => {
    const done = dueInTwoDays({ completedAt: '2026-11-22T10:00:00.000Z', notifiedAt: { target: thirtyDaysAhead } })
    const data = withOne(done)
    expect(forgetRecordsFromTheFuture(data, realNow)).toBe(data)
  })
})
