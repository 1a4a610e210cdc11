import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { Card } from '../../electron/contract'
import { createOverHttp, serviceBoard, serviceCard } from './support/api'
import { card, region, type ColumnName } from './support/board'
import { chromiumForTests } from './support/chromium'
import { useBrowserMode } from './support/suite'
import { DAY, inMs, localInput, MINUTE } from './support/times'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { emptyData } from '../../electron/core/schema'
import { makeFollowUp } from '../fixtures/followUps'

const chromiumPath = chromiumForTests()


/** `days` from today at 16:00 local time. */
const daysAhead = (days: number) => {
  const date = new Date(Date.now() + days * DAY)
  date.setHours(16, 0, 0, 0)
  return date
}

const CLIENT = { name: 'Jenny Rivera', company: 'Acme GmbH' }

/** Promised: due in three days, own target in two (never "today", whatever the hour). */
const promisedDraft = (title: string) => ({ title, client: CLIENT, channel: 'email' as const, dueAt: inMs(3 * DAY), targetAt: inMs(2 * DAY) })
/** Due: the promise is days away, but the own target has just passed. */
const dueDraft = (title: string) => ({ title, client: CLIENT, channel: 'phone' as const, dueAt: inMs(3 * DAY), targetAt: inMs(-MINUTE) })

const isFocused = (locator: Locator) => locator.evaluate((element) => element === element.ownerDocument.activeElement)

/** How opaque an element is drawn (a card's toolbar shows only while the card is hovered or focused). */
const opacityOf = (locator: Locator) => locator.evaluate((element) => Number(element.ownerDocument.defaultView!.getComputedStyle(element).opacity))

/**
 * dnd-kit's live region: what a screen reader hears during a drag. Each announcement
 * replaces the last (a pickup is at once followed by "over its own column"), so
 * waiting on the latest one waits for the drag's real state.
 */
const announced = (page: Page, text: string) => page.locator('[id^="DndLiveRegion"]').getByText(text, { exact: true }).waitFor({ state: 'attached' })

/**
 * A mouse drag the way a person makes one: press on the card body, move a few pixels
 * (dnd-kit's pointer sensor starts only after 6), travel to the column in steps, release.
 */
async function dragWithMouse(page: Page, title: string, from: ColumnName, to: ColumnName, expectOver: string) {
  const grip = card(page, title, from).getByText(CLIENT.name, { exact: false })
  const start = (await grip.boundingBox())!
  const target = (await region(page, to).boundingBox())!
  const [x, y] = [start.x + start.width / 2, start.y + start.height / 2]
  await page.mouse.move(x, y)
  await page.mouse.down()
  await page.mouse.move(x + 12, y + 12, { steps: 4 })
  await announced(page, `${title} is over ${from}: it stays where it is.`)
  await page.mouse.move(target.x + target.width / 2, target.y + Math.min(200, target.height / 2), { steps: 20 })
  await announced(page, `${title} is over ${to}: it ${expectOver}.`)
  await page.mouse.up()
}

/** Focus the card's Move handle and press Space: the card is picked up, over its own column. */
async function pickUpWithKeyboard(page: Page, title: string, from: ColumnName) {
  const handle = card(page, title, from).getByRole('button', { name: `Move “${title}”`, exact: true })
  await handle.focus()
  await page.keyboard.press('Space')
  await announced(page, `${title} is over ${from}: it stays where it is.`)
  // dnd-kit's keyboard sensor starts listening for arrows in a setTimeout queued by that Space;
  // a timer queued now runs after it, so the next key press is heard.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve)))
}

/** A keyboard move: focus the card's Move handle, Space, arrows to the column, Space. */
async function moveWithKeyboard(page: Page, title: string, from: ColumnName, arrows: ('ArrowLeft' | 'ArrowRight')[], to: ColumnName, expectOver: string) {
  await pickUpWithKeyboard(page, title, from)
  for (const arrow of arrows) await page.keyboard.press(arrow)
  await announced(page, `${title} is over ${to}: it ${expectOver}.`)
  await page.keyboard.press('Space')
  await announced(page, `Dropped on ${to}.`)
}

/**
 * Types a date and time into a focused datetime-local input the way a keyboard user
 * does in Chromium's en-US format (mm/dd/yyyy, hh:mm AM/PM), then tabs out of it.
 */
async function typeDateTime(page: Page, input: Locator, date: Date) {
  const pad = (n: number) => String(n).padStart(2, '0')
  const hours12 = date.getHours() % 12 || 12
  await page.keyboard.type(`${pad(date.getMonth() + 1)}${pad(date.getDate())}${date.getFullYear()}`)
  // The year takes up to six digits, so leave it with Tab.
  await page.keyboard.press('Tab')
  await page.keyboard.type(`${pad(hours12)}${pad(date.getMinutes())}${date.getHours() < 12 ? 'A' : 'P'}`)
  expect(await input.inputValue()).toBe(localInput(date))
  await tabOutOf(page, input)
}

/** Chromium's date inputs take several Tab presses (one per segment) before focus moves on. */
async function tabOutOf(page: Page, input: Locator) {
  for (let presses = 0; presses < 10 && (await isFocused(input)); presses++) await page.keyboard.press('Tab')
  expect(await isFocused(input), 'Tab leaves the date input').toBe(false)
}

describe.skipIf(!chromiumPath)('the board in the browser', () => {
  const suite = useBrowserMode('board', chromiumPath!)

  it('works from the keyboard: j/k and arrows move between cards, d marks the focused card done, ? lists the keys', async () => {
    const { page, app } = suite
    await createOverHttp(app, promisedDraft('Send the proposal'))
    await createOverHttp(app, { ...promisedDraft('Book the next meeting'), dueAt: inMs(4 * DAY) })
    await createOverHttp(app, dueDraft('Call back about the demo'))
    const first = card(page, 'Send the proposal', 'Promised')
    await first.waitFor({ state: 'visible' })
    await card(page, 'Call back about the demo', 'Due').waitFor({ state: 'visible' })

    await first.focus()
    await page.keyboard.press('j')
    expect(await isFocused(card(page, 'Book the next meeting', 'Promised'))).toBe(true)
    await page.keyboard.press('k')
    expect(await isFocused(first)).toBe(true)
    await page.keyboard.press('ArrowRight')
    const due = card(page, 'Call back about the demo', 'Due')
    expect(await isFocused(due)).toBe(true)

    await page.keyboard.press('d')
    await card(page, 'Call back about the demo', 'Done').waitFor({ state: 'visible' })
    expect((await serviceCard(app, 'Call back about the demo')).column).toBe('done')

    await page.keyboard.press('?')
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await sheet.getByText('Open the card’s details and history').waitFor()
    await page.keyboard.press('Escape')
    await sheet.waitFor({ state: 'detached' })
  })

  it('a card’s context menu opens on right-click and from the keyboard, with the card’s actions', async () => {
    const { page, app } = suite
    await createOverHttp(app, promisedDraft('Send the proposal'))
    const open = card(page, 'Send the proposal', 'Promised')
    await open.click({ button: 'right' })
    const menu = page.getByRole('menu', { name: 'Actions for “Send the proposal”' })
    for (const name of ['Mark done', 'Snooze', 'Edit', 'Delete']) await menu.getByRole('menuitem', { name, exact: true }).waitFor()
    await page.keyboard.press('Escape')
    await menu.waitFor({ state: 'detached' })
    expect(await isFocused(open)).toBe(true)

    await page.keyboard.press('Shift+F10')
    await menu.getByRole('menuitem', { name: 'Mark done', exact: true }).click()
    await card(page, 'Send the proposal', 'Done').waitFor({ state: 'visible' })
    expect((await serviceCard(app, 'Send the proposal')).history.at(-1)?.type).toBe('completed')
  })

  it('a compact card shows its other actions only while hovered or focused', async () => {
    const { page, app } = suite
    await createOverHttp(app, promisedDraft('Send the proposal'))
    const open = card(page, 'Send the proposal', 'Promised')
    await open.waitFor({ state: 'visible' })
    await page.mouse.move(1, 1)
    const toolbar = open.getByRole('toolbar')
    const opacity = () => opacityOf(toolbar)
    await expect.poll(opacity).toBe(0)
    await open.hover()
    await expect.poll(opacity).toBe(1)
    await page.mouse.move(1, 1)
    await expect.poll(opacity).toBe(0)
    await open.focus()
    await expect.poll(opacity).toBe(1)
  })

  it('a card’s channel icon is drawn in the text’s colour, also in high contrast (forced colours)', async () => {
    const { page, app } = suite
    await createOverHttp(app, promisedDraft('Send the proposal'))
    const icon = card(page, 'Send the proposal', 'Promised').getByRole('img', { name: 'Email', exact: true })
    await icon.waitFor()
    const colours = () =>
      icon.evaluate((element) => {
        const style = element.ownerDocument.defaultView!.getComputedStyle(element)
        return { icon: style.stroke, text: element.ownerDocument.defaultView!.getComputedStyle(element.parentElement!).color, drawn: element.querySelector('path') !== null }
      })
    const normal = await colours()
    expect(normal.drawn).toBe(true)
    expect(normal.icon).toBe(normal.text)
    await page.emulateMedia({ forcedColors: 'active' })
    const forced = await colours()
    expect(forced.text).not.toBe(normal.text)
    expect(forced.icon).toBe(forced.text)
  })

  it('a hovered card’s actions all show inside the card, in one row above its deadline line, also beside the wide Send heads-up and in a narrow window, and leave its title and Move handle uncovered', async () => {
    const { page, app } = suite
    const title = 'Call about the delivery'
    await createOverHttp(app, dueDraft(title))
    const atRisk = card(page, title, 'Due')
    const primary = atRisk.getByRole('button', { name: 'Send heads-up', exact: true })
    const toolbar = atRisk.getByRole('toolbar')
    // What a click at the centre of `target` reaches is `target`: nothing covers it.
    const uncovered = (target: Locator) =>
      target.evaluate((element) => {
        const { x, y, width, height } = element.getBoundingClientRect()
        return element.contains(element.ownerDocument.elementFromPoint(x + width / 2, y + height / 2))
      })
    await primary.waitFor()
    for (const width of [1400, 1180, 1024, 901]) {
      await page.setViewportSize({ width, height: 900 })
      await page.mouse.move(1, 1)
      await atRisk.hover()
      await expect.poll(() => opacityOf(toolbar)).toBe(1)
      const cardBox = (await atRisk.boundingBox())!
      for (const name of ['Mark done', 'Snooze', 'Edit', 'Delete', 'Send heads-up']) {
        const button = atRisk.getByRole('button', { name, exact: true })
        const box = (await button.boundingBox())!
        const inside = box.x >= cardBox.x && box.y >= cardBox.y && box.x + box.width <= cardBox.x + cardBox.width && box.y + box.height <= cardBox.y + cardBox.height
        expect(inside, `${name} inside the card at ${width} px`).toBe(true)
        expect(await uncovered(button), `${name} uncovered at ${width} px`).toBe(true)
      }
      expect(await uncovered(atRisk.getByRole('button', { name: title, exact: true })), `the title uncovered at ${width} px`).toBe(true)
      expect(await uncovered(atRisk.getByRole('button', { name: `Move “${title}”`, exact: true })), `the Move handle uncovered at ${width} px`).toBe(true)
      // In one row above the deadline line, which stays in sight with its primary action.
      const bar = (await toolbar.boundingBox())!
      expect(bar.y + bar.height, `the toolbar above Send heads-up at ${width} px`).toBeLessThanOrEqual((await primary.boundingBox())!.y)
      expect(bar.height, `the toolbar in one row at ${width} px`).toBeLessThan(2 * (await atRisk.getByRole('button', { name: 'Edit', exact: true }).boundingBox())!.height)
    }
  })

  it('creates a follow-up through the New follow-up dialog with the keyboard alone', async () => {
    const { page, app } = suite
    const promised = daysAhead(3)
    // "/" jumps to Quick add; the next stop is the New follow-up button.
    await page.keyboard.press('/')
    await page.keyboard.press('Tab')
    expect(await isFocused(page.getByRole('button', { name: 'New follow-up', exact: true }))).toBe(true)
    await page.keyboard.press('Enter')

    const dialog = page.getByRole('dialog', { name: 'New follow-up' })
    await dialog.waitFor({ state: 'visible' })
    const field = (label: string) => dialog.getByLabel(label, { exact: true })
    expect(await isFocused(field('Title'))).toBe(true)
    await page.keyboard.type('Send the signed contract')
    await page.keyboard.press('Tab')
    await page.keyboard.type('Jenny Rivera')
    await page.keyboard.press('Tab')
    await page.keyboard.type('Acme GmbH')
    await page.keyboard.press('Tab')
    await page.keyboard.type('+49 30 1234567')
    await page.keyboard.press('Tab') // Email: none
    await page.keyboard.press('Tab')
    expect(await isFocused(field('Channel'))).toBe(true)
    await page.keyboard.type('Phone') // type-ahead picks the option
    expect(await field('Channel').inputValue()).toBe('phone')
    await page.keyboard.press('Tab')
    expect(await isFocused(field('Promised by'))).toBe(true)
    await typeDateTime(page, field('Promised by'), promised)
    // Each date can also be typed in words, in a box right after its picker.
    expect(await isFocused(field('Promised by in words'))).toBe(true)
    await page.keyboard.press('Tab')
    expect(await isFocused(field('My target'))).toBe(true)
    await tabOutOf(page, field('My target')) // left empty: the default buffer
    expect(await isFocused(field('My target in words'))).toBe(true)
    await page.keyboard.press('Tab')
    expect(await isFocused(field('Value'))).toBe(true)
    await page.keyboard.type('2500')
    await page.keyboard.press('Tab')
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.type('EUR')
    await page.keyboard.press('Tab')
    expect(await isFocused(field('Repeats'))).toBe(true)
    await page.keyboard.press('Tab') // Repeats: never
    expect(await isFocused(field('Notes'))).toBe(true)
    await page.keyboard.press('Tab')
    expect(await isFocused(field('Anything else they need to decide?'))).toBe(true)
    await page.keyboard.press('Tab') // Cancel
    await page.keyboard.press('Tab')
    const save = dialog.getByRole('button', { name: 'Add follow-up', exact: true })
    expect(await isFocused(save)).toBe(true)
    const created = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/create')
    await page.keyboard.press('Enter')
    expect(((await (await created).json()) as { ok: boolean }).ok).toBe(true)

    await dialog.waitFor({ state: 'detached' })
    const added = card(page, 'Send the signed contract', 'Promised')
    await added.waitFor({ state: 'visible' })
    await added.getByText('Jenny Rivera · Acme GmbH', { exact: false }).waitFor()
    // Focus is back where the person started, ready for the next one.
    expect(await isFocused(page.getByRole('button', { name: 'New follow-up', exact: true }))).toBe(true)

    const stored = await serviceCard(app, 'Send the signed contract')
    expect(stored).toMatchObject({
      client: { name: 'Jenny Rivera', company: 'Acme GmbH', phone: '+49 30 1234567' },
      channel: 'phone',
      allDay: false,
      value: { amount: 2500, currency: 'EUR' },
    })
    expect(new Date(stored.dueAt).getTime()).toBe(promised.getTime())
    expect(Date.parse(stored.targetAt)).toBeLessThan(promised.getTime())
  })

  it('edits a card: the dialog opens filled in, and the saved title shows on the card', async () => {
    const { page, app } = suite
    await createOverHttp(app, { ...promisedDraft('Send the proposal'), value: { amount: 1200, currency: 'USD' } })
    const before = card(page, 'Send the proposal', 'Promised')
    await before.getByRole('button', { name: 'Edit', exact: true }).click()

    const dialog = page.getByRole('dialog', { name: 'Edit follow-up' })
    const field = (label: string) => dialog.getByLabel(label, { exact: true })
    expect(await field('Title').inputValue()).toBe('Send the proposal')
    expect(await field('Client').inputValue()).toBe('Jenny Rivera')
    expect(await field('Company').inputValue()).toBe('Acme GmbH')
    expect(await field('Value').inputValue()).toBe('1200')
    expect(await field('Currency').inputValue()).toBe('USD')
    expect(await field('Promised by').inputValue()).not.toBe('')

    await field('Title').fill('Send the revised proposal')
    await dialog.getByRole('button', { name: 'Save', exact: true }).click()
    await dialog.waitFor({ state: 'detached' })
    await card(page, 'Send the revised proposal', 'Promised').waitFor({ state: 'visible' })
    expect(await card(page, 'Send the proposal').count()).toBe(0)
    const stored = await serviceCard(app, 'Send the revised proposal')
    expect(stored.history.at(-1)).toMatchObject({ type: 'edited', fields: ['title'] })
  })

  it('dragging a Due card to Done with the mouse marks it done', async () => {
    const { page, app } = suite
    await createOverHttp(app, dueDraft('Call back about the demo'))
    await card(page, 'Call back about the demo', 'Due').waitFor({ state: 'visible' })

    await dragWithMouse(page, 'Call back about the demo', 'Due', 'Done', 'will be marked done')

    const done = card(page, 'Call back about the demo', 'Done')
    await done.waitFor({ state: 'visible' })
    expect(await card(page, 'Call back about the demo').count()).toBe(1)
    // The scorecard's outcome, and how it stood against the promise.
    await done.getByText(/^Done (early|on time) · .* before the promise$/).waitFor()
    const stored = await serviceCard(app, 'Call back about the demo')
    expect(stored.column).toBe('done')
    expect(stored.history.at(-1)?.type).toBe('completed')
  })

  it('a keyboard move from Promised to Due plans the card for today', async () => {
    const { page, app } = suite
    await createOverHttp(app, promisedDraft('Book the next meeting'))
    await card(page, 'Book the next meeting', 'Promised').waitFor({ state: 'visible' })

    await moveWithKeyboard(page, 'Book the next meeting', 'Promised', ['ArrowRight'], 'Due', 'will be planned for today')

    const moved = card(page, 'Book the next meeting', 'Due')
    await moved.waitFor({ state: 'visible' })
    expect(await card(page, 'Book the next meeting').count()).toBe(1)
    // Focus went with the card to its new column, ready for the next key.
    await expect.poll(() => isFocused(moved)).toBe(true)
    const stored = await serviceCard(app, 'Book the next meeting')
    expect(stored.column).toBe('due')
    expect(stored.history.at(-1)).toMatchObject({ type: 'targetChanged', to: stored.targetAt })
    // The promise to the client did not move; only the own target came forward, to later today: never "now".
    expect(Date.parse(stored.targetAt)).toBeGreaterThan(Date.now())
    expect(new Date(stored.targetAt).toDateString()).toBe(new Date().toDateString())
    expect(await card(page, 'Book the next meeting', 'Due').getByText('Past your own target').count()).toBe(0)
  })

  it('Escape cancels a keyboard move and nothing changes', async () => {
    const { page, app } = suite
    await createOverHttp(app, promisedDraft('Book the next meeting'))
    await pickUpWithKeyboard(page, 'Book the next meeting', 'Promised')
    await page.keyboard.press('ArrowRight')
    await announced(page, 'Book the next meeting is over Due: it will be planned for today.')
    await page.keyboard.press('Escape')
    await announced(page, 'Moving Book the next meeting was cancelled.')
    expect(await card(page, 'Book the next meeting', 'Promised').count()).toBe(1)
    expect((await serviceCard(app, 'Book the next meeting')).history).toHaveLength(1)
  })

  it('moving a Due card back to Promised asks for a new date and whether the client was told, and records it', async () => {
    const { page, app } = suite
    await createOverHttp(app, dueDraft('Confirm the delivery date'))
    await card(page, 'Confirm the delivery date', 'Due').waitFor({ state: 'visible' })

    await dragWithMouse(page, 'Confirm the delivery date', 'Due', 'Promised', 'will ask for a new promised date')

    const dialog = page.getByRole('dialog', { name: 'Reschedule “Confirm the delivery date”' })
    await dialog.waitFor({ state: 'visible' })
    const newDate = daysAhead(6)
    await dialog.getByLabel('New promised date', { exact: true }).fill(localInput(newDate))
    const told = dialog.getByRole('checkbox', { name: 'Did you tell the client?', exact: true })
    expect(await told.isChecked()).toBe(false)
    await told.check()
    await dialog.getByRole('button', { name: 'Reschedule', exact: true }).click()
    await dialog.waitFor({ state: 'detached' })

    const moved = card(page, 'Confirm the delivery date', 'Promised')
    await moved.waitFor({ state: 'visible' })
    // The card's history says the client heard about it.
    await moved.getByRole('button', { name: 'Confirm the delivery date', exact: true }).click()
    const details = page.getByRole('dialog', { name: 'Confirm the delivery date' })
    await details.getByRole('list', { name: 'History' }).getByText(/client was told$/).waitFor()
    expect(await details.getByRole('list', { name: 'History' }).getByText(/client not told$/).count()).toBe(0)

    const stored = await serviceCard(app, 'Confirm the delivery date')
    const rescheduled = stored.history.filter((event) => event.type === 'rescheduled')
    expect(rescheduled).toHaveLength(1)
    expect(rescheduled[0]).toMatchObject({ toldClient: true, to: { dueAt: newDate.toISOString() } })
    expect(stored.dueAt).toBe(newDate.toISOString())
  })

  it('snoozing a Due card for an hour moves it out of Due into Promised, marked snoozed', async () => {
    const { page, app } = suite
    await createOverHttp(app, dueDraft('Check in: did the quote arrive?'))
    const due = card(page, 'Check in: did the quote arrive?', 'Due')
    await due.getByRole('button', { name: 'Snooze', exact: true }).click()
    const before = Date.now()
    await page.getByRole('menu', { name: 'Snooze “Check in: did the quote arrive?”' }).getByRole('menuitem', { name: '1 hour' }).click()

    const snoozed = card(page, 'Check in: did the quote arrive?', 'Promised')
    await snoozed.waitFor({ state: 'visible' })
    await snoozed.getByText('Snoozed', { exact: true }).waitFor()
    expect(await card(page, 'Check in: did the quote arrive?', 'Due').count()).toBe(0)
    const stored = await serviceCard(app, 'Check in: did the quote arrive?')
    const until = Date.parse(stored.snoozedUntil!)
    expect(until).toBeGreaterThanOrEqual(before + 59 * MINUTE)
    expect(until).toBeLessThanOrEqual(Date.now() + 61 * MINUTE)
  })

  it('a card whose promise passes moves from Due to Overdue by itself, without a reload', { timeout: 90_000 }, async () => {
    const { page, app } = suite
    const reloads: string[] = []
    page.on('framenavigated', (frame) => frame === page.mainFrame() && reloads.push(frame.url()))
    // Promised in a few seconds, own target sooner: Due now (or right after the target), Overdue soon.
    const dueAt = Date.now() + 8_000
    await createOverHttp(app, { title: 'Send the quote', client: CLIENT, channel: 'email', dueAt: new Date(dueAt).toISOString(), targetAt: new Date(dueAt - 3_000).toISOString() })
    const open = page.getByRole('article', { name: 'Send the quote', exact: true })
    await open.waitFor({ state: 'visible' })
    const before = await open.evaluate((element) => element.closest('[role="region"]')?.getAttribute('aria-labelledby'))
    // Seen before the deadline: in an open column, not yet Overdue.
    if (Date.now() < dueAt) expect(before).not.toBe('column-overdue')

    const overdue = card(page, 'Send the quote', 'Overdue')
    await overdue.waitFor({ state: 'visible', timeout: 60_000 })
    await overdue.getByText(/^late by /).waitFor()
    expect(await card(page, 'Send the quote').count()).toBe(1)
    expect(reloads).toEqual([])
    expect((await serviceCard(app, 'Send the quote')).column).toBe('overdue')
  })

  it('the board follows the system colour scheme, light and dark', async () => {
    const { page, app } = suite
    await createOverHttp(app, dueDraft('Call back about the demo'))
    await card(page, 'Call back about the demo', 'Due').waitFor({ state: 'visible' })
    /** Relative luminance (0 black … 1 white) of a computed colour of the Due column. */
    const luminance = async (property: 'color' | 'backgroundColor') => {
      const rgb = await region(page, 'Due').evaluate((element, name) => element.ownerDocument.defaultView!.getComputedStyle(element)[name], property)
      const [r, g, b] = rgb.match(/\d+/g)!.map(Number)
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255
    }
    // Dark text on a light panel, then light text on a dark panel.
    await page.emulateMedia({ colorScheme: 'light' })
    expect(await luminance('backgroundColor')).toBeGreaterThan(0.8)
    expect(await luminance('color')).toBeLessThan(0.3)
    await page.emulateMedia({ colorScheme: 'dark' })
    expect(await luminance('backgroundColor')).toBeLessThan(0.2)
    expect(await luminance('color')).toBeGreaterThan(0.7)
  })

  it('the service and the page agree on every column after a sequence of moves', async () => {
    const { page, app } = suite
    await createOverHttp(app, promisedDraft('Book the next meeting'))
    await createOverHttp(app, dueDraft('Call back about the demo'))
    await card(page, 'Call back about the demo', 'Due').waitFor({ state: 'visible' })
    await moveWithKeyboard(page, 'Book the next meeting', 'Promised', ['ArrowRight'], 'Due', 'will be planned for today')
    await card(page, 'Book the next meeting', 'Due').waitFor({ state: 'visible' })
    // One press right from Due skips Overdue (never a target) and lands on Done.
    await moveWithKeyboard(page, 'Call back about the demo', 'Due', ['ArrowRight'], 'Done', 'will be marked done')
    await card(page, 'Call back about the demo', 'Done').waitFor({ state: 'visible' })

    const board = await serviceBoard(app)
    const titles = (cards: Card[]) => cards.map((c) => c.title)
    expect(titles(board.columns.due)).toEqual(['Book the next meeting'])
    expect(titles(board.columns.done)).toEqual(['Call back about the demo'])
    for (const [column, name] of [['promised', 'Promised'], ['due', 'Due'], ['overdue', 'Overdue'], ['done', 'Done']] as const) {
      const shown = await region(page, name).getByRole('article').evaluateAll((articles) => articles.map((a) => a.getAttribute('aria-label')))
      expect(shown, name).toEqual(titles(board.columns[column]))
    }
  })
})

describe.skipIf(!chromiumPath)('the compact board at 1280×800', () => {
  const suite = useBrowserMode('board-compact', chromiumPath!, { context: { viewport: { width: 1280, height: 800 } } })

  it('a column shows at least 8 compact cards', async () => {
    const { page, app } = suite
    for (let i = 0; i < 12; i++) await createOverHttp(app, { ...promisedDraft(`Send proposal ${i + 1}`), dueAt: inMs((3 + i) * DAY) })
    await card(page, 'Send proposal 12', 'Promised').waitFor({ state: 'attached' })
    await card(page, 'Send proposal 1', 'Promised').waitFor({ state: 'visible' })
    // Cards wholly on screen: inside the viewport and inside the column's scroll area.
    const whollyShown = await region(page, 'Promised').evaluate((column) => {
      const area = column.querySelector('.column__scroll')!.getBoundingClientRect()
      const bottom = Math.min(area.bottom, column.ownerDocument.defaultView!.innerHeight)
      return [...column.querySelectorAll('article')].filter((article) => {
        const box = article.getBoundingClientRect()
        return box.top >= area.top - 1 && box.bottom <= bottom + 1
      }).length
    })
    expect(whollyShown).toBeGreaterThanOrEqual(8)
  })
})

describe.skipIf(!chromiumPath)('a long column', () => {
  const COUNT = 3_000
  /** 3,000 open promises, one an hour from two days on, with no checklists: every card is one compact height. */
  const seed = async (dataDir: string) => {
    const data = emptyData()
    const start = Date.now() + 2 * DAY
    data.followUps = Array.from({ length: COUNT }, (_, i) => {
      const { completedAt: _done, ...open } = makeFollowUp(i)
      const dueAt = start + i * 60 * MINUTE
      return { ...open, title: `Promise ${String(i + 1).padStart(4, '0')}`, dueAt: new Date(dueAt).toISOString(), targetAt: new Date(dueAt - 12 * 60 * MINUTE).toISOString(), allDay: false, checklist: [], notifiedAt: {} }
    })
    await writeFile(join(dataDir, 'follow-through.json'), JSON.stringify(data))
  }
  const suite = useBrowserMode('board-long', chromiumPath!, { seed })

  it('jumps to the bottom at once: the view sends the last cards, and only what is on screen is rendered', async () => {
    const { page } = suite
    const promised = region(page, 'Promised')
    await promised.getByLabel(`${COUNT} follow-ups`, { exact: true }).waitFor()
    await card(page, 'Promise 0001', 'Promised').waitFor({ state: 'visible' })
    await promised.locator('.column__scroll').evaluate((scroller) => (scroller.scrollTop = scroller.scrollHeight))
    await card(page, `Promise ${COUNT}`, 'Promised').waitFor({ state: 'visible' })
    expect(await card(page, 'Promise 0001').count()).toBe(0)
    expect(await promised.getByRole('article').count()).toBeLessThan(40)
    // And back to the top: the first cards come again.
    await promised.locator('.column__scroll').evaluate((scroller) => (scroller.scrollTop = 0))
    await card(page, 'Promise 0001', 'Promised').waitFor({ state: 'visible' })
  })
})
