import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  closeAction,
  createBoardWindow,
  currentWindowState,
  preloadPath,
  rememberWindowState,
} from '../../../electron/main/window'
import { FakeBrowserWindow, resetFakeElectron, screen } from './support/fakeElectron'

vi.mock('electron', () => import('./support/fakeElectron'))

const STATE = { x: 100, y: 80, width: 1100, height: 760, maximized: false }
const LOCALE = { systemLocale: 'de-DE' }

beforeEach(() => resetFakeElectron())

const only = () => {
  expect(FakeBrowserWindow.instances).toHaveLength(1)
  return FakeBrowserWindow.instances[0]
}

describe('createBoardWindow', () => {
  it('locks the page down: isolated, sandboxed, no Node, web security on, no webview', () => {
    createBoardWindow({ ...LOCALE, state: STATE, showWhenReady: true })
    expect(only().options.webPreferences).toEqual({
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
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
      // The OS's regional locale, for the page's dates: navigator.language is only the UI language.
      additionalArguments: ['--follow-through-system-locale=de-DE'],
      devTools: false,
    })
  })

  it('allows developer tools only in development', () => {
    createBoardWindow({ ...LOCALE, state: STATE, showWhenReady: true, devServerUrl: 'http://localhost:5173/' })
    expect(only().options.webPreferences).toMatchObject({ devTools: true })
  })

  it('loads the CommonJS preload the build emits', () => {
    expect(preloadPath()).toMatch(/[\\/]preload[\\/]index\.cjs$/)
  })

  it('restores the saved place and size, hidden until the page is ready', () => {
    createBoardWindow({ ...LOCALE, state: STATE, showWhenReady: true })
    const window = only()
    expect(window.options).toMatchObject({ x: 100, y: 80, width: 1100, height: 760, minWidth: 720, minHeight: 480, show: false })
    expect(window.show).not.toHaveBeenCalled()
    window.emit('ready-to-show')
    expect(window.show).toHaveBeenCalledTimes(1)
  })

  it('recentres a window saved on a screen that is gone', () => {
    screen.displays = [{ workArea: { x: 0, y: 0, width: 1280, height: 800 } }]
    createBoardWindow({ ...LOCALE, state: { ...STATE, x: 3000 }, showWhenReady: true })
    expect(only().options).toMatchObject({ width: 1100, height: 760 })
    expect(only().options).not.toHaveProperty('x')
    expect(only().options).not.toHaveProperty('y')
  })

  it('maximises a window that was maximised', () => {
    createBoardWindow({ ...LOCALE, state: { ...STATE, maximized: true }, showWhenReady: true })
    expect(only().maximize).toHaveBeenCalled()
  })

  it('stays hidden when started at login', () => {
    createBoardWindow({ ...LOCALE, state: STATE, showWhenReady: false })
    only().emit('ready-to-show')
    expect(only().show).not.toHaveBeenCalled()
  })

  it('loads the bundled page from app:// in production and the dev server in development', () => {
    createBoardWindow({ ...LOCALE, state: STATE, showWhenReady: true })
    expect(only().loadURL).toHaveBeenCalledWith('app://follow-through/index.html')
    expect(only().loadFile).not.toHaveBeenCalled()
    resetFakeElectron()
    createBoardWindow({ ...LOCALE, state: STATE, showWhenReady: true, devServerUrl: 'http://localhost:5173/' })
    expect(only().loadURL).toHaveBeenCalledWith('http://localhost:5173/')
    expect(only().loadFile).not.toHaveBeenCalled()
  })

  it('sets the window icon only when given one', () => {
    createBoardWindow({ ...LOCALE, state: STATE, showWhenReady: true, iconPath: '/res/icon.png' })
    expect(only().options.icon).toBe('/res/icon.png')
    resetFakeElectron()
    createBoardWindow({ ...LOCALE, state: STATE, showWhenReady: true })
    expect(only().options).not.toHaveProperty('icon')
  })
})

describe('closeAction', () => {
  it.each([
    [{ quitting: false, hasTray: true, trayVisible: true, platform: 'linux' }, 'hide'],
    [{ quitting: false, hasTray: true, trayVisible: true, platform: 'win32' }, 'hide'],
    [{ quitting: false, hasTray: false, trayVisible: true, platform: 'darwin' }, 'hide'],
    // Stock GNOME: the tray icon exists but nobody shows it, so hiding would lose the window.
    [{ quitting: false, hasTray: true, trayVisible: false, platform: 'linux' }, 'minimize'],
    [{ quitting: false, hasTray: false, trayVisible: true, platform: 'linux' }, 'minimize'],
    [{ quitting: false, hasTray: false, trayVisible: true, platform: 'win32' }, 'close'],
    [{ quitting: true, hasTray: true, trayVisible: true, platform: 'darwin' }, 'close'],
    [{ quitting: true, hasTray: true, trayVisible: true, platform: 'win32' }, 'close'],
  ] as const)('%o → %s', (options, expected) => {
    expect(closeAction(options)).toBe(expected)
  })
})

describe('rememberWindowState', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ft-window-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('saves the normal bounds and maximised flag when the window is closed or hidden', async () => {
    const file = join(dir, 'window-state.json')
    createBoardWindow({ ...LOCALE, state: STATE, showWhenReady: true })
    const window = only()
    rememberWindowState(window as never, file)
    window.bounds = { x: 1, y: 2, width: 900, height: 600 }
    window.maximized = true
    window.hide()
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ x: 1, y: 2, width: 900, height: 600, maximized: true })
    window.bounds = { x: 3, y: 4, width: 901, height: 601 }
    window.maximized = false
    window.close()
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ x: 3, y: 4, width: 901, height: 601, maximized: false })
  })

  it('reads the state from the window', () => {
    createBoardWindow({ ...LOCALE, state: STATE, showWhenReady: true })
    expect(currentWindowState(only() as never)).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: false })
  })
})
