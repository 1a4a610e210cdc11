import { describe, expect, it } from 'vitest'
import { buildBoard } from '../../../electron/core/board'
import { BoardIndex } from '../../../electron/core/boardIndex'
import { COLUMNS } from '../../../electron/core/columns'
import { applyChange, diffData } from '../../../electron/core/dataDiff'
import { InstantQueue } from '../../../electron/core/instantQueue'
import { emptyData, type Data } from '../../../electron/core/schema'
import { aFollowUp, makeData } from '../../fixtures/followUps'

const NOW = new Date('2025-01-20T10:00:00+01:00')
const HOUR = 3_600_000

const columnsOf = (index: BoardIndex) => Object.fromEntries(COLUMNS.map((column) => [column, index.column(column).map((entry) => entry.card.id)]))
const boardOf = (data: Data, now: Date) => Object.fromEntries(COLUMNS.map((column) => [column, buildBoard(data, now).columns[column].map((card) => card.id)]))

describe('the board index', () => {
  it('orders each column as the board does', () => {
    const data = makeData(500)
    expect(columnsOf(new BoardIndex(data.followUps, NOW))).toEqual(boardOf(data, NOW))
  })

  it('stays equal to a rebuilt board through changes', () => {
    let data = makeData(300)
    const index = new BoardIndex(data.followUps, NOW)
    for (let step = 0; step < 40; step++) {
      const target = data.followUps[(step * 37) % data.followUps.length]
      const next: Data = {
        ...data,
        followUps: data.followUps
          .filter((f) => step % 5 !== 0 || f !== target)
          .map((f) => (f === target ? { ...f, title: `Renamed ${step}`, dueAt: new Date(NOW.getTime() + (step - 20) * HOUR).toISOString() } : f)),
      }
      const change = diffData(data, next)
      index.apply(change.followUps.put, change.followUps.removed, NOW)
      data = applyChange(data, change)
    }
    expect(columnsOf(index)).toEqual(boardOf(data, NOW))
  })

  it('moves on time only the cards whose instant came, and agrees with a rebuild after', () => {
    const data = makeData(2000)
    const index = new BoardIndex(data.followUps, NOW)
    const later = new Date(NOW.getTime() + 2 * HOUR)
    const moves = index.advance(later)
    const changed = data.followUps.filter((f) => columnKey(f, NOW) !== columnKey(f, later))
    // Only cards whose column or at-risk flag changed in those two hours were looked at.
    expect(moves.length).toBeGreaterThan(0)
    expect(moves.length).toBeLessThan(data.followUps.length / 10)
    expect(new Set(moves.map((move) => move.id))).toEqual(new Set(changed.map((f) => f.id)))
    expect(columnsOf(index)).toEqual(boardOf(data, later))
  })

  it('makes a card due at the midnight of the day it is promised for', () => {
    const card = aFollowUp({ id: 'friday', dueAt: '2025-01-24T15:00:00+01:00', targetAt: '2025-01-24T12:00:00+01:00' })
    const index = new BoardIndex([card], NOW)
    expect(index.nextChangeAt()).toBe(new Date('2025-01-24T00:00:00+01:00').getTime())
    expect(index.advance(new Date('2025-01-24T00:00:00+01:00')).map((move) => move.after?.column)).toEqual(['due'])
  })

  it('makes a card due at the midnight of the day its own target falls on, though its promise is later', () => {
    const card = aFollowUp({ id: 'planned', dueAt: '2025-01-31T15:00:00+01:00', targetAt: '2025-01-22T16:00:00+01:00' })
    const index = new BoardIndex([card], NOW)
    expect(index.entry('planned')?.card.column).toBe('promised')
    expect(index.nextChangeAt()).toBe(new Date('2025-01-22T00:00:00+01:00').getTime())
    expect(index.advance(new Date('2025-01-22T00:00:00+01:00')).map((move) => move.after?.card.column)).toEqual(['due'])
  })

  it('carries the scorecard outcome on done cards and recomputes it when the completion changes', () => {
    const open = aFollowUp({ id: 'p', dueAt: '2025-01-24T15:00:00+01:00', targetAt: '2025-01-22T12:00:00+01:00' })
    const index = new BoardIndex([open], NOW)
    expect(index.entry('p')?.card.outcome).toBeUndefined()
    const [early] = index.apply([{ ...open, completedAt: '2025-01-21T09:00:00+01:00' }], [], NOW)
    expect(early.after?.card.outcome).toBe('early')
    const [late] = index.apply([{ ...open, completedAt: '2025-01-25T09:00:00+01:00' }], [], NOW)
    expect(late.after?.card.outcome).toBe('missed')
  })
})

function columnKey(followUp: ReturnType<typeof aFollowUp>, now: Date): string {
  const card = buildBoard({ ...emptyData(), followUps: [followUp] }, now)
  const column = COLUMNS.find((c) => card.columns[c].length > 0)!
  return `${column}:${card.columns[column][0].atRisk}`
}

describe('the instant queue', () => {
  it('pops what is due, earliest first, and only the latest schedule of an id', () => {
    const queue = new InstantQueue()
    queue.schedule('a', 30)
    queue.schedule('b', 10)
    queue.schedule('c', 20)
    queue.schedule('a', 5)
    queue.schedule('c', null)
    expect(queue.peek()).toBe(5)
    expect(queue.popDue(15)).toEqual(['a', 'b'])
    expect(queue.popDue(100)).toEqual([])
    expect(queue.size).toBe(0)
  })

  it('stays small under many reschedules', () => {
    const queue = new InstantQueue()
    for (let i = 0; i < 10_000; i++) queue.schedule(`id${i % 10}`, i)
    expect(queue.size).toBe(10)
    expect(queue.popDue(Infinity)).toEqual(Array.from({ length: 10 }, (_, i) => `id${i}`))
  })
})
