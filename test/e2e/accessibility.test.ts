import { readFile, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createFollowUp } from '../../electron/core/commands'
import { Data, emptyData } from '../../electron/core/schema'
import { card, waitForBoard } from './support/board'
import { chromiumForTests } from './support/chromium'
import { useBrowserMode } from './support/suite'

const chromiumPath = chromiumForTests()
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
const HOUR = 3_600_000
const DAY = 24 * HOUR

/**
 * A board with a card in every state the eye must tell apart: promised, due and at
 * risk, overdue (so the away panel shows too), done; with amounts and a checklist.
 */
async function seedEveryState(dataDir: string): Promise<void> {
  const now = Date.now()
  const at = (offset: number) => new Date(now + offset).toISOString()
  let data = emptyData()
  const add = (id: string, title: string, client: string, draft: { dueAt: string; targetAt?: string; checklist?: string[] }, madeAgo = 4 * DAY) => {
    data = createFollowUp(data, { title, client: { name: client, email: `${id}@example.com` }, value: { amount: 2500, currency: 'EUR' }, ...draft }, new Date(now - madeAgo), id).data
  }
  add('promised', 'Send the proposal', 'Jenny Rivera', { dueAt: at(5 * DAY), checklist: ['Which plan?'] })
  add('at-risk', 'Send the price list', 'Acme Corp', { dueAt: at(3 * HOUR), targetAt: at(-HOUR) })
  add('overdue', 'Call about the contract', 'Cole Ltd', { dueAt: at(-3 * HOUR) })
  add('done', 'Book the demo', 'Tom Brill', { dueAt: at(2 * DAY) })
  data.followUps = data.followUps.map((f) =>
    f.id === 'done' ? { ...f, completedAt: at(-HOUR), history: [...f.history, { type: 'completed' as const, at: at(-HOUR) }] } : f,
  )
  await writeFile(join(dataDir, 'follow-through.json'), JSON.stringify(Data.parse(data)))
}

interface Finding {
  id: string
  impact: string
  help: string
  targets: string[]
}

/** The part of axe-core's API used here (it runs in the page, so its own types are not imported). */
type AxeInPage = { run(context: string, options: object): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> }

/** axe-core's serious and critical findings on the page as it is now (WCAG 2.x A and AA, and axe's best practices). */
async function seriousFindings(page: Page): Promise<Finding[]> {
  // Evaluated through the DevTools protocol: the page's Content-Security-Policy (script-src 'self') stays as it is.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(await readFile(AXE_PATH, 'utf8'))
  return page.evaluate(async () => {
    const { axe } = globalThis as unknown as { axe: AxeInPage }
    const { violations } = await axe.run('html', { resultTypes: ['violations'] })
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }))
  })
}

/** What the eye sees in each place: the board, every dialog, the scorecard. Each opens its view and returns it (null: the board itself). */
type View = { name: string; open(page: Page): Promise<Locator | null> }

/** The one open dialog (their titles belong to the dialogs; what matters here is what is in them). */
const dialog = (page: Page) => page.getByRole('dialog')

async function cardAction(page: Page, title: string, action: string): Promise<void> {
  const article = card(page, title)
  await article.hover()
  await article.getByRole('button', { name: action, exact: true }).click()
}

async function moreAction(page: Page, title: string, action: string): Promise<void> {
  const article = card(page, title)
  await article.hover()
  await article.getByRole('button', { name: new RegExp(`^More`) }).click()
  await article.getByRole('button', { name: action, exact: true }).click()
}

const VIEWS: View[] = [
  { name: 'the board', open: async () => null },
  {
    name: 'New follow-up',
    open: async (page) => {
      await page.getByRole('button', { name: 'New follow-up', exact: true }).click()
      return dialog(page)
    },
  },
  {
    name: 'Settings',
    open: async (page) => {
      await page.getByRole('button', { name: 'Settings', exact: true }).click()
      const settings = dialog(page)
      // Wait until the settings have loaded into the form.
      await settings.getByRole('button', { name: 'Save settings' }).waitFor()
      return settings
    },
  },
  {
    name: 'the scorecard',
    open: async (page) => {
      await page.getByRole('button', { name: 'Scorecard', exact: true }).click()
      const scorecard = dialog(page)
      await scorecard.getByRole('table', { name: 'Outcomes per client' }).waitFor()
      return scorecard
    },
  },
  {
    name: 'Import / export, with a CSV mapped and checked',
    open: async (page) => {
      await page.getByRole('button', { name: 'Import / export', exact: true }).click()
      const transfer = dialog(page)
      const text = 'Title,Client,Promised by\nSend it,Jenny,2031-01-01\n,Tom,2031-01-02\n'
      await transfer.getByLabel('CSV file').setInputFiles({ name: 'leads.csv', mimeType: 'text/csv', buffer: Buffer.from(text) })
      await transfer.getByRole('list', { name: 'Skipped rows' }).waitFor()
      return transfer
    },
  },
  {
    name: 'Edit',
    open: async (page) => {
      await cardAction(page, 'Send the proposal', 'Edit')
      return dialog(page)
    },
  },
  {
    name: 'the card’s details and history',
    open: async (page) => {
      await card(page, 'Book the demo').getByRole('button', { name: 'Book the demo', exact: true }).click()
      return dialog(page)
    },
  },
  {
    name: 'Send heads-up',
    open: async (page) => {
      await cardAction(page, 'Send the price list', 'Send heads-up')
      const headsUp = dialog(page)
      await headsUp.getByRole('textbox').first().waitFor()
      return headsUp
    },
  },
  {
    name: 'Log contact',
    open: async (page) => {
      await moreAction(page, 'Send the proposal', 'Log contact')
      return dialog(page)
    },
  },
  {
    name: 'Deal won',
    open: async (page) => {
      await moreAction(page, 'Send the proposal', 'Deal won')
      return dialog(page)
    },
  },
  {
    name: 'Reschedule from the away panel',
    open: async (page) => {
      await page.getByRole('region', { name: 'While you were away', exact: true }).getByRole('button', { name: /^Reschedule/ }).first().click()
      return dialog(page)
    },
  },
  {
    name: 'the snooze menu',
    open: async (page) => {
      await cardAction(page, 'Send the proposal', 'Snooze')
      await page.getByRole('menu').waitFor()
      return page.getByRole('menu')
    },
  },
]

describe.skipIf(!chromiumPath)('accessibility (axe-core) in browser mode', () => {
  const suite = useBrowserMode('accessibility', chromiumPath!, { seed: seedEveryState })

  it.each(['light', 'dark'] as const)('finds nothing serious or critical on the board, in every dialog and the scorecard, %s', async (colorScheme) => {
    const { page } = suite
    // Reduced motion: axe reads colours as they are, not halfway through the toolbar's fade-in.
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' })
    // The cards' toolbars render right after the board's first paint: check them too.
    await card(page, 'Send the price list').getByRole('toolbar').waitFor()
    // Each problem once, named after the first view it showed in (the board stays behind every dialog).
    const findings = new Map<string, string>()
    for (const view of VIEWS) {
      const opened = await view.open(page)
      await opened?.waitFor()
      for (const finding of await seriousFindings(page)) {
        for (const target of finding.targets) {
          const key = `${finding.id} ${target}`
          if (!findings.has(key)) findings.set(key, `${view.name} (${colorScheme}): ${finding.impact} ${finding.id} at ${target}: ${finding.help}`)
        }
      }
      // A fresh page for the next view, however this one closes.
      if (opened) {
        await page.reload()
        await waitForBoard(page)
        await card(page, 'Send the price list').getByRole('toolbar').waitFor()
      }
    }
    expect([...findings.values()]).toEqual([])
  })
})
