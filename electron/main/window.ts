import { fileURLToPath } from 'node:url'
import { BrowserWindow, session, shell, type BrowserWindowConstructorOptions } from 'electron'

const EXTERNAL_PROTOCOLS = new Set(['https:', 'mailto:', 'tel:'])

/** Opens only web, mail and phone links, and only in the system's own apps. */
export function openExternalSafely(target: string): void {
  let url: URL
  try {
    url = new URL(target)
  } catch {
    return
  }
  if (EXTERNAL_PROTOCOLS.has(url.protocol)) void shell.openExternal(url.toString())
}

export function windowOptions(): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Follow Through',
    webPreferences: {
      preload: fileURLToPath(new URL('../preload/index.cjs', import.meta.url)),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
    },
  }
}

/** The board window, locked down: no navigation, no pop-ups, no permissions. */
export function createBoardWindow(devServerUrl?: string): BrowserWindow {
  const window = new BrowserWindow(windowOptions())
  window.webContents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url)
    return { action: 'deny' }
  })
  window.webContents.on('will-navigate', (event, url) => {
    if (devServerUrl && url.startsWith(devServerUrl)) return
    event.preventDefault()
    openExternalSafely(url)
  })
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  window.once('ready-to-show', () => window.show())
  if (devServerUrl) void window.loadURL(devServerUrl)
  else void window.loadFile(fileURLToPath(new URL('../renderer/index.html', import.meta.url)))
  return window
}
