import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createNodeNotifier } from '../../electron/notify/nodeNotifier'
import { FollowThroughService } from '../../electron/service/service'
import { Store } from '../../electron/store/store'
import { DESKTOP_TOOLS_HINT, missingDesktopTools, startDesktopSession, type NotifyCall } from '../support/desktopSession'

/**
 * Deadline notification lateness: the real service on the real clock sends 20
 * deadline reminders through node-notifier (notify-send) to dunst on a private
 * D-Bus session; lateness is when dbus-monitor saw each Notify call minus its
 * deadline. Goal: every one within 1 s.
 */

const COUNT = 20
const SPACING_MS = 300
/** Time to create the follow-ups before the first deadline. */
const LEAD_IN_MS = 3_000
const GOAL_MS = 1_000

/** Nearest-rank percentile. */
const percentile = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]

export async function benchNotifications(): Promise<string[]> {
  const missing = missingDesktopTools()
  if (missing.length > 0) {
    return [`Notification benchmark skipped: ${missing.join(', ')} not found on PATH (${DESKTOP_TOOLS_HINT}).`]
  }

  const session = await startDesktopSession()
  const dataDir = await mkdtemp(join(tmpdir(), 'follow-through-bench-notify-'))
  let store: Store | undefined
  let service: FollowThroughService | undefined
  try {
    session.useAsProcessEnv()
    const notifier = createNodeNotifier()
    // Warm-up: first spawn of the shell and notify-send, outside the measurement.
    await notifier.notify({ title: 'Follow Through bench warm-up', body: 'warm-up' })
    await session.nextNotification()

    store = await Store.open({ dataDir, app: 'bench' })
    // A lead time of 0 puts the lead reminder at the deadline, and targetAt = dueAt puts
    // the target there too: each follow-up sends exactly one notification, the deadline one.
    store.update({ ...store.data, settings: { ...store.data.settings, leadTimeMinutes: 0 } })
    service = new FollowThroughService({ store, notifier })
    service.start()

    const first = Date.now() + LEAD_IN_MS
    const deadlines = Array.from({ length: COUNT }, (_, i) => new Date(first + i * SPACING_MS))
    deadlines.forEach((dueAt, i) =>
      service!.handlers.create({
        title: `Bench follow-up ${i + 1}`,
        client: { name: `Client ${i + 1}` },
        dueAt: dueAt.toISOString(),
        targetAt: dueAt.toISOString(),
        channel: 'email',
        allDay: false,
        notes: '',
      }),
    )
    if (Date.now() >= first) throw new Error('bench: creating the follow-ups took longer than the lead-in; raise LEAD_IN_MS.')

    const calls: NotifyCall[] = []
    for (let i = 0; i < COUNT; i++) {
      calls.push(
        await session.waitForNotification(
          (call) => call.summary === `Overdue: tell Client ${i + 1} now` && call.body.startsWith(`Bench follow-up ${i + 1} (`),
          60_000,
          `deadline notification for Bench follow-up ${i + 1}`,
        ),
      )
    }
    // Give a stray extra notification a moment to show up before counting.
    await new Promise((resolve) => setTimeout(resolve, SPACING_MS))
    const extra = session.notifications.length - 1 - COUNT

    const lateness = calls.map((call, i) => call.receivedAt.getTime() - deadlines[i].getTime())
    const observed = calls.map((call, i) => call.observedAt.getTime() - deadlines[i].getTime())
    const sorted = [...lateness].sort((a, b) => a - b)
    const sortedObserved = [...observed].sort((a, b) => a - b)
    const late = lateness.filter((ms) => ms > GOAL_MS).length
    const early = lateness.filter((ms) => ms < 0).length
    return [
      `Notification benchmark: ${COUNT} deadline reminders ${SPACING_MS} ms apart, real clock, node-notifier -> notify-send -> dunst on a private D-Bus`,
      `  lateness = Notify seen by dbus-monitor - deadline, ms`,
      `  p50 ${percentile(sorted, 50)}   p95 ${percentile(sorted, 95)}   min ${sorted[0]}   max ${sorted.at(-1)}`,
      `  (seen by this process: p50 ${percentile(sortedObserved, 50)}   p95 ${percentile(sortedObserved, 95)})`,
      `  ${late === 0 && early === 0 ? 'all' : `${COUNT - late - early} of ${COUNT}`} within the ${GOAL_MS} ms goal` +
        (early > 0 ? `; ${early} EARLY` : '') +
        (late > 0 ? `; ${late} LATE` : '') +
        (extra !== 0 ? `; ${extra} unexpected extra notification(s)` : ''),
    ]
  } finally {
    try {
      // The service closes the store; without a service, close it here.
      await (service ? service.stop() : store?.close())
    } finally {
      await session.stop()
      await rm(dataDir, { recursive: true, force: true })
    }
  }
}
