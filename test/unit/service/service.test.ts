import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BoardSnapshot, MethodName } from '../../../electron/contract'
import { emptyData } from '../../../electron/core/schema'
import { dispatch, dispatchByName } from '../../../electron/service/dispatch'
import { FollowThroughService } from '../../../electron/service/service'
import { Store } from '../../../electron/store/store'

const NOW = new Date('2026-11-23T10:00:00+01:00')
let dataDir: string
let service: FollowThroughService
let store: Store

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'ft-service-'))
})
afterEach(async () => {
  await service?.stop().catch(() => {})
  await rm(dataDir, { recursive: true, force: true })
})

async function open(): Promise<FollowThroughService> {
  store = await Store.open({ dataDir, app: 'test', now: () => NOW, writeDelayMs: 0 })
  let n = 0
  service = new FollowThroughService({ store, now: () => NOW, newId: () => `f${++n}` })
  return service
}

const call = (method: string, input: unknown) => dispatchByName(service.handlers, method, input)

describe('the API boundary', () => {
  it('turns a malformed request into an error a person can read, naming the field', async () => {
    await open()
    const result = await call('create', { title: 'Send proposal', client: { name: '' }, dueAt: 'next friday' })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    if (result.ok) return
    expect(Object.keys(result.error.fields ?? {})).toEqual(expect.arrayContaining(['client.name', 'dueAt']))
    expect(result.error.fields?.['client.name']).toMatch(/client’s name/)
  })

  it('refuses unknown methods and unexpected fields', async () => {
    await open()
    expect(await call('dropDatabase', {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await call('complete', { id: 'f1', force: true })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it('names a method that does not exist, also to a caller the type check never saw', async () => {
    await open()
    const stale = 'snoozeFollowUp' as MethodName
    expect(await dispatch(service.handlers, stale, { id: 'f1' })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'Unknown method “snoozeFollowUp”.' } })
  })

  it('refuses, rather than fails on, an input that is not plain data', async () => {
    await open()
    // The fuzzer's find: zod's length check converts this `length` to a number, which throws.
    const notPlain = { id: { length: Object.create(null) } }
    expect(await call('getFollowUp', notPlain)).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/not plain data/) } })
    expect(service.openView({ viewId: notPlain.id, query: {}, ranges: {} }, { send: () => {} })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it('creates from one line of quick add and shows it on the board', async () => {
    await open()
    const created = await call('quickAdd', { text: 'Call Jenny Rivera Friday 4pm 248-867-5309' })
    expect(created).toMatchObject({ ok: true, value: { title: 'Call Jenny Rivera' } })
    const board = (await call('getBoard', {})) as { ok: true; value: BoardSnapshot }
    expect(board.value.columns.promised.map((c) => c.title)).toEqual(['Call Jenny Rivera'])
  })

  it('brings a deleted follow-up back with undo, once', async () => {
    await open()
    await call('quickAdd', { text: 'Call Jenny Rivera Friday 4pm' })
    expect(await call('remove', { id: 'f1' })).toEqual({ ok: true, value: { id: 'f1' } })
    expect(service.board().columns.promised).toEqual([])
    expect(await call('undoRemove', { id: 'f1' })).toMatchObject({ ok: true, value: { id: 'f1', title: 'Call Jenny Rivera' } })
    expect(service.board().columns.promised.map((c) => c.id)).toEqual(['f1'])
    expect(await call('undoRemove', { id: 'f1' })).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })

  it('pushes a new board to every subscriber after each change', async () => {
    await open()
    const seen: number[] = []
    service.subscribe((board) => seen.push(board.columns.promised.length))
    await call('quickAdd', { text: 'Call Jenny Rivera Friday 4pm' })
    await call('quickAdd', { text: 'Send proposal to Acme Corp Friday' })
    expect(seen).toEqual([1, 2])
  })

  it('refuses every change to data from a newer app version, and says why', async () => {
    await writeFile(join(dataDir, 'follow-through.json'), JSON.stringify({ ...emptyData(), schemaVersion: 99 }))
    await open()
    expect(service.board().readOnly).toBe(true)
    const result = await call('quickAdd', { text: 'Call Jenny Rivera Friday 4pm' })
    expect(result).toMatchObject({ ok: false, error: { code: 'read_only' } })
  })

  it('shows a failed save on the board and keeps the change', async () => {
    await open()
    const boards: BoardSnapshot[] = []
    service.subscribe((board) => boards.push(board))
    // A folder where the change journal belongs makes the next save fail, even as root.
    await call('quickAdd', { text: 'Call Jenny Rivera Friday 4pm' })
    await store.flush()
    await rm(join(dataDir, 'follow-through.journal'), { force: true })
    await mkdir(join(dataDir, 'follow-through.journal'))
    // The reply says the change was not saved (it is kept in memory and retried).
    expect(await call('quickAdd', { text: 'Send proposal to Acme Corp Friday' })).toMatchObject({ ok: false, error: { code: 'storage' } })
    expect(boards.at(-1)!.notices.join(' ')).toMatch(/Could not save your changes/)
    expect(boards.at(-1)!.columns.promised).toHaveLength(2)
    await rm(join(dataDir, 'follow-through.journal'), { recursive: true })
    await store.flush()
    expect(boards.at(-1)!.notices).toEqual([])
  })
})

describe('settings', () => {
  it('change reminders from the next scheduling pass and are saved', async () => {
    await open()
    expect((await call('getSettings', {})) as unknown).toMatchObject({ ok: true, value: { leadTimeMinutes: 60, quietHours: { enabled: true, outsideWorkingHours: true } } })
    const updated = await call('updateSettings', { leadTimeMinutes: 30, quietHours: { enabled: true, outsideWorkingHours: false, start: '22:00', end: '07:00' } })
    expect(updated).toMatchObject({ ok: true, value: { leadTimeMinutes: 30, quietHours: { enabled: true, start: '22:00' } } })
    await service.stop()
    const reopened = await Store.open({ dataDir, app: 'check', now: () => NOW })
    expect(reopened.data.settings).toMatchObject({ leadTimeMinutes: 30, quietHours: { enabled: true, start: '22:00', end: '07:00' } })
    await reopened.close()
  })

  it('refuse an invalid value, naming the field', async () => {
    await open()
    const result = await call('updateSettings', { quietHours: { enabled: true, outsideWorkingHours: false, start: '25:00', end: '07:00' } })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { 'quietHours.start': expect.stringMatching(/21:00/) } } })
    expect((await call('getSettings', {})) as unknown).toMatchObject({ value: { quietHours: { enabled: true, outsideWorkingHours: true } } })
  })
})

describe("don't pester", () => {
  it('warns about a second touch in a week once a contact is logged, and the logged contact is saved', async () => {
    await open()
    expect(await call('checkCadence', { client: 'Jenny Rivera', at: '2026-11-25T10:00:00+01:00' })).toMatchObject({ ok: true, value: { withinCadence: true } })
    expect(await call('logContact', { client: 'Jenny Rivera', channel: 'phone', note: 'Asked about pricing' })).toMatchObject({ ok: true, value: { client: 'Jenny Rivera', at: NOW.toISOString() } })
    const check = await call('checkCadence', { client: 'jenny rivera', at: '2026-11-25T10:00:00+01:00' })
    expect(check).toMatchObject({ ok: true, value: { withinCadence: false, lastTouchAt: NOW.toISOString(), suggestedAt: '2026-11-30T09:00:00.000Z' } })
    await service.stop()
    const reopened = await Store.open({ dataDir, app: 'check', now: () => NOW })
    expect(reopened.data.contacts).toMatchObject([{ client: 'Jenny Rivera', channel: 'phone', note: 'Asked about pricing' }])
    await reopened.close()
  })
})

describe('recurring follow-ups', () => {
  it('plan the next one when one is marked done, and keep repeating', async () => {
    await open()
    const created = await call('create', { title: 'Weekly check-in', client: { name: 'Jenny Rivera' }, dueAt: '2026-11-24T10:00:00+01:00', recurrence: 'weekly' })
    expect(created).toMatchObject({ ok: true, value: { recurrence: 'weekly' } })
    await call('complete', { id: 'f1' })
    const open_ = service.board().columns.promised.filter((c) => c.title === 'Weekly check-in')
    expect(open_.map((c) => [c.dueAt, c.recurrence])).toEqual([[new Date('2026-12-01T10:00:00+01:00').toISOString(), 'weekly']])
    expect((await call('update', { id: open_[0].id, patch: { recurrence: null } })) as unknown).toMatchObject({ ok: true })
    expect(service.board().columns.promised.find((c) => c.id === open_[0].id)?.recurrence).toBeUndefined()
  })
})
