import { EventEmitter } from 'node:events'
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { connect, createServer, type Server } from 'node:net'
import { dirname, isAbsolute, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { emit, flushed, onRequest } from './control'
import { cloneForIpc, RendererPage } from './page'
import type { ViewQuery } from '../../../electron/contract/view'

/**
 * A stand-in for the `electron` module that enforces what real Electron enforces,
 * so the BUILT main bundle can run under plain Node (see launch.ts). It is driven
 * by the test through control.ts: the test plays the person (clicks the tray, a
 * notification, the close button) and the page (calls window.api).
 *
 * Configured by environment variables the harness sets:
 *   STAND_IN_USER_DATA      app.getPath('userData')
 *   STAND_IN_PLATFORM       process.platform as the app sees it (linux, darwin, win32)
 *   STAND_IN_PACKAGED       '1': app.isPackaged
 *   STAND_IN_NOTIFICATIONS  'supported' (default) | 'unsupported' | 'refused' (show() reports 'failed')
 *   STAND_IN_TAKEN_SHORTCUTS  accelerators another application already owns, comma-separated
 *   STAND_IN_SAFE_STORAGE   'unavailable': the system offers no keychain to safeStorage
 *   STAND_IN_SYSTEM_LOCALE  app.getSystemLocale() (default en-US); the page's UI language stays en-US
 */

const env = process.env
const platform = (env.STAND_IN_PLATFORM ?? process.platform) as NodeJS.Platform
if (platform !== process.platform) Object.defineProperty(process, 'platform', { value: platform })

const userData = resolve(env.STAND_IN_USER_DATA ?? join(process.cwd(), '.stand-in-user-data'))
mkdirSync(userData, { recursive: true })

let ready = false
/** Electron throws when these are used before 'ready'; so does the stand-in. */
function requireReady(what: string): void {
  if (!ready) throw new Error(`${what} cannot be used before the app is ready.`)
}

/** Problems real Electron would log or fail on; the harness fails the test on any. */
function violation(message: string): void {
  emit('violation', message)
}

// ---------------------------------------------------------------- app

class StandInEvent {
  defaultPrevented = false
  preventDefault(): void {
    this.defaultPrevented = true
  }
}

function findAppPath(main: string): string {
  let dir = dirname(main)
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir)
    if (parent === dir) throw new Error(`No package.json above ${main}: Electron needs one to start an app.`)
    dir = parent
  }
  return dir
}

class App extends EventEmitter {
  readonly isPackaged = env.STAND_IN_PACKAGED === '1'
  #appPath = ''
  #quitting = false
  #exiting = false
  #readyPromise: Promise<void>
  #markReady!: () => void
  #singleton: Server | null = null
  #handover: Promise<void> | null = null
  name = 'Follow Through'
  aboutPanel: Record<string, unknown> | null = null
  badgeCount = 0
  appUserModelId: string | null = null
  loginItem = { openAtLogin: false, wasOpenedAtLogin: false }
  protocolClients = new Set<string>()

  constructor() {
    super()
    this.#readyPromise = new Promise((resolve) => (this.#markReady = resolve))
  }

  /** Called by launch.ts before the main module loads: Electron knows the app's folder from the start. */
  setMainModule(main: string): void {
    this.#appPath = findAppPath(main)
    const pkg = JSON.parse(readFileSync(join(this.#appPath, 'package.json'), 'utf8')) as { productName?: string; name: string; version: string }
    this.name = pkg.productName ?? pkg.name
    this.version = pkg.version
  }

  /** Called by launch.ts once the main module's top level has run, as Electron fires 'ready' after it. */
  becomeReady(): void {
    ready = true
    this.emit('ready', new StandInEvent(), {})
    this.#markReady()
    emit('ready')
  }

  version = '0.0.0'
  whenReady = () => this.#readyPromise
  isReady = () => ready
  getName = () => this.name
  getVersion = () => this.version
  /** Electron's app.getSystemLocale(): the OS locale dates and numbers follow. */
  getSystemLocale = () => env.STAND_IN_SYSTEM_LOCALE ?? 'en-US'
  getAppPath = () => this.#appPath
  getPath = (name: string) => {
    const paths: Record<string, string> = {
      userData,
      appData: dirname(userData),
      logs: join(userData, 'logs'),
      temp: join(userData, 'temp'),
      home: join(userData, 'home'),
      documents: join(userData, 'documents'),
      downloads: join(userData, 'downloads'),
      desktop: join(userData, 'desktop'),
      exe: process.execPath,
    }
    if (!(name in paths)) throw new Error(`Failed to get '${name}' path`)
    return paths[name]
  }
  setAppLogsPath = () => {}
  setAppUserModelId = (id: string) => {
    if (platform !== 'win32') violation('app.setAppUserModelId is Windows-only.')
    this.appUserModelId = id
  }
  setBadgeCount = (count: number) => {
    this.badgeCount = count
    return true
  }
  setAboutPanelOptions = (options: Record<string, unknown>) => {
    this.aboutPanel = options
  }
  showAboutPanel = () => emit('about', this.aboutPanel)
  setAsDefaultProtocolClient = (scheme: string) => {
    this.protocolClients.add(scheme)
    return true
  }
  getLoginItemSettings = () => ({ ...this.loginItem })
  setLoginItemSettings = (settings: { openAtLogin?: boolean }) => {
    this.loginItem.openAtLogin = settings.openAtLogin ?? false
  }
  focus = () => {}
  hide = () => {}
  show = () => {}
  dock = platform === 'darwin' ? { setBadge: () => {}, hide: () => {}, show: async () => {}, setMenu: () => {} } : undefined

  /**
   * Electron's single-instance lock: the first process owns a socket in userData;
   * a later one hands its argv over to it ('second-instance') and is told to quit.
   */
  requestSingleInstanceLock = (): boolean => {
    const socket = join(userData, 'SingletonSocket')
    const lockFile = join(userData, 'SingletonLock')
    let owner: number | null = null
    try {
      owner = Number(readFileSync(lockFile, 'utf8'))
    } catch {
      owner = null
    }
    if (owner !== null && owner !== process.pid && isAlive(owner)) {
      this.#handover = new Promise<void>((done) => {
        const client = connect(socket, () => client.end(JSON.stringify({ argv: process.argv, cwd: process.cwd() })))
        client.on('close', () => done())
        client.on('error', () => done())
      })
      emit('singleInstance', { granted: false })
      return false
    }
    writeFileSync(lockFile, String(process.pid))
    rmSync(socket, { force: true })
    this.#singleton = createServer((connection) => {
      let text = ''
      connection.setEncoding('utf8').on('data', (chunk: string) => (text += chunk))
      connection.on('end', () => {
        const { argv, cwd } = JSON.parse(text) as { argv: string[]; cwd: string }
        emit('secondInstance', { argv })
        this.emit('second-instance', new StandInEvent(), argv, cwd, {})
      })
    }).listen(socket)
    this.#singleton.unref()
    emit('singleInstance', { granted: true })
    return true
  }

  /** Electron's quit: 'before-quit', every window closes (each may refuse), 'will-quit', 'quit', exit 0. */
  quit = (): void => {
    if (this.#exiting) return
    setImmediate(() => {
      const beforeQuit = new StandInEvent()
      this.emit('before-quit', beforeQuit)
      if (beforeQuit.defaultPrevented) return
      this.#quitting = true
      for (const window of [...windows]) {
        if (!window.isDestroyed()) window.close()
        if (!window.isDestroyed()) {
          this.#quitting = false
          return
        }
      }
      const willQuit = new StandInEvent()
      this.emit('will-quit', willQuit)
      if (willQuit.defaultPrevented) {
        this.#quitting = false
        return
      }
      this.emit('quit', new StandInEvent(), 0)
      void this.#end(0)
    })
  }

  exit = (code = 0): void => {
    void this.#end(code)
  }

  get quittingNow(): boolean {
    return this.#quitting
  }

  async #end(code: number): Promise<void> {
    if (this.#exiting) return
    this.#exiting = true
    await this.#handover
    if (this.#singleton) {
      this.#singleton.close()
      rmSync(join(userData, 'SingletonLock'), { force: true })
    }
    emit('exit', { code })
    await flushed()
    process.exit(code)
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export const app = new App()
// An Electron app runs until it quits, whether or not anything is pending.
setInterval(() => {}, 2 ** 30)

// ---------------------------------------------------------------- IPC

type Handler = (event: unknown, ...args: unknown[]) => unknown

class IpcMain extends EventEmitter {
  readonly handlers = new Map<string, Handler>()

  handle = (channel: string, handler: Handler): void => {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    this.handlers.set(channel, handler)
  }
  handleOnce = (channel: string, handler: Handler): void => {
    this.handle(channel, (event, ...args) => {
      this.handlers.delete(channel)
      return handler(event, ...args)
    })
  }
  removeHandler = (channel: string): void => {
    this.handlers.delete(channel)
  }

  /** ipcRenderer.invoke arriving from a page. Arguments and result cross by structured clone. */
  async invoke(channel: string, args: unknown[], event: unknown): Promise<unknown> {
    const handler = this.handlers.get(channel)
    if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`)
    let result: unknown
    try {
      result = await handler(event, ...args)
    } catch (error) {
      throw new Error(`Error invoking remote method '${channel}': ${String(error)}`)
    }
    return cloneForIpc(result)
  }
}

export const ipcMain = new IpcMain()

// ---------------------------------------------------------------- images

/** Width and height from a PNG's IHDR chunk, or null if the bytes are not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } | null {
  if (bytes.length < 24 || bytes.toString('latin1', 1, 4) !== 'PNG') return null
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

class NativeImage {
  #template = false
  constructor(
    readonly path: string | null,
    readonly size: { width: number; height: number } | null,
    readonly bitmap: Buffer | null = null,
  ) {}
  isEmpty = () => this.size === null
  getSize = () => this.size ?? { width: 0, height: 0 }
  toBitmap = () => this.bitmap ?? Buffer.alloc(this.getSize().width * this.getSize().height * 4)
  toPNG = () => Buffer.alloc(0)
  setTemplateImage = (value: boolean) => {
    this.#template = value
  }
  isTemplateImage = () => this.#template
  resize = () => this
}

export const nativeImage = {
  /** Electron returns an empty image for a relative path, a missing file or one that is not an image. */
  createFromPath(path: string): NativeImage {
    if (!isAbsolute(path) || !existsSync(path) || !statSync(path).isFile()) return new NativeImage(path, null)
    return new NativeImage(path, pngSize(readFileSync(path)))
  },
  createFromBitmap(bitmap: Buffer, options: { width: number; height: number }): NativeImage {
    if (bitmap.length !== options.width * options.height * 4) throw new Error('Invalid buffer size')
    return new NativeImage(null, { width: options.width, height: options.height }, bitmap)
  },
  createEmpty: () => new NativeImage(null, null),
}

const asImage = (image: NativeImage | string) => (typeof image === 'string' ? nativeImage.createFromPath(image) : image)

// ---------------------------------------------------------------- menus

const KNOWN_ROLES = new Set(
  'undo redo cut copy paste pasteAndMatchStyle delete selectAll reload forceReload toggleDevTools resetZoom zoomIn zoomOut toggleSpellChecker togglefullscreen window minimize close help about services hide hideOthers unhide quit startSpeaking stopSpeaking zoom front appMenu fileMenu editMenu viewMenu shareMenu recentDocuments toggleTabBar selectNextTab selectPreviousTab showAllTabs mergeAllWindows clearRecentDocuments moveTabToNewWindow windowMenu'.split(
    ' ',
  ),
)
const ACCELERATOR_KEYS = /^(Command|Cmd|Control|Ctrl|CommandOrControl|CmdOrCtrl|Alt|Option|AltGr|Shift|Super|Meta)$/
const ACCELERATOR_KEY = /^([0-9A-Z]|F([1-9]|1[0-9]|2[0-4])|[)!@#$%^&*(:;:+=<,_\->.?/~`{\]|\\}[\]"']|Plus|Space|Tab|Capslock|Numlock|Scrolllock|Backspace|Delete|Insert|Return|Enter|Up|Down|Left|Right|Home|End|PageUp|PageDown|Escape|Esc|VolumeUp|VolumeDown|VolumeMute|MediaNextTrack|MediaPreviousTrack|MediaStop|MediaPlayPause|PrintScreen|num[0-9]|numdec|numadd|numsub|nummult|numdiv)$/i

/** Electron's accelerator grammar: modifiers joined by "+", then exactly one key. */
export function isValidAccelerator(accelerator: string): boolean {
  const parts = accelerator.split(/\+(?!$)/)
  const key = parts.pop()
  return key !== undefined && ACCELERATOR_KEY.test(key) && parts.every((part) => ACCELERATOR_KEYS.test(part))
}

interface ItemOptions {
  label?: string
  role?: string
  type?: string
  click?: (item: MenuItem, window: unknown, event: unknown) => void
  submenu?: ItemOptions[] | Menu
  enabled?: boolean
  visible?: boolean
  checked?: boolean
  accelerator?: string
  id?: string
}

class MenuItem {
  readonly label: string
  readonly role?: string
  readonly type: string
  readonly enabled: boolean
  readonly visible: boolean
  checked: boolean
  readonly accelerator?: string
  readonly submenu?: Menu
  readonly #click?: ItemOptions['click']

  constructor(options: ItemOptions) {
    if (options.role !== undefined && !KNOWN_ROLES.has(options.role)) throw new Error(`Invalid menu role: ${options.role}`)
    if (options.accelerator !== undefined && !isValidAccelerator(options.accelerator)) violation(`Invalid accelerator “${options.accelerator}” on ${options.label}`)
    this.type = options.type ?? (options.submenu ? 'submenu' : 'normal')
    if (this.type !== 'separator' && options.label === undefined && options.role === undefined) throw new Error('A menu item needs a label or a role.')
    this.label = options.label ?? options.role ?? ''
    this.role = options.role
    this.enabled = options.enabled ?? true
    this.visible = options.visible ?? true
    this.checked = options.checked ?? false
    this.accelerator = options.accelerator
    this.submenu = options.submenu instanceof Menu ? options.submenu : options.submenu ? Menu.buildFromTemplate(options.submenu) : undefined
    this.#click = options.click
  }

  click(): void {
    if (!this.enabled) throw new Error(`“${this.label}” is disabled: a person could not click it.`)
    if (this.type === 'checkbox') this.checked = !this.checked
    this.#click?.(this, BrowserWindow.getFocusedWindow(), { triggeredByAccelerator: false })
    if (this.role === 'quit') app.quit()
    if (this.role === 'about') app.showAboutPanel()
  }

  describe(): unknown {
    return {
      label: this.label,
      role: this.role,
      type: this.type,
      enabled: this.enabled,
      checked: this.checked,
      accelerator: this.accelerator,
      visible: this.visible,
      submenu: this.submenu?.describe(),
    }
  }
}

/** A label as shown: "&File" is "File" (the & marks the mnemonic), "&&" is a literal "&". */
export const readable = (label: string) => label.replace(/&(&?)/g, '$1')

export class Menu {
  readonly items: MenuItem[] = []
  static #application: Menu | null = null

  static buildFromTemplate(template: ItemOptions[]): Menu {
    const menu = new Menu()
    for (const options of template) menu.items.push(new MenuItem(options))
    return menu
  }
  static setApplicationMenu(menu: Menu | null): void {
    Menu.#application = menu
    emit('applicationMenu', menu?.describe() ?? null)
  }
  static getApplicationMenu(): Menu | null {
    return Menu.#application
  }
  popup(): void {
    emit('popup', this.describe())
  }
  describe(): unknown[] {
    return this.items.map((item) => item.describe())
  }
  /** Follows labels through submenus, as a person reads them (without the "&" of keyboard mnemonics). */
  find(path: string[]): MenuItem {
    const [first, ...rest] = path
    const item = this.items.find((candidate) => readable(candidate.label) === first && candidate.visible)
    if (!item) throw new Error(`No menu item “${first}”. The menu has: ${this.items.map((i) => i.label).join(', ')}`)
    if (rest.length === 0) return item
    if (!item.submenu) throw new Error(`“${first}” has no submenu.`)
    return item.submenu.find(rest)
  }
}

export { MenuItem }

// ---------------------------------------------------------------- tray

let trays: Tray[] = []

export class Tray extends EventEmitter {
  #menu: Menu | null = null
  #destroyed = false
  tooltip = ''
  title = ''
  image: NativeImage

  constructor(image: NativeImage | string) {
    super()
    requireReady('Tray')
    this.image = asImage(image)
    if (this.image.isEmpty()) violation('new Tray() with an empty image: the tray icon would be invisible.')
    trays.push(this)
    emit('tray', { created: true })
  }
  setContextMenu = (menu: Menu | null) => {
    this.#menu = menu
    emit('trayMenu', menu?.describe() ?? null)
  }
  setToolTip = (text: string) => {
    this.tooltip = text
  }
  setTitle = (text: string) => {
    if (platform !== 'darwin') violation('Tray.setTitle is macOS-only.')
    this.title = text
  }
  setImage = (image: NativeImage | string) => {
    this.image = asImage(image)
  }
  displayBalloon = (options: { title: string; content: string }) => {
    if (platform !== 'win32') violation('Tray.displayBalloon is Windows-only.')
    emit('balloon', options)
  }
  destroy = () => {
    this.#destroyed = true
    trays = trays.filter((tray) => tray !== this)
    emit('tray', { created: false })
  }
  isDestroyed = () => this.#destroyed
  get menu(): Menu | null {
    return this.#menu
  }
}

// ---------------------------------------------------------------- windows

let windows: BrowserWindow[] = []
let nextId = 1

interface WebPreferences {
  preload?: string
  sandbox?: boolean
  contextIsolation?: boolean
  nodeIntegration?: boolean
  devTools?: boolean
  spellcheck?: boolean
  additionalArguments?: string[]
  [key: string]: unknown
}

class WebContents extends EventEmitter {
  readonly id = nextId++
  #url = ''
  #loading = false
  #destroyed = false
  page: RendererPage | null = null
  readonly session = sessionFor()
  windowOpenHandler: ((details: { url: string }) => unknown) | null = null
  devToolsOpened = false
  /** Messages sent while no page was there to receive them (lost, as in Electron). */
  dropped: string[] = []

  constructor(
    readonly owner: BrowserWindow,
    readonly preferences: Required<Pick<WebPreferences, 'sandbox' | 'contextIsolation' | 'nodeIntegration' | 'devTools'>> & WebPreferences,
  ) {
    super()
  }

  getURL = () => this.#url
  isLoading = () => this.#loading
  isDestroyed = () => this.#destroyed
  setWindowOpenHandler = (handler: (details: { url: string }) => unknown) => {
    this.windowOpenHandler = handler
  }
  replaceMisspelling = (word: string) => emit('replaceMisspelling', word)
  inspectElement = () => {}
  openDevTools = () => {
    this.devToolsOpened = this.preferences.devTools
  }
  isDevToolsOpened = () => this.devToolsOpened

  send = (channel: string, ...args: unknown[]) => {
    const cloned = cloneForIpc(args)
    if (this.#destroyed) throw new Error('Object has been destroyed')
    if (!this.page || this.#loading) {
      this.dropped.push(channel)
      return
    }
    // Electron's IPC is asynchronous: the page gets a message after the main process's current task, in order.
    const page = this.page
    setImmediate(() => {
      if (this.page === page) page.deliver(channel, cloned)
      else this.dropped.push(channel)
    })
  }

  async load(url: string): Promise<void> {
    this.#loading = true
    this.emit('did-start-loading')
    const page = await fetchPage(url)
    if (!page.ok) {
      this.#loading = false
      this.emit('did-fail-load', new StandInEvent(), -6, page.reason, url)
      throw new Error(`ERR_FILE_NOT_FOUND (-6) loading '${url}': ${page.reason}`)
    }
    this.#url = url
    const preload = this.preferences.preload
    if (preload !== undefined && (!isAbsolute(preload) || !existsSync(preload))) {
      violation(`Unable to load preload script: ${preload} (the file does not exist)`)
    } else {
      this.page = new RendererPage(this.preferences as never, (channel, args, event) => ipcMain.invoke(channel, args, event), {
        event: () => ({ sender: this, senderFrame: { url: this.#url, origin: new URL(this.#url).origin, parent: null }, frameId: 1, processId: 1 }),
      })
      try {
        this.page.runPreload()
      } catch (error) {
        violation((error as Error).message)
      }
    }
    this.#loading = false
    this.page?.subscribeToPushes()
    this.emit('dom-ready')
    this.emit('did-finish-load')
    emit('pageLoaded', { window: this.owner.id, url, bridge: this.page ? Object.keys((this.page.mainWorld.api as object) ?? {}) : [] })
    this.owner.emit('ready-to-show')
  }

  destroy(): void {
    this.#destroyed = true
    this.emit('destroyed')
  }
}

/** The bytes behind a URL as the window would get them: a file, or a response from a registered protocol. */
async function fetchPage(url: string): Promise<{ ok: true } | { ok: false; reason: string }> {
  const parsed = new URL(url)
  if (parsed.protocol === 'file:') {
    const path = fileURLToPath(parsed)
    return existsSync(path) && statSync(path).isFile() ? { ok: true } : { ok: false, reason: `${path} does not exist` }
  }
  const handler = protocolHandlers.get(parsed.protocol.slice(0, -1))
  if (!handler) return { ok: false, reason: `no handler for ${parsed.protocol}` }
  const response = await handler(new Request(url))
  if (!response.ok) return { ok: false, reason: `the ${parsed.protocol} handler answered ${response.status}` }
  const csp = response.headers.get('content-security-policy')
  emit('pageResponse', { url, status: response.status, contentType: response.headers.get('content-type'), csp })
  return { ok: true }
}

type Bounds = { x: number; y: number; width: number; height: number }

export class BrowserWindow extends EventEmitter {
  readonly id = nextId++
  readonly webContents: WebContents
  readonly options: Record<string, unknown>
  #visible = false
  #minimized = false
  #maximized = false
  #focused = false
  #destroyed = false
  #bounds: Bounds

  static getAllWindows = () => [...windows]
  static getFocusedWindow = () => windows.find((window) => window.#focused) ?? null
  static fromWebContents = (contents: WebContents) => windows.find((window) => window.webContents === contents) ?? null

  constructor(options: Record<string, unknown> = {}) {
    super()
    requireReady('BrowserWindow')
    this.options = options
    const preferences = (options.webPreferences ?? {}) as WebPreferences
    const nodeIntegration = preferences.nodeIntegration ?? false
    // Electron's defaults: isolated and sandboxed unless Node is turned on in the page.
    const effective = {
      ...preferences,
      nodeIntegration,
      contextIsolation: preferences.contextIsolation ?? true,
      sandbox: preferences.sandbox ?? !nodeIntegration,
      devTools: preferences.devTools ?? true,
    }
    if (preferences.preload !== undefined && !isAbsolute(preferences.preload)) violation(`The preload path must be absolute: ${preferences.preload}`)
    if (options.icon !== undefined && typeof options.icon === 'string' && nativeImage.createFromPath(options.icon).isEmpty()) violation(`The window icon ${options.icon} could not be loaded.`)
    this.#bounds = { x: (options.x as number) ?? 100, y: (options.y as number) ?? 100, width: (options.width as number) ?? 800, height: (options.height as number) ?? 600 }
    this.webContents = new WebContents(this, effective)
    windows.push(this)
    app.emit('web-contents-created', new StandInEvent(), this.webContents)
    app.emit('browser-window-created', new StandInEvent(), this)
    emit('window', { id: this.id, created: true, webPreferences: effective })
    if (options.show !== false) this.show()
  }

  #report(): void {
    emit('windowState', this.state())
  }

  state() {
    return { id: this.id, visible: this.#visible, minimized: this.#minimized, focused: this.#focused, destroyed: this.#destroyed }
  }

  loadFile = (path: string) => this.webContents.load(pathToFileURL(resolve(path)).href)
  loadURL = (url: string) => this.webContents.load(url)
  show = () => {
    this.#visible = true
    this.#minimized = false
    this.#focused = true
    this.emit('show')
    this.#report()
  }
  hide = () => {
    this.#visible = false
    this.#focused = false
    this.emit('hide')
    this.#report()
  }
  focus = () => {
    this.#focused = true
    this.emit('focus')
    this.#report()
  }
  minimize = () => {
    this.#minimized = true
    this.#focused = false
    this.emit('minimize')
    this.#report()
  }
  restore = () => {
    this.#minimized = false
    this.emit('restore')
    this.#report()
  }
  maximize = () => {
    this.#maximized = true
  }
  isVisible = () => this.#visible
  isMinimized = () => this.#minimized
  isMaximized = () => this.#maximized
  isFocused = () => this.#focused
  isDestroyed = () => this.#destroyed
  getBounds = () => ({ ...this.#bounds })
  getNormalBounds = () => ({ ...this.#bounds })
  setBounds = (bounds: Partial<Bounds>) => {
    this.#bounds = { ...this.#bounds, ...bounds }
  }
  setMenuBarVisibility = () => {}
  setProgressBar = () => {}
  flashFrame = () => {}

  /** The close button: 'close' (cancellable), then the window is gone. */
  close = () => {
    if (this.#destroyed) return
    const event = new StandInEvent()
    this.emit('close', event)
    if (event.defaultPrevented) return
    this.destroy()
  }

  destroy = () => {
    if (this.#destroyed) return
    this.#destroyed = true
    this.#visible = false
    this.webContents.destroy()
    windows = windows.filter((window) => window !== this)
    this.emit('closed')
    this.#report()
    if (windows.length === 0 && !app.quittingNow) {
      if (app.listenerCount('window-all-closed') > 0) app.emit('window-all-closed')
      else app.quit()
    }
  }
}

// ---------------------------------------------------------------- screen, power, shortcuts

export const screen = {
  getAllDisplays() {
    requireReady('screen')
    return [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1050 }, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, scaleFactor: 1 }]
  },
  getPrimaryDisplay() {
    return screen.getAllDisplays()[0]
  },
}

class PowerMonitor extends EventEmitter {
  override on(name: string, listener: (...args: unknown[]) => void): this {
    requireReady('powerMonitor')
    return super.on(name, listener)
  }
}
export const powerMonitor = new PowerMonitor()

const takenShortcuts = new Set((env.STAND_IN_TAKEN_SHORTCUTS ?? '').split(',').filter(Boolean))

export const globalShortcut = {
  registered: new Map<string, () => void>(),
  register(accelerator: string, callback: () => void): boolean {
    requireReady('globalShortcut')
    if (!isValidAccelerator(accelerator)) throw new Error(`Error processing argument at index 0, conversion failure from ${accelerator}`)
    if (takenShortcuts.has(accelerator) || globalShortcut.registered.has(accelerator)) return false
    globalShortcut.registered.set(accelerator, callback)
    emit('shortcuts', [...globalShortcut.registered.keys()])
    return true
  },
  unregister(accelerator: string): void {
    globalShortcut.registered.delete(accelerator)
    emit('shortcuts', [...globalShortcut.registered.keys()])
  },
  unregisterAll(): void {
    globalShortcut.registered.clear()
    emit('shortcuts', [])
  },
  isRegistered: (accelerator: string) => globalShortcut.registered.has(accelerator),
}

// ---------------------------------------------------------------- notifications

export interface NotificationOptions {
  title: string
  body?: string
  icon?: string | NativeImage
  actions?: { type: 'button'; text: string }[]
  toastXml?: string
  closeButtonText?: string
  silent?: boolean
  urgency?: string
  timeoutType?: string
}

const shownNotifications: Notification[] = []

export class Notification extends EventEmitter {
  static isSupported = () => env.STAND_IN_NOTIFICATIONS !== 'unsupported'

  constructor(readonly options: NotificationOptions) {
    super()
    requireReady('Notification')
    if (options.actions?.length && platform !== 'darwin') violation('Notification actions are macOS-only; Windows needs toastXml buttons, Linux shows none.')
    if (options.toastXml !== undefined && platform !== 'win32') violation('toastXml is Windows-only.')
    if (options.toastXml !== undefined && !/^\s*<toast[\s>][\s\S]*<\/toast>\s*$/.test(options.toastXml)) violation('toastXml is not a <toast> document.')
    if (typeof options.icon === 'string' && nativeImage.createFromPath(options.icon).isEmpty()) violation(`Notification icon ${options.icon} could not be loaded.`)
  }

  show = () => {
    if (!Notification.isSupported()) throw new Error('Notifications are not supported on this system.')
    const index = shownNotifications.push(this) - 1
    emit('notification', {
      index,
      title: this.options.title,
      body: this.options.body ?? '',
      actions: this.options.actions?.map((action) => action.text) ?? [],
      toastButtons: [...(this.options.toastXml ?? '').matchAll(/<action\b[^>]*content="([^"]*)"/g)].map((m) => m[1]),
    })
    setImmediate(() => {
      if (env.STAND_IN_NOTIFICATIONS === 'refused') this.emit('failed', new StandInEvent(), 'Notifications are not allowed for this application')
      else this.emit('show', new StandInEvent())
    })
  }
  close = () => this.emit('close', new StandInEvent())
}

// ---------------------------------------------------------------- dialogs, shell, session, protocol

const dialogAnswers: unknown[] = []
const dialogWaiters: ((answer: unknown) => void)[] = []

/** The next answer the test gave (queued in advance, or awaited). */
function nextDialogAnswer(): Promise<unknown> {
  if (dialogAnswers.length > 0) return Promise.resolve(dialogAnswers.shift())
  return new Promise((resolve) => dialogWaiters.push(resolve))
}

export const dialog = {
  showErrorBox(title: string, content: string): void {
    emit('dialog', { kind: 'error', title, message: content })
  },
  async showMessageBox(...args: unknown[]): Promise<{ response: number; checkboxChecked: boolean }> {
    requireReady('dialog.showMessageBox')
    const options = (args.length > 1 ? args[1] : args[0]) as { message: string; detail?: string; buttons?: string[]; type?: string; title?: string }
    emit('dialog', { kind: 'message', title: options.title, message: options.message, detail: options.detail, buttons: options.buttons ?? ['OK'] })
    const answer = await nextDialogAnswer()
    const response = typeof answer === 'string' ? (options.buttons ?? ['OK']).indexOf(answer) : Number(answer)
    if (response < 0) throw new Error(`The test answered “${String(answer)}”, which is not one of the buttons ${JSON.stringify(options.buttons)}.`)
    return { response, checkboxChecked: false }
  },
  async showSaveDialog(...args: unknown[]): Promise<{ canceled: boolean; filePath?: string }> {
    requireReady('dialog.showSaveDialog')
    const options = (args.length > 1 ? args[1] : args[0]) as { title?: string; defaultPath?: string }
    emit('dialog', { kind: 'save', title: options.title, defaultPath: options.defaultPath })
    const answer = await nextDialogAnswer()
    return typeof answer === 'string' ? { canceled: false, filePath: answer } : { canceled: true }
  },
  showMessageBoxSync(): never {
    throw new Error('showMessageBoxSync blocks the main process; Follow Through uses showMessageBox.')
  },
}

export const shell = {
  async openExternal(url: string): Promise<void> {
    emit('openExternal', url)
  },
  async openPath(path: string): Promise<string> {
    emit('openPath', path)
    return existsSync(path) ? '' : `${path} does not exist`
  },
  showItemInFolder(path: string): void {
    emit('openPath', path)
  },
}

type ProtocolHandler = (request: Request) => Response | Promise<Response>
const protocolHandlers = new Map<string, ProtocolHandler>()
const privilegedSchemes = new Set<string>()

export const protocol = {
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges?: Record<string, boolean> }[]): void {
    if (ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready')
    for (const scheme of schemes) {
      if (scheme.privileges?.codeCache && !scheme.privileges.standard) throw new Error('Code cache can only be enabled when standard is true')
      privilegedSchemes.add(scheme.scheme)
    }
  },
  handle(scheme: string, handler: ProtocolHandler): void {
    requireReady('protocol')
    if (protocolHandlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`)
    if (!privilegedSchemes.has(scheme)) violation(`The ${scheme}: scheme was not registered as privileged before ready: pages from it get no CSP, fetch or storage.`)
    protocolHandlers.set(scheme, handler)
  },
  isProtocolHandled: (scheme: string) => protocolHandlers.has(scheme),
  unhandle: (scheme: string) => protocolHandlers.delete(scheme),
}

export const net = {
  /** file: URLs only, which is what a custom protocol serving the bundle needs. */
  async fetch(url: string): Promise<Response> {
    const parsed = new URL(url)
    if (parsed.protocol !== 'file:') throw new Error(`The stand-in's net.fetch serves file: URLs only, not ${url}`)
    const path = fileURLToPath(parsed)
    if (!existsSync(path) || !statSync(path).isFile()) return new Response('Not found', { status: 404 })
    return new Response(readFileSync(path), { status: 200 })
  },
}

let defaultSession: ReturnType<typeof makeSession> | null = null
function makeSession() {
  return {
    permissionRequestHandler: null as unknown,
    permissionCheckHandler: null as unknown,
    setPermissionRequestHandler(handler: unknown) {
      this.permissionRequestHandler = handler
    },
    setPermissionCheckHandler(handler: unknown) {
      this.permissionCheckHandler = handler
    },
    setSpellCheckerLanguages: () => {},
    addWordToSpellCheckerDictionary: (word: string) => emit('learnWord', word),
    getSpellCheckerLanguages: () => ['en-US'],
    availableSpellCheckerLanguages: ['en-US'],
    webRequest: { onHeadersReceived: () => {}, onBeforeRequest: () => {} },
    protocol,
  }
}
function sessionFor() {
  return (defaultSession ??= makeSession())
}

export const session = {
  get defaultSession() {
    requireReady('session')
    return sessionFor()
  },
}

/**
 * Electron's safeStorage: on Linux encryption is only available after 'ready', and
 * encryptString throws without it. The stand-in's "encryption" is a marked
 * reversible encoding, enough to prove the password never lands in plain text.
 */
const SAFE_STORAGE_MARK = 'stand-in-encrypted:'
export const safeStorage = {
  isEncryptionAvailable: () => ready && env.STAND_IN_SAFE_STORAGE !== 'unavailable',
  encryptString(plainText: string): Buffer {
    if (!safeStorage.isEncryptionAvailable()) throw new Error('Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.')
    return Buffer.from(SAFE_STORAGE_MARK + Buffer.from(plainText, 'utf8').toString('base64'))
  },
  decryptString(encrypted: Buffer): string {
    if (!Buffer.isBuffer(encrypted)) throw new TypeError('Expected the first argument of decryptString() to be a buffer')
    const text = encrypted.toString('utf8')
    if (!safeStorage.isEncryptionAvailable() || !text.startsWith(SAFE_STORAGE_MARK)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.')
    return Buffer.from(text.slice(SAFE_STORAGE_MARK.length), 'base64').toString('utf8')
  },
}
export const systemPreferences = { getUserDefault: () => '', isDarkMode: () => false }
export const nativeTheme = Object.assign(new EventEmitter(), { shouldUseDarkColors: false, themeSource: 'system' })
export const clipboard = { writeText: (text: string) => emit('clipboard', text), readText: () => '' }
export const webContents = { getAllWebContents: () => windows.map((window) => window.webContents), fromId: (id: number) => windows.find((w) => w.webContents.id === id)?.webContents }

// ---------------------------------------------------------------- the test's controls

function only<T>(items: T[], what: string): T {
  if (items.length !== 1) throw new Error(`Expected one ${what}, found ${items.length}.`)
  return items[0]
}
const theWindow = () => only(windows, 'window')

onRequest('windows', () => windows.map((window) => window.state()))
onRequest('webPreferences', () => theWindow().webContents.preferences)
onRequest('ipcChannels', () => [...ipcMain.handlers.keys()])
onRequest('bridgeKeys', () => {
  const api = theWindow().webContents.page?.mainWorld.api
  return api === undefined ? null : Object.entries(api as object).map(([key, value]) => [key, typeof value])
})
onRequest('mainWorldKeys', () => Object.keys(theWindow().webContents.page?.mainWorld ?? {}))
/** The page calls window.api[method](input), as the board's scripts do. */
onRequest<{ method: string; input: unknown }>('call', async ({ method, input }) => {
  const page = theWindow().webContents.page
  const api = page?.mainWorld.api as Record<string, (input: unknown) => Promise<unknown>> | undefined
  if (!api) throw new Error('The page has no window.api: the preload did not expose it.')
  if (typeof api[method] !== 'function') throw new Error(`window.api.${method} is not a function.`)
  return structuredClone(await api[method](structuredClone(input)))
})
/** The page opens a view through window.api.openView, as the board does: its snapshot. */
onRequest<ViewQuery>('viewSnapshot', (query) => {
  const page = theWindow().webContents.page
  if (!page) throw new Error('The window has no page.')
  return page.viewSnapshot(query)
})
/** What the page received through each of the bridge's `on…` subscriptions and its view. */
onRequest('received', () => Object.fromEntries(theWindow().webContents.page?.received ?? []))
onRequest('droppedMessages', () => windows.flatMap((window) => window.webContents.dropped))
onRequest('trayMenu', () => only(trays, 'tray').menu?.describe() ?? null)
onRequest('trayCount', () => trays.length)
onRequest<string[]>('clickTray', (path) => only(trays, 'tray').menu!.find(path).click())
onRequest('clickTrayIcon', () => only(trays, 'tray').emit('click', new StandInEvent(), {}))
onRequest('applicationMenu', () => Menu.getApplicationMenu()?.describe() ?? null)
onRequest<string[]>('clickMenu', (path) => Menu.getApplicationMenu()!.find(path).click())
onRequest('closeWindow', () => theWindow().close())
onRequest('quit', () => app.quit())
onRequest<{ index: number; action?: number }>('clickNotification', ({ index, action }) => {
  const shown = shownNotifications[index]
  if (!shown) throw new Error(`No notification #${index} was shown.`)
  if (action === undefined) shown.emit('click', new StandInEvent())
  else if (platform === 'darwin') shown.emit('action', new StandInEvent(), action)
  else throw new Error(`Notification buttons on ${platform} are not clicked through the notification (see clickToastButton).`)
})
/** Windows toast buttons activate the app through its protocol: a second launch with the URL, as the OS does. */
onRequest<{ index: number; button: number }>('clickToastButton', ({ index, button }) => {
  const xml = shownNotifications[index]?.options.toastXml ?? ''
  const actions = [...xml.matchAll(/<action\b[^>]*>/g)].map((m) => m[0])
  const target = actions[button]
  if (!target) throw new Error(`Toast #${index} has no button #${button}.`)
  const argument = /arguments="([^"]*)"/.exec(target)?.[1]?.replaceAll('&amp;', '&')
  if (!/activationType="protocol"/.test(target) || !argument) throw new Error('A toast button must activate the app through its protocol.')
  const scheme = new URL(argument).protocol.slice(0, -1)
  if (!app.protocolClients.has(scheme)) throw new Error(`The app is not the handler of ${scheme}: Windows would not start it.`)
  app.emit('second-instance', new StandInEvent(), [process.execPath, argument], process.cwd(), {})
})
onRequest<string>('pressShortcut', (accelerator) => {
  const callback = globalShortcut.registered.get(accelerator)
  if (!callback) throw new Error(`${accelerator} is not registered.`)
  callback()
})
onRequest<unknown>('answerDialog', (answer) => {
  const waiter = dialogWaiters.shift()
  if (waiter) waiter(answer)
  else dialogAnswers.push(answer)
})
/** A right-click in the page, as Chromium reports it (a misspelled word in an editable field by default). */
onRequest<Record<string, unknown>>('contextMenu', (params) => {
  const contents = theWindow().webContents
  contents.emit('context-menu', new StandInEvent(), {
    x: 10,
    y: 10,
    isEditable: true,
    selectionText: '',
    misspelledWord: '',
    dictionarySuggestions: [],
    linkURL: '',
    linkText: '',
    mediaType: 'none',
    hasImageContents: false,
    srcURL: '',
    frameURL: contents.getURL(),
    pageURL: contents.getURL(),
    editFlags: { canCut: true, canCopy: true, canPaste: true, canSelectAll: true, canDelete: true, canUndo: true, canRedo: true, canEditRichly: false },
    spellcheckEnabled: true,
    ...params,
  })
})
onRequest('powerEvent', (name: string) => powerMonitor.emit(name, new StandInEvent()))

const standIn = {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  globalShortcut,
  ipcMain,
  Menu,
  MenuItem,
  nativeImage,
  nativeTheme,
  net,
  Notification,
  powerMonitor,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  systemPreferences,
  Tray,
  webContents,
}
;(globalThis as Record<symbol, unknown>)[Symbol.for('follow-through.electron-stand-in')] = standIn

export default standIn
