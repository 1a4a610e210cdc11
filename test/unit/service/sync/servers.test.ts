import { execFileSync } from 'node:child_process'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { sameSecond, todoUid } from '../../../../electron/core/caldav/vtodo'
import { emptyData, type Data, type FollowUp } from '../../../../electron/core/schema'
import { edited, icsStamp, jtxTodo, openRig, phoneOf, thunderbirdTodo, type Rig } from '../../../support/caldavRig'
import { SERVER_KINDS, startCalDavServer, type CalDavServer } from '../../../support/caldavServers'

/**
 * Two-way sync against real servers (Debian's radicale and xandikos): every
 * scenario runs against both. Without the servers installed the suite is skipped
 * locally and fails under CI=true (.ci/run installs them).
 */
const installed = (command: string) => {
  try {
    execFileSync('which', [command], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}
const missing = SERVER_KINDS.filter((kind) => !installed(kind))
if (missing.length > 0 && process.env.CI === 'true') throw new Error(`CI needs ${missing.join(' and ')} installed (see .ci/run).`)

// Real servers on a busy machine: a refused login alone costs Radicale a deliberate delay.
vi.setConfig({ testTimeout: 30_000 })

const DAY = 24 * 60 * 60 * 1000
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString()
const later = (minutes: number) => new Date(Date.now() + minutes * 60_000)

describe.skipIf(missing.length > 0).each(SERVER_KINDS)('calendar sync with %s', (kind) => {
  let server: CalDavServer
  const rigs: Rig[] = []
  const open = async (options?: Parameters<typeof openRig>[1]) => {
    const rig = await openRig(server, options)
    rigs.push(rig)
    return rig
  }
  beforeAll(async () => {
    server = await startCalDavServer(kind)
  })
  afterAll(async () => {
    await server?.stop()
  })
  afterEach(async () => {
    await Promise.all(rigs.splice(0).map((rig) => rig.close()))
  })

  const create = async (rig: Rig, title: string, extra: Record<string, unknown> = {}): Promise<FollowUp> =>
    rig.service.handlers.create({ title, client: { name: 'Jenny Rivera', company: 'Acme Corp' }, dueAt: inDays(3), ...extra } as never)
  const followUp = (rig: Rig, id: string) => rig.store.data.followUps.find((f) => f.id === id)

  it('finds the calendar home from the bare server address, says so, and lists the new task list', async () => {
    const rig = await open()
    const account = { serverUrl: server.baseUrl, username: server.username, password: server.password }
    const tested = await rig.service.handlers.testSyncConnection(account)
    expect(tested.message).toMatch(new RegExp(`Connected to 127\\.0\\.0\\.1:\\d+ as ${server.username}`))
    expect(tested.collections.map((c) => c.url)).toContain(rig.collectionUrl)
  })

  it('puts follow-ups created, edited, completed and deleted in the app on the server', async () => {
    const rig = await open()
    const phone = phoneOf(server, rig.collectionUrl)
    const proposal = await create(rig, 'Send the proposal', { notes: 'Mention the discount', checklist: ['Which plan?'] })
    const call = await create(rig, 'Call about the demo', { allDay: true })
    await rig.sync()
    let tasks = await phone.tasks()
    expect(tasks.map((t) => t.title).sort()).toEqual(['Call about the demo', 'Send the proposal'])
    const onServer = tasks.find((t) => t.uid === todoUid(proposal.id))!
    expect(onServer.description).toContain('Client: Jenny Rivera')
    expect(onServer.description).toContain('Mention the discount')
    expect(onServer.description).toContain('[ ] Which plan?')
    expect(onServer.targetAt).toBe(proposal.targetAt)
    expect(onServer.ics).toMatch(/DUE:\d{8}T\d{6}Z/)
    expect(tasks.find((t) => t.uid === todoUid(call.id))!.ics).toMatch(/DUE;VALUE=DATE:\d{8}/)

    await rig.service.handlers.update({ id: proposal.id, patch: { title: 'Send the revised proposal' } })
    await rig.service.handlers.complete({ id: call.id })
    await rig.sync()
    tasks = await phone.tasks()
    expect(tasks.find((t) => t.uid === todoUid(proposal.id))!.title).toBe('Send the revised proposal')
    const done = tasks.find((t) => t.uid === todoUid(call.id))!
    expect(sameSecond(done.completedAt!, followUp(rig, call.id)!.completedAt!)).toBe(true)
    expect(done.ics).toContain('STATUS:COMPLETED')
    expect(done.sequence).toBe(1)

    await rig.service.handlers.remove({ id: proposal.id })
    const status = await rig.sync()
    tasks = await phone.tasks()
    expect(tasks.map((t) => t.uid)).not.toContain(todoUid(proposal.id))
    expect(status).toMatchObject({ state: 'synced', pending: 0 })
  })

  it('brings a task written by Thunderbird onto the board, and keeps its own properties when the app edits it', async () => {
    const rig = await open()
    const phone = phoneOf(server, rig.collectionUrl)
    const year = new Date().getFullYear() + 1
    await phone.put('tb-1.ics', thunderbirdTodo({ uid: 'tb-1', summary: 'Quote for the Berlin office', due: `${year}0115T160000`, modified: later(0) }))
    await rig.sync()
    const fromPhone = rig.store.data.followUps.find((f) => f.title === 'Quote for the Berlin office')!
    // 16:00 in Berlin in winter is 15:00 UTC.
    expect(fromPhone.dueAt).toBe(`${year}-01-15T15:00:00.000Z`)
    expect(fromPhone.allDay).toBe(false)

    await rig.service.handlers.update({ id: fromPhone.id, patch: { notes: 'Ask for floor plans' } })
    await rig.sync()
    const [task] = await phone.tasks()
    expect(task.uid).toBe('tb-1')
    expect(task.description).toContain('Ask for floor plans')
    expect(task.ics).toContain('X-MOZ-GENERATION:3')
    expect(task.ics).toContain('PRIORITY:5')
  })

  it('follows jtx Board: an all-day task arrives, completing it there completes it here, moving DUE is flagged', async () => {
    const rig = await open()
    const phone = phoneOf(server, rig.collectionUrl)
    const year = new Date().getFullYear() + 1
    await phone.put('jtx-1.ics', jtxTodo({ uid: 'jtx-1', summary: 'Send samples', dueDate: `${year}0210`, modified: later(0) }))
    const promise = await create(rig, 'Send the contract')
    await rig.sync()
    const samples = rig.store.data.followUps.find((f) => f.title === 'Send samples')!
    expect(samples).toMatchObject({ allDay: true })
    expect(new Date(samples.dueAt).getDate()).toBe(10)

    // The phone completes the promise and moves the samples' DUE, writing over what the app wrote.
    const tasks = await phone.tasks()
    const contract = tasks.find((t) => t.uid === todoUid(promise.id))!
    const completedAt = later(1)
    await phone.put(new URL(contract.href).pathname.split('/').pop()!, edited(contract.ics, { STATUS: 'STATUS:COMPLETED', COMPLETED: `COMPLETED:${icsStamp(completedAt)}`, 'LAST-MODIFIED': `LAST-MODIFIED:${icsStamp(later(1))}`, 'X-JTX-COLOR': 'X-JTX-COLOR:-1' }), contract.etag)
    const samplesTask = tasks.find((t) => t.uid === 'jtx-1')!
    await phone.put('jtx-1.ics', edited(samplesTask.ics, { DUE: `DUE;VALUE=DATE:${year}0217`, 'LAST-MODIFIED': `LAST-MODIFIED:${icsStamp(later(1))}` }), samplesTask.etag)
    const status = await rig.sync()

    const delivered = followUp(rig, promise.id)!
    expect(delivered.completedAt).toBe(completedAt.toISOString().replace(/\.\d{3}Z$/, '.000Z'))
    // Delivering from the phone plans the check-in like Mark done does.
    expect(rig.store.data.followUps.some((f) => f.followsUp === promise.id && f.kind === 'check-in')).toBe(true)
    const moved = followUp(rig, samples.id)!
    expect(new Date(moved.dueAt).getDate()).toBe(17)
    expect(moved.history.at(-1)).toMatchObject({ type: 'rescheduled', toldClient: false })
    expect(status.flags).toContainEqual(expect.objectContaining({ id: samples.id, kind: 'dueMovedInCalendar' }))
    const after = await phone.tasks()
    expect(after.find((t) => t.uid === todoUid(promise.id))!.ics).toContain('X-JTX-COLOR:-1')
  })

  it('keeps an open promise deleted on the phone and asks; "put it back" puts it back', async () => {
    const rig = await open()
    const phone = phoneOf(server, rig.collectionUrl)
    const open1 = await create(rig, 'Send the brochure')
    await rig.sync()
    const [task] = await phone.tasks()
    await phone.delete(task.href)
    let status = await rig.sync()
    expect(followUp(rig, open1.id)).toBeDefined()
    expect(status.flags).toEqual([expect.objectContaining({ id: open1.id, kind: 'deletedInCalendar', message: expect.stringMatching(/deleted in your calendar/i) })])
    expect(status.pending).toBe(0)

    status = await rig.service.handlers.resolveSyncFlag({ id: open1.id, action: 'putBack' })
    status = await rig.sync()
    expect(status.flags).toEqual([])
    expect((await phone.tasks()).map((t) => t.uid)).toEqual([todoUid(open1.id)])
  })

  it('deletes here too when asked; a done one deleted on the phone stays here and off the calendar', async () => {
    const rig = await open()
    const phone = phoneOf(server, rig.collectionUrl)
    const brochure = await create(rig, 'Send the brochure')
    const delivered = await create(rig, 'Send the samples')
    await rig.sync()
    await rig.service.handlers.complete({ id: delivered.id })
    await rig.sync()
    const gone = [todoUid(brochure.id), todoUid(delivered.id)]
    for (const task of await phone.tasks()) if (gone.includes(task.uid)) await phone.delete(task.href)
    await rig.sync()
    await rig.service.handlers.resolveSyncFlag({ id: brochure.id, action: 'deleteHere' })
    const status = await rig.sync()
    expect(followUp(rig, brochure.id)).toBeUndefined()
    expect(followUp(rig, delivered.id)?.completedAt).toBeDefined()
    expect(status).toMatchObject({ flags: [], pending: 0 })
    // Only the check-in Mark done planned is still on the calendar.
    expect((await phone.tasks()).map((t) => t.title)).toEqual([expect.stringMatching(/^Check in with Jenny Rivera/)])
  })

  it('deletes from the calendar what the app deleted, even when the phone edited it meanwhile', async () => {
    const rig = await open()
    const phone = phoneOf(server, rig.collectionUrl)
    const quote = await create(rig, 'Send the quote')
    await rig.sync()
    await rig.service.handlers.remove({ id: quote.id })
    rig.beforeRequest = async (method) => {
      if (method !== 'DELETE') return
      rig.beforeRequest = null
      const [task] = await phone.tasks()
      await phone.put(new URL(task.href).pathname.split('/').pop()!, edited(task.ics, { SUMMARY: 'SUMMARY:Quote (edited on the phone)' }), task.etag)
    }
    const status = await rig.sync()
    expect(await phone.tasks()).toEqual([])
    expect(status).toMatchObject({ state: 'synced', pending: 0 })
  })

  it('merges a 412 field by field: the phone’s completion and the app’s newer title both win', async () => {
    const rig = await open()
    const phone = phoneOf(server, rig.collectionUrl)
    const promise = await create(rig, 'Send the quote')
    await rig.sync()
    await rig.service.handlers.update({ id: promise.id, patch: { title: 'Send the final quote' } })
    // The phone completes it between the app's pull and its write.
    let played = false
    rig.beforeRequest = async (method) => {
      if (method !== 'PUT' || played) return
      played = true
      const [task] = await phone.tasks()
      const response = await phone.put(new URL(task.href).pathname.split('/').pop()!, edited(task.ics, { STATUS: 'STATUS:COMPLETED', COMPLETED: `COMPLETED:${icsStamp(later(0))}`, 'LAST-MODIFIED': `LAST-MODIFIED:${icsStamp(new Date(promise.createdAt))}` }), task.etag)
      expect(response.ok).toBe(true)
    }
    const status = await rig.sync()
    expect(played).toBe(true)
    const merged = followUp(rig, promise.id)!
    expect(merged.title).toBe('Send the final quote')
    expect(merged.completedAt).toBeDefined()
    const task = (await phone.tasks()).find((t) => t.uid === todoUid(promise.id))!
    expect(task.title).toBe('Send the final quote')
    expect(sameSecond(task.completedAt!, merged.completedAt!)).toBe(true)
    expect(status).toMatchObject({ pending: 0 })
  })

  it('starts over from a full listing when the server no longer knows the sync token', async () => {
    const rig = await open()
    const phone = phoneOf(server, rig.collectionUrl)
    await create(rig, 'Send the invoice')
    await rig.sync()
    await phone.put('stale-1.ics', jtxTodo({ uid: 'stale-1', summary: 'Arrived meanwhile', dueDate: `${new Date().getFullYear() + 1}0301`, modified: later(0) }))
    await rig.service.handlers.saveSyncSettings({ serverUrl: server.baseUrl, username: server.username, enabled: true, collectionUrl: rig.collectionUrl })
    rig.store.update({ ...rig.store.data, sync: { ...rig.store.data.sync!, syncToken: 'http://example.invalid/sync/forgotten' } })
    const status = await rig.sync()
    expect(rig.store.data.followUps.map((f) => f.title).sort()).toEqual(['Arrived meanwhile', 'Send the invoice'])
    expect(rig.store.data.sync!.syncToken).not.toBe('http://example.invalid/sync/forgotten')
    expect(status).toMatchObject({ state: 'synced', pending: 0 })
  })

  it('links the tasks already there when the same calendar is picked again, without duplicates', async () => {
    const rig = await open()
    await create(rig, 'Send the proposal')
    await create(rig, 'Call about the demo')
    await rig.sync()
    const account = { serverUrl: server.baseUrl, username: server.username, enabled: true }
    const other = await rig.service.handlers.createSyncCollection({ ...account, password: server.password, name: `Other ${kind}` })
    await rig.service.handlers.saveSyncSettings({ ...account, collectionUrl: other.url })
    await rig.service.handlers.saveSyncSettings({ ...account, collectionUrl: rig.collectionUrl })
    const from = rig.requests.length
    const status = await rig.sync()
    expect(status).toMatchObject({ state: 'synced', pending: 0 })
    expect(rig.store.data.followUps).toHaveLength(2)
    expect(await phoneOf(server, rig.collectionUrl).hrefs()).toHaveLength(2)
    expect(rig.writesSince(from).filter((request) => request.url.startsWith(rig.collectionUrl))).toEqual([])
  })

  it('compares ETags where the server offers no sync-collection', async () => {
    const rig = await open({ withoutSyncCollection: true })
    const phone = phoneOf(server, rig.collectionUrl)
    const promise = await create(rig, 'Send the price list')
    await rig.sync()
    expect(rig.store.data.sync!.syncToken).toBeUndefined()
    const [task] = await phone.tasks()
    await phone.put(new URL(task.href).pathname.split('/').pop()!, edited(task.ics, { SUMMARY: 'SUMMARY:Send the new price list', 'LAST-MODIFIED': `LAST-MODIFIED:${icsStamp(later(1))}` }), task.etag)
    await rig.sync()
    expect(followUp(rig, promise.id)!.title).toBe('Send the new price list')
    const data = rig.store.data
    const from = rig.requests.length
    await rig.sync()
    expect(rig.requests.slice(from).map((r) => r.method)).toEqual(['PROPFIND', 'REPORT'])
    expect(rig.store.data).toBe(data)
  })

  // Xandikos has no authentication of its own (it expects a proxy in front), so only Radicale can refuse a password.
  const withAuthentication = kind === 'radicale' ? it : () => {}
  withAuthentication('says in words that the password was refused, and changes nothing', async () => {
    const rig = await open()
    await create(rig, 'Send the agenda')
    await rig.service.handlers.saveSyncSettings({ serverUrl: server.baseUrl, username: server.username, password: 'wrong', enabled: true, collectionUrl: rig.collectionUrl })
    const status = await rig.sync()
    expect(status).toMatchObject({ state: 'error', pending: 1, error: expect.stringMatching(/refused the user name or password \(401\)/) })
    await expect(rig.service.handlers.testSyncConnection({ serverUrl: server.baseUrl, username: server.username, password: 'wrong' })).rejects.toThrow(/401/)
    expect(await phoneOf(server, rig.collectionUrl).tasks()).toEqual([])
  })

  it('loses nothing when the server dies mid-sync, and finishes when it is back', async () => {
    const rig = await open()
    const phone = phoneOf(server, rig.collectionUrl)
    for (let i = 0; i < 30; i++) await create(rig, `Follow-up ${i}`)
    let puts = 0
    rig.beforeRequest = async (method) => {
      if (method === 'PUT' && ++puts === 10) await server.kill()
    }
    const failed = await rig.sync()
    expect(failed).toMatchObject({ state: 'error', error: expect.stringMatching(/refused the connection|broke off/) })
    expect(failed.pending).toBeGreaterThan(0)
    rig.beforeRequest = null
    await server.restart()
    const status = await rig.sync()
    expect(status).toMatchObject({ state: 'synced', pending: 0 })
    const titles = (await phone.tasks()).map((t) => t.title)
    expect(titles).toHaveLength(30)
    expect(new Set(titles).size).toBe(30)
  })

  it('sends 1,000 follow-ups from scratch, and a second sync with nothing changed writes nothing', async () => {
    const rig = await open()
    const base: Data = emptyData()
    const now = Date.now()
    const followUps: FollowUp[] = Array.from({ length: 1_000 }, (_, i) => ({
      id: `bulk-${i}`,
      title: `Follow-up ${i}`,
      client: { name: `Client ${i % 40}` },
      channel: 'email',
      createdAt: new Date(now).toISOString(),
      dueAt: new Date(now + (i + 2) * 3_600_000).toISOString(),
      allDay: false,
      targetAt: new Date(now + (i + 1) * 3_600_000).toISOString(),
      notes: '',
      history: [{ type: 'created', at: new Date(now).toISOString() }],
      notifiedAt: {},
      kind: 'promise',
      checklist: [],
    }))
    rig.store.update({ ...rig.store.data, followUps: [...base.followUps, ...followUps] })
    const first = await rig.sync()
    expect(first).toMatchObject({ state: 'synced', pending: 0 })
    expect(await phoneOf(server, rig.collectionUrl).hrefs()).toHaveLength(1_000)

    await rig.sync()
    const data = rig.store.data
    const from = rig.requests.length
    const quiet = await rig.sync()
    expect(quiet).toMatchObject({ state: 'synced', pending: 0 })
    expect(rig.writesSince(from)).toEqual([])
    expect(rig.requests.length - from).toBe(1)
    // Nothing to save either: the data is the very same object.
    expect(rig.store.data).toBe(data)
    // Both servers check each new UID against the whole collection, so 1,000 writes take a while.
  }, 600_000)
})
