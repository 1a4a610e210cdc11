import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FollowUp, QuickAddResult } from '../../../electron/contract'
import { emptyData } from '../../../electron/core/schema'
import { dispatchByName as dispatch } from '../../../electron/service/dispatch'
import { FollowThroughService } from '../../../electron/service/service'
import { Store } from '../../../electron/store/store'
import { makeFollowUp } from '../../fixtures/followUps'

/** Monday 23 November 2026, 10:00 Berlin time. */
const NOW = new Date('2026-11-23T10:00:00+01:00')
let dataDir: string
let service: FollowThroughService

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'ft-quickadd-'))
})
afterEach(async () => {
  await service?.stop().catch(() => {})
  await rm(dataDir, { recursive: true, force: true })
})

/** Opens the service on data that already knows Jenny Rivera of Acme Corp. */
async function open(settings: Record<string, unknown> = {}): Promise<void> {
  const data = emptyData()
  data.settings = { ...data.settings, ...settings }
  data.followUps = [{ ...makeFollowUp(1), client: { name: 'Jenny Rivera', company: 'Acme Corp', phone: '248-867-5309', email: 'jenny@acme.example' } }]
  await writeFile(join(dataDir, 'follow-through.json'), JSON.stringify(data))
  const store = await Store.open({ dataDir, app: 'test', now: () => NOW, writeDelayMs: 0 })
  let n = 0
  service = new FollowThroughService({ store, now: () => NOW, newId: () => `f${++n}` })
}

async function call<T>(method: string, input: unknown): Promise<T> {
  const result = await dispatch(service.handlers, method, input)
  if (!result.ok) throw new Error(result.error.message)
  return result.value as T
}

const local = (iso: string) => new Date(iso).toLocaleString('sv-SE', { timeZone: 'Europe/Berlin' }).slice(0, 16)

describe('quick add through the service', () => {
  it('matches a client already in the data and fills in her details', async () => {
    await open()
    const { draft, matched } = await call<QuickAddResult>('parseQuickAdd', { text: 'call jenny fri' })
    expect(matched?.name).toBe('Jenny Rivera')
    expect(draft.client).toEqual({ name: 'Jenny Rivera', company: 'Acme Corp', phone: '248-867-5309', email: 'jenny@acme.example' })
  })

  it('saves nothing it needs to ask about until the person confirms, then saves the reading picked', async () => {
    await open()
    const line = 'Call Jenny next Friday'
    const refused = await dispatch(service.handlers, 'quickAdd', { text: line })
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringMatching(/check before saving/i) } })
    expect(service.board().columns.promised).toEqual([])

    const { alternatives } = await call<QuickAddResult>('parseQuickAdd', { text: line })
    const saved = await call<FollowUp>('quickAdd', { text: line, choice: 1, confirmed: true })
    expect(saved.dueAt).toBe(alternatives[0].dueAt)
    expect(local(saved.dueAt)).toBe('2026-11-27 23:59')
  })

  it('reads dates in the locale of the settings before the one the caller runs in', async () => {
    await open({ locale: 'en-GB' })
    const { draft } = await call<QuickAddResult>('parseQuickAdd', { text: 'Call Nigel Thornberry 3/12 at 2pm', locale: 'en-US' })
    expect(local(draft.dueAt)).toBe('2026-12-03 14:00')
  })

  it('reads German when the caller runs in German and no locale is set', async () => {
    await open()
    const { draft } = await call<QuickAddResult>('parseQuickAdd', { text: 'Klaus Weber anrufen Freitag 16 Uhr', locale: 'de-DE' })
    expect(draft.client.name).toBe('Klaus Weber')
    expect(local(draft.dueAt)).toBe('2026-11-27 16:00')
  })

  it('places end of day at the end of the working hours in the settings', async () => {
    await open({ workingHours: { days: [1, 2, 3, 4, 5], start: '08:00', end: '18:30' } })
    const { draft } = await call<QuickAddResult>('parseQuickAdd', { text: 'proposal to Initech EOD' })
    expect(local(draft.dueAt)).toBe('2026-11-23 18:30')
  })

  it('reads a date typed in words for a date field', async () => {
    await open()
    const reading = await call<{ dueAt: string; allDay: boolean }>('parseDate', { text: 'fri 4pm' })
    expect(local(reading.dueAt)).toBe('2026-11-27 16:00')
    expect(reading.allDay).toBe(false)
  })

  it('suggests known clients by the start of their name or company, and despite a slip', async () => {
    await open()
    for (const prefix of ['jen', 'RIV', 'acme', 'Jeny']) {
      const { clients } = await call<{ clients: { name: string }[] }>('suggestClients', { prefix })
      expect(clients.map((c) => c.name), prefix).toEqual(['Jenny Rivera'])
    }
    expect((await call<{ clients: unknown[] }>('suggestClients', { prefix: 'zz' })).clients).toEqual([])
  })
})
