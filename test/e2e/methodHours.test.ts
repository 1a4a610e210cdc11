import { existsSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { beforeEach, describe, expect, it } from 'vitest'
import { callApi, createOverHttp, serviceBoard, serviceCard } from './support/api'
import { card, region, waitForBoard } from './support/board'
import { chromiumForTests } from './support/chromium'
import { useBrowserMode } from './support/suite'

const chromiumPath = chromiumForTests()

/**
 * The server runs under libfaketime (Debian's `faketime`), its clock starting at
 * Tuesday 24 November 2026, 01:28 in Berlin: a late-night session. The page's clock
 * is set to the same instant, so both sides agree on "today".
 */
const LIBFAKETIME = '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1'
const ZONE = 'Europe/Berlin'
const LATE_NIGHT = new Date('2026-11-24T01:28:00+01:00')
const hasFaketime = existsSync(LIBFAKETIME)
if (!hasFaketime && process.env.CI) throw new Error(`libfaketime is missing (${LIBFAKETIME}): install Debian's faketime package.`)

const CLIENT = { name: 'Jenny Rivera', email: 'jenny@acme.example' }
const FRIDAY_4PM = '2026-11-27T16:00:00+01:00'
const THURSDAY_4PM = '2026-11-26T16:00:00+01:00'

/** Local hour, minute and weekday of an instant in Berlin. */
function berlin(iso: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  )
  return { weekday: parts.weekday, minutes: Number(parts.hour) * 60 + Number(parts.minute) }
}

async function markDone(page: Page, title: string, column: 'Promised' | 'Due') {
  await card(page, title, column).getByRole('button', { name: 'Mark done', exact: true }).click()
  await card(page, title, 'Done').waitFor()
}

describe.skipIf(!chromiumPath || !hasFaketime)('the method at the right hour, with undo', () => {
  const suite = useBrowserMode('method-hours', chromiumPath!, {
    serverEnv: { LD_PRELOAD: LIBFAKETIME, FAKETIME: '@2026-11-24 01:28:00', TZ: ZONE },
    context: { timezoneId: ZONE },
  })

  beforeEach(async () => {
    await suite.page.clock.install({ time: LATE_NIGHT })
    await suite.page.reload()
    await waitForBoard(suite.page)
  })

  it('plans the check-in after a late-night delivery inside working hours, on a business day, within the cadence', async () => {
    const { page, app } = suite
    const title = 'Send the proposal'
    await createOverHttp(app, { title, client: CLIENT, channel: 'email', dueAt: FRIDAY_4PM, targetAt: THURSDAY_4PM })
    await markDone(page, title, 'Promised')

    const checkInTitle = `Check in with Jenny Rivera: ${title}`
    await card(page, checkInTitle, 'Promised').waitFor()
    const promise = await serviceCard(app, title)
    const checkIn = await serviceCard(app, checkInTitle)
    const when = berlin(checkIn.dueAt)
    expect(['Mon', 'Tue', 'Wed', 'Thu', 'Fri']).toContain(when.weekday)
    expect(when.minutes).toBeGreaterThanOrEqual(9 * 60)
    expect(when.minutes).toBeLessThan(17 * 60)
    // One touch a week: not before a week after the delivery.
    expect(Date.parse(checkIn.dueAt) - Date.parse(promise.completedAt!)).toBeGreaterThanOrEqual(6 * 24 * 3600_000)
    const cadence = await callApi(app, 'checkCadence', { client: CLIENT.name, at: checkIn.dueAt })
    expect(cadence).toMatchObject({ ok: true, value: { withinCadence: true } })
  })

  it('plans a promise for today by dragging it to Due, and counts it as early on the card and in the scorecard', async () => {
    const { page, app } = suite
    const title = 'Send the price list'
    await createOverHttp(app, { title, client: CLIENT, channel: 'email', dueAt: FRIDAY_4PM, targetAt: THURSDAY_4PM })
    const handle = card(page, title, 'Promised').getByRole('button', { name: `Move “${title}”`, exact: true })
    await handle.focus()
    await page.keyboard.press('Space')
    await page.locator('[id^="DndLiveRegion"]').getByText(`${title} is over Promised`, { exact: false }).waitFor({ state: 'attached' })
    // dnd-kit listens for arrows from a timer the Space queued; let it run.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve)))
    await page.keyboard.press('ArrowRight')
    await page.locator('[id^="DndLiveRegion"]').getByText(`${title} is over Due`, { exact: false }).waitFor({ state: 'attached' })
    await page.keyboard.press('Space')

    const planned = card(page, title, 'Due')
    await planned.waitFor()
    // The own target is the end of today's working hours, not "now": not at risk.
    expect(await planned.getByText('Past your own target').count()).toBe(0)
    const stored = await serviceCard(app, title)
    expect(berlin(stored.targetAt)).toEqual({ weekday: 'Tue', minutes: 17 * 60 })
    expect(stored.history.at(-1)).toMatchObject({ type: 'targetChanged' })

    await markDone(page, title, 'Due')
    await card(page, title, 'Done').getByText(/^Done early/).waitFor()
    await page.getByRole('button', { name: 'Scorecard', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Scorecard' })
    const jenny = dialog.getByRole('table', { name: 'Outcomes per client' }).getByRole('row', { name: /Jenny Rivera/ })
    await jenny.waitFor()
    // Early, on time, renegotiated, missed, total, kept rate.
    expect(await jenny.getByRole('cell').allTextContents()).toEqual(['1', '0', '0', '0', '1', '100%'])
  })

  it('undoes Mark done from the toast and with Ctrl+Z, taking the check-in away too', async () => {
    const { page, app } = suite
    const title = 'Send the contract'
    await createOverHttp(app, { title, client: CLIENT, channel: 'email', dueAt: FRIDAY_4PM, targetAt: THURSDAY_4PM })
    await markDone(page, title, 'Promised')
    await card(page, `Check in with Jenny Rivera: ${title}`).waitFor()

    const toast = page.getByRole('status').filter({ hasText: /Check-in planned/ })
    await toast.getByRole('button', { name: 'Undo', exact: true }).click()
    await card(page, title, 'Promised').waitFor()
    await card(page, `Check in with Jenny Rivera: ${title}`).waitFor({ state: 'detached' })
    const undone = await serviceCard(app, title)
    expect(undone.completedAt).toBeUndefined()
    expect(undone.history.at(-1)).toMatchObject({ type: 'undone', action: 'Mark done' })

    // Redo with the keyboard, then undo again, outside any text field.
    await page.locator('body').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press('Control+Shift+z')
    await card(page, title, 'Done').waitFor()
    await page.keyboard.press('Control+z')
    await card(page, title, 'Promised').waitFor()
    // Ctrl+Y redoes too, as Windows people expect; then back.
    await page.keyboard.press('Control+y')
    await card(page, title, 'Done').waitFor()
    await page.keyboard.press('Control+z')
    await card(page, title, 'Promised').waitFor()
    expect(Object.values((await serviceBoard(app)).columns).flat().map((c) => c.title)).toEqual([title])
  })

  it('reopens a done card and removes the untouched check-in its completion planned', async () => {
    const { page, app } = suite
    const title = 'Send the onboarding plan'
    await createOverHttp(app, { title, client: CLIENT, channel: 'email', dueAt: FRIDAY_4PM, targetAt: THURSDAY_4PM })
    await markDone(page, title, 'Promised')
    const checkIn = card(page, `Check in with Jenny Rivera: ${title}`)
    await checkIn.waitFor()

    await card(page, title, 'Done').getByRole('button', { name: 'Reopen', exact: true }).click()
    await card(page, title, 'Promised').waitFor()
    await checkIn.waitFor({ state: 'detached' })
    expect(await region(page, 'Done').getByRole('article').count()).toBe(0)
    expect((await serviceCard(app, title)).history.at(-1)).toMatchObject({ type: 'reopened' })
  })
})
