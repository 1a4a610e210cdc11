import { mkdirSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
import { app, dialog, globalShortcut, ipcMain, Menu, powerMonitor, safeStorage, session, shell, type BrowserWindow } from 'electron'
import contextMenu from 'electron-context-menu'
import type { Handlers, Input } from '../contract'
import { SHELL_COMMAND_CHANNEL, type ShellCommand } from '../contract/methods'
import type { Data } from '../core/schema'
import { settleMemoryAfterOpen } from '../service/collectGarbage'
import { dispatch } from '../service/dispatch'
import { startFileLog } from '../service/log'
import type { Notification } from '../service/notifier'
import { FollowThroughService, type TrayBoard } from '../service/service'
import { resolveDataDir } from '../store/dataDir'
import { decodeDataFile } from '../store/decode'
import { Store } from '../store/store'
import { appMenuTemplate, type AppMenuHandlers } from './appMenu'
import { registerAppScheme, serveRenderer } from './appProtocol'
import { registerIpc } from './ipc'
import { safeStoragePasswords } from './safeStoragePasswords'
import { createLoginItem, launchedHidden, type LoginItem } from './loginItem'
import { createDesktopNotifier, latestNotification, parseToastActivation, TOAST_PROTOCOL, type NotificationAction } from './notifications'
import { describeUnsaved, saveBeforeQuit } from './quitSave'
import { hardenSession, hardenWebContents } from './security'
import { ShellNotices } from './shellNotices'
import { shortcutKeeper, shortcutNotice } from './shortcut'
import { hasStatusArea } from './statusArea'
import { createTray, currentTrayMenu, type TrayHandlers, type TrayView } from './tray'
import { snoozeOneHour, trayModel } from './trayModel'
import { firstTime, trayNote } from './trayNote'
import { closeAction, createBoardWindow, rememberWindowState, rendererDir } from './window'
import { loadWindowState, windowStateFile } from './windowState'

export interface ShellOptions {
  platform: NodeJS.Platform
  env: NodeJS.ProcessEnv
  argv: readonly string[]
  execPath: string
  /** Set by electron-vite in development; absent in a built app. */
  devServerUrl?: string
}

export interface DesktopShell {
  /** Settles once the app is ready and running, or has given up (store could not open). */
  readonly ready: Promise<void>
  /** True from the moment a real quit began: closing the window then closes it instead of hiding it. */
  readonly quitting: boolean
}

/** Keys of the banners the shell itself shows. */
const NOTICE = { notifications: 'shell:notifications', shortcut: 'shell:shortcut', tray: 'shell:tray' } as const

const unavailableNotice = (notification: Notification, reason: string) =>
  `Desktop notifications are not working (${reason}), so reminders show here. Latest: ${notification.title} — ${notification.body}`

/**
 * The desktop app's lifecycle: one instance, one window that hides to the tray,
 * a real quit that saves first, and every Electron surface (tray, notifications,
 * menu, shortcut, power events) wired to the one service. Each decision lives in a
 * plain module beside this one; this file only connects them.
 */
export function startDesktopShell(options: ShellOptions): DesktopShell | null {
  const { platform, env, devServerUrl } = options
  // A second launch hands over to the first (see 'second-instance') and leaves.
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return null
  }
  // Before 'ready': app:// must be privileged before the first page loads.
  registerAppScheme()
  const log = startFileLog(join(app.getPath('logs'), 'main.log'))
  // Windows starts the app with follow-through://… when a toast button is clicked.
  if (platform === 'win32') app.setAsDefaultProtocolClient(TOAST_PROTOCOL)
  // Right-click: spelling suggestions, cut, copy, paste; no web search, no image saving.
  contextMenu({ showInspectElement: devServerUrl !== undefined, showSearchWithGoogle: false, showCopyImage: false, showSaveImageAs: false, showSelectAll: true })

  let window: BrowserWindow | null = null
  let service: FollowThroughService | null = null
  let trayView: TrayView | null = null
  let quitting = false
  /** False on a Linux desktop without a status area, where a tray icon is invisible. */
  let statusArea = true
  let notifyShell: (notification: Notification) => void = () => {}
  const firstHideToTray = firstTime(join(app.getPath('userData'), 'tray-note-shown'))
  const notices = new ShellNotices()
  // Native surfaces (tray menu, OS notifications) cannot be reached by Playwright; its
  // Electron tests reach them through this handle, which exists only when they ask.
  if (env.FOLLOW_THROUGH_E2E === '1') Object.assign(globalThis, { followThroughE2E: { trayMenu: currentTrayMenu, latestNotification } })
  const resourcesDir = join(app.getAppPath(), 'resources')
  let loginItem: LoginItem = { available: false, isEnabled: () => false, setEnabled: () => {} }
  let unsavedChanges = async () => 'changes made since the last save'
  let saveCopy: (path: string) => Promise<void> = async () => {}

  const sendCommand = (target: BrowserWindow, command: ShellCommand) => {
    const send = () => {
      if (!target.isDestroyed()) target.webContents.send(SHELL_COMMAND_CHANNEL, command)
    }
    if (target.webContents.isLoading()) target.webContents.once('did-finish-load', send)
    else send()
  }

  const openWindow = (show: boolean): BrowserWindow => {
    const stateFile = windowStateFile(app.getPath('userData'))
    const created = createBoardWindow({
      devServerUrl,
      state: loadWindowState(stateFile),
      iconPath: platform === 'darwin' ? undefined : join(resourcesDir, 'icon.png'),
      showWhenReady: show,
      systemLocale: app.getSystemLocale(),
    })
    rememberWindowState(created, stateFile)
    created.on('close', (event) => {
      const action = closeAction({ quitting, hasTray: trayView !== null, trayVisible: statusArea, platform })
      if (action === 'close') return
      event.preventDefault()
      if (action === 'minimize') return created.minimize()
      created.hide()
      if (firstHideToTray()) notifyShell(trayNote(platform))
    })
    created.on('closed', () => {
      if (window === created) window = null
    })
    // Windows logs off or shuts down without 'before-quit': start the saving quit now.
    created.on('session-end', () => app.quit())
    return created
  }

  const showBoard = (command?: ShellCommand) => {
    // Nothing to show before the service runs (start() shows the window itself) or once quitting.
    if (quitting || !service) return
    if (!window || window.isDestroyed()) {
      // A new window shows itself once its page is ready (no blank flash).
      window = openWindow(true)
      if (command) sendCommand(window, command)
      return
    }
    if (window.isMinimized()) window.restore()
    window.show()
    window.focus()
    if (command) sendCommand(window, command)
  }

  // The window reads the board through its views (IPC); the tray needs only counts and the first cards.
  const showTray = (tray: TrayBoard) =>
    trayView?.update(
      trayModel(tray, new Date(tray.generatedAt), {
        startAtLogin: loginItem.isEnabled(),
        startAtLoginAvailable: loginItem.available,
        locale: service?.locale(),
      }),
    )

  /** Runs a command from the tray or a notification through the same validation as the page's; failures become a banner. */
  const fromShell = <M extends 'complete' | 'snooze' | 'planForToday'>(handlers: Handlers, method: M, input: Input<M>) => {
    void dispatch(handlers, method, input).then((result) => {
      if (result.ok) notices.clear(NOTICE.tray)
      else notices.set(NOTICE.tray, `That did not work from the tray: ${result.error.message}`)
    })
  }
  const act = (handlers: Handlers, action: NotificationAction, id: string) =>
    action === 'complete' ? fromShell(handlers, 'complete', { id }) : fromShell(handlers, 'snooze', { id, until: snoozeOneHour(new Date()).toISOString() })
  let handleActivation: (argv: readonly string[]) => boolean = () => false

  const start = async () => {
    hardenSession(session.defaultSession, { production: devServerUrl === undefined })
    if (devServerUrl === undefined) serveRenderer(rendererDir())
    const dataDir = resolveDataDir(env, app.getPath('userData'))
    let store: Store
    try {
      store = await Store.open({ dataDir, app: 'desktop app' })
    } catch (error) {
      dialog.showErrorBox('Follow Through cannot open your data', (error as Error).message)
      app.exit(1)
      return
    }
    // Quit was chosen while the data was opening: release it and go.
    if (quitting) {
      await store.close().catch(() => {})
      return
    }

    statusArea = await hasStatusArea(platform)
    const openedData = store.data
    const notifier = createDesktopNotifier({
      platform,
      iconPath: join(resourcesDir, 'icon.png'),
      onClick: (followUpId) => showBoard(followUpId ? { type: 'focusCard', id: followUpId } : undefined),
      onAction: (action, id) => act(handlers, action, id),
      onUnavailable: (notification, reason) => notices.set(NOTICE.notifications, unavailableNotice(notification, reason)),
    })
    notifyShell = (notification) => void notifier.notify(notification)
    const running = new FollowThroughService({
      store,
      notifier,
      systemLocale: app.getSystemLocale(),
      sync: { passwords: safeStoragePasswords(safeStorage, dataDir) },
    })
    service = running
    unsavedChanges = async () => {
      const onDisk = await readFile(store.file, 'utf8').then((text) => decodeDataFile(text), () => null)
      const saved: Data = onDisk?.ok ? onDisk.data : openedData
      return describeUnsaved(saved, store.data)
    }
    saveCopy = (path) => writeFile(path, JSON.stringify(store.data, null, 2))
    // The shell's banners join the board's status, so every view shows them; dismissing one clears it here.
    const handlers: Handlers = {
      ...running.handlers,
      dismissNotice: (input) => (notices.dismiss(input.notice) ? { dismissed: true } : running.handlers.dismissNotice(input)),
    }
    registerIpc(ipcMain, handlers, { devServerUrl }, running)
    const keepShortcut = shortcutKeeper(
      globalShortcut,
      () => showBoard({ type: 'focusQuickAdd' }),
      (result) => (result.ok ? notices.clear(NOTICE.shortcut) : notices.set(NOTICE.shortcut, shortcutNotice(result.reason))),
      platform,
    )
    const followSettings = () => void Promise.resolve(running.handlers.getSettings({})).then((settings) => keepShortcut(settings.quickAddShortcut))
    // Every change and tick reaches the tray, a settings change (a new shortcut) too.
    running.subscribeTray((tray) => {
      showTray(tray)
      followSettings()
    })
    notices.onChange(() => running.setShellNotices(notices.list()))
    handleActivation = (argv) => {
      const activation = parseToastActivation(argv)
      if (!activation) return false
      if (activation.action === 'open') showBoard(activation.followUpId ? { type: 'focusCard', id: activation.followUpId } : undefined)
      else act(handlers, activation.action, activation.followUpId!)
      return true
    }

    loginItem = createLoginItem({ platform, app, execPath: options.execPath, env, home: homedir() })
    const trayHandlers: TrayHandlers = {
      open: (id) => showBoard({ type: 'focusCard', id }),
      complete: (id) => fromShell(handlers, 'complete', { id }),
      snooze: (id, until) => fromShell(handlers, 'snooze', { id, until }),
      planForToday: (id) => fromShell(handlers, 'planForToday', { id }),
      quickAdd: () => showBoard({ type: 'focusQuickAdd' }),
      openBoard: () => showBoard(),
      toggleStartAtLogin: () => {
        try {
          loginItem.setEnabled(!loginItem.isEnabled())
        } catch (error) {
          notices.set(NOTICE.tray, `Start at login could not be changed: ${(error as Error).message}`)
        }
        showTray(running.tray())
      },
      quit: () => app.quit(),
    }
    try {
      trayView = createTray({ platform, resourcesDir, handlers: trayHandlers })
    } catch (error) {
      // No tray (e.g. a Linux desktop without a status area): the window then quits on close.
      console.error('Follow Through: no tray icon', error)
    }

    app.setAboutPanelOptions({
      applicationName: 'Follow Through',
      applicationVersion: app.getVersion(),
      copyright: 'Keeps every promise you make to a client.',
      ...(platform === 'darwin' ? {} : { iconPath: join(resourcesDir, 'icon.png') }),
    })
    const menuHandlers: AppMenuHandlers = {
      quickAdd: trayHandlers.quickAdd,
      openBoard: trayHandlers.openBoard,
      settings: () => showBoard({ type: 'openDialog', dialog: 'settings' }),
      importExport: () => showBoard({ type: 'openDialog', dialog: 'transfer' }),
      scorecard: () => showBoard({ type: 'openDialog', dialog: 'scorecard' }),
      shortcuts: () => showBoard({ type: 'showShortcuts' }),
      openLogs: () => {
        const folder = dirname(log.file)
        mkdirSync(folder, { recursive: true })
        void shell.openPath(folder).then((problem) => problem && notices.set(NOTICE.tray, `The logs folder ${folder} could not be opened: ${problem}`))
      },
      about: () => app.showAboutPanel(),
    }
    Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(platform, menuHandlers, { development: devServerUrl !== undefined })))
    followSettings()

    powerMonitor.on('resume', () => service?.wake())
    powerMonitor.on('unlock-screen', () => service?.wake())
    // Linux and macOS announce a shutdown; delaying it lets the quit save first.
    // (Electron passes an event here, though its typings declare no argument.)
    powerMonitor.on('shutdown', (event?: { preventDefault(): void }) => {
      event?.preventDefault()
      app.quit()
    })

    // Started at login stays in the tray only where the tray can be seen.
    const hidden = launchedHidden(options.argv, platform, app) && trayView !== null && statusArea
    if (!hidden) showBoard()
    running.start()
    // Now, not at some later collection: repeated strings shared, the open's leftovers (file text, parse copies) freed.
    void settleMemoryAfterOpen(store.data)
  }

  // A second launch: a toast button's activation on Windows, or the person starting the app again.
  app.on('second-instance', (_event, argv) => {
    if (!handleActivation(argv)) showBoard()
  })
  app.on('activate', () => showBoard())
  // Every web contents, the board's and any other, gets the same navigation and pop-up rules.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, devServerUrl))
  // Reached only when the window really closed (no tray): then the app ends, except on macOS.
  app.on('window-all-closed', () => {
    if (platform !== 'darwin') app.quit()
  })
  app.on('before-quit', (event) => {
    quitting = true
    if (!service) return
    // Hold the quit until the store has written everything (or the person chose otherwise), then quit for real.
    event.preventDefault()
    const stopping = service
    service = null
    void saveBeforeQuit({
      save: () => stopping.stop(),
      unsaved: () => unsavedChanges(),
      ask: async (message, detail, buttons) =>
        (await dialog.showMessageBox({ type: 'warning', title: 'Follow Through', message, detail, buttons: [...buttons], defaultId: 0, cancelId: 0, noLink: true })).response,
      chooseCopyPath: async () => {
        const chosen = await dialog.showSaveDialog({
          title: 'Save a copy of your Follow Through data',
          defaultPath: join(app.getPath('documents'), 'follow-through-copy.json'),
          filters: [{ name: 'JSON', extensions: ['json'] }],
        })
        return chosen.canceled ? undefined : chosen.filePath
      },
      writeCopy: (path) => saveCopy(path),
    })
      .then((outcome) => outcome !== 'saved' && console.warn(`Follow Through: quit without the final save (${outcome}).`))
      .catch((error: Error) => console.error('Follow Through: quitting failed', error))
      .finally(() => app.quit())
  })
  app.on('will-quit', () => {
    globalShortcut.unregisterAll()
    trayView?.destroy()
    trayView = null
  })

  console.info(`Follow Through ${app.getVersion()} starting on ${platform} (Electron ${process.versions.electron ?? 'unknown'})`)
  const ready = app.whenReady().then(start)
  return {
    ready,
    get quitting() {
      return quitting
    },
  }
}
