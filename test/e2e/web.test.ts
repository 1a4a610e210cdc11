import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { BoardSnapshot, Card, Result } from '../../electron/contract'
import { ensureRendererBuilt } from '../../electron/web/build'
import {
  COLUMN_NAMES,
  QUICK_ADD_EXAMPLE,
  card,
  columnForFriday4pm,
  nextFriday4pm,
  quickAdd,
  submitQuickAdd,
  waitForBoard,
} from './support/board'
import { chromiumForTests, launchChromium } from './support/chromium'
import { rawPost } from './support/http'
import { RESULTS_DIR } from './support/paths'
import { makeDataDir, removeDataDir, startWebApp, type WebApp } from './support/webApp'

const chromiumPath = chromiumForTests()
const TITLE = 'Call Jenny Rivera'

/** The board as the service sees it, asked over HTTP with the token as a bearer header. */
async function boardOf(app: WebApp): Promise<BoardSnapshot> {
  const response = await fetch(`${app.origin}/api/getBoard`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${app.token}` },
    body: '{}',
  })
  expect(response.status).toBe(200)
  const result = (await response.json()) as Result<BoardSnapshot>
  if (!result.ok) throw new Error(`getBoard failed: ${result.error.message}`)
  return result.value
}

const allCards = (board: BoardSnapshot): Card[] => Object.values(board.columns).flat()

async function articlesIn(page: Page): Promise<number> {
  return page.getByRole('article').count()
}

describe.skipIf(!chromiumPath)('browser mode end to end', () => {
  let browser: Browser
  /** Per test: its own data folder, server(s), browser context. */
  let dataDir: string
  let apps: WebApp[]
  let app: WebApp
  let context: BrowserContext
  let page: Page

  const start = async () => {
    const started = await startWebApp({ dataDir })
    apps.push(started)
    return started
  }
  const open = async (url: string, on: BrowserContext = context) => {
    const opened = await on.newPage()
    await opened.goto(url)
    await waitForBoard(opened)
    return opened
  }

  beforeAll(async () => {
    // Build once up front (only if missing or stale) so no test pays for it.
    await ensureRendererBuilt()
    browser = await launchChromium(chromiumPath!)
  })

  afterAll(async () => {
    await browser?.close()
  })

  beforeEach(async () => {
    dataDir = await makeDataDir()
    apps = []
    app = await start()
    context = await browser.newContext()
    context.setDefaultTimeout(15_000)
    page = await open(app.url)
  })

  afterEach(async ({ task }) => {
    try {
      if (task.result?.state === 'fail') {
        await mkdir(RESULTS_DIR, { recursive: true })
        const base = task.name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase()
        const pages = context?.pages() ?? []
        for (const [index, open] of pages.entries()) {
          const file = join(RESULTS_DIR, `web-${base}${pages.length > 1 ? `-tab${index + 1}` : ''}.png`)
          await open.screenshot({ path: file, fullPage: true }).then(
            () => console.warn(`Screenshot of the failed page: ${file}`),
            (error: Error) => console.warn(`No screenshot: ${error.message}`),
          )
        }
        for (const started of apps) console.warn(`Browser mode output:\n${started.output()}`)
      }
    } finally {
      await context?.close()
      const stopping = await Promise.allSettled(apps.map((started) => started.stop()))
      await removeDataDir(dataDir)
      const failed = stopping.find((outcome) => outcome.status === 'rejected')
      if (failed) throw (failed as PromiseRejectedResult).reason
    }
  })

  it('quick add puts the card in the column its date belongs in, with its client', async () => {
    const expected = columnForFriday4pm()
    const answer = await submitQuickAdd(page, QUICK_ADD_EXAMPLE)
    expect(answer.ok).toBe(true)

    const added = card(page, TITLE, expected)
    await added.waitFor({ state: 'visible' })
    await added.getByRole('paragraph').filter({ hasText: 'Jenny Rivera' }).waitFor({ state: 'visible' })
    for (const other of COLUMN_NAMES.filter((name) => name !== expected)) {
      expect(await card(page, TITLE, other).count(), `not also in ${other}`).toBe(0)
    }
    // The box clears for the next line.
    expect(await quickAdd(page).inputValue()).toBe('')

    // What the service stored: the next Friday at 16:00 local time, with the client and phone.
    const [stored] = allCards(await boardOf(app))
    expect(stored).toMatchObject({ title: TITLE, client: { name: 'Jenny Rivera', phone: '248-867-5309' }, allDay: false })
    expect(new Date(stored.dueAt).getTime()).toBe(nextFriday4pm().getTime())
  })

  it('a restart on the same data folder keeps the card', { timeout: 150_000 }, async () => {
    const expected = columnForFriday4pm()
    expect((await submitQuickAdd(page, QUICK_ADD_EXAMPLE)).ok).toBe(true)
    await card(page, TITLE, expected).waitFor({ state: 'visible' })

    await app.stop() // asserts a clean exit (code 0) after SIGTERM
    await page.close()
    expect(existsSync(join(dataDir, 'follow-through.json')), 'the data file named in DESIGN.md').toBe(true)

    const restarted = await start()
    expect(restarted.token).not.toBe(app.token)
    const reopened = await open(restarted.url)
    await card(reopened, TITLE, expected).waitFor({ state: 'visible' })
    expect(await articlesIn(reopened)).toBe(1)
  })

  it('quick add without a date says what is missing and creates nothing', async () => {
    const text = 'Call Jenny Rivera about the proposal'
    const answer = await submitQuickAdd(page, text)
    expect(answer.ok).toBe(false)
    expect(answer.error?.message).toMatch(/when you promised/i)

    await page.getByText(answer.error!.message, { exact: true }).waitFor({ state: 'visible' })
    // The line stays for fixing; nothing reached the board or the store.
    expect(await quickAdd(page).inputValue()).toBe(text)
    expect(await articlesIn(page)).toBe(0)
    expect(allCards(await boardOf(app))).toHaveLength(0)
  })

  it('mark done moves the card to Done; delete removes it and undo brings it back', async () => {
    expect((await submitQuickAdd(page, QUICK_ADD_EXAMPLE)).ok).toBe(true)
    await card(page, TITLE, columnForFriday4pm()).getByRole('button', { name: 'Mark done', exact: true }).click()

    const done = card(page, TITLE, 'Done')
    await done.waitFor({ state: 'visible' })
    expect(await card(page, TITLE).count()).toBe(1)
    // A delivered card offers no Mark done or Snooze any more.
    expect(await done.getByRole('button', { name: 'Mark done', exact: true }).count()).toBe(0)

    await done.getByRole('button', { name: 'Delete', exact: true }).click()
    await card(page, TITLE).waitFor({ state: 'detached' })
    // What stays is the check-in that delivering it planned (follow through).
    expect(allCards(await boardOf(app)).map((c) => c.title)).toEqual([`Check in with Jenny Rivera: ${TITLE}`])

    await page.getByRole('button', { name: 'Undo', exact: true }).click()
    await card(page, TITLE, 'Done').waitFor({ state: 'visible' })
    expect(allCards(await boardOf(app)).filter((c) => c.title === TITLE).map((c) => c.column)).toEqual(['done'])
  })

  it('a second tab sees a new card without reloading (live push)', async () => {
    const firstLoad = (p: Page, path: string) => p.waitForResponse((r) => new URL(r.url()).pathname === path)
    const second = await context.newPage()
    // The second tab's event stream must be open, and its first board shown, before the
    // card exists, so the card can only arrive as a later push.
    const loaded = firstLoad(second, '/api/view')
    await second.goto(app.url)
    await loaded
    await waitForBoard(second)
    await second.evaluate(() => ((globalThis as unknown as { marker: string }).marker = 'same page'))
    const reloads: string[] = []
    second.on('framenavigated', (frame) => frame === second.mainFrame() && reloads.push(frame.url()))

    expect((await submitQuickAdd(page, QUICK_ADD_EXAMPLE)).ok).toBe(true)
    await card(second, TITLE, columnForFriday4pm()).waitFor({ state: 'visible' })

    expect(reloads).toEqual([])
    expect(await second.evaluate(() => (globalThis as unknown as { marker?: string }).marker)).toBe('same page')
  })

  it('says why when the board cannot be opened, instead of loading for ever', async () => {
    // An address edited past what a search takes is cut to fit: the board opens, searching.
    const long = await context.newPage()
    await long.goto(`${app.url}#q=${'x'.repeat(250)}`)
    await long.getByRole('region', { name: 'Promised' }).waitFor()
    expect(await long.getByRole('searchbox', { name: 'Search' }).inputValue()).toBe('x'.repeat(200))
    expect(await long.getByRole('alert').count()).toBe(0)
    await long.close()

    // A view the service refuses (here a query no page of ours sends) is said, not loaded for ever.
    const refused = await context.newPage()
    await refused.route('**/api/view?**', (route) => {
      const url = new URL(route.request().url())
      url.searchParams.set('query', JSON.stringify({ q: 'x'.repeat(250) }))
      return route.continue({ url: url.toString() })
    })
    await refused.goto(app.url)
    const alert = refused.getByRole('alert').filter({ hasText: 'The board could not be opened' })
    await alert.waitFor()
    expect(await alert.textContent()).toMatch(/200/)
    expect(await refused.getByText('Loading your follow-ups…').count()).toBe(0)
    // Once the cause is gone, the alert's button opens the board.
    await refused.unroute('**/api/view?**')
    await alert.getByRole('button', { name: 'Try again' }).click()
    await refused.getByRole('region', { name: 'Promised' }).waitFor()
    expect(await refused.getByRole('alert').filter({ hasText: 'The board could not be opened' }).count()).toBe(0)
  })

  it('refuses requests without the token, from a foreign host name, or from a foreign origin', async () => {
    const { origin, port, token } = app
    const bearer = { Authorization: `Bearer ${token}` }

    // The token alone lets a local client in ...
    expect((await rawPost(origin, '/api/getBoard', bearer)).status).toBe(200)
    // ... without it: 401, and a wrong one is no better.
    expect((await rawPost(origin, '/api/getBoard', {})).status).toBe(401)
    expect((await rawPost(origin, '/api/getBoard', { Authorization: 'Bearer not-the-token' })).status).toBe(401)
    expect((await rawPost(origin, '/api/getBoard?token=not-the-token', {})).status).toBe(403)
    // A rebound DNS name reaching loopback: 421 even with the token.
    expect((await rawPost(origin, '/api/getBoard', { ...bearer, Host: `evil.example:${port}` })).status).toBe(421)
    // Another site's page posting to loopback: 403 even with the token.
    expect((await rawPost(origin, '/api/getBoard', { ...bearer, Origin: 'http://evil.example' })).status).toBe(403)
    expect((await rawPost(origin, '/api/quickAdd', { ...bearer, Origin: 'http://evil.example' }, JSON.stringify({ text: QUICK_ADD_EXAMPLE }))).status).toBe(403)
    // Nothing got through.
    expect(allCards(await boardOf(app))).toHaveLength(0)
  })
})
