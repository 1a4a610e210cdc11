import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Scorecard } from '../../../electron/contract'
import { dispatchByName } from '../../../electron/service/dispatch'
import { FollowThroughService } from '../../../electron/service/service'
import { Store } from '../../../electron/store/store'

/** Friday 27 November 2026, 12:00 Berlin. */
const NOW = new Date('2026-11-27T11:00:00.000Z')
let dataDir: string
let service: FollowThroughService

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'ft-scorecard-'))
  const store = await Store.open({ dataDir, app: 'test', now: () => NOW, writeDelayMs: 0 })
  let n = 0
  service = new FollowThroughService({ store, now: () => NOW, newId: () => `f${++n}` })
})
afterEach(async () => {
  await service?.stop().catch(() => {})
  await rm(dataDir, { recursive: true, force: true })
})

const call = (method: string, input: unknown) => dispatchByName(service.handlers, method, input)

describe('the scorecard over the API', () => {
  it('counts a promise completed through the API as kept, and exports it as CSV', async () => {
    const created = await call('create', {
      title: 'Send proposal',
      client: { name: 'Acme, Inc.' },
      channel: 'email',
      dueAt: '2026-11-30T15:00:00.000Z',
      targetAt: '2026-11-28T15:00:00.000Z',
    })
    expect(created).toMatchObject({ ok: true })
    if (!created.ok) return
    await call('complete', { id: (created.value as { id: string }).id })

    const card = await call('getScorecard', { weeks: 4 })
    expect(card).toMatchObject({ ok: true })
    if (!card.ok) return
    const value = card.value as Scorecard
    expect(value.totals).toMatchObject({ early: 1, total: 1, keptRate: 1 })
    expect(value.weeks).toHaveLength(4)

    const exported = await call('exportScorecardCsv', {})
    expect(exported).toMatchObject({ ok: true, value: { filename: 'follow-through-scorecard-2026-11-27.csv' } })
    if (exported.ok) expect((exported.value as { csv: string }).csv).toContain('Client,"Acme, Inc.",,1,0,0,0,1,100.0')
  })

  it('refuses a week count out of range', async () => {
    expect(await call('getScorecard', { weeks: 0 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })
})
