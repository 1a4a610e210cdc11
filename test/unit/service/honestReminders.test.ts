import { describe, expect, it, vi } from 'vitest'
import { emptyData, type FollowUp } from '../../../electron/core/schema'
import { FollowThroughService } from '../../../electron/service/service'
import type { Notification } from '../../../electron/service/notifier'
import { aFollowUp } from '../../fixtures/followUps'
import { FakeTime } from '../../support/fakeTime'
import { MemoryStore } from './memoryStore'

/** Monday 23 November 2026, 10:00 Berlin time. */
const NOW = new Date('2026-11-23T10:00:00+01:00')
const MINUTE = 60_000
const DAY = 86_400_000

const dueInTwoDays = (): FollowUp =>
  aFollowUp({
    id: 'deck',
    title: 'Send the deck',
    dueAt: new Date(NOW.getTime() + 2 * DAY).toISOString(),
    targetAt: new Date(NOW.getTime() + DAY).toISOString(),
    history: [{ type: 'created', at: '2026-11-20T09:00:00.000Z' }],
  })

/**
 * A service whose wall clock can be set wrong by `offset` while its monotonic
 * clock (and its timers) keep real time, as when someone sets the date by hand.
 */
function serviceWith(notify: (n: Notification) => Promise<void>) {
  const time = new FakeTime(NOW)
  const clock = { offset: 0 }
  const store = new MemoryStore({ ...emptyData(), followUps: [dueInTwoDays()] })
  const service = new FollowThroughService({
    store,
    now: () => new Date(time.now().getTime() + clock.offset),
    monotonic: () => time.now().getTime(),
    timers: time,
    notifier: { notify },
  })
  service.start()
  const deck = () => store.data.followUps.find((f) => f.id === 'deck')!
  return { service, store, time, clock, deck }
}

describe('reminders are recorded as sent only once shown', () => {
  it('keeps a reminder that could not be shown, says so on the board, and shows it a minute later', async () => {
    let failing = true
    const shown: string[] = []
    const { service, time, deck } = serviceWith(async (n) => {
      if (failing) throw new Error('no notification daemon')
      shown.push(n.title)
    })
    time.advance(DAY + MINUTE)
    await vi.waitFor(() => expect(service.board().notices.join(' ')).toMatch(/could not be shown.*no notification daemon/))
    expect(deck().notifiedAt).toEqual({})

    failing = false
    time.advance(MINUTE + 1_000)
    await vi.waitFor(() => expect(deck().notifiedAt.target).toBeDefined())
    expect(shown).toEqual(['Time to deliver: Send the deck'])
    expect(service.board().notices.join(' ')).not.toMatch(/could not be shown/)
  })
})

describe('an away summary whose notification keeps failing', () => {
  it('stays on the board once, not once more with every retry, and goes once it is shown', async () => {
    let failing = true
    const time = new FakeTime(NOW)
    const due = (id: string, title: string, hours: number): FollowUp =>
      aFollowUp({ id, title, dueAt: new Date(NOW.getTime() + hours * 3_600_000).toISOString(), targetAt: new Date(NOW.getTime() + (hours - 1) * 3_600_000).toISOString(), history: [{ type: 'created', at: '2026-11-20T09:00:00.000Z' }] })
    const store = new MemoryStore({ ...emptyData(), followUps: [due('quote', 'Send the quote', 2), due('call', 'Call back', 3)] })
    const service = new FollowThroughService({
      store,
      now: () => time.now(),
      monotonic: () => time.now().getTime(),
      timers: time,
      notifier: {
        notify: async () => {
          if (failing) throw new Error('no notification daemon')
        },
      },
    })
    service.start()
    const summaries = () => service.board().notices.filter((notice) => /^2 follow-ups became overdue while you were away: /.test(notice))
    time.sleep(6 * 3_600_000)
    service.wake()
    await vi.waitFor(() => expect(service.board().notices.join(' ')).toMatch(/could not be shown/))
    expect(summaries()).toHaveLength(1)
    for (let retry = 0; retry < 3; retry++) {
      time.advance(MINUTE + 1_000)
      await vi.waitFor(() => expect(service.board().notices.join(' ')).toMatch(/could not be shown/))
    }
    expect(summaries()).toHaveLength(1)

    failing = false
    time.advance(MINUTE + 1_000)
    await vi.waitFor(() => expect(service.board().notices.join(' ')).not.toMatch(/could not be shown/))
    expect(summaries()).toHaveLength(1)
  })
})

describe('a clock that was wrong leaves no trace', () => {
  it('re-arms reminders and withdraws the miss that a clock 30 days ahead recorded, once the clock is back', async () => {
    const shown: string[] = []
    const { time, clock, deck } = serviceWith(async (n) => void shown.push(n.title))
    clock.offset = 30 * DAY
    time.advance(MINUTE)
    await vi.waitFor(() => expect(deck().notifiedAt.deadline).toBeDefined())
    expect(deck().history.some((event) => event.type === 'missed')).toBe(true)

    clock.offset = 0
    time.advance(20_000)
    await vi.waitFor(() => expect(deck().notifiedAt).toEqual({}))
    expect(deck().history.some((event) => event.type === 'missed')).toBe(false)

    shown.length = 0
    time.advanceTo(new Date(Date.parse(deck().targetAt) + 1_000))
    expect(shown).toEqual(['Time to deliver: Send the deck'])
  })
})
