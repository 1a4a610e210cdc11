import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { ensureRendererBuilt } from '../../../electron/web/build'
import { waitForBoard } from './board'
import { launchChromium } from './chromium'
import { RESULTS_DIR } from './paths'
import { makeDataDir, removeDataDir, startWebApp, type WebApp } from './webApp'

export interface BrowserModeTest {
  readonly page: Page
  readonly app: WebApp
  readonly context: BrowserContext
  readonly dataDir: string
}

/**
 * One browser-mode end-to-end suite: a Chromium per file; per test its own data
 * folder (seeded first if asked), server and browser context, with the board
 * loaded. A failed test leaves a screenshot (light and dark) and the server's
 * output in test-results/.
 */
export function useBrowserMode(
  name: string,
  chromiumPath: string,
  options: {
    seed?: (dataDir: string) => Promise<void>
    context?: BrowserContextOptions
    /** Extra environment for the server, e.g. a time zone or libfaketime's clock. */
    serverEnv?: Record<string, string>
  } = {},
): BrowserModeTest {
  let browser: Browser
  const current = {} as { page: Page; app: WebApp; context: BrowserContext; dataDir: string }

  beforeAll(async () => {
    // Build once up front (only if missing or stale) so no test pays for it.
    await ensureRendererBuilt()
    browser = await launchChromium(chromiumPath)
  })

  afterAll(async () => {
    await browser?.close()
  })

  beforeEach(async () => {
    current.dataDir = await makeDataDir()
    await options.seed?.(current.dataDir)
    current.app = await startWebApp({ dataDir: current.dataDir, env: options.serverEnv })
    // en-US fixes the segment order of date inputs for keyboard typing.
    current.context = await browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 900 }, ...options.context })
    current.context.setDefaultTimeout(15_000)
    current.page = await current.context.newPage()
    await current.page.goto(current.app.url)
    await waitForBoard(current.page)
  })

  afterEach(async ({ task }) => {
    try {
      if (task.result?.state === 'fail' && current.page) {
        await mkdir(RESULTS_DIR, { recursive: true })
        const base = `${name}-${task.name}`.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase()
        for (const colorScheme of ['light', 'dark'] as const) {
          const file = join(RESULTS_DIR, `${base}-${colorScheme}.png`)
          await current.page.emulateMedia({ colorScheme }).catch(() => {})
          await current.page.screenshot({ path: file, fullPage: true }).then(
            () => console.warn(`Screenshot: ${file}`),
            () => {},
          )
        }
        console.warn(`Browser mode output:\n${current.app.output()}`)
      }
    } finally {
      await current.context?.close()
      await current.app?.stop().finally(() => removeDataDir(current.dataDir))
    }
  })

  return {
    get page() {
      return current.page
    },
    get app() {
      return current.app
    },
    get context() {
      return current.context
    },
    get dataDir() {
      return current.dataDir
    },
  }
}
