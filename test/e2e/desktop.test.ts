import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ipcChannel, METHOD_NAMES } from '../../electron/contract/methods'
import { launchStandIn, type StandInApp } from '../support/electron/harness'
import { buildPackagedLayout } from '../support/electron/packagedLayout'
import { call, dataFile, makeProfile, pageBoard, startApp, trayItem, trayShows, type Layout, type Profile } from '../support/electron/scenarios'
import { ROOT } from './support/paths'

/**
 * The desktop app itself, BUILT, run under plain Node with the Electron stand-in
 * (test/support/electron): once as electron-vite emits it, once as electron-builder
 * would package it. The person's side is played through the tray, the window and
 * notifications; the page's side through window.api, as the board calls it.
 */

const BUILT_MAIN = join(ROOT, 'out/main/index.js')
let packagedRoot: string | undefined
let packagedMain = ''

beforeAll(async () => {
  if (!existsSync(BUILT_MAIN) || !existsSync(join(ROOT, 'out/renderer/index.html'))) {
    const build = spawnSync(process.execPath, [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: ROOT, stdio: 'inherit' })
    if (build.status !== 0) throw new Error(`electron-vite build failed (exit ${build.status}).`)
  }
  packagedRoot = await mkdtemp(join(tmpdir(), 'follow-through-packaged-'))
  packagedMain = buildPackagedLayout(ROOT, packagedRoot).main
})

afterAll(async () => {
  if (packagedRoot) await rm(packagedRoot, { recursive: true, force: true })
})

const LAYOUTS: Layout[] = [
  { name: 'the built bundle', main: () => BUILT_MAIN, packaged: false },
  { name: 'the packaged layout', main: () => packagedMain, packaged: true },
]

const CARD = 'Call Jenny Rivera'

/** A follow-up whose own target comes in two seconds: its "time to deliver" reminder follows at once. */
const addWithTargetNow = (app: StandInApp) =>
  call<{ id: string }>(app, 'create', {
    title: CARD,
    client: { name: 'Jenny Rivera' },
    dueAt: new Date(Date.now() + 3 * 3_600_000).toISOString(),
    targetAt: new Date(Date.now() + 2_000).toISOString(),
  })

describe.each(LAYOUTS)('the desktop app from $name', (layout) => {
  let profile: Profile
  const running: StandInApp[] = []

  const start = async (options: Parameters<typeof startApp>[2] = {}) => {
    const app = await startApp(layout, profile, options)
    running.push(app)
    return app
  }

  afterEach(async () => {
    const violations = running.flatMap((app) => app.violations())
    await Promise.all(running.splice(0).map((app) => app.kill()))
    await profile?.remove()
    expect(violations, 'what real Electron would have refused or warned about').toEqual([])
  })

  const fresh = async () => {
    profile = await makeProfile()
  }

  it('first start with v1 data: migrated, every method registered once, the preload exposes exactly the contract', async () => {
    await fresh()
    mkdirSync(profile.dataDir, { recursive: true })
    copyFileSync(join(ROOT, 'test/fixtures/follow-through.v1.json'), dataFile(profile))
    const app = await start()

    expect((await app.request<string[]>('ipcChannels')).sort()).toEqual(METHOD_NAMES.map(ipcChannel).sort())
    expect(await app.request('mainWorldKeys')).toEqual(['api'])
    const bridge = await app.request<[string, string][]>('bridgeKeys')
    const names = bridge.map(([name]) => name)
    expect(names).toEqual(expect.arrayContaining([...METHOD_NAMES]))
    // Besides the methods only subscriptions (onBoardChanged, …): no generic invoke or send.
    expect(names.filter((name) => !(METHOD_NAMES as readonly string[]).includes(name)).every((name) => /^on[A-Z]/.test(name))).toBe(true)
    expect(bridge.every(([, type]) => type === 'function')).toBe(true)
    expect(await app.request('webPreferences')).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false })

    const board = await pageBoard(app)
    expect(board.columns.overdue).toContain('Send the proposal')
    expect(board.columns.done).toContain('Call back about the demo')

    await app.request('quit')
    expect(await app.exited).toBe(0)
    expect(JSON.parse(readFileSync(dataFile(profile), 'utf8')).schemaVersion).toBe(6)
    // The original is kept before the upgrade.
    expect(readdirSync(profile.dataDir)).toEqual(expect.arrayContaining([expect.stringMatching(/^follow-through\.before-format-\d+-upgrade\.json$/)]))
  })

  it('quick add through the preload reaches the page, the tray and, after quit, the disk', async () => {
    await fresh()
    const app = await start()
    const before = app.mark()
    const added = await call<{ id: string }>(app, 'quickAdd', { text: `${CARD} in 2 hours` })
    await trayShows(app, (labels) => labels.some((label) => label.includes(CARD)), before)
    expect((await pageBoard(app)).columns.due).toContain(CARD)
    // The page was told without asking again: some push after the add carries the new card.
    const pushes = Object.values(await app.request<Record<string, unknown[]>>('received')).flat()
    expect(JSON.stringify(pushes)).toContain(added.id)

    await app.request('clickTray', ['Quit'])
    expect(await app.exited).toBe(0)
    expect(readFileSync(dataFile(profile), 'utf8')).toContain(added.id)
  })

  it('the tray’s Mark done and Snooze 1 h change the card', async () => {
    await fresh()
    const app = await start()
    await call(app, 'quickAdd', { text: `${CARD} in 2 hours` })
    await call(app, 'quickAdd', { text: 'Email Bob Stone in 3 hours' })
    let menu = await trayShows(app, (labels) => labels.some((l) => l.includes(CARD)) && labels.some((l) => l.includes('Email Bob Stone')))

    const from = app.mark()
    await app.request('clickTray', [trayItem(menu, CARD)!.label, 'Mark done'])
    menu = await trayShows(app, (labels) => !labels.some((l) => l.includes(CARD)), from)
    expect((await pageBoard(app)).columns.done).toContain(CARD)

    const bob = trayItem(menu, 'Email Bob Stone')!.label
    await app.request('clickTray', [bob, 'Snooze 1 h'])
    await expect.poll(async () => {
      const result = await call<{ columns: Record<string, { title: string; snoozedUntil?: string }[]> }>(app, 'getBoard', {})
      return Object.values(result.columns).flat().find((card) => card.title === 'Email Bob Stone')?.snoozedUntil
    }).toBeDefined()
  })

  it('a reminder becomes a notification whose click opens the window on that card', async () => {
    await fresh()
    const app = await start()
    const added = await addWithTargetNow(app)
    const shown = await app.waitForEvent<{ index: number; title: string; body: string }>('notification', (n) => `${n.title} ${n.body}`.includes(CARD))
    expect(`${shown.title} ${shown.body}`).toContain('Jenny Rivera')
    await app.request('closeWindow')
    const from = app.mark()
    await app.request('clickNotification', { index: shown.index })
    await app.waitForEvent<{ visible: boolean; minimized: boolean }>('windowState', (s) => s.visible && !s.minimized, from)
    await expect.poll(async () => (await app.request<Record<string, unknown[]>>('received')).onShellCommand).toContainEqual({ type: 'focusCard', id: added.id })
  })

  it('without Electron notifications the reminder shows as a banner on the board', async () => {
    await fresh()
    const app = await start({ notifications: 'unsupported' })
    await addWithTargetNow(app)
    await expect.poll(async () => (await pageBoard(app)).notices.join('\n'), { timeout: 15_000 }).toMatch(/Desktop notifications are not working.*Call Jenny Rivera/s)
  })

  it('a second start hands over to the running app, which shows its window', async () => {
    await fresh()
    const first = await start({ platform: 'win32' })
    await first.request('closeWindow')
    await first.waitForEvent<{ visible: boolean }>('windowState', (s) => !s.visible)
    const from = first.mark()
    const second = launchStandIn({ main: layout.main(), packaged: layout.packaged, userData: profile.userData, dataDir: profile.dataDir, platform: 'win32' })
    running.push(second)
    expect(await second.exited).toBe(0)
    expect(second.events.some((event) => event.name === 'window')).toBe(false)
    await first.waitForEvent('secondInstance', undefined, from)
    await first.waitForEvent<{ visible: boolean }>('windowState', (s) => s.visible, from)
  })

  it('a data folder another app has open is refused with a message, and nothing is written', async () => {
    await fresh()
    const owner = await start()
    await call(owner, 'quickAdd', { text: `${CARD} in 2 hours` })
    // Another profile (so no single-instance handover), the same data folder.
    const other = await makeProfile()
    const second = launchStandIn({ main: layout.main(), packaged: layout.packaged, userData: other.userData, dataDir: profile.dataDir })
    running.push(second)
    const error = await second.waitForEvent<{ kind: string; title: string; message: string }>('dialog')
    expect(error.message).toMatch(/already open/)
    expect(await second.exited).not.toBe(0)
    await other.remove()
    expect((await pageBoard(owner)).columns.due).toContain(CARD)
  })

  it('closing the window hides it to the tray; the app keeps running', async () => {
    await fresh()
    const app = await start({ platform: 'win32' })
    await app.request('closeWindow')
    const [window] = await app.request<{ visible: boolean; destroyed: boolean }[]>('windows')
    expect(window).toMatchObject({ visible: false, destroyed: false })
    expect(await app.request('trayCount')).toBe(1)
  })
})

