import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
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

  it('refuses a malformed CSV with a clear error and adds nothing; a valid one adds cards', async () => {
    const { page } = suite
    let dialog = await openDialog()
    const malformed = `Title,Client,Promised by\nSend the proposal,Jenny Rivera,${isoDay(5)}\n,Tom Brill,someday\n`
    await dialog.getByLabel('CSV file').setInputFiles(csvFile(malformed))
    await dialog.getByRole('table', { name: 'Column mapping' }).waitFor()
    expect(await dialog.getByLabel('Promised by *').inputValue()).toBe('2')
    await dialog.getByRole('button', { name: 'Import 2 rows' }).click()
    const alert = dialog.getByRole('alert')
    await alert.waitFor()
    expect(await alert.textContent()).toMatch(/Nothing was imported: 1 row has problems/)
    expect(await alert.getByRole('listitem').allTextContents()).toEqual(['Row 3: Title is empty.'])
    expect(await page.getByRole('article').count()).toBe(0)
    await dialog.getByRole('button', { name: 'Close' }).click()

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
    expect(ics).toContain('SUMMARY:Send the proposal')
    expect(ics).toContain(`UID:${data.followUps[0].id}@follow-through`)

    // Importing the export back (merge) changes nothing.
    await again.getByLabel('JSON file').setInputFiles({ name: 'export.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(data)) })
    await again.getByRole('button', { name: 'Import JSON…' }).click()
    await again.getByRole('button', { name: 'Merge', exact: true }).click()
    await page.getByRole('status').filter({ hasText: 'Imported export.json: 0 added, 0 updated, 1 unchanged.' }).waitFor()
    expect(JSON.parse(await readFile(join(dataDir, 'follow-through.json'), 'utf8')).followUps).toHaveLength(1)
  })
})
