import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import Papa from 'papaparse'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { Data, emptyData, type FollowUp } from '../../electron/core/schema'
import { aFollowUp } from '../fixtures/followUps'
import { chromiumForTests } from './support/chromium'
import { useBrowserMode } from './support/suite'

const chromiumPath = chromiumForTests()
const HOUR = 3_600_000
const DAY = 24 * HOUR
const BRILL = 'Brill, "The Big" & Co'

/**
 * A seller's last week, relative to the real clock (browser mode runs on it):
 * 2 early, 1 on time, 1 renegotiated with notice, 1 missed silently, 1 at risk.
 */
function seededHistory(now: number): Data {
  const at = (offset: number) => new Date(now + offset).toISOString()
  const promise = (id: string, client: string, overrides: Partial<FollowUp>) =>
    aFollowUp({ id, title: id, client: { name: client }, createdAt: at(-10 * DAY), history: [{ type: 'created', at: at(-10 * DAY) }], ...overrides })
  const data = emptyData()
  data.followUps = [
    promise('Early proposal', 'Acme Corp', { targetAt: at(-3 * DAY), dueAt: at(-2 * DAY), completedAt: at(-4 * DAY) }),
    promise('Early price sheet', 'Acme Corp', { targetAt: at(-DAY), dueAt: at(-12 * HOUR), completedAt: at(-2 * DAY) }),
    promise('On-time contract', BRILL, { targetAt: at(-2 * DAY), dueAt: at(-DAY), completedAt: at(-DAY - HOUR) }),
    promise('Renegotiated demo', BRILL, {
      targetAt: at(4 * DAY),
      dueAt: at(5 * DAY),
      history: [
        { type: 'created', at: at(-10 * DAY) },
        { type: 'rescheduled', at: at(-3 * DAY), from: { dueAt: at(-2 * DAY), targetAt: at(-3 * DAY) }, to: { dueAt: at(5 * DAY), targetAt: at(4 * DAY) }, toldClient: true },
      ],
    }),
    promise('Missed quote', 'Cole Ltd', { targetAt: at(-2 * DAY), dueAt: at(-DAY), value: { amount: 5_000, currency: 'EUR' } }),
    promise('At-risk references', 'Cole Ltd', { targetAt: at(-HOUR), dueAt: at(2 * DAY), value: { amount: 800, currency: 'EUR' } }),
  ]
  return Data.parse(data)
}

const stat = (page: Page, name: string) => page.getByRole('dialog', { name: 'Scorecard' }).locator('dt', { hasText: name }).locator('xpath=following-sibling::dd')

describe.skipIf(!chromiumPath)('the scorecard in browser mode', () => {
  const suite = useBrowserMode('scorecard', chromiumPath!, { context: { acceptDownloads: true }, seed: (dir) => writeFile(join(dir, 'follow-through.json'), JSON.stringify(seededHistory(Date.now()))) })

  it('shows the seeded outcomes, kept rate and money at stake, and downloads them as CSV', async () => {
    const { page } = suite
    await page.getByRole('button', { name: 'Scorecard', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Scorecard' })
    await dialog.getByRole('table', { name: 'Outcomes per client' }).waitFor()

    expect(await stat(page, 'Kept rate').textContent()).toBe('60%')
    expect(await stat(page, 'Early').textContent()).toBe('2')
    expect(await stat(page, 'On time').textContent()).toBe('1')
    expect(await stat(page, 'Renegotiated').textContent()).toBe('1')
    expect(await stat(page, 'Missed').textContent()).toBe('1')
    expect(await stat(page, 'Median margin').textContent()).toBe('1 day 12 h early')
    expect(await stat(page, 'Overdue (1)').textContent()).toMatch(/5,000/)
    expect(await stat(page, 'At risk (1)').textContent()).toMatch(/800/)

    const brill = dialog.getByRole('table', { name: 'Outcomes per client' }).getByRole('row', { name: /Brill/ })
    expect(await brill.getByRole('cell').allTextContents()).toEqual(['0', '1', '1', '0', '2', '50%'])
    await expect.poll(() => dialog.getByRole('img', { name: /Outcomes per week/ }).locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0)

    const downloading = page.waitForEvent('download')
    await dialog.getByRole('button', { name: 'Download CSV' }).click()
    const download = await downloading
    expect(download.suggestedFilename()).toMatch(/^follow-through-scorecard-\d{4}-\d{2}-\d{2}\.csv$/)
    const csv = await readFile((await download.path())!, 'utf8')
    const rows = Papa.parse<string[]>(csv.replace(/^\ufeff/, ''), { skipEmptyLines: true }).data
    expect(rows[1]).toEqual(['Total', 'All promises', '', '2', '1', '1', '1', '5', '60.0'])
    expect(rows.filter((row) => row[0] === 'Client').map((row) => row.slice(1))).toEqual([
      ['Acme Corp', '', '2', '0', '0', '0', '2', '100.0'],
      [BRILL, '', '0', '1', '1', '0', '2', '50.0'],
      ['Cole Ltd', '', '0', '0', '0', '1', '1', '0.0'],
    ])
  })
})
