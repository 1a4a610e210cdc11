import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AppError, Result } from '../../../electron/contract'
import { CURRENT_SCHEMA_VERSION, emptyData, type Data } from '../../../electron/core/schema'
import { dispatchByName } from '../../../electron/service/dispatch'
import { FollowThroughService } from '../../../electron/service/service'
import { Store } from '../../../electron/store/store'
import { callOk, openServiceOnDisk } from './onDisk'

// Monday 23 Nov 2026, 10:00 in Berlin.
const START = new Date('2026-11-23T10:00:00+01:00')
const DUE = '2026-11-27T16:00:00+01:00'

let dataDir: string
let store: Store
let service: FollowThroughService

beforeEach(async () => {
  ;({ dataDir, store, service } = await openServiceOnDisk('ft-transfer-', START, { systemLocale: 'en-GB' }))
})
afterEach(async () => {
  await service.stop().catch(() => {})
  await rm(dataDir, { recursive: true, force: true })
})

const call = <T,>(method: string, input: unknown): Promise<T> => callOk<T>(service, method, input)
const refused = async (method: string, input: unknown): Promise<AppError> => {
  const result = (await dispatchByName(service.handlers, method, input)) as Result<unknown>
  if (result.ok) throw new Error(`${method} was accepted`)
  return result.error
}
const create = (title: string) => call<{ id: string }>('create', { title, client: { name: 'Jenny Rivera' }, dueAt: DUE })

/** Calls `act` and checks that neither the data in memory nor the file on disk changed. */
async function expectNothingWritten(act: () => Promise<unknown>) {
  await store.flush()
  const file = await readFile(store.file, 'utf8').catch(() => null)
  const before = store.data
  const update = vi.spyOn(store, 'update')
  await act()
  expect(update).not.toHaveBeenCalled()
  update.mockRestore()
  expect(store.data).toBe(before)
  await store.flush()
  expect(await readFile(store.file, 'utf8').catch(() => null)).toBe(file)
}

describe('JSON export and import', () => {
  it('exports the whole data, pretty-printed, under a dated name', async () => {
    await create('Send the proposal')
    const { filename, json } = await call<{ filename: string; json: string }>('exportData', {})
    expect(filename).toBe('follow-through-export-2026-11-23.json')
    expect(json).toContain(`\n  "schemaVersion": ${CURRENT_SCHEMA_VERSION}`)
    expect(JSON.parse(json)).toEqual(store.data)
  })

  it('round-trips: merge adds what is missing, replace restores the file', async () => {
    await create('First')
    const { json } = await call<{ json: string }>('exportData', {})
    await create('Second')
    expect(await call('importData', { json, mode: 'merge' })).toMatchObject({ added: 0, updated: 0, unchanged: 1 })
    expect(store.data.followUps).toHaveLength(2)
    expect(await call('importData', { json, mode: 'replace' })).toMatchObject({ added: 0, unchanged: 1, removed: 1 })
    expect(store.data.followUps.map((f) => f.title)).toEqual(['First'])
    const other = emptyData()
    other.followUps = [{ ...store.data.followUps[0], id: 'elsewhere', title: 'From the laptop' }]
    expect(await call('importData', { json: JSON.stringify(other), mode: 'merge' })).toMatchObject({ added: 1 })
    expect(store.data.followUps.map((f) => f.title)).toEqual(['First', 'From the laptop'])
  })

  it('migrates an older format on import', async () => {
    const v1 = await readFile(join(import.meta.dirname, '../../fixtures/follow-through.v1.json'), 'utf8')
    const result = await call<{ added: number }>('importData', { json: v1, mode: 'merge' })
    expect(result.added).toBeGreaterThan(0)
    expect(store.data.schemaVersion).toBe(CURRENT_SCHEMA_VERSION)
  })

  it('a bad JSON import writes nothing and says why', async () => {
    await create('Keep me')
    const broken = { ...(JSON.parse((await call<{ json: string }>('exportData', {})).json) as Data) }
    ;(broken.followUps[0] as { dueAt: string }).dueAt = 'next week'
    for (const [json, reason] of [
      ['{"schemaVersion": 4, "followUps": [', /not valid JSON/],
      ['', /empty/],
      [JSON.stringify(broken), /followUps\.0\.dueAt/],
      [JSON.stringify({ ...emptyData(), schemaVersion: 99 }), /newer version/],
    ] as const) {
      await expectNothingWritten(async () => {
        const error = await refused('importData', { json, mode: 'replace' })
        expect(error.code).toBe('invalid_input')
        expect(error.message).toMatch(reason)
        expect(error.message).toMatch(/Nothing was changed/)
      })
    }
    expect(store.data.followUps.map((f) => f.title)).toEqual(['Keep me'])
  })
})

describe('CSV import', () => {
  const CSV = 'Title,Client,Company,Promised by,Value,Currency\nSend the proposal,Jenny Rivera,Acme Corp,2026-12-01 16:00,2500,EUR\nBook the demo,Tom Brill,,Dec 4 2026,,\n'

  it('previews and imports', async () => {
    const preview = await call<{ headers: string[]; guessedMapping: Record<string, number> }>('previewCsv', { text: CSV })
    expect(preview.guessedMapping).toMatchObject({ title: 0, client: 1, company: 2, promisedBy: 3, value: 4, currency: 5 })
    expect(await call('checkCsv', { text: CSV, mapping: preview.guessedMapping })).toMatchObject({ good: 2, duplicates: 0, skippedCount: 0 })
    expect(store.data.followUps).toEqual([])
    expect(await call('importCsv', { text: CSV, mapping: preview.guessedMapping })).toEqual({ created: 2, done: 0, skipped: 0, duplicates: 0 })
    expect(store.data.followUps.map((f) => [f.title, f.client.company, f.allDay])).toEqual([
      ['Send the proposal', 'Acme Corp', false],
      ['Book the demo', undefined, true],
    ])
  })

  it('import of a malformed CSV: clear error, nothing written', async () => {
    await create('Already here')
    const malformed = 'Title,Client,Promised by\nSend the proposal,Jenny Rivera,2026-12-01\n,Tom Brill,tomorrow-ish\n"Unclosed,Cole,2026-12-02\n'
    await expectNothingWritten(async () => {
      const error = await refused('importCsv', { text: malformed, mapping: { title: 0, client: 1, promisedBy: 2 } })
      expect(error.code).toBe('invalid_input')
      expect(error.message).toMatch(/^Nothing was imported: 2 rows have problems\. Import the 1 row that can be read and skip them, or fix them/)
      expect(error.message).toMatch(/row 3: Title is empty/)
      expect(error.fields).toMatchObject({ 'row 3': expect.stringMatching(/Title is empty/) })
    })
    expect(store.data.followUps.map((f) => f.title)).toEqual(['Already here'])
    // Asked to, it imports the good row and says what it skipped.
    expect(await call('importCsv', { text: malformed, mapping: { title: 0, client: 1, promisedBy: 2 }, skipBad: true })).toEqual({ created: 1, done: 0, skipped: 2, duplicates: 0 })
    expect(store.data.followUps.map((f) => f.title)).toEqual(['Already here', 'Send the proposal'])
  })

  it.each(['pipedrive-activities.csv', 'hubspot-tasks.csv'])('imports %s, then skips every row of it the second time', async (name) => {
    const text = await readFile(join(import.meta.dirname, '../../fixtures/crm', name), 'utf8')
    const { guessedMapping } = await call<{ guessedMapping: Record<string, number> }>('previewCsv', { text })
    const first = await call<{ created: number; done: number; skipped: number; duplicates: number }>('importCsv', { text, mapping: guessedMapping, skipBad: true })
    expect(first).toMatchObject({ done: 1, skipped: 1, duplicates: 0 })
    const check = await call<{ good: number; duplicates: number }>('checkCsv', { text, mapping: guessedMapping })
    expect(check).toMatchObject({ good: 0, duplicates: first.created })
    expect(await call('importCsv', { text, mapping: guessedMapping, skipBad: true })).toEqual({ created: 0, done: 0, skipped: 1, duplicates: first.created })
    expect(store.data.followUps).toHaveLength(first.created)
  })

  it('refuses a file that is too large', async () => {
    const error = await refused('previewCsv', { text: 'x'.repeat(5_000_001) })
    expect(error.message).toMatch(/too large/)
  })
})

describe('calendar export', () => {
  it('exports open follow-ups as events', async () => {
    const { id } = await create('Send the proposal')
    const { filename, ics } = await call<{ filename: string; ics: string }>('exportIcs', {})
    expect(filename).toBe('follow-through-calendar-2026-11-23.ics')
    expect(ics).toContain(`UID:${id}@follow-through`)
    expect(ics).toContain('SUMMARY:Send the proposal')
    expect(ics).toContain('DESCRIPTION:Client: Jenny Rivera\\nPromised by: Fri\\, 27 Nov 2026\\, 16:00')
  })
})
