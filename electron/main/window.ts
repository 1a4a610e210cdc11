import { fileURLToPath } from 'node:url'
import { BrowserWindow, screen } from 'electron'
import { SYSTEM_LOCALE_ARG } from '../contract/methods'
import { APP_INDEX_URL } from './appUrl'
import { PRELOAD_FILE } from './bundle'
import { fitToDisplays, MIN_WINDOW_SIZE, saveWindowState, type WindowState } from './windowState'

/** The bundled preload, named once for the build and the window (bundle.ts). */
export const preloadPath = (): string => fileURLToPath(new URL(`../preload/${PRELOAD_FILE}`, import.meta.url))
/** The bundled renderer's folder, served as app://follow-through/ (appProtocol.ts). */
export const rendererDir = (): string => fileURLToPath(new URL('../renderer/', import.meta.url))

/**
 * What closing the window does: hide it to the tray (or the dock), minimise it
 * where a tray icon would be invisible (Linux without a status area: the app keeps
 * reminding, and the window stays findable in the dock or taskbar), or close it.
 */
export function closeAction(options: { quitting: boolean; hasTray: boolean; trayVisible: boolean; platform: NodeJS.Platform }): 'hide' | 'minimize' | 'close' {
  if (options.quitting) return 'close'
  if (options.platform === 'darwin') return 'hide'
  if (options.hasTray && options.trayVisible) return 'hide'
  return options.platform === 'linux' ? 'minimize' : 'close'
}

export interface BoardWindowOptions {
  devServerUrl?: string
  /** The saved place and size (windowState.ts); fitted to the current screens here. */
  state: WindowState
  /** Window icon for Linux and Windows (macOS uses the app bundle's). */
  iconPath?: string
  /** False when launched at login: the window is created but stays hidden until asked for. */
  showWhenReady: boolean
  /** app.getSystemLocale(), for the page's dates and amounts. */
  systemLocale: string
}

/**
 * The board window, locked down: context isolation, sandbox, no Node in the page,
 * web security on. Navigation, pop-ups and permissions are refused for every web
 * contents by security.ts (installed app-wide in shell.ts).
 */
export function createBoardWindow(options: BoardWindowOptions): BrowserWindow {
  const state = fitToDisplays(
    options.state,
    screen.getAllDisplays().map((display) => display.workArea),
  )
  // The options are written out here, not built elsewhere, so a static checker (electronegativity) sees them.
  const window = new BrowserWindow({
    // Without a saved place, Electron centres the window.
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    title: 'Follow Through',
    ...(options.iconPath ? { icon: options.iconPath } : {}),
    webPreferences: {
      preload: preloadPath(),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Middle-click would open links in new windows; those are refused anyway, so turn it off.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
      additionalArguments: [`${SYSTEM_LOCALE_ARG}${options.systemLocale}`],
      // No developer tools in the shipped app: they would open the page (and its bridge) to anyone at the keyboard.
      devTools: options.devServerUrl !== undefined,
    },
  })
  if (state.maximized) window.maximize()
  if (options.showWhenReady) window.once('ready-to-show', () => window.show())
  if (options.devServerUrl) void window.loadURL(options.devServerUrl)
  else void window.loadURL(APP_INDEX_URL)
  return window
}

/** Where the window is now, as it should be restored (the normal bounds even when maximised). */
export function currentWindowState(window: BrowserWindow): WindowState {
  const bounds = window.getNormalBounds()
  return { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height, maximized: window.isMaximized() }
}

/** Saves the window's place whenever it is closed or hidden to the tray. */
export function rememberWindowState(window: BrowserWindow, file: string): void {
  const save = () => {
    if (!window.isDestroyed()) saveWindowState(file, currentWindowState(window))
  }
  window.on('close', save)
  window.on('hide', save)
}
