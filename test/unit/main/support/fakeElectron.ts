import { EventEmitter } from 'node:events'
import { vi } from 'vitest'

/**
 * A stand-in for the 'electron' module, for `vi.mock('electron', () => import('./support/fakeElectron'))`.
 * There is no Electron binary here, so each fake records what the code asks of
 * Electron (constructor options, calls, listeners) and lets a test emit the
 * events Electron would. Call resetFakeElectron() before each test.
 */

export class FakeEvent {
  defaultPrevented = false
  preventDefault(): void {
    this.defaultPrevented = true
  }
}

export class FakeWebContents extends EventEmitter {
  send = vi.fn()
  isDestroyed = vi.fn(() => false)
  setWindowOpenHandler = vi.fn()
  loading = false
  isLoading = vi.fn(() => this.loading)
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = []
  readonly webContents = new FakeWebContents()
  visible = false
  destroyed = false
  minimized = false
  maximized = false
  bounds = { x: 10, y: 20, width: 1000, height: 700 }
  show = vi.fn(() => {
    this.visible = true
    this.emit('show')
  })
  hide = vi.fn(() => {
    this.visible = false
    this.emit('hide')
  })
  focus = vi.fn()
  restore = vi.fn(() => {
    this.minimized = false
  })
  minimize = vi.fn(() => {
    this.minimized = true
  })
  maximize = vi.fn(() => {
    this.maximized = true
  })
  loadURL = vi.fn(async () => {})
  loadFile = vi.fn(async () => {})
  isMinimized = () => this.minimized
  isMaximized = () => this.maximized
  isDestroyed = () => this.destroyed
  isVisible = () => this.visible
  getNormalBounds = () => ({ ...this.bounds })

  constructor(readonly options: Record<string, unknown>) {
    super()
    FakeBrowserWindow.instances.push(this)
  }

  /** What the user's close button does: 'close' (cancellable), then 'closed' unless prevented. */
  close(): FakeEvent {
    const event = new FakeEvent()
    this.emit('close', event)
    if (!event.defaultPrevented) {
      this.destroyed = true
      this.visible = false
      this.emit('closed')
    }
    return event
  }
}

export class FakeNativeImage {
  template = false
  constructor(
    readonly path: string,
    readonly empty: boolean,
  ) {}
  /** A 16×16 transparent bitmap, or the pixels it was made from. */
  bitmap: Buffer = Buffer.alloc(16 * 16 * 4)
  isEmpty = () => this.empty
  getSize = () => ({ width: 16, height: 16 })
  toBitmap = () => this.bitmap
  setTemplateImage = vi.fn((value: boolean) => {
    this.template = value
  })
}

export const nativeImage = {
  /** Paths that load as empty images (a missing file). */
  missing: new Set<string>(),
  createFromPath: vi.fn((path: string) => new FakeNativeImage(path, nativeImage.missing.has(path))),
  createFromBitmap: vi.fn((bitmap: Buffer) => Object.assign(new FakeNativeImage('(drawn)', false), { bitmap })),
}

export class FakeTray extends EventEmitter {
  static instances: FakeTray[] = []
  destroyed = false
  setToolTip = vi.fn()
  setTitle = vi.fn()
  setImage = vi.fn()
  setContextMenu = vi.fn()
  destroy = vi.fn(() => {
    this.destroyed = true
  })
  isDestroyed = () => this.destroyed
  constructor(readonly image: FakeNativeImage) {
    super()
    FakeTray.instances.push(this)
  }
}

export const Menu = {
  buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
  setApplicationMenu: vi.fn(),
}

export class FakeNotification extends EventEmitter {
  static instances: FakeNotification[] = []
  static supported = true
  static isSupported = vi.fn(() => FakeNotification.supported)
  /** Set to make show() throw, as Electron does when the platform refuses. */
  static showError: Error | null = null
  show = vi.fn(() => {
    if (FakeNotification.showError) throw FakeNotification.showError
  })
  constructor(readonly options: { title: string; body: string; icon?: string; toastXml?: string; actions?: unknown[] }) {
    super()
    FakeNotification.instances.push(this)
  }
}

export const shell = { openExternal: vi.fn(async () => {}), openPath: vi.fn(async (_path: string) => '') }

export const protocol = {
  registerSchemesAsPrivileged: vi.fn(),
  handlers: new Map<string, (request: Request) => Promise<Response>>(),
  handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => {
    protocol.handlers.set(scheme, handler)
  }),
}

export const net = { fetch: vi.fn((url: string) => globalThis.fetch(url)) }

type HeadersListener = (
  details: { responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void

export function makeSession() {
  const fake = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    headersListener: null as HeadersListener | null,
    webRequest: {
      onHeadersReceived: vi.fn((listener: HeadersListener) => {
        fake.headersListener = listener
      }),
    },
  }
  return fake
}

export const session = { defaultSession: makeSession() }

export const screen = {
  displays: [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
  getAllDisplays: vi.fn(() => screen.displays),
}

export const dialog = {
  showErrorBox: vi.fn(),
  /** Answers given in order, by button label. */
  answers: [] as string[],
  showMessageBox: vi.fn(async (options: { buttons: string[]; message: string }) => {
    const answer = dialog.answers.shift()
    const response = answer === undefined ? -1 : options.buttons.indexOf(answer)
    if (response < 0) throw new Error(`No answer for the dialog with buttons ${options.buttons.join(', ')}`)
    return { response, checkboxChecked: false }
  }),
  savePath: undefined as string | undefined,
  showSaveDialog: vi.fn(async () => (dialog.savePath ? { canceled: false, filePath: dialog.savePath } : { canceled: true })),
}

export const globalShortcut = {
  accept: true as boolean | Error,
  registered: new Map<string, () => void>(),
  register: vi.fn((accelerator: string, callback: () => void) => {
    if (globalShortcut.accept instanceof Error) throw globalShortcut.accept
    if (globalShortcut.accept) globalShortcut.registered.set(accelerator, callback)
    return globalShortcut.accept
  }),
  unregisterAll: vi.fn(() => globalShortcut.registered.clear()),
}

export const ipcMain = {
  handlers: new Map<string, (event: unknown, input: unknown) => unknown>(),
  handle: vi.fn((channel: string, handler: (event: unknown, input: unknown) => unknown) => {
    ipcMain.handlers.set(channel, handler)
  }),
}

export const powerMonitor = new EventEmitter()

class FakeApp extends EventEmitter {
  paths: Record<string, string> = { userData: '/tmp/follow-through-fake-user-data' }
  appPath = '/app'
  isPackaged = false
  singleInstance = true
  loginItem = { openAtLogin: false, wasOpenedAtLogin: false }
  requestSingleInstanceLock = vi.fn(() => this.singleInstance)
  whenReady = vi.fn(() => Promise.resolve())
  getPath = vi.fn((name: string) => this.paths[name] ?? `/tmp/${name}`)
  getAppPath = vi.fn(() => this.appPath)
  locale = 'en-US'
  getSystemLocale = vi.fn(() => this.locale)
  setBadgeCount = vi.fn(() => true)
  setAppUserModelId = vi.fn()
  setAsDefaultProtocolClient = vi.fn(() => true)
  setAboutPanelOptions = vi.fn()
  showAboutPanel = vi.fn()
  getVersion = vi.fn(() => '0.1.0')
  getLoginItemSettings = vi.fn(() => ({ ...this.loginItem }))
  setLoginItemSettings = vi.fn((settings: { openAtLogin?: boolean }) => {
    this.loginItem.openAtLogin = settings.openAtLogin ?? false
  })
  exit = vi.fn()
  /** Electron's quit: 'before-quit' (cancellable), then every window closes, then 'will-quit'. */
  quit = vi.fn(() => {
    const beforeQuit = new FakeEvent()
    this.emit('before-quit', beforeQuit)
    if (beforeQuit.defaultPrevented) return
    for (const window of FakeBrowserWindow.instances) if (!window.destroyed) window.close()
    this.emit('will-quit', new FakeEvent())
    this.quitted = true
  })
  quitted = false

  reset(): void {
    this.removeAllListeners()
    this.paths = { userData: '/tmp/follow-through-fake-user-data' }
    this.appPath = '/app'
    this.isPackaged = false
    this.singleInstance = true
    this.loginItem = { openAtLogin: false, wasOpenedAtLogin: false }
    this.quitted = false
  }
}

export const app = new FakeApp()

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld: vi.fn((key: string, value: unknown) => contextBridge.exposed.set(key, value)),
}

/** Reversible stand-in for the OS keychain: enough to prove the password is not stored in clear. */
export const safeStorage = {
  isEncryptionAvailable: () => true,
  encryptString: (text: string) => Buffer.from(text, 'utf8').reverse(),
  decryptString: (data: Buffer) => Buffer.from(data).reverse().toString('utf8'),
}

export const ipcRenderer = Object.assign(new EventEmitter(), {
  invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, value: null }) as unknown),
})

export {
  FakeBrowserWindow as BrowserWindow,
  FakeNotification as Notification,
  FakeTray as Tray,
}

export function resetFakeElectron(): void {
  vi.clearAllMocks()
  FakeBrowserWindow.instances = []
  FakeTray.instances = []
  FakeNotification.instances = []
  FakeNotification.supported = true
  FakeNotification.showError = null
  nativeImage.missing.clear()
  session.defaultSession = makeSession()
  screen.displays = [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }]
  globalShortcut.accept = true
  globalShortcut.registered.clear()
  ipcMain.handlers.clear()
  protocol.handlers.clear()
  dialog.answers = []
  dialog.savePath = undefined
  powerMonitor.removeAllListeners()
  app.reset()
  contextBridge.exposed.clear()
  ipcRenderer.removeAllListeners()
}
