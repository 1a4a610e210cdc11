import { describe, expect, it } from 'vitest'
import { buildBoard } from '../../../electron/core/board'
import { columnOf, nextTransitionAt } from '../../../electron/core/columns'
import { emptyData } from '../../../electron/core/schema'
import { aFollowUp } from '../../fixtures/followUps'

/** Monday 23 November 2026, 10:00 Berlin time. */
const NOW = new Date('2026-11-23T10:00:00+01:00')

const followUp = aFollowUp

describe('columnOf', () => {
  it('puts a promise with time to spare in Promised', () => {
    expect(columnOf(followUp(), NOW)).toBe('promised')
  })

  it('puts a promise due later today in Due', () => {
    expect(columnOf(followUp({ dueAt: '2026-11-23T16:00:00+01:00', targetAt: '2026-11-23T12:00:00+01:00' }), NOW)).toBe('due')
  })

  it('puts a promise whose own target is later today in Due: it is today\'s work (plan for today)', () => {
    expect(columnOf(followUp({ targetAt: '2026-11-23T17:00:00+01:00' }), NOW)).toBe('due')
  })

  it('puts a promise whose own target has passed in Due, even if the deadline is days away', () => {
    expect(columnOf(followUp({ targetAt: '2026-11-23T09:00:00+01:00' }), NOW)).toBe('due')
  })

  it('puts a promise past its deadline in Overdue', () => {
    expect(columnOf(followUp({ dueAt: '2026-11-23T09:59:00+01:00', targetAt: '2026-11-23T09:00:00+01:00' }), NOW)).toBe('overdue')
  })

  it('keeps a deadline at exactly now out of Overdue: it is not yet past', () => {
    expect(columnOf(followUp({ dueAt: NOW.toISOString(), targetAt: NOW.toISOString() }), NOW)).toBe('due')
  })

  it('puts a completed follow-up in Done, whatever its dates', () => {
    expect(columnOf(followUp({ dueAt: '2026-11-01T09:00:00Z', completedAt: '2026-11-02T09:00:00Z' }), NOW)).toBe('done')
  })

  it('hides a snoozed card from Due until the snooze ends', () => {
    const snoozed = followUp({ targetAt: '2026-11-23T09:00:00+01:00', snoozedUntil: '2026-11-23T11:00:00+01:00' })
    expect(columnOf(snoozed, NOW)).toBe('promised')
    expect(columnOf(snoozed, new Date('2026-11-23T11:00:00+01:00'))).toBe('due')
  })

  it('never hides a missed promise behind a snooze', () => {
    const snoozed = followUp({ dueAt: '2026-11-23T09:30:00+01:00', targetAt: '2026-11-23T09:00:00+01:00', snoozedUntil: '2026-11-23T12:00:00+01:00' })
    expect(columnOf(snoozed, NOW)).toBe('overdue')
  })

  it('uses the local day: a deadline at 00:30 Berlin on Tuesday is not due on Monday', () => {
    expect(columnOf(followUp({ dueAt: '2026-11-24T00:30:00+01:00', targetAt: '2026-11-24T00:10:00+01:00' }), NOW)).toBe('promised')
  })
})

describe('nextTransitionAt', () => {
  it('is null for an empty board', () => {
    expect(nextTransitionAt(emptyData(), NOW)).toBeNull()
  })

  it('wakes at the midnight that starts the day a card is due', () => {
    const data = { ...emptyData(), followUps: [followUp({ dueAt: '2026-11-25T15:00:00+01:00', targetAt: '2026-11-25T12:00:00+01:00' })] }
    expect(nextTransitionAt(data, NOW)?.toISOString()).toBe(new Date('2026-11-25T00:00:00+01:00').toISOString())
  })

  it('is the midnight that starts the own target\'s day', () => {
    const card = followUp({ targetAt: '2026-11-24T16:00:00+01:00' })
    const next = nextTransitionAt({ ...emptyData(), followUps: [card] }, NOW)!
    expect(columnOf(card, new Date(next.getTime() - 1))).toBe('promised')
    expect(columnOf(card, next)).toBe('due')
  })

  it('never lets a card change column before the instant it returns', () => {
    const cards = [
      followUp({ id: 'a', dueAt: '2026-11-24T09:00:00+01:00', targetAt: '2026-11-23T18:00:00+01:00' }),
      followUp({ id: 'b', dueAt: '2026-11-23T10:30:00+01:00', targetAt: '2026-11-23T10:10:00+01:00' }),
      followUp({ id: 'c', dueAt: '2026-11-30T09:00:00+01:00', targetAt: '2026-11-27T09:00:00+01:00', snoozedUntil: '2026-11-23T11:00:00+01:00' }),
    ]
    const data = { ...emptyData(), followUps: cards }
    let now = NOW
    for (let step = 0; step < 50; step++) {
      const next = nextTransitionAt(data, now)
      if (!next) break
      for (let probe = now.getTime(); probe < next.getTime(); probe += 15 * 60_000) {
        expect(cards.map((c) => columnOf(c, new Date(probe)))).toEqual(cards.map((c) => columnOf(c, now)))
      }
      now = next
    }
    expect(cards.map((c) => columnOf(c, now))).toEqual(['overdue', 'overdue', 'overdue'])
    expect(nextTransitionAt(data, now)).toBeNull()
  })

  it('is the instant a card goes Overdue when that is the next change', () => {
    const card = followUp({ dueAt: '2026-11-23T16:00:00+01:00', targetAt: '2026-11-23T09:00:00+01:00' })
    const next = nextTransitionAt({ ...emptyData(), followUps: [card] }, NOW)!
    expect(columnOf(card, new Date(next.getTime() - 1))).toBe('due')
    expect(columnOf(card, next)).toBe('overdue')
  })

  it('ignores completed follow-ups', () => {
    const data = { ...emptyData(), followUps: [followUp({ completedAt: '2026-11-22T09:00:00Z' })] }
    expect(nextTransitionAt(data, NOW)).toBeNull()
  })
})

describe('buildBoard', () => {
  it('sorts open columns by deadline and Done by most recent completion, and flags at-risk cards', () => {
    const data = {
      ...emptyData(),
      followUps: [
        followUp({ id: 'late', title: 'Later', dueAt: '2026-12-10T10:00:00Z', targetAt: '2026-12-09T10:00:00Z' }),
        followUp({ id: 'soon', title: 'Sooner', dueAt: '2026-12-01T10:00:00Z', targetAt: '2026-11-30T10:00:00Z' }),
        followUp({ id: 'risk', title: 'At risk', targetAt: '2026-11-23T08:00:00Z' }),
        followUp({ id: 'd1', completedAt: '2026-11-20T10:00:00Z' }),
        followUp({ id: 'd2', completedAt: '2026-11-21T10:00:00Z' }),
      ],
    }
    const board = buildBoard(data, NOW)
    expect(board.columns.promised.map((c) => c.id)).toEqual(['soon', 'late'])
    expect(board.columns.done.map((c) => c.id)).toEqual(['d2', 'd1'])
    expect(board.columns.due).toMatchObject([{ id: 'risk', atRisk: true, column: 'due' }])
    expect(board.columns.promised.every((c) => !c.atRisk)).toBe(true)
  })
})
