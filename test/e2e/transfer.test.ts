import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { serviceBoard, serviceCard } from './support/api'
import { card } from './support/board'
import { chromiumForTests } from './support/chromium'
import { useBrowserMode } from './support/suite'

const chromiumPath = chromiumForTests()
const DAY = 24 * 3_600_000

/** A local date `days` from now, as a spreadsheet would write it. */
const isoDay = (days: number) => {
  const d = new Date(Date.now() + days * DAY)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

const csvFile = (text: string) => ({ name: 'leads.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') })

describe.skipIf(!chromiumPath)('import and export in browser mode', () => {
  const suite = useBrowserMode('transfer', chromiumPath!, { context: { acceptDownloads: true } })

  const openDialog = async () => {
    await suite.page.getByRole('button', { name: 'Import / export', exact: true }).click()
    return suite.page.getByRole('dialog', { name: 'Import / export' })
  }

  it('lists the rows it will skip, offers them as a file, and imports the good ones; a valid file adds every card', async () => {
    const { page } = suite
    let dialog = await openDialog()
    const malformed = `Title,Client,Promised by\nSend the price list,Jenny Rivera,${isoDay(5)}\n,Tom Brill,someday\n`
    await dialog.getByLabel('CSV file').setInputFiles(csvFile(malformed))
    await dialog.getByRole('table', { name: 'Column mapping' }).waitFor()
    expect(await dialog.getByLabel('Promised by *').inputValue()).toBe('2')
    const skipped = dialog.getByRole('list', { name: 'Skipped rows' })
    await skipped.waitFor()
    expect(await skipped.getByRole('listitem').allTextContents()).toEqual(['Row 3: Title is empty.'])
    const downloading = page.waitForEvent('download')
    await dialog.getByRole('button', { name: 'Download skipped rows' }).click()
    const download = await downloading
    expect(download.suggestedFilename()).toBe('leads-skipped.csv')
    expect((await readFile((await download.path())!, 'utf8')).replace(/^\ufeff/, '')).toBe('Title,Client,Promised by,Problem\r\n,Tom Brill,someday,Title is empty.')
    expect(await page.getByRole('article').count()).toBe(0)
    await dialog.getByRole('button', { name: 'Import the 1 good row, skip 1' }).click()
    await card(page, 'Send the price list').waitFor()
    await page.getByRole('status').filter({ hasText: 'Imported 1 follow-up from leads.csv. Skipped 1 row with a problem.' }).waitFor()

    dialog = await openDialog()
    const valid = `Task,Contact,Company,Deadline,Amount\nSend the proposal,Jenny Rivera,Acme Corp,${isoDay(5)} 16:00,$2500\nBook the demo,Tom Brill,,${isoDay(9)},\n`
    await dialog.getByLabel('CSV file').setInputFiles(csvFile(valid))
    await dialog.getByRole('table', { name: 'First rows' }).waitFor()
    expect(await dialog.getByRole('table', { name: 'First rows' }).getByRole('row').count()).toBe(3)
    await dialog.getByRole('button', { name: 'Import 2 rows' }).click()
    await card(page, 'Send the proposal').waitFor()
    await card(page, 'Book the demo').waitFor()
    await page.getByRole('status').filter({ hasText: 'Imported 2 follow-ups from leads.csv.' }).waitFor()
  })

  it.each([
    ['pipedrive-activities.csv', 'Pipedrive activities', 4, 'Send the signed contract'],
    ['hubspot-tasks.csv', 'HubSpot tasks', 3, 'Confirm the delivery'],
  ] as const)('imports a real %s export, then skips all of it as duplicates the second time', async (name, source, good, doneTitle) => {
    const { page, app } = suite
    const file = { name, mimeType: 'text/csv', buffer: await readFile(join(import.meta.dirname, '../fixtures/crm', name)) }
    let dialog = await openDialog()
    await dialog.getByLabel('CSV file').setInputFiles(file)
    await dialog.getByText(`Recognised a ${source} export.`, { exact: false }).waitFor()
    await dialog.getByRole('button', { name: `Import the ${good} good rows, skip 1` }).click()
    await page.getByRole('status').filter({ hasText: `Imported ${good} follow-ups from ${name} (1 already done). Skipped 1 row with a problem.` }).waitFor()
    await card(page, 'Send the proposal', 'Promised').waitFor()
    expect(await card(page, 'Send the proposal').textContent()).toContain('Jenny Rivera')
    // Completed in the CRM: straight to Done.
    expect(await serviceCard(app, doneTitle)).toMatchObject({ column: 'done' })
    const cards = (await serviceBoard(app)).columns

    dialog = await openDialog()
    await dialog.getByLabel('CSV file').setInputFiles(file)
    const summary = dialog.getByRole('status', { name: 'What will be imported' })
    await summary.filter({ hasText: /already on the board/ }).waitFor()
    expect(await summary.textContent()).toMatch(new RegExp(`^0 rows to import; ${good} already on the board, skipped; 1 row with problems, skipped:`))
    expect(await dialog.getByRole('button', { name: 'Nothing new to import' }).isDisabled()).toBe(true)
    expect((await serviceBoard(app)).columns).toEqual(cards)
  })

  it('downloads the data as JSON and the open follow-ups as a calendar', async () => {
    const { page, dataDir } = suite
    const dialog = await openDialog()
    await dialog.getByLabel('CSV file').setInputFiles(csvFile(`Title,Client,Promised by\nSend the proposal,Jenny Rivera,${isoDay(5)}\n`))
    await dialog.getByRole('button', { name: 'Import 1 row' }).click()
    await card(page, 'Send the proposal').waitFor()

    const again = await openDialog()
    let downloading = page.waitForEvent('download')
    await again.getByRole('button', { name: 'Export JSON' }).click()
    let download = await downloading
    expect(download.suggestedFilename()).toMatch(/^follow-through-export-\d{4}-\d{2}-\d{2}\.json$/)
    const data = JSON.parse(await readFile((await download.path())!, 'utf8'))
    expect(data.followUps.map((f: { title: string }) => f.title)).toEqual(['Send the proposal'])

    downloading = page.waitForEvent('download')
    await again.getByRole('button', { name: 'Export calendar (ICS)' }).click()
    download = await downloading
    expect(download.suggestedFilename()).toMatch(/\.ics$/)
    const ics = await readFile((await download.path())!, 'utf8')
    // Read back as a calendar app would: one all-day event (the CSV row had a date only), same UID as the follow-up.
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))
    expect(events.map((e) => [e.summary, e.uid, e.startDate.isDate])).toEqual([['Send the proposal', `${data.followUps[0].id}@follow-through`, true]])

    // Importing the export back (merge) changes nothing.
    await again.getByLabel('JSON file').setInputFiles({ name: 'export.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(data)) })
    await again.getByRole('button', { name: 'Import JSON…' }).click()
    await again.getByRole('button', { name: 'Merge', exact: true }).click()
    await page.getByRole('status').filter({ hasText: 'Imported export.json: 0 added, 0 updated, 1 unchanged.' }).waitFor()
    expect(JSON.parse(await readFile(join(dataDir, 'follow-through.json'), 'utf8')).followUps).toHaveLength(1)
  })
})
