import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createOverHttp, serviceBoard, serviceCard } from './support/api'
import { card, columnForNewPromise, quickAdd, region } from './support/board'
import { chromiumForTests } from './support/chromium'
import { useBrowserMode } from './support/suite'

const chromiumPath = chromiumForTests()

const DAY = 24 * 60 * 60_000

/** Today plus `days`, at `hour`:00 local time. */
function daysAhead(days: number, hour: number): Date {
  const date = new Date()
  date.setDate(date.getDate() + days)
  date.setHours(hour, 0, 0, 0)
  return date
}

/** How the preview spells a date and time in a locale (the same Intl options as the renderer). */
const spelled = (locale: string, date: Date) =>
  new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' }).format(date)

/** The preview under Quick add: what a screen reader reads with the box. */
const preview = (page: Page) => page.locator('.quick-add__preview')

/** Types a line and presses Enter; resolves with the service's answer to the save. */
async function enterAndSave(page: Page) {
  const response = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/quickAdd')
  await quickAdd(page).press('Enter')
  return (await (await response).json()) as { ok: boolean }
}

describe.skipIf(!chromiumPath)('quick add in the browser (en-US)', () => {
  const suite = useBrowserMode('quick-add', chromiumPath!)

  it('asks before saving an unsure reading, lists the readings, and Enter saves the highlighted one', async () => {
    const { page, app } = suite
    await quickAdd(page).fill('Call Ron Swanson at 8 tomorrow')
    await preview(page).getByText(/Check before saving/).waitFor()
    const choices = page.getByRole('listbox', { name: 'Which date?' }).getByRole('option')
    expect(await choices.allTextContents()).toEqual([spelled('en-US', daysAhead(1, 8)), spelled('en-US', daysAhead(1, 20))])
    // Nothing is saved while the question is open.
    expect((await serviceBoard(app)).columns.promised).toEqual([])

    await quickAdd(page).press('ArrowDown')
    expect(await choices.nth(1).getAttribute('aria-selected')).toBe('true')
    expect((await enterAndSave(page)).ok).toBe(true)
    await card(page, 'Call Ron Swanson', columnForNewPromise(daysAhead(1, 20))).waitFor()
    expect((await serviceCard(app, 'Call Ron Swanson')).dueAt).toBe(daysAhead(1, 20).toISOString())
  })

  it('completes the client from known clients in the New follow-up form and fills in the rest', async () => {
    const { page, app } = suite
    const client = { name: 'Jenny Rivera', company: 'Acme Corp', phone: '248-867-5309', email: 'jenny@acme.example' }
    await createOverHttp(app, { title: 'Send the proposal', client, dueAt: new Date(Date.now() + 5 * DAY).toISOString() })
    await card(page, 'Send the proposal').waitFor()

    await page.getByRole('button', { name: 'New follow-up', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'New follow-up' })
    const field = (label: string) => dialog.getByLabel(label, { exact: true })
    await field('Title').fill('Book the demo')
    await field('Client').pressSequentially('jen')
    await dialog.getByRole('listbox', { name: 'Known clients' }).getByRole('option', { name: /Jenny Rivera/ }).waitFor()
    await field('Client').press('ArrowDown')
    await field('Client').press('Enter')
    expect(await Promise.all(['Client', 'Company', 'Phone', 'Email'].map((label) => field(label).inputValue()))).toEqual([
      client.name,
      client.company,
      client.phone,
      client.email,
    ])

    // The promised date typed in words next to the picker.
    await field('Promised by in words').fill('in 2 weeks 4pm')
    await dialog.getByText(spelled('en-US', daysAhead(14, 16))).waitFor()
    await dialog.getByRole('button', { name: 'Add follow-up' }).click()
    await card(page, 'Book the demo').waitFor()
    const saved = await serviceCard(app, 'Book the demo')
    expect(saved.client).toEqual(client)
    expect(saved.dueAt).toBe(daysAhead(14, 16).toISOString())
  })

  it('takes a date typed in words in the reschedule dialog', async () => {
    const { page, app } = suite
    const title = 'Confirm the delivery date'
    await createOverHttp(app, { title, client: { name: 'Dana Whitaker' }, dueAt: new Date(Date.now() + 3 * DAY).toISOString(), targetAt: new Date(Date.now() - 60_000).toISOString() })
    // A keyboard move from Due back to Promised asks for the new promised date.
    const handle = card(page, title, 'Due').getByRole('button', { name: `Move “${title}”`, exact: true })
    const announced = (text: string) => page.locator('[id^="DndLiveRegion"]').getByText(text, { exact: true }).waitFor({ state: 'attached' })
    await handle.focus()
    await page.keyboard.press('Space')
    await announced(`${title} is over Due: it stays where it is.`)
    // dnd-kit listens for arrows only after a timer queued by that Space: one queued now runs after it.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve)))
    await page.keyboard.press('ArrowLeft')
    await announced(`${title} is over Promised: it will ask for a new promised date.`)
    await page.keyboard.press('Space')

    const dialog = page.getByRole('dialog', { name: `Reschedule “${title}”` })
    await dialog.getByLabel('New promised date in words', { exact: true }).fill('in 10 days at 3')
    await dialog.getByText(spelled('en-US', daysAhead(10, 15))).waitFor()
    expect(await dialog.getByLabel('New promised date', { exact: true }).inputValue()).toMatch(/T15:00$/)
    await dialog.getByRole('checkbox', { name: 'Did you tell the client?' }).check()
    await dialog.getByRole('button', { name: 'Reschedule', exact: true }).click()
    await card(page, title, 'Promised').waitFor()
    expect((await serviceCard(app, title)).dueAt).toBe(daysAhead(10, 15).toISOString())
  })
})

describe.skipIf(!chromiumPath)('quick add on a German board', () => {
  const suite = useBrowserMode('quick-add-de', chromiumPath!, { context: { locale: 'de-DE' } })

  it('reads German and shows the date the German way', async () => {
    const { page, app } = suite
    const due = daysAhead(1, 16)
    await quickAdd(page).fill('Klaus Weber morgen 16 Uhr anrufen')
    await preview(page).getByText(`“Klaus Weber anrufen” for Klaus Weber, promised by ${spelled('de-DE', due)}`).waitFor()
    expect((await enterAndSave(page)).ok).toBe(true)
    await region(page, columnForNewPromise(due)).getByRole('article', { name: 'Klaus Weber anrufen' }).waitFor()
    expect((await serviceCard(app, 'Klaus Weber anrufen')).dueAt).toBe(due.toISOString())
  })
})

describe.skipIf(!chromiumPath)('quick add on a British board', () => {
  const suite = useBrowserMode('quick-add-gb', chromiumPath!, { context: { locale: 'en-GB' } })

  it('reads 3/12 day first and shows the date the British way', async () => {
    const { page, app } = suite
    // A day soon whose day and month differ and could be swapped: day first is the only right reading.
    let days = 3
    while (daysAhead(days, 14).getDate() > 12 || daysAhead(days, 14).getDate() === daysAhead(days, 14).getMonth() + 1) days++
    const due = daysAhead(days, 14)
    await quickAdd(page).fill(`Call Nigel Thornberry ${due.getDate()}/${due.getMonth() + 1} at 2pm`)
    await preview(page).getByText(`“Call Nigel Thornberry” for Nigel Thornberry, promised by ${spelled('en-GB', due)}`).waitFor()
    expect((await enterAndSave(page)).ok).toBe(true)
    await card(page, 'Call Nigel Thornberry').waitFor()
    expect((await serviceCard(app, 'Call Nigel Thornberry')).dueAt).toBe(due.toISOString())
  })
})
