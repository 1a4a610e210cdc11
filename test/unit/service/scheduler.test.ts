import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BoardSnapshot } from '../../../electron/core/board'
import { MAX_TIMER_MS } from '../../../electron/service/alarm'
import type { Notification } from '../../../electron/service/notifier'
import { FollowThroughService } from '../../../electron/service/service'
import { Store } from '../../../electron/store/store'
import { FakeTime } from '../../support/fakeTime'

interface Sent extends Notification {
  at: string
}

let dataDir: string
let stores: Store[] = []

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'ft-scheduler-'))
})
afterEach(async () => {
  await Promise.all(stores.map((s) => s.close()))
  stores = []
  await rm(dataDir, { recursive: true, force: true })
})

async function startService(start: Date) {
  const time = new FakeTime(start)
  const store = await Store.open({ dataDir, app: 'test', now: time.now })
  stores.push(store)
  const sent: Sent[] = []
  const boards: BoardSnapshot[] = []
  let n = 0
  const service = new FollowThroughService({
    store,
    now: time.now,
    timers: time,
    newId: () => `f${++n}`,
    notifier: {
      notify: async (notification) => {
        sent.push({ ...notification, at: time.now().toISOString() })
      },
    },
  })
  service.subscribe((board) => boards.push(board))
  service.start()
  return { time, service, sent, boards, store }
}

async function create(service: FollowThroughService, dueAt: string, title = 'Send proposal', client = 'Jenny Rivera') {
  return service.handlers.create({ title, client: { name: client }, dueAt, channel: 'email', allDay: false, notes: '' })
}

describe('deadline reminders', () => {
  it('fires each reminder once, at its instant, naming the follow-up and client', async () => {
    const { time, service, sent } = await startService(new Date('2026-11-23T10:00:00+01:00'))
    await create(service, '2026-11-27T16:00:00+01:00')
    time.advanceTo(new Date('2026-11-29T00:00:00+01:00'))
    expect(sent.map((s) => [s.at, s.title])).toEqual([
      [new Date('2026-11-26T16:00:00+01:00').toISOString(), 'Time to deliver: Send proposal'],
      [new Date('2026-11-27T15:00:00+01:00').toISOString(), 'Promise to Jenny Rivera due in 1 h — deliver or send a heads-up'],
      [new Date('2026-11-27T16:00:00+01:00').toISOString(), 'Overdue: tell Jenny Rivera now'],
    ])
    expect(sent.every((s) => s.followUpId === 'f1')).toBe(true)
  })

  it('waits 40 days without firing early and never asks for a timer over a minute', async () => {
    const { time, service, sent } = await startService(new Date('2026-11-23T10:00:00+01:00'))
    await create(service, '2027-01-02T10:00:00+01:00')
    time.advanceTo(new Date('2027-01-01T09:59:59+01:00'))
    expect(sent.map((s) => s.title)).toEqual([])
    expect(Math.max(...time.delays)).toBeLessThanOrEqual(MAX_TIMER_MS)
    time.advanceTo(new Date('2027-01-01T10:00:00+01:00'))
    expect(sent.map((s) => s.title)).toEqual(['Time to deliver: Send proposal'])
  })

  it('keeps one timer whatever the number of follow-ups', { timeout: 60_000 }, async () => {
    const start = new Date('2026-11-23T10:00:00+01:00')
    const { time, service, store } = await startService(start)
    const [template] = [await create(service, '2026-12-01T10:00:00Z')]
    const followUps = Array.from({ length: 10_000 }, (_, i) => {
      const dueAt = new Date(Date.parse('2026-12-01T10:00:00Z') + i * 60_000)
      return { ...template, id: `bulk${i}`, dueAt: dueAt.toISOString(), targetAt: new Date(dueAt.getTime() - 3600_000).toISOString() }
    })
    store.update({ ...store.data, followUps })
    service.wake()
    expect(time.pendingCount).toBe(1)
    time.advanceTo(new Date('2026-12-01T09:03:00Z'))
    expect(time.pendingCount).toBe(1)
  })

  it('after the laptop sleeps through deadlines, sends one summary instead of a burst', async () => {
    const { time, service, sent } = await startService(new Date('2026-11-23T10:00:00+01:00'))
    await create(service, '2026-11-23T12:00:00+01:00', 'Send quote', 'Acme Corp')
    await create(service, '2026-11-23T13:00:00+01:00', 'Call back', 'Globex')
    await create(service, '2026-11-23T14:00:00+01:00', 'Send contract', 'Initech')
    time.sleep(6 * 3600_000)
    service.wake()
    expect(sent).toHaveLength(1)
    expect(sent[0].title).toBe('3 follow-ups became overdue while you were away')
    expect(sent[0].body).toContain('Send quote')
    time.advance(24 * 3600_000)
    expect(sent).toHaveLength(1)
  })

  it('keeps the away summary on the board until it is dismissed', async () => {
    const { time, service } = await startService(new Date('2026-11-23T10:00:00+01:00'))
    await create(service, '2026-11-23T12:00:00+01:00', 'Send quote', 'Acme Corp')
    await create(service, '2026-11-23T13:00:00+01:00', 'Call back', 'Globex')
    time.sleep(6 * 3600_000)
    service.wake()
    const [notice] = service.board().notices
    expect(notice).toMatch(/^2 follow-ups became overdue while you were away: Send quote; Call back/)
    expect(await service.handlers.dismissNotice({ notice })).toEqual({ dismissed: true })
    expect(service.board().notices).toEqual([])
  })

  it('notices a sleep within a minute even without a wake event', async () => {
    const { time, service, sent } = await startService(new Date('2026-11-23T10:00:00+01:00'))
    await create(service, '2026-11-23T12:00:00+01:00', 'Send quote', 'Acme Corp')
    time.sleep(3 * 3600_000)
    time.advance(MAX_TIMER_MS)
    expect(sent.map((s) => s.title)).toEqual(['Overdue: tell Acme Corp now'])
  })

  it('never repeats a reminder after a restart', async () => {
    const first = await startService(new Date('2026-11-23T10:00:00+01:00'))
    await create(first.service, '2026-11-23T12:00:00+01:00')
    first.time.advanceTo(new Date('2026-11-23T12:30:00+01:00'))
    expect(first.sent.length).toBeGreaterThan(0)
    await first.service.stop()
    stores = []
    const second = await startService(new Date('2026-11-23T12:31:00+01:00'))
    second.time.advance(3600_000)
    expect(second.sent).toEqual([])
  })

  it('does not remind at once of an instant already behind the dates just set; the next reminder says it', async () => {
    const { time, service, sent } = await startService(new Date('2026-11-23T10:00:00+01:00'))
    // Due in 40 min: the 60-minute lead instant is already past as the card is typed.
    await service.handlers.create({ title: 'Send proposal', client: { name: 'Jenny Rivera' }, dueAt: '2026-11-23T10:40:00+01:00', targetAt: '2026-11-23T10:20:00+01:00', channel: 'email', allDay: false, notes: '' })
    time.advance(60_000)
    expect(sent).toEqual([])
    time.advanceTo(new Date('2026-11-23T11:00:00+01:00'))
    expect(sent.map((s) => [s.at, s.title])).toEqual([
      [new Date('2026-11-23T10:20:00+01:00').toISOString(), 'Promise to Jenny Rivera due in 20 min — deliver or send a heads-up'],
      [new Date('2026-11-23T10:40:00+01:00').toISOString(), 'Overdue: tell Jenny Rivera now'],
    ])
  })

  it('holds a snoozed follow-up’s reminder until the snooze ends', async () => {
    const { time, service, sent } = await startService(new Date('2026-11-23T10:00:00+01:00'))
    const followUp = await create(service, '2026-11-27T16:00:00+01:00')
    time.advanceTo(new Date('2026-11-26T15:00:00+01:00'))
    await service.handlers.snooze({ id: followUp.id, until: new Date('2026-11-26T16:45:00+01:00').toISOString() })
    time.advanceTo(new Date('2026-11-26T16:44:00+01:00'))
    expect(sent).toEqual([])
    time.advanceTo(new Date('2026-11-26T16:45:00+01:00'))
    expect(sent.map((s) => s.title)).toEqual(['Time to deliver: Send proposal'])
  })
})

describe('board pushes', () => {
  it('pushes a new board when a card turns overdue, without any data change', async () => {
    const { time, service, boards } = await startService(new Date('2026-11-23T10:00:00+01:00'))
    await create(service, '2026-11-23T10:05:00+01:00')
    expect(boards.at(-1)!.columns.due.map((c) => c.title)).toEqual(['Send proposal'])
    time.advanceTo(new Date('2026-11-23T10:05:01+01:00'))
    expect(boards.at(-1)!.columns.overdue.map((c) => c.title)).toEqual(['Send proposal'])
  })
})

describe.each([
  ['Europe/Berlin', '2025-03-30T03:30:00+02:00', '2025-03-30T01:30:00+01:00'],
  ['Europe/Berlin', '2025-10-26T02:30:00+01:00', '2025-10-26T02:30:00+02:00'],
  ['America/New_York', '2025-03-09T03:30:00-04:00', '2025-03-09T01:30:00-05:00'],
  ['America/New_York', '2025-11-02T01:30:00-05:00', '2025-11-02T01:30:00-04:00'],
])('across a DST change in %s (deadline %s)', (zone, dueAt, leadAt) => {
  let savedZone: string | undefined
  beforeEach(() => {
    savedZone = process.env.TZ
    process.env.TZ = zone
  })
  afterEach(() => {
    process.env.TZ = savedZone
  })

  it('fires the lead and deadline reminders once each, at the right instants', async () => {
    const { time, service, sent } = await startService(new Date(Date.parse(dueAt) - 5 * 3600_000))
    // A night-time deadline: quiet hours (outside working hours by default) would hold its reminders.
    await service.handlers.updateSettings({ quietHours: { enabled: false, outsideWorkingHours: false, start: '21:00', end: '08:00' } })
    await service.handlers.create({ title: 'Send proposal', client: { name: 'Jenny Rivera' }, dueAt, targetAt: new Date(Date.parse(dueAt) - 4 * 3600_000).toISOString(), channel: 'email', allDay: false, notes: '' })
    for (let minute = 0; minute < 8 * 60; minute++) time.advance(60_000)
    const lead = sent.filter((s) => s.title.startsWith('Promise to'))
    const deadline = sent.filter((s) => s.title.startsWith('Overdue'))
    expect(lead.map((s) => s.at)).toEqual([new Date(leadAt).toISOString()])
    expect(deadline.map((s) => s.at)).toEqual([new Date(dueAt).toISOString()])
  })
})
