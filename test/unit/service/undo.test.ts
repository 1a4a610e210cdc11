import { rm } from 'node:fs/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Card, FollowUp, UndoResult } from '../../../electron/contract'
import { FollowThroughService } from '../../../electron/service/service'
import { Store } from '../../../electron/store/store'
import { FakeTime } from '../../support/fakeTime'
import { callOk, openServiceOnDisk } from './onDisk'

// Monday 23 Nov 2026, 10:00 in Berlin.
const START = new Date('2026-11-23T10:00:00+01:00')
const DUE = '2026-11-27T16:00:00+01:00'
const MINUTE = 60_000

let dataDir: string
let store: Store
let service: FollowThroughService
let time: FakeTime

beforeEach(async () => {
  ;({ dataDir, store, service, time } = await openServiceOnDisk('ft-undo-', START))
})
afterEach(async () => {
  await service.stop().catch(() => {})
  await rm(dataDir, { recursive: true, force: true })
})

const call = <T,>(method: string, input: unknown): Promise<T> => callOk<T>(service, method, input)
const all = (): Card[] => Object.values(service.board().columns).flat()
const stored = (id: string): FollowUp | undefined => store.data.followUps.find((f) => f.id === id)
/** Everything but the history, which only grows (undo and redo are recorded in it). */
const state = (id: string) => {
  const found = stored(id)
  if (!found) return undefined
  const { history: _, ...rest } = found
  return rest
}
const undo = () => call<UndoResult>('undo', {})
const redo = () => call<UndoResult>('redo', {})

async function promise(title = 'Send the proposal', extra: Record<string, unknown> = {}) {
  return call<FollowUp>('create', { title, client: { name: 'Jenny Rivera', email: 'jenny@example.com' }, channel: 'email', dueAt: DUE, ...extra })
}

/** Runs `action`, then checks undo brings back the state before it and redo the state after it, with both in the history. */
async function roundTrip(id: string, action: () => Promise<unknown>, expected: string) {
  const before = state(id)
  await action()
  const after = state(id)
  expect(after).not.toEqual(before)
  expect(await undo()).toMatchObject({ action: expected })
  expect(state(id)).toEqual(before)
  expect(await redo()).toMatchObject({ action: expected })
  expect(state(id)).toEqual(after)
  const events = stored(id)?.history.slice(-2)
  if (events) expect(events).toEqual([expect.objectContaining({ type: 'undone', action: expected.replace(/ “.*$/, '') }), expect.objectContaining({ type: 'redone' })])
}

describe('undo and redo', () => {
  it('take back Mark done, with the check-in it planned, and do it again', async () => {
    const { id } = await promise()
    time.advance(MINUTE)
    await call('complete', { id })
    expect(all().map((c) => c.kind).sort()).toEqual(['check-in', 'promise'])
    expect(await undo()).toEqual({ action: 'Mark done “Send the proposal”', canUndo: 1, canRedo: 1 })
    expect(stored(id)?.completedAt).toBeUndefined()
    expect(all().map((c) => [c.kind, c.column])).toEqual([['promise', 'promised']])
    expect(stored(id)?.history.map((e) => e.type)).toEqual(['created', 'completed', 'undone'])
    await redo()
    expect(stored(id)?.completedAt).toBe(new Date(START.getTime() + MINUTE).toISOString())
    expect(all().map((c) => c.kind).sort()).toEqual(['check-in', 'promise'])
  })

  it('take back a snooze, plan for today, a move, an edit and a heads-up', async () => {
    const { id } = await promise()
    await roundTrip(id, () => call('snooze', { id, until: '2026-11-23T15:00:00+01:00' }), 'Snooze “Send the proposal”')
    await roundTrip(id, () => call('planForToday', { id }), 'Plan for today “Send the proposal”')
    await roundTrip(id, () => call('reschedule', { id, dueAt: '2026-11-30T16:00:00+01:00', allDay: false, toldClient: true }), 'Move the promise “Send the proposal”')
    await roundTrip(id, () => call('update', { id, patch: { title: 'Send the revised proposal', notes: 'v2' } }), 'Edit “Send the revised proposal”')
    await roundTrip(id, () => call('sendHeadsUp', { id, dueAt: '2026-12-02T16:00:00+01:00', allDay: false, message: 'Sorry, Wednesday.' }), 'Heads-up “Send the revised proposal”')
  })

  it('bring back a deleted follow-up, and delete it again on redo', async () => {
    const { id } = await promise()
    const before = state(id)
    await call('remove', { id })
    expect(stored(id)).toBeUndefined()
    expect(await undo()).toMatchObject({ action: 'Delete “Send the proposal”' })
    expect(state(id)).toEqual(before)
    expect(stored(id)?.history.at(-1)).toMatchObject({ type: 'undone', action: 'Delete' })
    await redo()
    expect(stored(id)).toBeUndefined()
  })

  it('take back a bulk action of the away panel as one step', async () => {
    const a = await promise('First')
    const b = await promise('Second')
    await call('bulk', { ids: [a.id, b.id], action: 'complete' })
    expect(await undo()).toMatchObject({ action: 'Mark done 2 follow-ups' })
    expect([stored(a.id)?.completedAt, stored(b.id)?.completedAt]).toEqual([undefined, undefined])
    expect(all()).toHaveLength(2)
  })

  it('take back an import', async () => {
    await promise()
    const json = JSON.stringify({ ...store.data, followUps: [{ ...store.data.followUps[0], id: 'imported', title: 'From the file' }] })
    await call('importData', { json, mode: 'merge' })
    expect(stored('imported')).toBeDefined()
    expect(await undo()).toMatchObject({ action: 'Import' })
    expect(stored('imported')).toBeUndefined()
    expect(all().map((c) => c.title)).toEqual(['Send the proposal'])
  })

  it('keep at least the last 30 actions, newest first', async () => {
    const { id } = await promise()
    for (let i = 1; i <= 35; i++) await call('update', { id, patch: { notes: `note ${i}` } })
    for (let i = 35; i >= 1; i--) {
      expect(stored(id)?.notes).toBe(`note ${i}`)
      await undo()
    }
    expect(stored(id)?.notes).toBe('')
  })

  it('say so when there is nothing to undo or redo, and forget redo after a new action', async () => {
    expect(await undo()).toEqual({ action: null, canUndo: 0, canRedo: 0 })
    const { id } = await promise()
    await undo()
    expect(all()).toEqual([])
    await promise('Another')
    expect(await redo()).toMatchObject({ action: null })
    expect(stored(id)).toBeUndefined()
  })

  it('never throw away what happened to a card after the action', async () => {
    const { id } = await promise()
    await call('snooze', { id, until: '2026-11-23T15:00:00+01:00' })
    // A change the undo stack does not own (a reminder, another window's sync) comes in between.
    await store.update({ ...store.data, followUps: store.data.followUps.map((f) => (f.id === id ? { ...f, notes: 'Typed elsewhere' } : f)) })
    await undo()
    expect(stored(id)).toMatchObject({ notes: 'Typed elsewhere' })
    expect(stored(id)?.snoozedUntil).toBeUndefined()
  })

  it('leave a check-in someone has started on elsewhere when Mark done is undone', async () => {
    const { id } = await promise()
    await call('complete', { id })
    const checkIn = all().find((c) => c.kind === 'check-in')!
    // Ticked in another window (a change the undo stack does not own).
    const ticked = { ...stored(checkIn.id)!, checklist: checkIn.checklist.map((item, i) => ({ ...item, done: i === 0 })) }
    await store.update({ ...store.data, followUps: store.data.followUps.map((f) => (f.id === checkIn.id ? ticked : f)) })
    await undo()
    expect(stored(id)?.completedAt).toBeUndefined()
    expect(stored(checkIn.id)?.checklist[0].done).toBe(true)
  })
})

describe('reopen', () => {
  it('takes a done card back to open and removes the untouched check-in its completion planned', async () => {
    const { id } = await promise()
    await call('complete', { id })
    expect(all()).toHaveLength(2)
    await call('reopen', { id })
    expect(all().map((c) => [c.title, c.column])).toEqual([['Send the proposal', 'promised']])
  })
})
