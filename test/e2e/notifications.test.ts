import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createNodeNotifier } from '../../electron/notify/nodeNotifier'
import { FollowThroughService } from '../../electron/service/service'
import { Store } from '../../electron/store/store'
import { DESKTOP_TOOLS_HINT, missingDesktopTools, startDesktopSession, type DesktopSession } from '../support/desktopSession'

/**
 * Real OS notifications: the real service on the real clock, node-notifier running
 * notify-send, a private D-Bus session with dunst as the daemon, and dbus-monitor
 * as the witness of what reached the notification daemon.
 */

const missing = missingDesktopTools()
const inCi = process.env.CI === 'true'
if (missing.length > 0 && !inCi) {
  console.warn(`Skipping the OS notification end-to-end tests: ${missing.join(', ')} not found on PATH (${DESKTOP_TOOLS_HINT}).`)
}

/** The bound: the deadline notification appears within this long after the deadline. */
const PUNCTUALITY_MS = 1_000

describe.skipIf(missing.length > 0 && !inCi)('OS notifications through a real notification daemon', () => {
  let session: DesktopSession | undefined
  let dataDir: string | undefined
  let service: FollowThroughService | undefined

  beforeAll(() => {
    if (missing.length > 0) {
      throw new Error(`CI must run the OS notification tests, but ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not on PATH (${DESKTOP_TOOLS_HINT}).`)
    }
  })

  beforeEach(async () => {
    session = await startDesktopSession()
    session.useAsProcessEnv()
  })

  afterEach(async () => {
    try {
      await service?.stop()
    } finally {
      service = undefined
      await session?.stop()
      session = undefined
      if (dataDir) await rm(dataDir, { recursive: true, force: true })
      dataDir = undefined
    }
  })

  it('node-notifier delivers the exact title and body to the daemon', async () => {
    const notification = {
      title: 'Overdue: tell Jenny "JR" Rivera now',
      body: 'Send the Q3\\Q4 proposal — 20% off, $1,200 `net 30` (promised by Fri 27 Nov 16:00)',
    }
    await createNodeNotifier().notify(notification)
    const call = await session!.nextNotification()
    expect({ summary: call.summary, body: call.body }).toEqual({ summary: notification.title, body: notification.body })
  })

  it('a follow-up coming due shows an OS notification naming it and its client within 1 s of the deadline', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'follow-through-notify-e2e-'))
    const store = await Store.open({ dataDir, app: 'e2e' })
    service = new FollowThroughService({ store, notifier: createNodeNotifier() })
    // Quiet hours (by default outside working hours) would hold the reminders back whenever this runs in the evening.
    await service.handlers.updateSettings({ quietHours: { ...store.data.settings.quietHours, enabled: false } })
    service.start()

    const title = `Send the renewal quote ${process.pid}`
    const client = 'Jenny Rivera'
    const created = Date.now()
    const dueAt = new Date(created + 4_000)
    const targetAt = new Date(created + 2_000)
    service.handlers.create({
      title,
      client: { name: client },
      dueAt: dueAt.toISOString(),
      targetAt: targetAt.toISOString(),
      channel: 'email',
      allDay: false,
      notes: '',
    })

    // The 60-minute lead instant was already past at creation, so at the target the
    // lead reminder (the latest one ripe) speaks for both; then the deadline one.
    const names = (call: { summary: string; body: string }) => `${call.summary}\n${call.body}`
    const early = await session!.nextNotification(30_000)
    expect(early.summary).toMatch(new RegExp(`^Promise to ${client} due in`))
    expect(early.body).toBe(title)
    expect(early.receivedAt.getTime()).toBeGreaterThanOrEqual(targetAt.getTime())

    const deadline = await session!.nextNotification(30_000)
    expect(deadline.summary).toBe(`Overdue: tell ${client} now`)
    expect(names(deadline)).toContain(title)
    expect(names(deadline)).toContain(client)
    const lateness = deadline.receivedAt.getTime() - dueAt.getTime()
    console.info(`Deadline notification reached the daemon ${lateness} ms after the deadline (target reminder: ${early.receivedAt.getTime() - targetAt.getTime()} ms).`)
    expect(lateness).toBeGreaterThanOrEqual(0)
    expect(lateness).toBeLessThanOrEqual(PUNCTUALITY_MS)

    // One notification per instant: nothing else arrives for this follow-up.
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    expect(session!.notifications.map((call) => call.summary)).toEqual([early.summary, deadline.summary])
  })
})
