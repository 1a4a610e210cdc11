import { homedir } from 'node:os'
import { join } from 'node:path'
import { app, dialog, globalShortcut, ipcMain, Menu, powerMonitor, safeStorage, session, type BrowserWindow } from 'electron'
import { BOARD_CHANGED_CHANNEL, type BoardSnapshot, type Handlers } from '../contract'
import { dispatch } from '../service/dispatch'
import type { Notification } from '../service/notifier'
import { FollowThroughService } from '../service/service'
import { resolveDataDir } from '../store/dataDir'
import { Store } from '../store/store'
import { appMenuTemplate } from './appMenu'
import { registerIpc } from './ipc'
import { safeStoragePasswords } from './safeStoragePasswords'
import { createLoginItem, launchedHidden, type LoginItem } from './loginItem'
import { createDesktopNotifier, latestNotification } from './notifications'
import { hardenSession, hardenWebContents } from './security'
import { SHELL_COMMAND_CHANNEL, type ShellCommand } from '../contract/methods'
import { ShellNotices } from './shellNotices'
import { registerQuickAddShortcut, shortcutNotice } from './shortcut'
import { createTray, currentTrayMenu, type TrayHandlers, type TrayView } from './tray'
import { trayModel } from './trayModel'
import { closeAction, createBoardWindow, rememberWindowState, rendererIndexPath } from './window'
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

  let window: BrowserWindow | null = null
  let service: FollowThroughService | null = null
  let trayView: TrayView | null = null
  let quitting = false
  const notices = new ShellNotices()
  // Native surfaces (tray menu, OS notifications) cannot be reached by Playwright; its
  // Electron tests reach them through this handle, which exists only when they ask.
  if (env.FOLLOW_THROUGH_E2E === '1') Object.assign(globalThis, { followThroughE2E: { trayMenu: currentTrayMenu, latestNotification } })
  const resourcesDir = join(app.getAppPath(), 'resources')
  let loginItem: LoginItem = { available: false, isEnabled: () => false, setEnabled: () => {} }

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
    })
    rememberWindowState(created, stateFile)
    created.on('close', (event) => {
      if (closeAction({ quitting, hasTray: trayView !== null, platform }) === 'hide') {
        event.preventDefault()
        created.hide()
      }
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

  const publish = (board: BoardSnapshot) => {
    const shown = notices.decorate(board)
    if (window && !window.isDestroyed()) window.webContents.send(BOARD_CHANGED_CHANNEL, shown)
    trayView?.update(
      trayModel(board, new Date(board.generatedAt), {
        startAtLogin: loginItem.isEnabled(),
        startAtLoginAvailable: loginItem.available,
      }),
    )
  }

  /** Runs a command from the tray through the same validation as the page's; failures become a banner. */
  const fromTray = (handlers: Handlers, method: 'complete' | 'snooze', input: unknown) => {
    void dispatch(handlers, method, input).then((result) => {
      if (result.ok) notices.clear(NOTICE.tray)
      else notices.set(NOTICE.tray, `That did not work from the tray: ${result.error.message}`)
    })
  }

  const start = async () => {
    hardenSession(session.defaultSession, { production: devServerUrl === undefined })
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

    const notifier = createDesktopNotifier({
      platform,
      iconPath: join(resourcesDir, 'icon.png'),
      onClick: (followUpId) => showBoard(followUpId ? { type: 'focusCard', id: followUpId } : undefined),
      onUnavailable: (notification, reason) => notices.set(NOTICE.notifications, unavailableNotice(notification, reason)),
    })
    const running = new FollowThroughService({ store, notifier, sync: { passwords: safeStoragePasswords(safeStorage, dataDir) } })
    service = running
    // The page's getBoard sees the shell's banners too, like the pushed boards.
    const handlers: Handlers = {
      ...running.handlers,
      getBoard: () => notices.decorate(running.board()),
      dismissNotice: (input) => (notices.dismiss(input.notice) ? { dismissed: true } : running.handlers.dismissNotice(input)),
    }
    registerIpc(ipcMain, handlers, { rendererFile: rendererIndexPath(), devServerUrl })
    running.subscribe(publish)
    notices.onChange(() => publish(running.board()))

    loginItem = createLoginItem({ platform, app, execPath: options.execPath, env, home: homedir() })
    const trayHandlers: TrayHandlers = {
      open: (id) => showBoard({ type: 'focusCard', id }),
      complete: (id) => fromTray(handlers, 'complete', { id }),
      snooze: (id, until) => fromTray(handlers, 'snooze', { id, until }),
      quickAdd: () => showBoard({ type: 'focusQuickAdd' }),
      openBoard: () => showBoard(),
      toggleStartAtLogin: () => {
        try {
          loginItem.setEnabled(!loginItem.isEnabled())
        } catch (error) {
          notices.set(NOTICE.tray, `Start at login could not be changed: ${(error as Error).message}`)
        }
        publish(running.board())
      },
      quit: () => app.quit(),
    }
    try {
      trayView = createTray({ platform, resourcesDir, handlers: trayHandlers })
    } catch (error) {
      // No tray (e.g. a Linux desktop without a status area): the window then quits on close.
      console.error('Follow Through: no tray icon', error)
    }

    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        appMenuTemplate(platform, trayHandlers, { development: devServerUrl !== undefined }),
      ),
    )
    const shortcut = registerQuickAddShortcut(globalShortcut, () => showBoard({ type: 'focusQuickAdd' }))
    if (!shortcut.ok) notices.set(NOTICE.shortcut, shortcutNotice(shortcut.reason))

    powerMonitor.on('resume', () => service?.wake())
    powerMonitor.on('unlock-screen', () => service?.wake())
    // Linux and macOS announce a shutdown; delaying it lets the quit save first.
    // (Electron passes an event here, though its typings declare no argument.)
    powerMonitor.on('shutdown', (event?: { preventDefault(): void }) => {
      event?.preventDefault()
      app.quit()
    })

    const hidden = launchedHidden(options.argv, platform, app) && trayView !== null
    if (!hidden) showBoard()
    running.start()
  }

  app.on('second-instance', () => showBoard())
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
    // Hold the quit until the store has written everything, then quit for real.
    event.preventDefault()
    const stopping = service
    service = null
    stopping
      .stop()
      .catch((error: Error) => dialog.showErrorBox('Follow Through could not save', error.message))
      .finally(() => app.quit())
  })
  app.on('will-quit', () => {
    globalShortcut.unregisterAll()
    trayView?.destroy()
    trayView = null
  })

  const ready = app.whenReady().then(start)
  return {
    ready,
    get quitting() {
      return quitting
    },
  }
}
