import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { ensureRendererBuilt } from '../../electron/web/build'
import { findChromium, launchChromium } from '../e2e/support/chromium'
import { startWebApp, type WebApp } from '../e2e/support/webApp'
import { heavyBoardData } from './heavyBoard'

/**
 * The board in browser mode, in Chromium, at 10,000 and 100,000 follow-ups (heavyBoard.ts:
 * 3–10 history events each, spread over the four columns), each
 * figure paired with a baseline measured in the same run, interleaved (figure, baseline,
 * figure, baseline …) so a busy machine slows both alike:
 * - navigation → cards painted, against navigation → a blank page painted (served by a plain
 *   local server, as no request of either is intercepted: Playwright's routing pauses every
 *   request of a context in the test process, which would slow the board's many requests);
 *   cold (a fresh browser context: nothing cached, as the first visit) and on reload (the
 *   hashed bundle and its compiled code cached, as every later visit and desktop start);
 * - click "Mark done" → the card repainted in Done (p95), against an empty command round
 *   trip plus a one-card repaint;
 * - jump to the bottom of the largest column: long tasks (> 50 ms) and dropped frames
 *   until its last cards are painted, against the same wait on a blank page.
 */

const SIZES = [10_000, 100_000]
const LOADS = 15
const CLICKS = 21
const VIEWPORT = { width: 1400, height: 900 }
const BLANK_PAGE = '<!doctype html><title>Blank</title><p>Blank page</p>'
const GOALS = { paint: { 10_000: 300, 100_000: 800 } as Record<number, number>, click: { 10_000: 2, 100_000: 3 } as Record<number, number> }

/** What the page logs once its first cards (or its text) are painted. */
const PAINTED_MESSAGE = 'follow-through-bench: painted'

/**
 * In every page before its scripts: long tasks, and "painted" marks: a rAF runs before
 * the next frame's paint, a message posted from it runs after that paint. The first paint
 * is announced on the console, so the bench need not reach into the page while it loads.
 */
const INSTRUMENT = `(() => {
  const bench = (window.__bench = { longTasks: [] })
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration })
  }).observe({ type: 'longtask', buffered: true })
  bench.afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => resolve(performance.now())
    channel.port2.postMessage(null)
  }))
  const seen = new MutationObserver(() => {
    if (bench.cardsPainted !== undefined || bench.waiting || !document.querySelector('article')) return
    bench.waiting = true
    bench.cardsInDom = performance.now()
    seen.disconnect()
    bench.afterPaint().then(painted)
  })
  const painted = (at) => {
    bench.cardsPainted = at
    console.debug('${PAINTED_MESSAGE}')
  }
  seen.observe(document, { childList: true, subtree: true })
  if (location.pathname === '/blank') addEventListener('DOMContentLoaded', () => bench.afterPaint().then(painted))
})()`

/** Runs in the page: clicks the first Promised card's Mark done and resolves, in ms, when it is painted in Done. */
const CLICK_MARK_DONE = `(async () => {
  const bench = window.__bench
  const article = document.querySelector('[data-column="promised"] article[data-card-id]')
  const id = article.dataset.cardId
  const button = [...article.querySelectorAll('button')].find((b) => b.textContent === 'Mark done')
  const moved = () => !!document.querySelector('[data-column="done"] article[data-card-id="' + id + '"]') && !document.querySelector('[data-column="promised"] article[data-card-id="' + id + '"]')
  const start = performance.now()
  await new Promise((resolve) => {
    const observer = new MutationObserver(() => moved() && (observer.disconnect(), resolve()))
    observer.observe(document.body, { childList: true, subtree: true })
    button.click()
  })
  return (await bench.afterPaint()) - start
})()`

/** Runs in the page: an empty command's round trip, then one card's text changed and painted. */
const ROUND_TRIP_AND_REPAINT = `(async () => {
  const bench = window.__bench
  const start = performance.now()
  const token = sessionStorage.getItem('follow-through-token')
  await (await fetch('/api/getSettings', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + token }, body: '{}' })).json()
  const line = document.querySelector('[data-column="promised"] article .card__client')
  line.textContent = line.textContent + ' '
  return (await bench.afterPaint()) - start
})()`

/**
 * Runs in the page: watches every frame from now until `done()` holds (or 10 s pass);
 * a frame that took longer than 1.5 vsyncs dropped the ones it covered.
 */
const WATCH_FRAMES = `async (jump) => {
  const bench = window.__bench
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve))
  await frame()
  const from = performance.now()
  const before = bench.longTasks.length
  const done = jump ? jump() : (() => { const until = from + 500; return () => performance.now() >= until })()
  let last = await frame()
  let frames = 0
  let dropped = 0
  while (!done() && performance.now() - from < 10_000) {
    const now = await frame()
    const vsyncs = Math.max(1, Math.round((now - last) / 16.67))
    frames += vsyncs
    dropped += vsyncs - 1
    last = now
  }
  const ms = (await bench.afterPaint()) - from
  await new Promise((resolve) => setTimeout(resolve, 60))
  const during = bench.longTasks.slice(before).filter((task) => task.start >= from)
  return { ms, frames, dropped, longTasks: during.length, longestTask: during.reduce((max, task) => Math.max(max, task.duration), 0), reached: done() }
}`

/** In the page: scrolls the largest column to its bottom in one jump; done once its last position shows a card. */
const JUMP_TO_BOTTOM = `() => {
  const regions = [...document.querySelectorAll('[data-column]')]
  const count = (region) => Number(region.querySelector('.column__count')?.textContent ?? 0)
  const largest = regions.sort((a, b) => count(b) - count(a))[0]
  const last = count(largest) - 1
  const scroller = largest.querySelector('.column__scroll')
  scroller.scrollTop = scroller.scrollHeight
  return () => !!largest.querySelector('[data-index="' + last + '"] > article')
}`

interface FrameWatch {
  ms: number
  frames: number
  dropped: number
  longTasks: number
  longestTask: number
  reached: boolean
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(values.length * 0.95) - 1)]
const fmt = (ms: number) => (ms < 10 ? ms.toFixed(1) : ms.toFixed(0))
const ratio = (x: number) => `${x.toFixed(2)}x`

/**
 * Resolves once `page` says its first cards (or its text) are painted. Only the console is
 * watched until then: Playwright's waitForFunction would inject its script into the page and
 * poll it every frame, work on the page's main thread (about 30 ms at 10k) while it loads.
 */
const painted = (page: Page) => page.waitForEvent('console', { predicate: (message) => message.text() === PAINTED_MESSAGE, timeout: 120_000 })

/** Reloads `page` and resolves, in ms, when its first cards (or its text) are painted again. */
async function reload(page: Page): Promise<number> {
  await Promise.all([painted(page), page.reload()])
  return page.evaluate(() => (globalThis as unknown as { __bench: { cardsPainted: number } }).__bench.cardsPainted)
}

/** Where a first paint's time went, ms after navigation: the page's own marks (renderer/boot.ts) and the app chunk's arrival. */
type LoadSteps = Record<string, number>

/** Runs in the page once it is painted: its start marks, when the app's code was in (fetched and compiled), and when the cards were in the DOM. */
function loadSteps(): LoadSteps {
  const steps: LoadSteps = {}
  const app = (performance.getEntriesByType('resource') as unknown as { name: string; responseEnd: number }[]).find((entry) => /\/startApp-[^/]*\.js$/.test(entry.name))
  if (app) steps['app code fetched'] = app.responseEnd
  for (const mark of performance.getEntriesByType('mark')) if (mark.name.startsWith('follow-through:')) steps[mark.name.slice('follow-through:'.length)] = mark.startTime
  const bench = (globalThis as unknown as { __bench: { cardsInDom?: number; cardsPainted: number } }).__bench
  if (bench.cardsInDom !== undefined) steps['cards in the DOM'] = bench.cardsInDom
  steps.painted = bench.cardsPainted
  return steps
}

/** One fresh page of the board (or the blank page), loaded until its first cards (or its text) are painted. */
async function load(browser: Browser, url: string): Promise<{ page: Page; painted: number; steps: LoadSteps; close(): Promise<void> }> {
  const context = await browser.newContext({ viewport: VIEWPORT })
  await context.addInitScript({ content: INSTRUMENT })
  const page = await context.newPage()
  await Promise.all([painted(page), page.goto(url)])
  // A function, not a string: the app's CSP forbids eval, which a string would need.
  const steps = await page.evaluate(loadSteps)
  return { page, painted: steps.painted, steps, close: () => context.close() }
}

/** Each step's median over the loads, in the order they happen. */
function medianSteps(loads: LoadSteps[]): string {
  const names = [...new Set(loads.flatMap((steps) => Object.keys(steps)))]
  return names
    .map((name) => [name, median(loads.flatMap((steps) => (name in steps ? [steps[name]] : [])))] as const)
    .sort((a, b) => a[1] - b[1])
    .map(([name, ms]) => `${name} ${fmt(ms)}`)
    .join(' · ')
}

/** A plain local server of the blank page, on 127.0.0.1 like the app's. */
async function serveBlankPage(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((_request, response) => response.writeHead(200, { 'Content-Type': 'text/html' }).end(BLANK_PAGE))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}/blank`, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

async function benchSize(browser: Browser, count: number): Promise<string[]> {
  const dataDir = await mkdtemp(join(tmpdir(), 'follow-through-bench-board-'))
  let app: WebApp | undefined
  const blankPage = await serveBlankPage()
  try {
    await writeFile(join(dataDir, 'follow-through.json'), JSON.stringify(heavyBoardData(count)))
    app = await startWebApp({ dataDir, timeoutMs: 300_000 })
    // The fixture's overdue cards went overdue "while the app was closed": put that panel away, as a person would.
    await fetch(`${app.origin}/api/dismissAway`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${app.token}` }, body: '{}' })

    // Warm-up (bundle, server caches), not counted.
    await (await load(browser, app.url)).close()
    await (await load(browser, blankPage.url)).close()

    const paint: { board: number; blank: number }[] = []
    const steps: LoadSteps[] = []
    for (let run = 0; run < LOADS; run++) {
      const board = await load(browser, app.url)
      await board.close()
      const blank = await load(browser, blankPage.url)
      await blank.close()
      paint.push({ board: board.painted, blank: blank.painted })
      steps.push(board.steps)
    }

    // Reloads: one page of each kind, loaded once so the browser holds the bundle, then reloaded in turns.
    const reloaded: { board: number; blank: number }[] = []
    const [warmBoard, warmBlank] = [await load(browser, app.url), await load(browser, blankPage.url)]
    for (let run = 0; run < LOADS; run++) reloaded.push({ board: await reload(warmBoard.page), blank: await reload(warmBlank.page) })
    await Promise.all([warmBoard.close(), warmBlank.close()])

    const board = await load(browser, app.url)
    const clicks: { click: number; baseline: number }[] = []
    for (let run = 0; run < CLICKS; run++) {
      const baseline = (await board.page.evaluate(ROUND_TRIP_AND_REPAINT)) as number
      const click = (await board.page.evaluate(CLICK_MARK_DONE)) as number
      clicks.push({ click, baseline })
    }
    const jump = (await board.page.evaluate(`(${WATCH_FRAMES})(${JUMP_TO_BOTTOM})`)) as FrameWatch
    await board.close()
    const blank = await load(browser, blankPage.url)
    const idle = (await blank.page.evaluate(`(${WATCH_FRAMES})()`)) as FrameWatch
    await blank.close()

    const paintMs = median(paint.map((p) => p.board))
    const reloadMs = median(reloaded.map((p) => p.board))
    const clickRatios = clicks.map((c) => c.click / c.baseline)
    const clickP95 = p95(clicks.map((c) => c.click))
    const baseP95 = p95(clicks.map((c) => c.baseline))
    const droppedPct = (100 * jump.dropped) / Math.max(1, jump.frames)
    const meets = (ok: boolean) => (ok ? 'met' : 'NOT MET')
    return [
      `  ${count.toLocaleString('en-US')} follow-ups`,
      `    navigation -> cards painted        ${fmt(paintMs).padStart(7)} ms   blank page ${fmt(median(paint.map((p) => p.blank)))} ms, ratio ${ratio(median(paint.map((p) => p.board / p.blank)))} (median of ${LOADS} pairs)   goal <= ${GOALS.paint[count]} ms: ${meets(paintMs <= GOALS.paint[count])}`,
      `      where its time goes, ms after navigation (medians): ${medianSteps(steps)}`,
      `    ... on reload (bundle cached)     ${fmt(reloadMs).padStart(7)} ms   blank page ${fmt(median(reloaded.map((p) => p.blank)))} ms, ratio ${ratio(median(reloaded.map((p) => p.board / p.blank)))} (median of ${LOADS} pairs)   goal <= ${GOALS.paint[count]} ms: ${meets(reloadMs <= GOALS.paint[count])}`,
      `    click Mark done -> repainted, p95  ${fmt(clickP95).padStart(7)} ms   baseline p95 ${fmt(baseP95)} ms, ratio ${ratio(clickP95 / baseP95)} (paired median ${ratio(median(clickRatios))}, ${CLICKS} pairs)   goal <= ${GOALS.click[count]}x: ${meets(clickP95 / baseP95 <= GOALS.click[count])}`,
      `    jump to bottom of largest column   ${fmt(jump.ms).padStart(7)} ms   ${jump.longTasks} long tasks (longest ${fmt(jump.longestTask)} ms), ${jump.dropped}/${jump.frames} frames dropped (${droppedPct.toFixed(1)}%)${jump.reached ? '' : ', bottom NOT reached'}; blank page: ${idle.longTasks} long tasks, ${idle.dropped}/${idle.frames} dropped   goal 0 long tasks, <= 1% dropped: ${meets(jump.reached && jump.longTasks === 0 && droppedPct <= 1)}`,
    ]
  } finally {
    await app?.stop()
    await blankPage.close()
    await rm(dataDir, { recursive: true, force: true })
  }
}

export async function benchBoard(): Promise<string[]> {
  const chromiumPath = findChromium()
  if (!chromiumPath) return ['Board benchmark skipped: no Chromium found (set CHROMIUM_PATH or install /usr/bin/chromium).']
  await ensureRendererBuilt()
  const browser = await launchChromium(chromiumPath)
  const sizes = process.env.BENCH_BOARD_SIZES ? process.env.BENCH_BOARD_SIZES.split(',').map(Number) : SIZES
  try {
    const lines = [`Board benchmark: browser mode in Chromium ${VIEWPORT.width}x${VIEWPORT.height}, each figure against its baseline in the same run`]
    for (const count of sizes) lines.push(...(await benchSize(browser, count)))
    return lines
  } finally {
    await browser.close()
  }
}
