import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createFollowUp } from '../../electron/core/commands'
import { emptyData } from '../../electron/core/schema'
import { serviceBoard } from './support/api'
import { card, region } from './support/board'
import { chromiumForTests } from './support/chromium'
import { useBrowserMode } from './support/suite'

const chromiumPath = chromiumForTests()

const HOUR = 60 * 60_000
const DAY = 24 * HOUR
const ago = (ms: number) => new Date(Date.now() - ms).toISOString()

/** A data file as left by an app closed three days ago: three promises went overdue since, none notified. */
async function seedAwayData(dataDir: string): Promise<void> {
  let data = emptyData()
  const made = new Date(Date.now() - 4 * DAY)
  const add = (id: string, title: string, client: string, dueAt: string) => {
    data = createFollowUp(data, { title, client: { name: client }, dueAt }, made, id).data
  }
  add('a1', 'Send the proposal', 'Jenny Rivera', ago(2 * DAY))
  add('a2', 'Send the price list', 'Jenny Rivera', ago(DAY))
  add('b1', 'Call about the contract', 'Acme Corp', ago(3 * HOUR))
  await writeFile(join(dataDir, 'follow-through.json'), JSON.stringify(data))
}

describe.skipIf(!chromiumPath)('while you were away, in the browser', () => {
  const suite = useBrowserMode('away', chromiumPath!, { seed: seedAwayData })

  it('groups what went overdue by client; Mark done per client empties the panel', async () => {
    const { page, app } = suite
    const panel = page.getByRole('region', { name: 'While you were away', exact: true })
    await panel.getByRole('heading', { name: /3 follow-ups became overdue/ }).waitFor()
    const jenny = panel.getByRole('group', { name: 'Jenny Rivera', exact: true })
    const acme = panel.getByRole('group', { name: 'Acme Corp', exact: true })
    expect(await jenny.getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringContaining('Send the proposal'),
      expect.stringContaining('Send the price list'),
    ])
    expect(await acme.getByRole('listitem').allInnerTexts()).toEqual([expect.stringContaining('Call about the contract')])
    await card(page, 'Send the proposal', 'Overdue').waitFor()

    // One client's group first, then everything else.
    await jenny.getByRole('button', { name: 'Mark done: Jenny Rivera', exact: true }).click()
    await jenny.waitFor({ state: 'detached' })
    await card(page, 'Send the proposal', 'Done').waitFor()
    await panel.getByRole('heading', { name: /1 follow-up became overdue/ }).waitFor()

    await acme.getByRole('button', { name: 'Mark done: Acme Corp', exact: true }).click()
    await panel.waitFor({ state: 'detached' })
    await card(page, 'Call about the contract', 'Done').waitFor()
    expect(await region(page, 'Overdue').getByRole('article').count()).toBe(0)
    const board = await serviceBoard(app)
    expect(board.away).toBeUndefined()
    expect(board.columns.done.map((c) => c.title).sort()).toEqual(['Call about the contract', 'Send the price list', 'Send the proposal'])
  })

  it('Mark all done completes every one in one go', async () => {
    const { page, app } = suite
    const panel = page.getByRole('region', { name: 'While you were away', exact: true })
    await panel.getByRole('button', { name: 'Mark all done', exact: true }).click()
    await panel.waitFor({ state: 'detached' })
    expect((await serviceBoard(app)).columns.done).toHaveLength(3)
    // Each delivered promise plans its check-in.
    expect((await serviceBoard(app)).columns.promised.filter((c) => c.kind === 'check-in')).toHaveLength(3)
  })

  it('Got it hides the panel and leaves the cards overdue', async () => {
    const { page, app } = suite
    const panel = page.getByRole('region', { name: 'While you were away', exact: true })
    await panel.getByRole('button', { name: 'Got it', exact: true }).click()
    await panel.waitFor({ state: 'detached' })
    expect((await serviceBoard(app)).away).toBeUndefined()
    await card(page, 'Send the proposal', 'Overdue').waitFor()
  })
})
