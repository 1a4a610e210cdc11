import { describe, expect, it, vi } from 'vitest'
import {
  applyDelta,
  viewStateFrom,
  type ViewDelta,
  type ViewMessage,
  type ViewQuery,
  type ViewRanges,
  type ViewSnapshot,
  type ViewState,
} from '../../../electron/contract/view'
import { openViewWith, type ViewTransport } from '../../../electron/contract/viewClient'
import { emptyData, type FollowUp } from '../../../electron/core/schema'
import { dispatchByName as dispatch } from '../../../electron/service/dispatch'
import { FollowThroughService } from '../../../electron/service/service'
import { aFollowUp } from '../../fixtures/followUps'
import { FakeTime } from '../../support/fakeTime'
import { MemoryStore } from './memoryStore'

/** Monday 23 November 2026, 10:00 Berlin time. */
const NOW = new Date('2026-11-23T10:00:00+01:00')
const DAY = 86_400_000

const ranges = (size = 3, start = 0): ViewRanges => ({
  promised: { start, end: start + size },
  due: { start: 0, end: size },
  overdue: { start: 0, end: size },
  done: { start: 0, end: size },
})

/** Promised cards due on days 3, 4, 5, … after NOW: p0 first. */
const promised = (i: number, overrides: Partial<FollowUp> = {}) =>
  aFollowUp({
    id: `p${i}`,
    title: `Promise ${i}`,
    dueAt: new Date(NOW.getTime() + (3 + i) * DAY).toISOString(),
    targetAt: new Date(NOW.getTime() + (2 + i) * DAY).toISOString(),
    history: [{ type: 'created', at: '2026-11-20T09:00:00.000Z' }],
    ...overrides,
  })

function start(followUps: FollowUp[], time = new FakeTime(NOW)) {
  const store = new MemoryStore({ ...emptyData(), followUps })
  let n = 0
  const service = new FollowThroughService({ store, now: time.now, timers: time, newId: () => `new${++n}` })
  service.start()
  return { service, store, time }
}

/** Opens a view whose messages are kept parsed, as a listener would receive them. */
function open(service: FollowThroughService, query: ViewQuery = {}, viewRanges = ranges(), viewId = 'view-0001') {
  const messages: ViewMessage[] = []
  const texts: string[] = []
  const result = service.openView({ viewId, query, ranges: viewRanges }, {
    send: (text) => {
      texts.push(text)
      messages.push(JSON.parse(text) as ViewMessage)
    },
  })
  expect(result.ok).toBe(true)
  const snapshot = () => (messages[0] as { snapshot: ViewSnapshot }).snapshot
  const deltas = () => messages.filter((m): m is { type: 'delta'; delta: ViewDelta } => m.type === 'delta').map((m) => m.delta)
  return { messages, texts, snapshot, deltas, viewId }
}

/** The listener's state after every message so far. */
function replay(messages: ViewMessage[]): ViewState {
  let state: ViewState | null = null
  for (const message of messages) state = message.type === 'snapshot' ? viewStateFrom(message.snapshot) : applyDelta(state!, message.delta)
  return state!
}

const call = (service: FollowThroughService, method: string, input: unknown) => dispatch(service.handlers, method, input)

describe('a view snapshot', () => {
  it('holds the counts of every column and the light cards in the requested windows, in board order', () => {
    const { service } = start([promised(2), promised(0), promised(1), promised(3), aFollowUp({ id: 'd1', completedAt: '2026-11-22T09:00:00.000Z' })])
    const view = open(service, {}, ranges(2))
    const snapshot = view.snapshot()
    expect(snapshot.version).toBe(1)
    expect(snapshot.counts).toEqual({ promised: 4, due: 0, overdue: 0, done: 1 })
    expect(snapshot.windows.promised).toEqual({ start: 0, ids: ['p0', 'p1'] })
    expect(snapshot.windows.done.ids).toEqual(['d1'])
    expect(snapshot.cards.map((card) => card.id).sort()).toEqual(['d1', 'p0', 'p1'])
    // Light cards: the history stays in the service (getFollowUp), only the newest event travels.
    const card = snapshot.cards.find((c) => c.id === 'p0')!
    expect(card).not.toHaveProperty('history')
    expect(card.lastEvent).toEqual({ type: 'created', at: '2026-11-20T09:00:00.000Z' })
    expect(card.column).toBe('promised')
  })

  it('gives the whole follow-up, history included, through getFollowUp', async () => {
    const { service } = start([promised(0)])
    const result = await call(service, 'getFollowUp', { id: 'p0' })
    expect(result).toMatchObject({ ok: true, value: { id: 'p0', history: [{ type: 'created' }] } })
  })
})

describe('view deltas', () => {
  it('adds: the new card spliced in at its place, the count, and the card itself', async () => {
    const { service } = start([promised(0), promised(2)])
    const view = open(service)
    await call(service, 'create', { title: 'Between', client: { name: 'Acme Corp' }, channel: 'email', dueAt: new Date(NOW.getTime() + 4.5 * DAY).toISOString(), allDay: false, notes: '' })
    const [delta] = view.deltas()
    expect(delta.version).toBe(2)
    expect(delta.counts?.promised).toBe(3)
    expect(delta.splices).toEqual([{ column: 'promised', index: 1, deleteCount: 0, insert: ['new1'] }])
    expect(delta.cards?.map((card) => card.title)).toEqual(['Between'])
    expect(replay(view.messages).windows.promised.ids).toEqual(['p0', 'new1', 'p2'])
  })

  it('changes: only the changed card, no splice and no counts when nothing moved', async () => {
    const { service } = start([promised(0), promised(1), promised(2)])
    const view = open(service)
    await call(service, 'update', { id: 'p1', patch: { notes: 'They asked for the annual price.' } })
    const [delta] = view.deltas()
    expect(delta).toEqual({ viewId: view.viewId, version: 2, cards: [expect.objectContaining({ id: 'p1', notes: 'They asked for the annual price.' })] })
  })

  it('moves: a rescheduled card moves within Promised, a completed one to Done, with the counts', async () => {
    const { service } = start([promised(0), promised(1), promised(2)])
    const view = open(service)
    await call(service, 'reschedule', { id: 'p0', dueAt: new Date(NOW.getTime() + 4.5 * DAY).toISOString(), allDay: false, toldClient: true })
    expect(view.deltas()[0].splices).toEqual([{ column: 'promised', index: 0, deleteCount: 2, insert: ['p1', 'p0'] }])
    expect(view.deltas()[0].counts).toBeUndefined()
    await call(service, 'complete', { id: 'p2' })
    const delta = view.deltas()[1]
    expect(delta.splices).toContainEqual({ column: 'done', index: 0, deleteCount: 0, insert: ['p2'] })
    // Delivering plans a check-in (the method's follow-through), which is new to Promised.
    expect(delta.counts).toMatchObject({ promised: 3, done: 1 })
    const state = replay(view.messages)
    expect(state.windows.promised.ids.filter((id) => id.startsWith('p'))).toEqual(['p1', 'p0'])
    expect(state.cards.get('p2')?.column).toBe('done')
  })

  it('removes: the card is spliced out and named in removed, and the next one slides into the window', async () => {
    const { service } = start([promised(0), promised(1), promised(2), promised(3)])
    const view = open(service)
    await call(service, 'remove', { id: 'p1' })
    const [delta] = view.deltas()
    expect(delta.removed).toEqual(['p1'])
    expect(delta.counts?.promised).toBe(3)
    expect(delta.cards?.map((card) => card.id)).toEqual(['p3'])
    expect(replay(view.messages).windows.promised.ids).toEqual(['p0', 'p2', 'p3'])
  })

  it('sends only the counts for a card added outside the window, and nothing else', async () => {
    const { service } = start([promised(0), promised(1), promised(2)])
    const view = open(service)
    await call(service, 'create', { title: 'Much later', client: { name: 'Acme Corp' }, channel: 'email', dueAt: new Date(NOW.getTime() + 40 * DAY).toISOString(), allDay: false, notes: '' })
    expect(view.deltas()).toEqual([{ viewId: view.viewId, version: 2, counts: { promised: 4, due: 0, overdue: 0, done: 0 } }])
  })

  it('keeps a listener’s copy equal to a fresh snapshot after a run of changes', async () => {
    const { service } = start(Array.from({ length: 8 }, (_, i) => promised(i)))
    const view = open(service, {}, ranges(4))
    await call(service, 'complete', { id: 'p2' })
    await call(service, 'reschedule', { id: 'p0', dueAt: new Date(NOW.getTime() + 9.5 * DAY).toISOString(), allDay: false, toldClient: true })
    await call(service, 'remove', { id: 'p5' })
    await call(service, 'snooze', { id: 'p1', until: new Date(NOW.getTime() + DAY).toISOString() })
    const kept = replay(view.messages)
    const fresh = open(service, {}, ranges(4), 'view-0002').snapshot()
    expect(kept.windows).toEqual(fresh.windows)
    expect(kept.counts).toEqual(fresh.counts)
    for (const id of Object.values(fresh.windows).flatMap((w) => w.ids)) expect(kept.cards.get(id)).toEqual(fresh.cards.find((c) => c.id === id))
  })

  it('serialises a change once for listeners of the same view: their messages differ only in view id', async () => {
    const { service } = start([promised(0)])
    const first = open(service, {}, ranges(), 'view-aaaa')
    const second = open(service, {}, ranges(), 'view-bbbb')
    await call(service, 'update', { id: 'p0', patch: { notes: 'x' } })
    expect(first.texts[1].replace('view-aaaa', 'VIEW')).toBe(second.texts[1].replace('view-bbbb', 'VIEW'))
  })
})

describe('ranges and filters', () => {
  it('scrolling sends the new window and only the cards new to it', async () => {
    const { service } = start(Array.from({ length: 10 }, (_, i) => promised(i)))
    const view = open(service)
    await call(service, 'updateView', { viewId: view.viewId, ranges: ranges(3, 2) })
    const [delta] = view.deltas()
    expect(delta.windows?.promised).toEqual({ start: 2, ids: ['p2', 'p3', 'p4'] })
    expect(delta.cards?.map((card) => card.id).sort()).toEqual(['p3', 'p4'])
    expect(delta.removed?.sort()).toEqual(['p0', 'p1'])
  })

  it('a position far down the column is answered without the cards in between', async () => {
    const { service } = start(Array.from({ length: 300 }, (_, i) => promised(i)))
    const view = open(service, {}, ranges(5, 290))
    expect(view.snapshot().windows.promised.ids).toEqual(['p290', 'p291', 'p292', 'p293', 'p294'])
    expect(view.snapshot().cards.filter((card) => card.column === 'promised')).toHaveLength(5)
  })

  it('searches title, client, company and notes in the service; a new query gets a fresh snapshot', async () => {
    const { service } = start([
      promised(0, { title: 'Send the deck' }),
      promised(1, { client: { name: 'Jenny Rivera', company: 'Deckhouse' } }),
      promised(2, { notes: 'bring the DECK' }),
      promised(3),
    ])
    const view = open(service)
    await call(service, 'updateView', { viewId: view.viewId, query: { q: 'deck' } })
    const message = view.messages.at(-1)!
    expect(message.type).toBe('snapshot')
    const snapshot = (message as { snapshot: ViewSnapshot }).snapshot
    expect(snapshot.version).toBe(2)
    expect(snapshot.counts.promised).toBe(3)
    expect(snapshot.windows.promised.ids).toEqual(['p0', 'p1', 'p2'])
  })

  it('filters by client and channel, and keeps the filtered view up to date', async () => {
    const { service } = start([promised(0, { client: { name: 'Jenny' } }), promised(1, { client: { name: 'Jenny' }, channel: 'phone' }), promised(2)])
    const view = open(service, { client: 'Jenny', channel: 'email' })
    expect(view.snapshot().windows.promised.ids).toEqual(['p0'])
    await call(service, 'update', { id: 'p1', patch: { channel: 'email' } })
    await call(service, 'update', { id: 'p2', patch: { notes: 'not hers' } })
    expect(view.deltas()).toHaveLength(1)
    expect(replay(view.messages).windows.promised.ids).toEqual(['p0', 'p1'])
  })

  it('shows the last 7 days in Done unless older completions are asked for, and lets a completion age out', () => {
    const time = new FakeTime(NOW)
    const { service } = start(
      [
        aFollowUp({ id: 'recent', completedAt: new Date(NOW.getTime() - 2 * DAY).toISOString() }),
        aFollowUp({ id: 'old', completedAt: new Date(NOW.getTime() - 30 * DAY).toISOString() }),
      ],
      time,
    )
    const view = open(service)
    expect(view.snapshot().windows.done.ids).toEqual(['recent'])
    expect(open(service, { olderDone: true }, ranges(), 'view-older').snapshot().windows.done.ids).toEqual(['recent', 'old'])
    time.advance(6 * DAY)
    expect(replay(view.messages).windows.done.ids).toEqual([])
    expect(replay(view.messages).counts.done).toBe(0)
  })
})

describe('versions and resync', () => {
  it('a resync sends a fresh snapshot with the next version', async () => {
    const { service } = start([promised(0)])
    const view = open(service)
    expect(await call(service, 'resyncView', { viewId: view.viewId })).toEqual({ ok: true, value: { version: 2 } })
    expect(view.messages.at(-1)).toMatchObject({ type: 'snapshot', snapshot: { version: 2 } })
  })

  it('the bridge resyncs on a gap, so its listener never sees a delta that does not follow on', async () => {
    const { service } = start([promised(0), promised(1)])
    let drop = false
    const calls: string[] = []
    const transport: ViewTransport = {
      open(viewId, query, viewRanges, receive) {
        service.openView({ viewId, query, ranges: viewRanges }, { send: (text) => !drop && receive(JSON.parse(text) as ViewMessage) })
      },
      call: async (method, input) => {
        calls.push(method)
        return dispatch(service.handlers, method, input)
      },
      stop: () => {},
    }
    const received: ViewMessage[] = []
    const handle = openViewWith(transport, () => 'bridge-view-1')({}, ranges(), (message) => message.type !== 'refused' && received.push(message))
    drop = true
    await call(service, 'update', { id: 'p0', patch: { notes: 'lost on the way' } })
    drop = false
    await call(service, 'update', { id: 'p1', patch: { notes: 'arrives after a gap' } })
    await Promise.resolve()
    expect(calls).toEqual(['resyncView'])
    expect(received.map((m) => m.type)).toEqual(['snapshot', 'snapshot'])
    const state = replay(received)
    expect(state.cards.get('p0')?.notes).toBe('lost on the way')
    await call(service, 'update', { id: 'p1', patch: { notes: 'and on it goes' } })
    expect(replay(received).cards.get('p1')?.notes).toBe('and on it goes')
    handle.close()
    await Promise.resolve()
    expect(service.views.size).toBe(0)
  })

  it('refuses a malformed view request in words, naming the field', () => {
    const { service } = start([])
    const result = service.openView({ viewId: 'x', query: {}, ranges: ranges() }, { send: () => {} })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { viewId: expect.any(String) } } })
  })
})

describe('time', () => {
  it('moves a card to Due at the midnight that starts its own target\'s day; the next card slides into the window', () => {
    const time = new FakeTime(NOW)
    const soon = aFollowUp({ id: 'soon', dueAt: new Date(NOW.getTime() + 3 * DAY).toISOString(), targetAt: new Date(NOW.getTime() + DAY).toISOString() })
    const others = Array.from({ length: 200 }, (_, i) => promised(i + 10))
    const { service } = start([soon, ...others], time)
    const view = open(service)
    time.advance(new Date('2026-11-24T00:00:00+01:00').getTime() - NOW.getTime() - 1)
    expect(view.deltas()).toEqual([])
    time.advance(1)
    const [delta] = view.deltas()
    expect(delta.cards?.map((card) => card.id).sort()).toEqual(['p12', 'soon'])
    expect(delta.counts).toMatchObject({ promised: 200, due: 1 })
    expect(replay(view.messages).windows.due.ids).toEqual(['soon'])
  })

  it('records a missed promise when the deadline passes, on that card alone', () => {
    const time = new FakeTime(NOW)
    const late = aFollowUp({ id: 'late', dueAt: new Date(NOW.getTime() + 3_600_000).toISOString(), targetAt: new Date(NOW.getTime() - 3_600_000).toISOString() })
    const { service, store } = start([late, promised(0), promised(1)], time)
    time.advance(2 * 3_600_000)
    expect(store.changes.at(-1)?.followUps.put.map((f) => f.id)).toEqual(['late'])
    expect(store.data.followUps.find((f) => f.id === 'late')?.history.at(-1)).toMatchObject({ type: 'missed' })
    void service
  })
})

describe('reminders on time', () => {
  it('a tick sends the one reminder that came and records it on that card alone', async () => {
    const time = new FakeTime(NOW)
    const soon = aFollowUp({ id: 'soon', dueAt: new Date(NOW.getTime() + 3 * DAY).toISOString(), targetAt: new Date(NOW.getTime() + 30 * 60_000).toISOString() })
    const store = new MemoryStore({ ...emptyData(), followUps: [soon, ...Array.from({ length: 300 }, (_, i) => promised(i + 10))] })
    const sent: string[] = []
    const service = new FollowThroughService({ store, now: time.now, timers: time, notifier: { notify: async (n) => void sent.push(n.title) } })
    service.start()
    const before = store.changes.length
    time.advance(31 * 60_000)
    expect(sent).toEqual(['Time to deliver: Send proposal'])
    // Recorded once the notification was shown.
    await vi.waitFor(() => expect(store.data.followUps.find((f) => f.id === 'soon')?.notifiedAt.target).toBeDefined())
    expect(store.changes.slice(before).flatMap((change) => change.followUps.put.map((f) => f.id))).toEqual(['soon'])
    expect(store.data.followUps.find((f) => f.id === 'soon')?.notifiedAt.target).toBeDefined()
  })
})

describe('the tray board', () => {
  it('counts due and overdue and lists overdue first, from the indexes', () => {
    const overdue = aFollowUp({ id: 'o', dueAt: new Date(NOW.getTime() - DAY).toISOString(), targetAt: new Date(NOW.getTime() - 2 * DAY).toISOString() })
    const due = aFollowUp({ id: 'd', dueAt: new Date(NOW.getTime() + 3_600_000).toISOString(), targetAt: new Date(NOW.getTime() - 3_600_000).toISOString() })
    const { service } = start([due, overdue, promised(0)])
    const tray = service.tray()
    expect(tray.counts).toEqual({ due: 1, overdue: 1 })
    expect(tray.cards.map((card) => card.id)).toEqual(['o', 'd'])
  })
})
