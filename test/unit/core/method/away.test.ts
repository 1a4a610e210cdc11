import { describe, expect, it } from 'vitest'
import { applyBulk, overdueWhileAway, stillAway } from '../../../../electron/core/away'
import { AWAY_LISTED } from '../../../../electron/core/board'
import { completeFollowUp, createFollowUp, markNotified } from '../../../../electron/core/commands'
import { emptyData, type Data } from '../../../../electron/core/schema'

const CREATED = new Date('2026-11-20T10:00:00+01:00')
// Monday 23 Nov 2026, 10:00 in Berlin: back after the weekend.
const NOW = new Date('2026-11-23T10:00:00+01:00')

function seed(): Data {
  let data = emptyData()
  const add = (id: string, client: string, dueAt: string) => {
    data = createFollowUp(data, { title: `Promise ${id}`, client: { name: client }, dueAt }, CREATED, id).data
  }
  add('a', 'Jenny Rivera', '2026-11-21T12:00:00+01:00')
  add('b', 'Acme Corp', '2026-11-20T16:00:00+01:00')
  add('c', 'Jenny Rivera', '2026-11-22T09:00:00+01:00')
  add('later', 'Acme Corp', '2026-11-27T16:00:00+01:00')
  return data
}

describe('while you were away', () => {
  it('lists open overdue follow-ups whose deadline reminder never went out, earliest first', () => {
    let data = seed()
    data = markNotified(data, 'c', ['deadline'], new Date('2026-11-22T09:00:00+01:00'))
    data = completeFollowUp(data, 'a', new Date('2026-11-21T11:00:00+01:00'))
    expect(overdueWhileAway(data, NOW)).toEqual({ ids: ['b'], since: '2026-11-20T15:00:00.000Z' })
    expect(overdueWhileAway(seed(), NOW)?.ids).toEqual(['b', 'a', 'c'])
    expect(overdueWhileAway(seed(), new Date('2026-11-20T09:00:00+01:00'))).toBeNull()
  })

  it('keeps only what is still open, counting them all and listing the first AWAY_LISTED', () => {
    const summary = overdueWhileAway(seed(), NOW)
    expect(stillAway(summary, (id) => id !== 'b')).toEqual({ ids: ['a', 'c'], count: 2, since: summary?.since })
    expect(stillAway(summary, () => false)).toBeNull()
    expect(stillAway(null, () => true)).toBeNull()
    const many = { ids: Array.from({ length: AWAY_LISTED + 50 }, (_, i) => `f${i}`), since: '2026-11-20T15:00:00.000Z' }
    const listed = stillAway(many, (id) => id !== 'f0')
    expect(listed?.count).toBe(AWAY_LISTED + 49)
    expect(listed?.ids).toEqual(many.ids.slice(1, AWAY_LISTED + 1))
  })

  it('completes many in one go, planning each check-in, with refusals as values', () => {
    let n = 0
    const { data, results } = applyBulk(seed(), ['a', 'b', 'gone'], { action: 'complete' }, NOW, () => `n${++n}`)
    expect(results).toEqual([
      { id: 'a', ok: true },
      { id: 'b', ok: true },
      { id: 'gone', ok: false, error: expect.objectContaining({ code: 'not_found' }) },
    ])
    expect(data.followUps.filter((f) => f.completedAt).map((f) => f.id)).toEqual(['a', 'b'])
    expect(data.followUps.filter((f) => f.kind === 'check-in').map((f) => f.followsUp)).toEqual(['a', 'b'])
  })

  it('reschedules many to one new promise, recording whether the clients were told', () => {
    const dueAt = '2026-11-25T16:00:00+01:00'
    const { data, results } = applyBulk(seed(), ['a', 'c'], { action: 'reschedule', dueAt, allDay: false, toldClient: true }, NOW, () => 'x')
    expect(results.every((r) => r.ok)).toBe(true)
    for (const id of ['a', 'c']) {
      const f = data.followUps.find((x) => x.id === id)!
      expect(f.dueAt).toBe(new Date(dueAt).toISOString())
      expect(f.history.at(-1)).toMatchObject({ type: 'rescheduled', toldClient: true })
    }
    const past = applyBulk(seed(), ['a'], { action: 'reschedule', dueAt: '2026-11-22T16:00:00+01:00', allDay: false, toldClient: false }, NOW, () => 'x')
    expect(past.results[0]).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(past.data.followUps).toEqual(seed().followUps)
  })
})
