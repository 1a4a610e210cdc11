import { app, BrowserWindow, dialog, ipcMain, Notification, powerMonitor } from 'electron'
import { BOARD_CHANGED_CHANNEL } from '../contract'
import { FollowThroughService } from '../service/service'
import type { Notifier } from '../service/notifier'
import { resolveDataDir } from '../store/dataDir'
import { Store } from '../store/store'
import { registerIpc } from './ipc'
import { createBoardWindow } from './window'

const devServerUrl = process.env.ELECTRON_RENDERER_URL

let mainWindow: BrowserWindow | null = null
let service: FollowThroughService | null = null
let quitting = false

function showBoard(): void {
  if (!mainWindow || mainWindow.isDestroyed()) {
    mainWindow = createBoardWindow(devServerUrl)
    mainWindow.on('close', (event) => {
      // Closing hides to the tray (when there is one); Quit really quits.
      if (!quitting && process.platform === 'darwin') {
        event.preventDefault()
        mainWindow?.hide()
      }
    })
  }
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.show()
  mainWindow.focus()
}

const electronNotifier: Notifier = {
  async notify({ title, body }) {
    if (!Notification.isSupported()) return
    const notification = new Notification({ title, body })
    notification.on('click', showBoard)
    notification.show()
  },
}

async function start(): Promise<void> {
  const dataDir = resolveDataDir(process.env, app.getPath('userData'))
  let store: Store
  try {
    store = await Store.open({ dataDir, app: 'desktop app' })
  } catch (error) {
    dialog.showErrorBox('Follow Through cannot open your data', (error as Error).message)
    app.exit(1)
    return
  }
  service = new FollowThroughService({ store, notifier: electronNotifier })
  registerIpc(ipcMain, service.handlers, devServerUrl)
  service.subscribe((board) => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(BOARD_CHANGED_CHANNEL, board)
  })
  powerMonitor.on('resume', () => service?.wake())
  powerMonitor.on('unlock-screen', () => service?.wake())
  showBoard()
  service.start()
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  if (process.platform === 'win32') app.setAppUserModelId('com.followthrough.app')
  app.on('second-instance', showBoard)
  app.on('activate', showBoard)
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('before-quit', (event) => {
    quitting = true
    if (!service) return
    // Flush the store before the process ends; then quit for real.
    event.preventDefault()
    const stopping = service
    service = null
    stopping.stop().catch((error) => dialog.showErrorBox('Follow Through could not save', (error as Error).message)).finally(() => app.quit())
  })
  app.whenReady().then(start)
}
