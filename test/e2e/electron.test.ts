import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { _electron, type ElectronApplication, type Page } from 'playwright-core'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { QUICK_ADD_EXAMPLE, card, columnForFriday4pm, quickAdd, waitForBoard } from './support/board'
import { findElectron } from './support/electron'
import { RESULTS_DIR, ROOT } from './support/paths'
import { makeDataDir, removeDataDir } from './support/webApp'

// The one e2e scenario allowed to skip, CI included: Electron's binary cannot be
// downloaded everywhere, and browser mode covers the same renderer and service.
const electron = findElectron()
if (!electron.found) console.warn(`Skipping the Electron end-to-end test: ${electron.reason}.`)

const MAIN = join(ROOT, 'out/main/index.js')

describe.skipIf(!electron.found)('Electron shell end to end', () => {
  let dataDir: string | undefined
  let app: ElectronApplication | undefined
  let window: Page | undefined

  beforeAll(() => {
    // Main, preload and renderer bundles come from one build; make sure they exist.
    if (!existsSync(MAIN) || !existsSync(join(ROOT, 'out/renderer/index.html'))) {
      const build = spawnSync(process.execPath, [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
        cwd: ROOT,
        stdio: 'inherit',
      })
      if (build.status !== 0) throw new Error(`electron-vite build failed (exit ${build.status}).`)
    }
  })

  afterEach(async ({ task }) => {
    try {
      if (task.result?.state === 'fail' && window) {
        await mkdir(RESULTS_DIR, { recursive: true })
        const file = join(RESULTS_DIR, 'electron-quick-add.png')
        await window.screenshot({ path: file }).then(
          () => console.warn(`Screenshot of the failed window: ${file}`),
          (error: Error) => console.warn(`No screenshot: ${error.message}`),
        )
      }
    } finally {
      await app?.close()
      if (dataDir) await removeDataDir(dataDir)
    }
  })

  async function launch(): Promise<Page> {
    if (!electron.found) throw new Error('unreachable: skipped without Electron')
    dataDir ??= await makeDataDir()
    app = await _electron.launch({
      executablePath: electron.executablePath,
      // Root in a container has no usable sandbox.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), MAIN],
      cwd: ROOT,
      env: { ...process.env, FOLLOW_THROUGH_DATA_DIR: dataDir, FOLLOW_THROUGH_E2E: '1' } as Record<string, string>,
      timeout: 60_000,
    })
    window = await app.firstWindow()
    window.setDefaultTimeout(15_000)
    await waitForBoard(window)
    return window
  }

  it('quick add in the desktop window puts the card on the board', async () => {
    const page = await launch()
    const expected = columnForFriday4pm()
    await quickAdd(page).fill(QUICK_ADD_EXAMPLE)
    await quickAdd(page).press('Enter')
    const added = card(page, 'Call Jenny Rivera', expected)
    await added.waitFor({ state: 'visible' })
    await added.getByRole('paragraph').filter({ hasText: 'Jenny Rivera' }).waitFor({ state: 'visible' })
    expect(await card(page, 'Call Jenny Rivera').count()).toBe(1)
  })

  it('Mark done moves the card to Done, and Quit saves it for the next start', async () => {
    let page = await launch()
    await quickAdd(page).fill(QUICK_ADD_EXAMPLE)
    await quickAdd(page).press('Enter')
    await card(page, 'Call Jenny Rivera').getByRole('button', { name: 'Mark done' }).click()
    await card(page, 'Call Jenny Rivera', 'Done').waitFor({ state: 'visible' })
    await app!.close()
    page = await launch()
    await card(page, 'Call Jenny Rivera', 'Done').waitFor({ state: 'visible' })
  })

  it('closing the window hides it to the tray instead of quitting', async () => {
    await launch()
    // As the window's close button does: a cancellable close.
    await app!.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].close())
    const state = await app!.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => ({ visible: w.isVisible(), destroyed: w.isDestroyed() })))
    expect(state).toEqual([{ visible: false, destroyed: false }])
  })

  it('the tray menu offers Quick add…, which opens the board on the Quick add box', async () => {
    const page = await launch()
    const labels = await app!.evaluate(() => {
      const handle = (globalThis as unknown as { followThroughE2E: { trayMenu(): Electron.Menu | null } }).followThroughE2E
      return handle.trayMenu()?.items.map((item) => item.label) ?? []
    })
    expect(labels).toEqual(expect.arrayContaining(['Quick add…', 'Open board', 'Quit']))
    await app!.evaluate(() => {
      const handle = (globalThis as unknown as { followThroughE2E: { trayMenu(): Electron.Menu | null } }).followThroughE2E
      handle.trayMenu()?.items.find((item) => item.label === 'Quick add…')?.click()
    })
    await page.waitForFunction("document.activeElement?.getAttribute('aria-label') === 'Quick add'")
  })

  it('clicking a deadline notification opens the window on that card', { timeout: 150_000 }, async () => {
    const page = await launch()
    const supported = await app!.evaluate(({ Notification }) => Notification.isSupported())
    if (!supported) return console.warn('Electron reports no notification service here; the click path is covered by unit tests.')
    // Due in two minutes: the "due soon" reminder goes out at the own target, a minute from now.
    await quickAdd(page).fill('Call Jenny Rivera in 2 minutes')
    await quickAdd(page).press('Enter')
    await card(page, 'Call Jenny Rivera').waitFor({ state: 'visible' })
    await expect
      .poll(() => app!.evaluate(() => (globalThis as unknown as { followThroughE2E: { latestNotification(): unknown } }).followThroughE2E.latestNotification() !== null), {
        timeout: 90_000,
        interval: 1_000,
      })
      .toBe(true)
    await app!.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].hide())
    await app!.evaluate(() => {
      const handle = (globalThis as unknown as { followThroughE2E: { latestNotification(): Electron.Notification | null } }).followThroughE2E
      handle.latestNotification()?.emit('click')
    })
    await page.getByRole('dialog', { name: 'Call Jenny Rivera' }).waitFor({ state: 'visible' })
    expect(await app!.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].isVisible())).toBe(true)
  })
})
