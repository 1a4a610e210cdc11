import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BoardSnapshot, Card } from '../../../electron/contract'
import { dispatch } from '../../../electron/service/dispatch'
import { FollowThroughService } from '../../../electron/service/service'
import { Store } from '../../../electron/store/store'
import { FakeTime } from '../../support/fakeTime'
import { callOk } from './onDisk'

// Monday 23 Nov 2026, 10:00 in Berlin.
const START = new Date('2026-11-23T10:00:00+01:00')
const DUE = '2026-11-27T16:00:00+01:00'

let dataDir: string
let stores: Store[] = []
let service: FollowThroughService
let time: FakeTime

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'ft-method-'))
})
afterEach(async () => {
  await service?.stop().catch(() => {})
  await Promise.all(stores.map((s) => s.close().catch(() => {})))
  stores = []
  await rm(dataDir, { recursive: true, force: true })
})

async function open(notifier = true): Promise<void> {
  time = new FakeTime(START)
  const store = await Store.open({ dataDir, app: 'test', now: time.now, writeDelayMs: 0 })
  stores.push(store)
  let n = 0
  service = new FollowThroughService({
    store,
    now: time.now,
    timers: time,
    newId: () => `f${++n}`,
    notifier: notifier ? { notify: async () => {} } : undefined,
    systemLocale: 'en-GB',
  })
  service.start()
}

const call = <T,>(method: string, input: unknown): Promise<T> => callOk<T>(service, method, input)
const cards = (board: BoardSnapshot): Card[] => Object.values(board.columns).flat()
const byTitle = (title: string) => cards(service.board()).find((c) => c.title === title)!

async function promise(extra: Record<string, unknown> = {}) {
  return call<{ id: string }>('create', { title: 'Send the proposal', client: { name: 'Jenny Rivera', email: 'jenny@example.com' }, channel: 'email', dueAt: DUE, ...extra })
}

describe('heads-up before a miss', () => {
  it('writes the draft in Settings’ locale when it overrides the system’s (12-hour clock in en-US)', async () => {
    await open()
    const { id } = await promise()
    await call('updateSettings', { locale: 'en-US' })
    const { message } = await call<{ message: string }>('draftHeadsUp', { id, dueAt: new Date('2026-12-01T12:00:00+01:00').toISOString() })
    expect(message).toMatch(/promised for Friday, November 27 at 4:00 PM.*by Tuesday, December 1 at 12:00 PM/)
    // Dropping the override brings back the system's locale (en-GB here).
    await call('updateSettings', { locale: null })
    const { message: british } = await call<{ message: string }>('draftHeadsUp', { id, dueAt: new Date('2026-12-01T12:00:00+01:00').toISOString() })
    expect(british).toMatch(/promised for Friday 27 November at 16:00/)
  })

  it('drafts a message and records the heads-up as a renegotiated promise', async () => {
    await open()
    const { id } = await promise()
    time.advanceTo(new Date('2026-11-26T17:00:00+01:00'))
    expect(byTitle('Send the proposal').atRisk).toBe(true)
    const newDue = new Date('2026-12-01T12:00:00+01:00').toISOString()
    const { message } = await call<{ message: string }>('draftHeadsUp', { id, dueAt: newDue })
    expect(message).toMatch(/^Hi Jenny, .*the proposal I promised for Friday 27 November at 16:00.*by Tuesday 1 December at 12:00/)
    await call('sendHeadsUp', { id, dueAt: newDue, allDay: false, message })
    const card = byTitle('Send the proposal')
    expect(card).toMatchObject({ column: 'promised', atRisk: false, dueAt: newDue })
    expect(card.history.slice(-2).map((e) => e.type)).toEqual(['rescheduled', 'headsUp'])
    expect(card.history.at(-2)).toMatchObject({ toldClient: true })
    // The old deadline passes: not a miss.
    time.advanceTo(new Date('2026-11-28T09:00:00+01:00'))
    expect(byTitle('Send the proposal').history.some((e) => e.type === 'missed')).toBe(false)
  })

  it('refuses an empty heads-up message', async () => {
    await open()
    const { id } = await promise()
    const result = await dispatch(service.handlers, 'sendHeadsUp', { id, dueAt: '2026-12-01T11:00:00.000Z', allDay: false, message: '  ' })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it('records a silent miss once when the deadline passes, and saves it', async () => {
    await open()
    await promise()
    const pushed: BoardSnapshot[] = []
    service.subscribe((board) => pushed.push(board))
    time.advanceTo(new Date('2026-11-27T16:00:00.500+01:00'))
    time.advanceTo(new Date('2026-11-30T09:00:00+01:00'))
    const missed = byTitle('Send the proposal').history.filter((e) => e.type === 'missed')
    expect(missed).toEqual([{ type: 'missed', at: new Date(DUE).toISOString() }])
    // The board pushed at the deadline already shows it.
    const atDeadline = pushed.find((b) => b.columns.overdue.length === 1)!
    expect(atDeadline.columns.overdue[0].history.at(-1)).toMatchObject({ type: 'missed' })
    await stores[0].compact()
    const saved = JSON.parse(await readFile(join(dataDir, 'follow-through.json'), 'utf8')) as { followUps: Card[] }
    expect(saved.followUps[0].history.filter((e: { type: string }) => e.type === 'missed')).toHaveLength(1)
  })

  it('records a miss without notifications too (browser mode without a notifier)', async () => {
    await open(false)
    await promise()
    time.advanceTo(new Date('2026-11-27T16:00:01+01:00'))
    expect(byTitle('Send the proposal').history.at(-1)).toEqual({ type: 'missed', at: new Date(DUE).toISOString() })
  })
})

describe('follow through after delivery', () => {
  it('plans a check-in with four steps when a promise is marked done, once, a cadence week later in working hours', async () => {
    await open()
    const { id } = await promise()
    time.advanceTo(new Date('2026-11-27T10:00:00+01:00'))
    await call('complete', { id })
    const checkIn = byTitle('Check in with Jenny Rivera: Send the proposal')
    expect(checkIn).toMatchObject({ kind: 'check-in', followsUp: id, column: 'promised', dueAt: new Date('2026-12-04T09:00:00+01:00').toISOString() })
    expect(checkIn.checklist.map((i) => i.text)).toEqual([
      'Confirm they received it',
      'Offer to clarify anything',
      'Share something new since we talked',
      'Book the next meeting',
    ])
    // Reopening takes the untouched check-in away; delivering again plans one again.
    await call('reopen', { id })
    expect(cards(service.board()).filter((c) => c.kind === 'check-in')).toHaveLength(0)
    await call('complete', { id })
    expect(cards(service.board()).filter((c) => c.kind === 'check-in')).toHaveLength(1)
  })

  it('plans nothing when follow-through is switched off in the settings', async () => {
    await open()
    await call('updateSettings', { followThrough: { enabled: false, afterBusinessDays: 1 } })
    const { id } = await promise()
    await call('complete', { id })
    expect(cards(service.board())).toHaveLength(1)
  })
})

describe('checklists', () => {
  it('creates a follow-up with the decisions typed, then adds, ticks and removes items', async () => {
    await open()
    const { id } = await promise({ checklist: ['Which plan?', 'Start date?'] })
    const added = await call<Card>('addChecklistItem', { id, text: 'Who signs?' })
    expect(added.checklist.map((i) => i.text)).toEqual(['Which plan?', 'Start date?', 'Who signs?'])
    const [first, , third] = added.checklist
    await call('setChecklistItem', { id, itemId: first.id, done: true })
    await call('removeChecklistItem', { id, itemId: third.id })
    expect(byTitle('Send the proposal').checklist.map((i) => [i.text, i.done])).toEqual([
      ['Which plan?', true],
      ['Start date?', false],
    ])
  })

  it('refuses an unknown item and an empty text', async () => {
    await open()
    const { id } = await promise()
    expect(await dispatch(service.handlers, 'setChecklistItem', { id, itemId: 'gone', done: true })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(await dispatch(service.handlers, 'addChecklistItem', { id, text: ' ' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })
})
