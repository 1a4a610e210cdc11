import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { Data, emptyData, type FollowUp } from '../../electron/core/schema'
import { ensureRendererBuilt } from '../../electron/web/build'
import { findChromium, launchChromium } from '../e2e/support/chromium'
import { startWebApp, type WebApp } from '../e2e/support/webApp'
import { makeFollowUp } from '../fixtures/followUps'

/**
 * The board with 10,000 open follow-ups in browser mode, in Chromium:
 * - snapshot → cards painted: from the first board snapshot reaching the page (the
 *   first SSE "board" event or the end of the getBoard response, whichever came first)
 *   to the first frame painted after the first card entered the DOM;
 * - navigation → cards painted, for context (includes bundle load and the server's JSON);
 * - card elements in the DOM once loaded, and the most seen while scrolling (goal ≤ 300);
 * - long tasks (> 50 ms, PerformanceObserver 'longtask') while each column is
 *   scrolled to its bottom a few screens per frame.
 * Medians of RUNS page loads, each in a fresh browser context.
 */

const COUNT = 10_000
const RUNS = 5
const DOM_GOAL = 300
const DAY = 86_400_000

/** In the page before any of its scripts: marks for the snapshot's arrival, the first card in the DOM and its paint, and every long task. */
const INSTRUMENT = `(() => {
  const bench = (window.__bench = { longTasks: [], maxArticles: 0 })
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration })
  }).observe({ type: 'longtask', buffered: true })
  const Native = window.EventSource
  window.EventSource = class extends Native {
    constructor(...args) {
      super(...args)
      // Added before the app's own listener, so this runs first: the event has arrived, not yet been parsed.
      this.addEventListener('board', () => bench.sseBoard ??= performance.now(), { once: true })
    }
  }
  const seen = new MutationObserver(() => {
    if (bench.articleInDom !== undefined || !document.querySelector('article')) return
    bench.articleInDom = performance.now()
    seen.disconnect()
    // The frame that shows it: rAF runs before that frame's paint, a message posted there runs after it.
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => (bench.cardsPainted = performance.now())
      channel.port2.postMessage(null)
    })
  })
  seen.observe(document, { childList: true, subtree: true })
})()`

/** Runs in the page once the cards are painted: what the board looked like on arrival. */
const READ_LOAD = `(() => {
  const bench = window.__bench
  const getBoard = performance.getEntriesByType('resource').find((entry) => new URL(entry.name).pathname === '/api/getBoard')
  const arrived = Math.min(bench.sseBoard ?? Infinity, getBoard ? getBoard.responseEnd : Infinity)
  return {
    arrived,
    via: arrived === bench.sseBoard ? 'sse' : 'getBoard',
    painted: bench.cardsPainted,
    articles: document.querySelectorAll('article').length,
    loadLongTasks: bench.longTasks.length,
  }
})()`

/** Runs in the page: scrolls every column to its bottom a few screens per frame, counting cards in the DOM and long tasks on the way. */
const SCROLL_COLUMNS = `(async () => {
  const bench = window.__bench
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()))
  const from = performance.now()
  const before = bench.longTasks.length
  let maxArticles = document.querySelectorAll('article').length
  let frames = 0
  for (const region of document.querySelectorAll('[role="region"]')) {
    const scroller = region.querySelector('.column__scroll')
    if (!scroller || scroller.scrollHeight <= scroller.clientHeight) continue
    let settled = 0
    // Measured card heights change the list's total height as it scrolls: stop once the bottom holds for two frames.
    while (settled < 2) {
      const atBottom = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1
      settled = atBottom ? settled + 1 : 0
      if (!atBottom) scroller.scrollTop += scroller.clientHeight * 4
      await frame()
      frames++
      maxArticles = Math.max(maxArticles, document.querySelectorAll('article').length)
    }
  }
  // Long tasks are reported after they end; one more frame lets the last arrive.
  await frame()
  await new Promise((resolve) => setTimeout(resolve))
  const during = bench.longTasks.slice(before).filter((task) => task.start >= from)
  return {
    ms: performance.now() - from,
    frames,
    maxArticles,
    longTasks: during.length,
    longTaskMs: during.reduce((sum, task) => sum + task.duration, 0),
    longestTask: during.reduce((max, task) => Math.max(max, task.duration), 0),
  }
})()`

interface LoadResult {
  arrived: number
  via: string
  painted: number
  articles: number
  loadLongTasks: number
}
interface ScrollResult {
  ms: number
  frames: number
  maxArticles: number
  longTasks: number
  longTaskMs: number
  longestTask: number
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/**
 * 10,000 open follow-ups spread over the columns relative to now: about half
 * Promised (due in 2-40 days), a fifth Due (target passed, promise days away), the
 * rest Overdue (promise passed within the last 20 days). Realistic fields from the
 * shared fixture; none completed, so Done is empty.
 */
export function openBoardData(count: number, now = Date.now()): Data {
  const data = emptyData()
  data.followUps = Array.from({ length: count }, (_, i): FollowUp => {
    const base = makeFollowUp(i)
    const bucket = i % 10
    const spread = ((i * 7919) % 1000) / 1000
    const dueAt = bucket < 5 ? now + (2 + spread * 38) * DAY : bucket < 7 ? now + (1 + spread * 5) * DAY : now - (0.1 + spread * 20) * DAY
    const targetAt = bucket >= 5 && bucket < 7 ? now - spread * DAY - 60_000 : dueAt - (12 + (i % 12)) * 3_600_000
    const { completedAt: _completed, ...open } = base
    return {
      ...open,
      createdAt: new Date(Math.min(dueAt, targetAt) - 5 * DAY).toISOString(),
      dueAt: new Date(dueAt).toISOString(),
      targetAt: new Date(targetAt).toISOString(),
      allDay: false,
      history: base.history.filter((event) => event.type !== 'completed' && event.type !== 'notified'),
      notifiedAt: {},
    }
  })
  return Data.parse(data)
}

async function measureOnce(browser: Browser, app: WebApp): Promise<{ load: LoadResult; scroll: ScrollResult }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  try {
    await context.addInitScript({ content: INSTRUMENT })
    const page: Page = await context.newPage()
    await page.goto(app.url)
    // A function, not a string: the app's CSP forbids eval, which a string predicate would need.
    await page.waitForFunction(() => (globalThis as unknown as { __bench?: { cardsPainted?: number } }).__bench?.cardsPainted !== undefined, undefined, {
      timeout: 120_000,
    })
    const load = (await page.evaluate(READ_LOAD)) as LoadResult
    const scroll = (await page.evaluate(SCROLL_COLUMNS)) as ScrollResult
    return { load, scroll }
  } finally {
    await context.close()
  }
}

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(1) : ms.toFixed(0))

export async function benchBoard(): Promise<string[]> {
  const chromiumPath = findChromium()
  if (!chromiumPath) return ['Board benchmark skipped: no Chromium found (set CHROMIUM_PATH or install /usr/bin/chromium).']
  await ensureRendererBuilt()
  const dataDir = await mkdtemp(join(tmpdir(), 'follow-through-bench-board-'))
  let app: WebApp | undefined
  let browser: Browser | undefined
  try {
    const data = openBoardData(COUNT)
    await writeFile(join(dataDir, 'follow-through.json'), JSON.stringify(data))
    app = await startWebApp({ dataDir })
    const board = (await (
      await fetch(`${app.origin}/api/getBoard`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${app.token}` },
        body: '{}',
      })
    ).json()) as { ok: true; value: { columns: Record<string, unknown[]> } }
    const perColumn = Object.entries(board.value.columns).map(([column, cards]) => `${column} ${cards.length}`).join(', ')
    const snapshotMb = JSON.stringify(board.value).length / 1e6

    browser = await launchChromium(chromiumPath)
    // A warm-up load (bundle and server caches), not counted.
    await measureOnce(browser, app)
    const runs: { load: LoadResult; scroll: ScrollResult }[] = []
    for (let run = 0; run < RUNS; run++) runs.push(await measureOnce(browser, app))

    const toPaint = runs.map((r) => r.load.painted - r.load.arrived)
    const fromNav = runs.map((r) => r.load.painted)
    const articles = runs.map((r) => r.load.articles)
    const maxArticles = Math.max(...runs.map((r) => r.scroll.maxArticles))
    const lines = [
      `Board benchmark: ${COUNT.toLocaleString('en-US')} open follow-ups (${perColumn}; snapshot ${snapshotMb.toFixed(1)} MB), browser mode in Chromium 1400x900, median of ${RUNS} loads`,
      '',
      `  snapshot arrived -> cards painted   ${fmt(median(toPaint)).padStart(7)} ms   (runs: ${toPaint.map(fmt).join(', ')}; first snapshot via ${runs.map((r) => r.load.via).join('/')})`,
      `  navigation -> cards painted         ${fmt(median(fromNav)).padStart(7)} ms   (runs: ${fromNav.map(fmt).join(', ')})`,
      `  long tasks during load              ${String(median(runs.map((r) => r.load.loadLongTasks))).padStart(7)}`,
      `  card elements in the DOM, loaded    ${String(median(articles)).padStart(7)}      (max while scrolling: ${maxArticles}; goal <= ${DOM_GOAL})`,
      `  scroll every column to the bottom   ${fmt(median(runs.map((r) => r.scroll.ms))).padStart(7)} ms   (${median(runs.map((r) => r.scroll.frames))} frames)`,
      `    long tasks while scrolling        ${String(median(runs.map((r) => r.scroll.longTasks))).padStart(7)}      (runs: ${runs.map((r) => r.scroll.longTasks).join(', ')})`,
      `    long-task time while scrolling    ${fmt(median(runs.map((r) => r.scroll.longTaskMs))).padStart(7)} ms   (longest single task, median: ${fmt(median(runs.map((r) => r.scroll.longestTask)))} ms)`,
      '',
      `  DOM size: ${Math.max(...articles, maxArticles) <= DOM_GOAL ? 'within' : 'OVER'} the ${DOM_GOAL}-card goal`,
    ]
    return lines
  } finally {
    await browser?.close()
    await app?.stop()
    await rm(dataDir, { recursive: true, force: true })
  }
}
