import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { FollowThroughService } from '../../../../electron/service/service'
import { Store } from '../../../../electron/store/store'

/**
 * When sync runs: at start, after a change (debounced), every 5 minutes, on wake,
 * and again with growing pauses while the server is away. The server here refuses
 * every connection, so each pass is one attempt to reach it.
 */
let dataDir: string
let service: FollowThroughService
let attempts: number

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] })
  dataDir = await mkdtemp(join(tmpdir(), 'ft-sync-schedule-'))
  const store = await Store.open({ dataDir, app: 'test', writeDelayMs: 0 })
  attempts = 0
  const refused = (async () => {
    attempts++
    throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } })
  }) as unknown as typeof fetch
  service = new FollowThroughService({ store, sync: { fetch: refused } })
  await service.handlers.saveSyncSettings({ serverUrl: 'https://dav.example.com/', username: 'alice', password: 'secret', enabled: true, collectionUrl: 'https://dav.example.com/alice/follow-through/' })
  await vi.advanceTimersByTimeAsync(0)
  attempts = 0
})
afterEach(async () => {
  await service.stop()
  vi.useRealTimers()
  await rm(dataDir, { recursive: true, force: true })
})

const create = (title: string) =>
  service.handlers.create({ title, client: { name: 'Jenny Rivera' }, dueAt: new Date(Date.now() + 3 * 86_400_000).toISOString() } as never)

describe('when calendar sync runs', () => {
  it('runs at start, a moment after changes (once for a burst), every 5 minutes and on wake', async () => {
    service.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(attempts).toBe(1)

    create('Send the proposal')
    create('Call about the demo')
    await vi.advanceTimersByTimeAsync(1_900)
    expect(attempts).toBe(1)
    await vi.advanceTimersByTimeAsync(200)
    expect(attempts).toBe(2)

    service.wake()
    await vi.advanceTimersByTimeAsync(0)
    expect(attempts).toBe(3)

    // Backoff retries (5 s, 10 s, 20 s, …) and the 5-minute round both keep trying.
    await vi.advanceTimersByTimeAsync(5 * 60_000)
    expect(attempts).toBeGreaterThan(4)
  })

  it('retries a server that is away after 5 s, then 10 s, then 20 s, and says changes wait', async () => {
    service.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(attempts).toBe(1)
    expect(await service.handlers.getSyncStatus({})).toMatchObject({ state: 'error', error: expect.stringMatching(/refused the connection.*Changes wait here/) })
    await vi.advanceTimersByTimeAsync(5_000)
    expect(attempts).toBe(2)
    await vi.advanceTimersByTimeAsync(9_000)
    expect(attempts).toBe(2)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(attempts).toBe(3)
    await vi.advanceTimersByTimeAsync(20_000)
    expect(attempts).toBe(4)
  })

  it('shows the number of changes waiting while the server is away', async () => {
    service.start()
    create('Send the proposal')
    await vi.advanceTimersByTimeAsync(2_100)
    expect(await service.handlers.getSyncStatus({})).toMatchObject({ state: 'error', pending: 1 })
  })
})
