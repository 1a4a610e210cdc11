import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BoardSnapshot, Card, ViewMessage } from '../../../electron/contract'
import { AWAY_LISTED } from '../../../electron/core/board'
import { createFollowUp } from '../../../electron/core/commands'
import { emptyData } from '../../../electron/core/schema'
import { dispatch } from '../../../electron/service/dispatch'
import { FollowThroughService } from '../../../electron/service/service'
import { Store } from '../../../electron/store/store'
import { FakeTime } from '../../support/fakeTime'
import { callOk } from './onDisk'

// Friday 20 Nov 2026 when the promises were made; back on Monday 23 Nov, 10:00 in Berlin.
const CREATED = new Date('2026-11-20T09:00:00+01:00')
const START = new Date('2026-11-23T10:00:00+01:00')

let dataDir: string
let stores: Store[] = []
let service: FollowThroughService
let time: FakeTime
let pushes: BoardSnapshot[]

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'ft-away-'))
  let data = emptyData()
  const add = (id: string, client: string, dueAt: string) => {
    data = createFollowUp(data, { title: `Promise ${id}`, client: { name: client }, dueAt }, CREATED, id).data
  }
  add('a', 'Jenny Rivera', '2026-11-21T12:00:00+01:00')
  add('b', 'Acme Corp', '2026-11-20T16:00:00+01:00')
  add('later', 'Acme Corp', '2026-11-27T16:00:00+01:00')
  await writeFile(join(dataDir, 'follow-through.json'), JSON.stringify(data))
})
afterEach(async () => {
  await service?.stop().catch(() => {})
  await Promise.all(stores.map((s) => s.close().catch(() => {})))
  stores = []
  await rm(dataDir, { recursive: true, force: true })
})

async function open(): Promise<void> {
  time = new FakeTime(START)
  const store = await Store.open({ dataDir, app: 'test', now: time.now, writeDelayMs: 0 })
  stores.push(store)
  let n = 0
  service = new FollowThroughService({ store, now: time.now, timers: time, newId: () => `n${++n}`, notifier: { notify: async () => {} } })
  pushes = []
  service.subscribe((board) => pushes.push(board))
  service.start()
}

const call = <T,>(method: string, input: unknown): Promise<T> => callOk<T>(service, method, input)
const cards = (board: BoardSnapshot): Card[] => Object.values(board.columns).flat()

describe('while you were away', () => {
  it('shows at start what went overdue while closed, even though the reminders are now sent', async () => {
    await open()
    expect(service.board().away).toEqual({ ids: ['b', 'a'], count: 2, since: '2026-11-20T15:00:00.000Z' })
    expect(cards(service.board()).find((c) => c.id === 'a')!.notifiedAt.deadline).toBeDefined()
  })

  it('lists the first AWAY_LISTED but counts them all, so the status a view carries stays small after a long absence', async () => {
    let data = emptyData()
    for (let i = 0; i < 1_500; i++) {
      const dueAt = new Date(Date.parse('2026-11-21T08:00:00+01:00') + i * 60_000).toISOString()
      data = createFollowUp(data, { title: `Promise ${i}`, client: { name: `Client ${i % 40}` }, dueAt }, CREATED, `away-${i}`).data
    }
    await writeFile(join(dataDir, 'follow-through.json'), JSON.stringify(data))
    await open()
    const messages: ViewMessage[] = []
    const ranges = { promised: { start: 0, end: 10 }, due: { start: 0, end: 10 }, overdue: { start: 0, end: 10 }, done: { start: 0, end: 10 } }
    expect(service.openView({ viewId: 'view-away', query: {}, ranges }, { send: (text) => void messages.push(JSON.parse(text) as ViewMessage) }).ok).toBe(true)
    const [first] = messages
    const away = first.type === 'snapshot' ? first.snapshot.status.away : undefined
    expect(away?.count).toBe(1_500)
    expect(away?.ids).toEqual(Array.from({ length: AWAY_LISTED }, (_, i) => `away-${i}`))

    await call('complete', { id: 'away-0' })
    const delta = messages.at(-1)!
    expect(delta.type === 'delta' && delta.delta.status?.away?.count).toBe(1_499)
    expect(delta.type === 'delta' && delta.delta.status?.away?.ids[0]).toBe('away-1')
    expect(new TextEncoder().encode(JSON.stringify(delta)).length).toBeLessThanOrEqual(4_096)
  })

  it('completes a group in one save and one push; the panel empties', async () => {
    await open()
    const before = pushes.length
    const { results } = await call<{ results: unknown[] }>('bulk', { ids: ['a', 'b', 'missing'], action: 'complete' })
    expect(results).toEqual([{ id: 'a', ok: true }, { id: 'b', ok: true }, { id: 'missing', ok: false, error: expect.objectContaining({ code: 'not_found' }) }])
    expect(pushes.length).toBe(before + 1)
    expect(service.board().away).toBeUndefined()
    expect(cards(service.board()).filter((c) => c.kind === 'check-in')).toHaveLength(2)
    await service.stop()
    const saved = JSON.parse(await readFile(join(dataDir, 'follow-through.json'), 'utf8'))
    expect(saved.followUps.filter((f: { completedAt?: string }) => f.completedAt).length).toBe(2)
  })

  it('reschedules all to one new promise and says whether the clients were told', async () => {
    await open()
    const dueAt = '2026-11-25T16:00:00+01:00'
    await call('bulk', { ids: ['a', 'b'], action: 'reschedule', dueAt, toldClient: true })
    const moved = cards(service.board()).filter((c) => c.id === 'a' || c.id === 'b')
    expect(moved.map((c) => [c.column, c.history.at(-1)])).toEqual([
      ['promised', expect.objectContaining({ type: 'rescheduled', toldClient: true })],
      ['promised', expect.objectContaining({ type: 'rescheduled', toldClient: true })],
    ])
    const refused = await dispatch(service.handlers, 'bulk', { ids: ['a'], action: 'reschedule' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it('is dismissed with Got it, and a restart does not show it again', async () => {
    await open()
    expect(await call('dismissAway', {})).toEqual({ dismissed: true })
    expect(service.board().away).toBeUndefined()
    expect(await call('dismissAway', {})).toEqual({ dismissed: false })
    await service.stop()
    await open()
    expect(service.board().away).toBeUndefined()
  })
})

describe('after the sale', () => {
  it('previews with dryRun, then plans a thank-you after a won deal', async () => {
    await open()
    const preview = await call<{ created: Card[] }>('startSequence', { id: 'later', sequence: 'won', dryRun: true })
    expect(preview.created.map((f) => f.title)).toEqual(['Thank Acme Corp for the business'])
    expect(cards(service.board())).toHaveLength(3)
    const { created } = await call<{ created: Card[] }>('startSequence', { id: 'later', sequence: 'won' })
    expect(created).toHaveLength(1)
    expect(cards(service.board()).find((c) => c.kind === 'thank-you')).toMatchObject({ followsUp: 'later', column: 'promised' })
    const delivered = await call<{ created: Card[] }>('startSequence', { id: 'later', sequence: 'delivered' })
    expect(delivered.created.map((f) => f.kind)).toEqual(['confirmation-call', 'thank-you'])
  })
})
