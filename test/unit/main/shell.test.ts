import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ipcChannel, METHOD_NAMES, OPEN_VIEW_CHANNEL, VIEW_CHANNEL, type BoardSnapshot, type Result, type ViewMessage } from '../../../electron/contract'
import { applyDelta, viewStateFrom, type ViewState } from '../../../electron/contract/view'
import { emptyData, type FollowUp } from '../../../electron/core/schema'
import { HIDDEN_ARG } from '../../../electron/main/loginItem'
import { SHELL_COMMAND_CHANNEL } from '../../../electron/contract/methods'
import { startDesktopShell, type DesktopShell, type ShellOptions } from '../../../electron/main/shell'
import { FollowThroughService } from '../../../electron/service/service'
import { DATA_FILE_NAME } from '../../../electron/store/store'
import { makeFollowUp } from '../../fixtures/followUps'
import {
  app,
  dialog,
  FakeBrowserWindow,
  FakeEvent,
  FakeNotification,
  FakeTray,
  globalShortcut,
  ipcMain,
  Menu,
  powerMonitor,
  protocol,
  resetFakeElectron,
  session,
} from './support/fakeElectron'

vi.mock('electron', () => import('./support/fakeElectron'))
// electron-context-menu loads the real 'electron' package, which has no binary here.
vi.mock('electron-context-menu', () => ({ default: vi.fn() }))
// A status area is there unless a test says otherwise (statusArea.ts asks the session bus).
const statusArea = vi.hoisted(() => ({ present: true }))
vi.mock('../../../electron/main/statusArea', () => ({ hasStatusArea: async () => statusArea.present }))

const ROOT = join(import.meta.dirname, '../../..')
const TRUSTED = { senderFrame: { url: 'app://follow-through/index.html', parent: null } }

let dataDir: string
let userData: string
let shells: DesktopShell[] = []

beforeEach(async () => {
  resetFakeElectron()
  statusArea.present = true
  dataDir = await mkdtemp(join(tmpdir(), 'ft-shell-data-'))
  userData = await mkdtemp(join(tmpdir(), 'ft-shell-user-'))
  app.paths.userData = userData
  app.appPath = ROOT
})

afterEach(async () => {
  // Quit every shell a test left running, so its store is flushed and its lock released.
  if (!app.quitted && shells.length > 0) {
    app.quit()
    await vi.waitFor(() => expect(app.quitted).toBe(true))
  }
  shells = []
  await rm(dataDir, { recursive: true, force: true })
  await rm(userData, { recursive: true, force: true })
})

async function start(options: Partial<ShellOptions> = {}) {
  const shell = startDesktopShell({
    platform: 'linux',
    env: { FOLLOW_THROUGH_DATA_DIR: dataDir },
    argv: ['/opt/follow-through/follow-through'],
    execPath: '/opt/follow-through/follow-through',
    ...options,
  })
  if (!shell) throw new Error('the shell did not start')
  shells.push(shell)
  await shell.ready
  return shell
}

const call = <T,>(method: (typeof METHOD_NAMES)[number], input: unknown) =>
  ipcMain.handlers.get(ipcChannel(method))!(TRUSTED, input) as Promise<Result<T>>

const theWindow = () => {
  const open = FakeBrowserWindow.instances.filter((w) => !w.destroyed)
  expect(open).toHaveLength(1)
  return open[0]
}

const ALL = { start: 0, end: 100 }

/**
 * Opens a view from the window's page over IPC, as the board does on load; returns
 * what the page shows: the snapshot with every delta since applied, read on demand.
 */
function openPageView(window: FakeBrowserWindow, viewId = 'page-view') {
  const opened = ipcMain.handlers.get(OPEN_VIEW_CHANNEL)!({ ...TRUSTED, sender: window.webContents }, { viewId, query: {}, ranges: { promised: ALL, due: ALL, overdue: ALL, done: ALL } })
  expect(opened).toEqual({ ok: true, value: { viewId } })
  return (): ViewState => {
    let state: ViewState | null = null
    for (const [channel, text] of window.webContents.send.mock.calls) {
      if (channel !== VIEW_CHANNEL) continue
      const message = JSON.parse(text as string) as ViewMessage
      if (message.type === 'snapshot' && message.snapshot.viewId === viewId) state = viewStateFrom(message.snapshot)
      else if (message.type === 'delta' && message.delta.viewId === viewId && state) state = applyDelta(state, message.delta) ?? state
    }
    if (!state) throw new Error('the page got no snapshot')
    return state
  }
}

const titlesIn = (state: ViewState, column: keyof ViewState['windows']) => state.windows[column].ids.map((id) => state.cards.get(id)!.title)

async function seed(followUps: FollowUp[]) {
  const data = emptyData()
  data.followUps = followUps
  await writeFile(join(dataDir, DATA_FILE_NAME), JSON.stringify(data))
}

describe('single instance', () => {
  it('a second launch quits at once and leaves the first to show itself', () => {
    app.singleInstance = false
    expect(startDesktopShell({ platform: 'linux', env: {}, argv: [], execPath: '/x' })).toBeNull()
    expect(app.quit).toHaveBeenCalled()
    expect(app.whenReady).not.toHaveBeenCalled()
    expect(FakeBrowserWindow.instances).toHaveLength(0)
  })

  it('the first instance brings its window back when a second one starts', async () => {
    await start()
    const window = theWindow()
    window.hide()
    window.minimized = true
    app.emit('second-instance', new FakeEvent(), ['/opt/follow-through/follow-through'], '/')
    expect(window.restore).toHaveBeenCalled()
    expect(window.visible).toBe(true)
    expect(window.focus).toHaveBeenCalled()
    expect(FakeBrowserWindow.instances).toHaveLength(1)
  })
})

describe('start', () => {
  it('opens the board window, the tray, the menu, the shortcut, one IPC channel per method and one for views', async () => {
    await start()
    const window = theWindow()
    window.emit('ready-to-show')
    expect(window.visible).toBe(true)
    expect(FakeTray.instances).toHaveLength(1)
    expect(Menu.setApplicationMenu).toHaveBeenCalledTimes(1)
    expect(globalShortcut.register).toHaveBeenCalledWith('CommandOrControl+Shift+Space', expect.any(Function))
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...METHOD_NAMES.map(ipcChannel), OPEN_VIEW_CHANNEL].sort())
    // The board's scheme: standard and secure like https, and its compiled bundle kept between starts.
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, codeCache: true }) },
    ])
  })

  it('hardens the session: permissions denied, CSP header in production', async () => {
    await start()
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled()
    expect(session.defaultSession.webRequest.onHeadersReceived).toHaveBeenCalled()
  })

  it('hardens every web contents created, not only the board’s', async () => {
    await start()
    const contents = { setWindowOpenHandler: vi.fn(), on: vi.fn() }
    app.emit('web-contents-created', new FakeEvent(), contents)
    expect(contents.setWindowOpenHandler).toHaveBeenCalled()
    expect(contents.on).toHaveBeenCalledWith('will-navigate', expect.any(Function))
  })

  it('starts hidden in the tray when launched at login', async () => {
    await start({ argv: ['/opt/follow-through/follow-through', HIDDEN_ARG] })
    expect(FakeBrowserWindow.instances).toHaveLength(0)
    expect(FakeTray.instances).toHaveLength(1)
  })

  it('after a hidden start, Quick add in the tray opens the window and asks the page to focus quick add', async () => {
    await start({ argv: ['/opt/follow-through/follow-through', HIDDEN_ARG] })
    const menu = Menu.buildFromTemplate.mock.calls.map(([template]) => template as { label?: string; click?: () => void }[])
    menu.filter((template) => template.some((item) => item.label === 'Quit')).at(-1)!.find((item) => item.label === 'Quick add…')!.click!()
    const window = theWindow()
    window.emit('ready-to-show')
    expect(window.visible).toBe(true)
    expect(window.webContents.send).toHaveBeenCalledWith(SHELL_COMMAND_CHANNEL, { type: 'focusQuickAdd' })
  })

  it('shows the window even when launched at login if there is no tray to find it in', async () => {
    const { nativeImage } = await import('./support/fakeElectron')
    nativeImage.missing.add(join(ROOT, 'resources', 'tray', 'tray.png'))
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    await start({ argv: ['/opt/follow-through/follow-through', HIDDEN_ARG] })
    expect(FakeTray.instances).toHaveLength(0)
    expect(FakeBrowserWindow.instances).toHaveLength(1)
    error.mockRestore()
  })

  it('says why and exits when the data cannot be opened', async () => {
    await writeFile(join(dataDir, DATA_FILE_NAME), '{ damaged')
    const shell = startDesktopShell({ platform: 'linux', env: { FOLLOW_THROUGH_DATA_DIR: dataDir }, argv: [], execPath: '/x' })
    await shell?.ready
    expect(dialog.showErrorBox).toHaveBeenCalledWith('Follow Through cannot open your data', expect.stringContaining('cannot open'))
    expect(app.exit).toHaveBeenCalledWith(1)
    expect(FakeBrowserWindow.instances).toHaveLength(0)
  })
})

describe('closing and quitting', () => {
  it('closing the window hides it to the tray and remembers where it was', async () => {
    await start()
    const window = theWindow()
    window.bounds = { x: 33, y: 44, width: 999, height: 666 }
    const event = window.close()
    expect(event.defaultPrevented).toBe(true)
    expect(window.destroyed).toBe(false)
    expect(window.visible).toBe(false)
    expect(JSON.parse(await readFile(join(userData, 'window-state.json'), 'utf8'))).toEqual({ x: 33, y: 44, width: 999, height: 666, maximized: false })
  })

  it('opens the next window where the last one was', async () => {
    await writeFile(join(userData, 'window-state.json'), JSON.stringify({ x: 50, y: 60, width: 1111, height: 777, maximized: false }))
    await start()
    expect(theWindow().options).toMatchObject({ x: 50, y: 60, width: 1111, height: 777 })
  })

  it('on Linux without a status area, closing minimises instead of hiding the only way back', async () => {
    statusArea.present = false
    await start()
    const window = theWindow()
    expect(window.close().defaultPrevented).toBe(true)
    expect(window.minimize).toHaveBeenCalled()
    expect(window.hide).not.toHaveBeenCalled()
  })

  it('the first hide to the tray says once that the app keeps running and how to quit', async () => {
    await start({ platform: 'win32' })
    const window = theWindow()
    window.close()
    window.show()
    window.close()
    const notes = FakeNotification.instances.filter((n) => n.options.title.startsWith('Follow Through is still running'))
    expect(notes).toHaveLength(1)
    expect(notes[0].options.toastXml).toContain('To quit, choose Quit in its menu')
  })

  it('closing really closes (and so quits) when there is no tray', async () => {
    const { nativeImage } = await import('./support/fakeElectron')
    nativeImage.missing.add(join(ROOT, 'resources', 'tray', 'tray.png'))
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    await start({ platform: 'win32' })
    const window = theWindow()
    expect(window.close().defaultPrevented).toBe(false)
    app.emit('window-all-closed')
    await vi.waitFor(() => expect(app.quitted).toBe(true))
    error.mockRestore()
  })

  it('Quit saves everything first, then really closes the window and releases the shortcut and tray', async () => {
    await start()
    const stop = vi.spyOn(FollowThroughService.prototype, 'stop')
    const window = theWindow()
    const created = await call<FollowUp>('create', { title: 'Send the proposal', client: { name: 'Jenny Rivera' }, dueAt: '2040-01-01T10:00:00.000Z' })
    expect(created.ok).toBe(true)

    app.quit()
    // The first quit is held back while the store writes.
    expect(stop).toHaveBeenCalledTimes(1)
    expect(window.destroyed).toBe(false)
    await vi.waitFor(() => expect(app.quitted).toBe(true))

    expect(window.destroyed).toBe(true)
    expect(globalShortcut.unregisterAll).toHaveBeenCalled()
    expect(FakeTray.instances[0].destroyed).toBe(true)
    const saved = JSON.parse(await readFile(join(dataDir, DATA_FILE_NAME), 'utf8'))
    expect(saved.followUps.map((f: FollowUp) => f.title)).toEqual(['Send the proposal'])
    stop.mockRestore()
  })

  it('Quit from the tray quits the same way', async () => {
    await start()
    const tray = FakeTray.instances[0]
    // The tray is updated on start; use its latest menu.
    await vi.waitFor(() => expect(Menu.buildFromTemplate).toHaveBeenCalled())
    const menus = Menu.buildFromTemplate.mock.calls.map(([template]) => template as { label?: string; click?: () => void }[])
    const trayMenu = menus.filter((template) => template.some((item) => item.label === 'Quit')).at(-1)!
    trayMenu.find((item) => item.label === 'Quit')!.click!()
    await vi.waitFor(() => expect(app.quitted).toBe(true))
    expect(tray.destroyed).toBe(true)
  })

  it('a quit while the data is still opening releases it and opens no window', async () => {
    const shell = startDesktopShell({ platform: 'linux', env: { FOLLOW_THROUGH_DATA_DIR: dataDir }, argv: [], execPath: '/x' })
    app.quit()
    await shell?.ready
    expect(app.quitted).toBe(true)
    expect(FakeBrowserWindow.instances).toHaveLength(0)
    expect(ipcMain.handlers.size).toBe(0)
    // The folder lock was released: the data opens again.
    const { Store } = await import('../../../electron/store/store')
    const store = await Store.open({ dataDir, app: 'test' })
    await store.close()
  })

  it('ignores a second launch that arrives before the first has started', async () => {
    const shell = startDesktopShell({ platform: 'linux', env: { FOLLOW_THROUGH_DATA_DIR: dataDir }, argv: [], execPath: '/x' })
    app.emit('second-instance', new FakeEvent(), [], '/')
    expect(FakeBrowserWindow.instances).toHaveLength(0)
    app.quit()
    await shell?.ready
  })

  it('when the final save fails, Retry saves and quits', async () => {
    await start()
    const stop = vi.spyOn(FollowThroughService.prototype, 'stop').mockRejectedValueOnce(new Error('disk full'))
    dialog.answers = ['Retry']
    app.quit()
    await vi.waitFor(() => expect(app.quitted).toBe(true))
    expect(dialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ message: 'Follow Through could not save your changes.', detail: expect.stringContaining('disk full') }))
    expect(stop).toHaveBeenCalledTimes(2)
    stop.mockRestore()
  })

  it('when the final save fails, Save a copy as… writes everything to the chosen file, then quits', async () => {
    await start()
    const created = await call<FollowUp>('create', { title: 'Send the proposal', client: { name: 'Jenny Rivera' }, dueAt: '2040-01-01T10:00:00.000Z' })
    const stop = vi.spyOn(FollowThroughService.prototype, 'stop').mockRejectedValue(new Error('disk full'))
    dialog.answers = ['Save a copy as…']
    dialog.savePath = join(userData, 'rescued.json')
    app.quit()
    await vi.waitFor(() => expect(app.quitted).toBe(true))
    expect(JSON.parse(await readFile(dialog.savePath, 'utf8')).followUps.map((f: FollowUp) => f.id)).toContain(created.ok && created.value.id)
    stop.mockRestore()
  })

  it('when the final save fails, Quit anyway first warns what would be lost; Go back asks again', async () => {
    await start()
    await call<FollowUp>('create', { title: 'Send the proposal', client: { name: 'Jenny Rivera' }, dueAt: '2040-01-01T10:00:00.000Z' })
    const stop = vi.spyOn(FollowThroughService.prototype, 'stop').mockRejectedValue(new Error('disk full'))
    dialog.answers = ['Quit anyway', 'Go back', 'Quit anyway', 'Quit and lose them']
    app.quit()
    await vi.waitFor(() => expect(app.quitted).toBe(true))
    const warnings = dialog.showMessageBox.mock.calls.map(([options]) => options.message)
    expect(warnings).toContain('Quit and lose 1 follow-up (Send the proposal)?')
    expect(dialog.answers).toEqual([])
    stop.mockRestore()
  })

  it('quits cleanly when the system shuts down (Linux, macOS)', async () => {
    await start()
    const event = new FakeEvent()
    powerMonitor.emit('shutdown', event)
    expect(event.defaultPrevented).toBe(true)
    await vi.waitFor(() => expect(app.quitted).toBe(true))
  })
})

describe('wiring', () => {
  it('looks at the clock again when the machine resumes or the screen is unlocked', async () => {
    await start()
    const wake = vi.spyOn(FollowThroughService.prototype, 'wake')
    powerMonitor.emit('resume')
    powerMonitor.emit('unlock-screen')
    expect(wake).toHaveBeenCalledTimes(2)
    wake.mockRestore()
  })

  it('shows the counts in the tray and keeps them current', async () => {
    await seed([{ ...makeFollowUp(1), id: 'late' }])
    await start()
    const tray = FakeTray.instances[0]
    expect(tray.setToolTip).toHaveBeenLastCalledWith('0 due today, 1 overdue')
    await call('complete', { id: 'late' })
    expect(tray.setToolTip).toHaveBeenLastCalledWith('0 due today, 0 overdue')
  })

  it('Mark done in the tray completes the follow-up through the service', async () => {
    await seed([{ ...makeFollowUp(1), id: 'late' }])
    await start()
    const menus = Menu.buildFromTemplate.mock.calls.map(([template]) => template as { label?: string; submenu?: { label?: string; click?: () => void }[] }[])
    const item = menus.at(-1)!.find((entry) => entry.submenu !== undefined)!
    item.submenu!.find((entry) => entry.label === 'Mark done')!.click!()
    await vi.waitFor(async () => {
      const board = await call<BoardSnapshot>('getBoard', {})
      expect(board.ok && board.value.columns.done.map((card) => card.id)).toEqual(['late'])
    })
  })

  it('a clicked reminder opens the window on its follow-up', async () => {
    await seed([{ ...makeFollowUp(1), id: 'late' }])
    await start()
    const [notification] = FakeNotification.instances
    expect(notification.options.title + notification.options.body).toContain('Client 1')
    const window = theWindow()
    window.hide()
    notification.emit('click')
    expect(window.visible).toBe(true)
    expect(window.webContents.send).toHaveBeenCalledWith(SHELL_COMMAND_CHANNEL, { type: 'focusCard', id: 'late' })
  })

  it('waits for the page to load before asking it to focus quick add (global shortcut)', async () => {
    await start()
    const window = theWindow()
    window.webContents.loading = true
    globalShortcut.registered.get('CommandOrControl+Shift+Space')!()
    expect(window.webContents.send).not.toHaveBeenCalledWith(SHELL_COMMAND_CHANNEL, expect.anything())
    window.webContents.emit('did-finish-load')
    expect(window.webContents.send).toHaveBeenCalledWith(SHELL_COMMAND_CHANNEL, { type: 'focusQuickAdd' })
  })

  it('the page opens its view over IPC and follows each change as a delta, without asking again', async () => {
    await seed([{ ...makeFollowUp(1), id: 'late', title: 'Send the proposal' }])
    await start()
    const page = openPageView(theWindow())
    expect(titlesIn(page(), 'overdue')).toEqual(['Send the proposal'])
    await call('complete', { id: 'late' })
    expect(titlesIn(page(), 'overdue')).toEqual([])
    expect(titlesIn(page(), 'done')).toEqual(['Send the proposal'])
    expect(theWindow().webContents.send.mock.calls.filter(([channel]) => channel === VIEW_CHANNEL).map(([, text]) => JSON.parse(text as string).type)).toEqual([
      'snapshot',
      'delta',
    ])
  })

  it('reports a taken shortcut as a banner on the board instead of failing; dismissing it removes it', async () => {
    globalShortcut.accept = false
    await start()
    const page = openPageView(theWindow())
    expect(page().status.notices).toEqual([expect.stringContaining('Ctrl+Shift+Space is already used')])
    expect(page().status.notices[0]).toContain('Settings')
    expect(await call('dismissNotice', { notice: page().status.notices[0] })).toEqual({ ok: true, value: { dismissed: true } })
    expect(page().status.notices).toEqual([])
  })

  it('shows a reminder as a banner on the page when no notification can be shown', async () => {
    FakeNotification.supported = false
    await seed([{ ...makeFollowUp(1), id: 'late' }])
    await start({ platform: 'darwin' })
    const page = openPageView(theWindow())
    await vi.waitFor(() => expect(page().status.notices.join(' ')).toContain('Desktop notifications are not working'))
    expect(page().status.notices.join(' ')).toContain('Client 1')
  })
})
