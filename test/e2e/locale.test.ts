import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createFollowUp } from '../../electron/core/commands'
import { emptyData } from '../../electron/core/schema'
import { callApi } from './support/api'
import { card, waitForBoard } from './support/board'
import { chromiumForTests } from './support/chromium'
import { useBrowserMode } from './support/suite'

const chromiumPath = chromiumForTests()

/**
 * A promise due at 16:30 local time three days from now (browser, server and this
 * test share the zone), worth $2,500, on a board in comfortable density (the
 * compact card leaves the value to the details).
 */
async function seedAfternoonPromise(dataDir: string): Promise<void> {
  const due = new Date()
  due.setDate(due.getDate() + 3)
  due.setHours(16, 30, 0, 0)
  const { data } = createFollowUp(
    emptyData(),
    { title: 'Send the proposal', client: { name: 'Jenny Rivera' }, dueAt: due.toISOString(), value: { amount: 2500, currency: 'USD' } },
    new Date(),
    'p1',
  )
  await writeFile(join(dataDir, 'follow-through.json'), JSON.stringify({ ...data, settings: { ...data.settings, density: 'comfortable' } }))
}

describe.skipIf(!chromiumPath)('dates and amounts in the system locale, in browser mode', () => {
  // The suite's browser is en-US: its navigator.language is the system locale.
  const suite = useBrowserMode('locale', chromiumPath!, { seed: seedAfternoonPromise })

  it('shows a US board on the 12-hour clock with dollar amounts', async () => {
    const text = await card(suite.page, 'Send the proposal').textContent()
    expect(text).toContain('4:30 PM')
    expect(text).toContain('$2,500.00')
    expect(text).not.toContain('16:30')
  })

  it('shows a British board on the 24-hour clock, day before month', async () => {
    const context = await suite.context.browser()!.newContext({ locale: 'en-GB' })
    try {
      const page = await context.newPage()
      await page.goto(suite.app.url)
      await waitForBoard(page)
      const text = (await card(page, 'Send the proposal').textContent()) ?? ''
      expect(text).toContain('16:30')
      expect(text).not.toContain('PM')
      expect(text).toMatch(/\b\d{1,2} [A-Z][a-z]{2}( \d{4})?, 16:30/)
      expect(text).toContain('US$2,500.00')
    } finally {
      await context.close()
    }
  })

  it('follows the locale chosen in Settings over the system’s', async () => {
    const { page, app } = suite
    expect(await callApi(app, 'updateSettings', { locale: 'de-DE' })).toMatchObject({ ok: true })
    await page.reload()
    await waitForBoard(page)
    const text = (await card(page, 'Send the proposal').textContent()) ?? ''
    expect(text).toMatch(/\d{1,2}\. [A-Z][a-z]+\.?( \d{4})?, 16:30/)
    expect(text.replace(/\u00a0/g, ' ')).toContain('2.500,00 $')
    expect(text).not.toContain('PM')
  })
})
