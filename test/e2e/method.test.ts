import { describe, expect, it } from 'vitest'
import { formatLongDay, resolveLocale, systemLocale } from '../../electron/core/localeFormat'
import { createOverHttp, serviceCard } from './support/api'
import { card, region } from './support/board'
import { chromiumForTests } from './support/chromium'
import { useBrowserMode } from './support/suite'
import { DAY, inMs, localInput, MINUTE } from './support/times'

const chromiumPath = chromiumForTests()


const CLIENT = { name: 'Jenny Rivera', company: 'Acme GmbH', email: 'jenny@acme.example' }

describe.skipIf(!chromiumPath)('the method in the browser', () => {
  const suite = useBrowserMode('method', chromiumPath!)

  it('sends a heads-up for an at-risk promise and records the new date as told to the client', async () => {
    const { page, app } = suite
    const title = 'Send the proposal'
    // The own target has just passed; the promise still stands: at risk.
    await createOverHttp(app, { title, client: CLIENT, channel: 'email', dueAt: inMs(2 * DAY), targetAt: inMs(-MINUTE) })
    const atRisk = card(page, title, 'Due')
    await atRisk.getByText('Past your own target').waitFor()
    await atRisk.getByRole('button', { name: 'Send heads-up', exact: true }).click()

    const dialog = page.getByRole('dialog', { name: `Heads-up for “${title}”` })
    const message = dialog.getByLabel('Message to the client', { exact: true })
    await expect.poll(() => message.inputValue()).toMatch(/^Hi Jenny, a quick heads-up: the proposal I promised for .* needs a little longer\./)

    const newDue = new Date(Date.now() + 5 * DAY)
    newDue.setHours(12, 0, 0, 0)
    const before = await message.inputValue()
    await dialog.getByLabel('New promised date', { exact: true }).fill(localInput(newDue))
    // The draft follows the new date.
    await expect.poll(() => message.inputValue()).not.toBe(before)
    // Written in the service's locale (this process's: the server runs in the same environment), e.g. "Saturday, November 28 at 12:00 PM".
    expect(await message.inputValue()).toContain(`You will have it by ${formatLongDay(newDue, resolveLocale(undefined, systemLocale()), new Date(), true)}.`)
    const mail = dialog.getByRole('link', { name: 'Open in email', exact: true })
    expect(await mail.getAttribute('href')).toMatch(/^mailto:jenny@acme\.example\?subject=.*&body=Hi%20Jenny/)
    await dialog.getByRole('button', { name: 'Copy message', exact: true }).waitFor()
    const sent = await message.inputValue()

    await dialog.getByRole('button', { name: 'Record heads-up', exact: true }).click()
    await dialog.waitFor({ state: 'detached' })
    // A renegotiated promise is no longer at risk: back in Promised, its history says the client was told.
    const moved = card(page, title, 'Promised')
    await moved.waitFor()
    expect(await moved.getByText('Past your own target').count()).toBe(0)
    await moved.getByRole('button', { name: title, exact: true }).click()
    const history = page.getByRole('list', { name: 'History' })
    await history.getByText('Heads-up sent to the client').waitFor()
    await history.getByText(/client was told/).waitFor()

    const stored = await serviceCard(app, title)
    expect(stored.dueAt).toBe(newDue.toISOString())
    expect(stored.history.slice(-2)).toEqual([
      expect.objectContaining({ type: 'rescheduled', toldClient: true }),
      expect.objectContaining({ type: 'headsUp', message: sent }),
    ])
  })

  it('plans a check-in with the four steps when a promise is marked done', async () => {
    const { page, app } = suite
    const title = 'Send the signed contract'
    await createOverHttp(app, { title, client: CLIENT, channel: 'email', dueAt: inMs(3 * DAY), targetAt: inMs(2 * DAY) })
    await card(page, title).getByRole('button', { name: 'Mark done', exact: true }).click()
    await card(page, title, 'Done').waitFor()

    const checkInTitle = `Check in with Jenny Rivera: ${title}`
    const checkIn = card(page, checkInTitle)
    await checkIn.waitFor()
    await page.getByRole('status').filter({ hasText: /^Done\. Check-in planned for (today|\w{3}) \d{1,2}:\d\d [AP]M\./ }).waitFor()
    const steps = ['Confirm they received it', 'Offer to clarify anything', 'Share something new since we talked', 'Book the next meeting']
    for (const step of steps) expect(await checkIn.getByRole('checkbox', { name: step, exact: true }).isChecked()).toBe(false)
    await checkIn.getByText('0/4 done').waitFor()

    await checkIn.getByRole('checkbox', { name: 'Confirm they received it', exact: true }).check()
    await checkIn.getByText('1/4 done').waitFor()
    const stored = await serviceCard(app, checkInTitle)
    expect(stored).toMatchObject({ kind: 'check-in', followsUp: (await serviceCard(app, title)).id })
    expect(stored.checklist.map((step) => step.done)).toEqual([true, false, false, false])
    expect(await region(page, 'Done').getByRole('article').count()).toBe(1)
  })

  it("warns before a follow-up would pester a client just contacted, and still lets it be added", async () => {
    const { page, app } = suite
    const title = 'Send the proposal'
    await createOverHttp(app, { title, client: CLIENT, channel: 'email', dueAt: inMs(3 * DAY), targetAt: inMs(2 * DAY) })
    await card(page, title).getByRole('button', { name: `More actions for “${title}”`, exact: true }).click()
    await card(page, title).getByRole('button', { name: 'Log contact', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: `Log a contact with ${CLIENT.name}` })
    await dialog.getByLabel('Note').fill('Talked through the pricing')
    await dialog.getByRole('button', { name: 'Log contact', exact: true }).click()
    await dialog.waitFor({ state: 'detached' })

    const box = page.getByRole('textbox', { name: 'Quick add', exact: true })
    await box.fill('Call Jenny Rivera in 2 days')
    const warning = page.getByText(/Easy on Jenny Rivera: you were last in touch on .* \(at most 1 per 7 days\)\. .* or later would fit\. You can still add it\./)
    await warning.waitFor({ state: 'visible' })
    await box.press('Enter')
    await card(page, 'Call Jenny Rivera').waitFor({ state: 'visible' })
  })
})
