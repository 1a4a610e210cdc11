import { spawnSync } from 'node:child_process'
import { accessSync, constants, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ipcChannel, METHOD_NAMES, OPEN_VIEW_CHANNEL } from '../../electron/contract/methods'
import { launchStandIn, menuLabels, type MenuDescription, type StandInApp } from '../support/electron/harness'
import { readSyscalls } from '../support/electron/syscalls'
import { buildPackagedLayout } from '../support/electron/packagedLayout'
import { call, dataFile, makeProfile, pageBoard, startApp, trayItem, trayShows, type Layout, type Profile } from '../support/electron/scenarios'
import { ROOT } from './support/paths'
import type { ViewMessage } from '../../electron/contract/view'

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
const inCi = process.env.CI === 'true'
const hasStrace = (process.env.PATH ?? '').split(delimiter).some((dir) => {
  try {
    accessSync(join(dir, 'strace'), constants.X_OK)
    return true
  } catch {
    return false
  }
})

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

  it('first start with v1 data: migrated, every method and the view channel registered once, the preload exposes exactly the contract', async () => {
    await fresh()
    mkdirSync(profile.dataDir, { recursive: true })
    copyFileSync(join(ROOT, 'test/fixtures/follow-through.v1.json'), dataFile(profile))
    const app = await start()

    expect((await app.request<string[]>('ipcChannels')).sort()).toEqual([...METHOD_NAMES.map(ipcChannel), OPEN_VIEW_CHANNEL].sort())
    expect(await app.request('mainWorldKeys')).toEqual(['api'])
    const bridge = await app.request<[string, string][]>('bridgeKeys')
    const names = bridge.map(([name]) => name)
    expect(names).toEqual(expect.arrayContaining([...METHOD_NAMES]))
    // Besides the methods only openView, the system locale and subscriptions (onShellCommand, …): no generic invoke or send.
    expect(names).toEqual(expect.arrayContaining(['openView', 'systemLocale']))
    const others = names.filter((name) => !(METHOD_NAMES as readonly string[]).includes(name) && name !== 'openView' && name !== 'systemLocale')
    expect(others.every((name) => /^on[A-Z]/.test(name))).toBe(true)
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

  it('the page is given the OS’s regional locale for dates and amounts, not the UI language', async () => {
    await fresh()
    const app = await start({ systemLocale: 'de-DE' })
    expect(await app.request('call', { method: 'systemLocale' })).toBe('de-DE')
  })

  it('quick add through the preload reaches the page, the tray and, after quit, the disk', async () => {
    await fresh()
    const app = await start()
    const before = app.mark()
    const added = await call<{ id: string }>(app, 'quickAdd', { text: `${CARD} in 2 hours` })
    await trayShows(app, (labels) => labels.some((label) => label.includes(CARD)), before)
    expect((await pageBoard(app)).columns.due).toContain(CARD)
    // The page was told without asking again: a delta on the view it opened at load carries the new card.
    const viewMessages = (await app.request<Record<string, ViewMessage[]>>('received')).openView ?? []
    expect(viewMessages[0]?.type).toBe('snapshot')
    expect(JSON.stringify(viewMessages.filter((message) => message.type === 'delta'))).toContain(added.id)

    await app.request('clickTray', ['Quit'])
    expect(await app.exited).toBe(0)
    expect(readFileSync(dataFile(profile), 'utf8')).toContain(added.id)
  })

  it('the tray’s Mark done, Snooze 1 h and Plan for today change the card', async () => {
    await fresh()
    const app = await start()
    await call(app, 'quickAdd', { text: `${CARD} in 2 hours` })
    await call(app, 'quickAdd', { text: 'Email Bob Stone in 3 hours' })
    await call(app, 'quickAdd', { text: 'Call Ann Lee in 9 days' })
    let menu = await trayShows(app, (labels) => labels.some((l) => l.includes(CARD)) && labels.some((l) => l.includes('Email Bob Stone')) && labels.some((l) => l.includes('Call Ann Lee')))

    const planned = app.mark()
    const ann = trayItem(menu, 'Plan for today')!.submenu!.find((item) => item.label.includes('Call Ann Lee'))!.label
    await app.request('clickTray', ['Plan for today', ann])
    await trayShows(app, (labels) => labels.filter((l) => l.includes('Call Ann Lee')).length === 1 && !labels.includes('Plan for today'), planned)
    expect((await pageBoard(app)).columns.due).toContain('Call Ann Lee')

    const from = app.mark()
    await app.request('clickTray', [trayItem(menu, CARD)!.label, 'Mark done'])
    // Gone from today's list (its check-in, planned for later, is offered under Plan for today).
    menu = await app.waitForEvent<MenuDescription[]>('trayMenu', (next) => trayItem(next, CARD) === undefined, from)
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
  it('on Linux without a status area, closing minimises the window instead of hiding it', async () => {
    await fresh()
    const app = await start({ platform: 'linux' })
    const from = app.mark()
    await app.request('closeWindow')
    await app.waitForEvent<{ minimized: boolean; visible: boolean }>('windowState', (s) => s.minimized && s.visible, from)
    expect(await pageBoard(app)).toBeDefined()
  })

  it.skipIf(!hasStrace && !inCi)('Quit writes the data durably: the new file is fsynced before it replaces the old, and the folder after', async () => {
    if (!hasStrace) throw new Error('CI must run the durability scenario, but strace is not installed (apt-get install strace).')
    await fresh()
    const trace = join(profile.userData, '..', 'strace.log')
    const app = await start({ straceTo: trace })
    const added = await call<{ id: string }>(app, 'quickAdd', { text: `${CARD} in 2 hours` })
    await app.request('clickTray', ['Quit'])
    expect(await app.exited).toBe(0)
    expect(readFileSync(dataFile(profile), 'utf8')).toContain(added.id)
    const calls = readSyscalls(trace)
    const replaced = calls.findLastIndex((c) => c.call === 'rename' && c.to === dataFile(profile))
    expect(replaced, 'the data file is replaced by a rename').toBeGreaterThanOrEqual(0)
    const rename = calls[replaced] as { from: string }
    expect(calls.slice(0, replaced).some((c) => c.call === 'fsync' && c.path === rename.from), `${rename.from} fsynced before the rename`).toBe(true)
    expect(calls.slice(replaced).some((c) => c.call === 'fsync' && c.path === dirname(dataFile(profile))), 'the data folder fsynced after the rename').toBe(true)
  })
})


/** What each platform does differently, and the menus: run once, on the built bundle. */
describe('the built desktop app on each platform', () => {
  const layout = LAYOUTS[0]
  let profile: Profile
  const running: StandInApp[] = []
  const start = async (options: Parameters<typeof startApp>[2] = {}) => {
    profile = await makeProfile()
    const app = await startApp(layout, profile, options)
    running.push(app)
    return app
  }
  const shellCommands = async (app: StandInApp) => (await app.request<Record<string, unknown[]>>('received')).onShellCommand ?? []

  afterEach(async () => {
    const violations = running.flatMap((app) => app.violations())
    await Promise.all(running.splice(0).map((app) => app.kill()))
    await profile?.remove()
    expect(violations, 'what real Electron would have refused or warned about').toEqual([])
  })

  it('serves the page from app:// with a CSP that forbids plugins, base changes and form posts', async () => {
    const app = await start()
    const page = await app.waitForEvent<{ url: string; csp: string }>('pageResponse')
    expect(page.url).toBe('app://follow-through/index.html')
    expect(page.csp).toEqual(expect.stringContaining("object-src 'none'"))
    expect(page.csp).toEqual(expect.stringContaining("base-uri 'none'"))
    expect(page.csp).toEqual(expect.stringContaining("form-action 'none'"))
    expect(await app.request('webPreferences')).toMatchObject({ devTools: false })
  })

  it('macOS: the notification’s Mark done completes the card', async () => {
    const app = await start({ platform: 'darwin' })
    await addWithTargetNow(app)
    const shown = await app.waitForEvent<{ index: number; actions: string[] }>('notification', (n) => n.actions.length > 0)
    expect(shown.actions).toEqual(['Mark done', 'Snooze 1 h'])
    await app.request('clickNotification', { index: shown.index, action: 0 })
    await expect.poll(async () => (await pageBoard(app)).columns.done).toContain(CARD)
  })

  it('macOS: when the system refuses notifications (an unsigned build), the reminder shows as a banner', async () => {
    const app = await start({ platform: 'darwin', notifications: 'refused' })
    await addWithTargetNow(app)
    await expect.poll(async () => (await pageBoard(app)).notices.join('\n'), { timeout: 15_000 }).toMatch(/Desktop notifications are not working.*not allowed/s)
  })

  it('Windows: the toast’s Snooze 1 h button snoozes the card through the app’s protocol', async () => {
    const app = await start({ platform: 'win32' })
    const added = await addWithTargetNow(app)
    const shown = await app.waitForEvent<{ index: number; toastButtons: string[] }>('notification', (n) => n.toastButtons.length > 0)
    expect(shown.toastButtons).toEqual(['Mark done', 'Snooze 1 h'])
    await app.request('clickToastButton', { index: shown.index, button: 1 })
    await expect
      .poll(async () => {
        const board = await call<{ columns: Record<string, { id: string; snoozedUntil?: string }[]> }>(app, 'getBoard', {})
        return Object.values(board.columns).flat().find((card) => card.id === added.id)?.snoozedUntil
      })
      .toBeDefined()
  })

  it('Windows: the first time closing hides the window, a note says the app keeps running and how to quit; only once', async () => {
    const app = await start({ platform: 'win32' })
    await app.request('closeWindow')
    const note = await app.waitForEvent<{ title: string; body: string }>('notification', (n) => n.title.includes('still running'))
    expect(note.body).toContain('To quit')
    await app.request('clickTrayIcon')
    await app.request('closeWindow')
    await app.request('clickTrayIcon')
    expect(app.events.filter((e) => e.name === 'notification' && (e.data as { title: string }).title.includes('still running'))).toHaveLength(1)
  })

  it('the menus offer About, Settings on Ctrl+comma, Import / Export, Scorecard, Keyboard shortcuts and the logs', async () => {
    const app = await start({ platform: 'linux' })
    const menu = await app.request<MenuDescription[]>('applicationMenu')
    expect(menuLabels(menu)).toEqual(expect.arrayContaining(['About Follow Through', 'Settings…', 'Import / Export…', 'Scorecard', 'Keyboard shortcuts', 'Open logs folder']))
    const settings = menu.flatMap((item) => item.submenu ?? []).find((item) => item.label === '&Settings…')
    expect(settings?.accelerator).toBe('CommandOrControl+,')

    await app.request('clickMenu', ['Help', 'Keyboard shortcuts'])
    await app.request('clickMenu', ['File', 'Scorecard'])
    await app.request('clickMenu', ['File', 'Settings…'])
    await expect.poll(() => shellCommands(app)).toEqual(
      expect.arrayContaining([{ type: 'showShortcuts' }, { type: 'openDialog', dialog: 'scorecard' }, { type: 'openDialog', dialog: 'settings' }]),
    )

    await app.request('clickMenu', ['Help', 'Open logs folder'])
    const folder = await app.waitForEvent<string>('openPath')
    await expect.poll(() => readdirSync(folder)).toContain('main.log')
    await app.request('clickMenu', ['Help', 'About Follow Through'])
    expect(await app.waitForEvent<{ applicationName: string }>('about')).toMatchObject({ applicationName: 'Follow Through' })
  })

  it('right-click on a misspelled word offers the suggestions and cut, copy, paste', async () => {
    const app = await start()
    // Chromium selects the word under the pointer before it reports the right-click.
    await app.request('contextMenu', { selectionText: 'folow', misspelledWord: 'folow', dictionarySuggestions: ['follow', 'fellow'] })
    const popup = await app.waitForEvent<MenuDescription[]>('popup')
    expect(menuLabels(popup)).toEqual(expect.arrayContaining(['follow', 'fellow', 'Cut', 'Copy', 'Paste']))
  })

  it('a quick-add shortcut another app owns is named in a banner; picking another in Settings takes it', async () => {
    const app = await start({ takenShortcuts: ['CommandOrControl+Shift+Space'] })
    await expect.poll(async () => (await pageBoard(app)).notices.join('\n')).toMatch(/Ctrl\+Shift\+Space is already used by another application.*Settings/s)
    const from = app.mark()
    await call(app, 'updateSettings', { quickAddShortcut: 'Alt+Shift+F' })
    await app.waitForEvent<string[]>('shortcuts', (keys) => keys.includes('Alt+Shift+F'), from)
    await expect.poll(async () => (await pageBoard(app)).notices.join('\n')).not.toMatch(/already used/)
    await app.request('closeWindow')
    await app.request('pressShortcut', 'Alt+Shift+F')
    await expect.poll(() => shellCommands(app)).toContainEqual({ type: 'focusQuickAdd' })
  })

  it('when the final save fails, quitting asks, and Save a copy as… keeps every change', async () => {
    const app = await start()
    // The data folder becomes a file: every save from now on fails (a data file replaced
    // by another program would only be set aside, and ours written).
    renameSync(profile.dataDir, `${profile.dataDir}.moved`)
    writeFileSync(profile.dataDir, 'not a folder')
    // The change is kept in memory and shown, but not acknowledged as saved.
    const refused = await app.request<{ ok: boolean; error?: { message: string } }>('call', { method: 'quickAdd', input: { text: `${CARD} in 2 hours` } })
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Could not save your changes.*kept in memory/) } })
    const board = await pageBoard(app)
    expect(board.columns.due).toContain(CARD)
    await app.request('clickTray', ['Quit'])
    const asked = await app.waitForEvent<{ message: string; detail: string; buttons: string[] }>('dialog', (d) => d.buttons?.includes('Retry'))
    expect(asked.buttons).toEqual(['Retry', 'Save a copy as…', 'Quit anyway'])
    expect(asked.detail).toContain(`Not saved yet: 1 follow-up (${CARD})`)
    await app.request('answerDialog', 'Save a copy as…')
    await app.waitForEvent('dialog', (d: { kind: string }) => d.kind === 'save')
    const copy = join(profile.userData, 'rescued.json')
    await app.request('answerDialog', copy)
    expect(await app.exited).toBe(0)
    expect(readFileSync(copy, 'utf8')).toContain(CARD)
  })
})
