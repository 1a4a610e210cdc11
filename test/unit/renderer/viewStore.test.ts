import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Column } from '../../../electron/contract'
import type { ViewDelta, ViewMessage, ViewQuery, ViewRanges, ViewSnapshot } from '../../../electron/contract/view'
import { ViewStore } from '../../../renderer/lib/viewStore'
import { makeCard } from './support'

const RANGES: ViewRanges = { promised: { start: 0, end: 10 }, due: { start: 0, end: 10 }, overdue: { start: 0, end: 10 }, done: { start: 0, end: 10 } }
const STATUS = { generatedAt: '2025-03-10T09:00:00.000Z', readOnly: false, notices: [] }
const counts = (promised: number, due: number, overdue: number, done: number): Record<Column, number> => ({ promised, due, overdue, done })

const A = makeCard({ id: 'a', title: 'Send the proposal', column: 'promised' })
const B = makeCard({ id: 'b', title: 'Call back', column: 'promised' })
const C = makeCard({ id: 'c', title: 'Price list', column: 'due' })

const snapshot = (version: number, overrides: Partial<ViewSnapshot> = {}): ViewSnapshot => ({
  viewId: 'v1',
  version,
  counts: counts(2, 1, 0, 0),
  windows: { promised: { start: 0, ids: ['a', 'b'] }, due: { start: 0, ids: ['c'] }, overdue: { start: 0, ids: [] }, done: { start: 0, ids: [] } },
  cards: [A, B, C],
  status: STATUS,
  ...overrides,
})
const delta = (version: number, rest: Omit<ViewDelta, 'viewId' | 'version'>): ViewMessage => ({ type: 'delta', delta: { viewId: 'v1', version, ...rest } })

/** A store on a fake bridge: `send` plays the service, `updates` is what the store asked of it. */
function open(query: ViewQuery = {}) {
  let listener!: (message: ViewMessage) => void
  const updates: { query?: ViewQuery; ranges?: ViewRanges }[] = []
  const close = vi.fn()
  const store = new ViewStore(
    (_query, _ranges, receive) => {
      listener = receive
      return { update: (change) => void updates.push(change), close }
    },
    query,
    RANGES,
  )
  store.start()
  const send = (message: ViewMessage) => listener(message)
  return { store, send, updates, close }
}

afterEach(() => vi.useRealTimers())

describe('the board view store', () => {
  it('shows a snapshot, then applies a delta: a card done moves from Promised to Done, with new counts', () => {
    const { store, send } = open()
    send({ type: 'snapshot', snapshot: snapshot(1) })
    const cardC = store.card('c')
    const doneA = { ...A, column: 'done' as const, completedAt: '2025-03-10T09:05:00.000Z' }
    send(
      delta(2, {
        counts: counts(1, 1, 0, 1),
        splices: [
          { column: 'promised', index: 0, deleteCount: 1, insert: [] },
          { column: 'done', index: 0, deleteCount: 0, insert: ['a'] },
        ],
        cards: [doneA],
      }),
    )
    expect(store.version).toBe(2)
    expect(store.counts()).toEqual(counts(1, 1, 0, 1))
    expect(store.window('promised').ids).toEqual(['b'])
    expect(store.window('done').ids).toEqual(['a'])
    expect(store.card('a')).toEqual(doneA)
    // What did not change keeps its identity, so its components do not re-render.
    expect(store.card('c')).toBe(cardC)
    expect(store.positionOf('a')).toEqual({ column: 'done', index: 0 })
  })

  it('a card that leaves every window is forgotten', () => {
    const { store, send } = open()
    send({ type: 'snapshot', snapshot: snapshot(1) })
    send(delta(2, { counts: counts(1, 1, 0, 0), splices: [{ column: 'promised', index: 1, deleteCount: 1, insert: [] }], removed: ['b'] }))
    expect(store.card('b')).toBeUndefined()
    expect(store.window('promised').ids).toEqual(['a'])
  })

  it('a missed version asks for the view afresh, ignores deltas until the snapshot, then follows again', () => {
    const { store, send, updates } = open({ q: 'proposal' })
    send({ type: 'snapshot', snapshot: snapshot(1) })
    send(delta(3, { counts: counts(9, 9, 9, 9) }))
    expect(updates).toEqual([{ query: { q: 'proposal' }, ranges: RANGES }])
    expect(store.counts()).toEqual(counts(2, 1, 0, 0))
    // Deltas still in flight from before the resync change nothing.
    send(delta(4, { counts: counts(8, 8, 8, 8) }))
    expect(store.counts()).toEqual(counts(2, 1, 0, 0))

    send({ type: 'snapshot', snapshot: snapshot(4, { counts: counts(3, 1, 0, 0), windows: { ...snapshot(4).windows, promised: { start: 0, ids: ['a', 'b', 'd'] } }, cards: [A, B, C, makeCard({ id: 'd' })] }) })
    expect(store.version).toBe(4)
    expect(store.window('promised').ids).toEqual(['a', 'b', 'd'])
    send(delta(5, { counts: counts(3, 1, 1, 0) }))
    expect(store.counts()).toEqual(counts(3, 1, 1, 0))
  })

  it('ignores a delta it has already seen and one for another view', () => {
    const { store, send, updates } = open()
    send({ type: 'snapshot', snapshot: snapshot(5) })
    send(delta(5, { counts: counts(7, 7, 7, 7) }))
    send(delta(4, { counts: counts(7, 7, 7, 7) }))
    send({ type: 'delta', delta: { viewId: 'other', version: 6, counts: counts(7, 7, 7, 7) } })
    expect(store.counts()).toEqual(counts(2, 1, 0, 0))
    expect(updates).toEqual([])
  })

  it('scrolling replaces a column window whole and keeps the cards it still shows', () => {
    const { store, send } = open()
    send({ type: 'snapshot', snapshot: snapshot(1) })
    const cardA = store.card('a')
    const message: ViewMessage = {
      type: 'delta',
      delta: { viewId: 'v1', version: 2, windows: { promised: { start: 1, ids: ['b', 'e'] } }, cards: [makeCard({ id: 'e' })], removed: ['a'] } as ViewDelta,
    }
    send(message)
    expect(store.window('promised')).toEqual({ start: 1, ids: ['b', 'e'] })
    expect(store.card('e')?.id).toBe('e')
    expect(store.card('a')).toBeUndefined()
    expect(cardA?.id).toBe('a')
    expect(store.window('due').ids).toEqual(['c'])
  })

  it('a new snapshot keeps unchanged cards and windows as they were', () => {
    const { store, send } = open()
    send({ type: 'snapshot', snapshot: snapshot(1) })
    const [cardA, due] = [store.card('a'), store.window('due')]
    send({ type: 'snapshot', snapshot: snapshot(2, { cards: [structuredClone(A), { ...B, title: 'Call back today' }, structuredClone(C)] }) })
    expect(store.card('a')).toBe(cardA)
    expect(store.window('due')).toBe(due)
    expect(store.card('b')?.title).toBe('Call back today')
  })

  it('sends the ranges of a fast scroll as one update', () => {
    vi.useFakeTimers()
    const { store, send, updates } = open()
    send({ type: 'snapshot', snapshot: snapshot(1) })
    store.setRange('promised', { start: 100, end: 130 })
    store.setRange('promised', { start: 200, end: 230 })
    store.setRange('due', { start: 10, end: 40 })
    expect(updates).toEqual([])
    vi.runAllTimers()
    expect(updates).toEqual([{ ranges: { ...RANGES, promised: { start: 200, end: 230 }, due: { start: 10, end: 40 } } }])
    // The same range again asks nothing.
    store.setRange('promised', { start: 200, end: 230 })
    vi.runAllTimers()
    expect(updates).toHaveLength(1)
  })

  it('new filters are a query to the service, from the top of each column; closing the board closes the view', () => {
    const { store, updates, close } = open()
    store.setQuery({ client: 'Jenny Rivera' })
    expect(updates).toEqual([{ query: { client: 'Jenny Rivera' }, ranges: RANGES }])
    store.setQuery({ client: 'Jenny Rivera' })
    expect(updates).toHaveLength(1)
    store.stop()
    expect(close).toHaveBeenCalled()
  })

  it('tells its subscribers about every change it applies', () => {
    const { store, send } = open()
    const listener = vi.fn()
    store.subscribe(listener)
    send({ type: 'snapshot', snapshot: snapshot(1) })
    send(delta(2, { counts: counts(2, 1, 0, 0) }))
    send(delta(2, { counts: counts(2, 1, 0, 0) }))
    expect(listener).toHaveBeenCalledTimes(2)
  })
})
