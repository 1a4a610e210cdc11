import { EventEmitter } from 'node:events'
import * as events from 'node:events'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import * as timers from 'node:timers'
import * as url from 'node:url'
import vm from 'node:vm'
import type { OpenView, ViewEvent, ViewQuery, ViewRanges, ViewSnapshot } from '../../../electron/contract/view'
import { MAX_WINDOW } from '../../../electron/contract'

/**
 * One renderer process as Electron builds it for a window: the preload runs in its
 * own world (a `vm` context) as CommonJS, and the page's world sees only what
 * contextBridge copied into it. The page itself is this test's stand-in for the
 * React board: it opens its view and subscribes to every push the bridge offers,
 * recording what arrives.
 */

/** The widest window a column may ask for: the stand-in page has no scroll position to narrow it, and its boards are small. */
const EVERYTHING = { start: 0, end: MAX_WINDOW }
export const WHOLE_BOARD: ViewRanges = { promised: EVERYTHING, due: EVERYTHING, overdue: EVERYTHING, done: EVERYTHING }

export interface PagePreferences {
  preload?: string
  sandbox: boolean
  contextIsolation: boolean
  nodeIntegration: boolean
  /** Appended to the renderer's process.argv, as Electron does. */
  additionalArguments?: string[]
}

export interface Sender {
  /** What ipcMain handlers receive as event.sender / senderFrame. */
  event(): unknown
}

export type Invoke = (channel: string, args: unknown[], event: unknown) => Promise<unknown>

/** Electron's rule for IPC payloads: they cross processes by structured clone, so functions and class prototypes do not. */
export function cloneForIpc<T>(value: T): T {
  try {
    return structuredClone(value)
  } catch (error) {
    throw new Error(`An object could not be cloned. (${(error as Error).message})`)
  }
}

/**
 * contextBridge's copy between worlds (Electron's "Parameter / Error / Return Type
 * support" table): functions and promises are proxied with their arguments and
 * results copied again, objects and arrays are copied key by key (prototypes
 * dropped), errors keep only their message, symbols are dropped.
 */
export function bridgeCopy(value: unknown, seen = new Map<object, unknown>()): unknown {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return typeof value === 'symbol' ? undefined : value
  if (seen.has(value)) return seen.get(value)
  if (typeof value === 'function') {
    const original = value as (...args: unknown[]) => unknown
    const proxy = (...args: unknown[]) => bridgeCopy(original(...args.map((arg) => bridgeCopy(arg))))
    seen.set(value, proxy)
    return proxy
  }
  if (value instanceof Promise) return value.then((resolved) => bridgeCopy(resolved), (error) => Promise.reject(bridgeCopy(error)))
  if (value instanceof Error) return new Error(value.message)
  if (value instanceof Date || value instanceof RegExp || ArrayBuffer.isView(value) || value instanceof ArrayBuffer || value instanceof Map || value instanceof Set) {
    return structuredClone(value)
  }
  if (Array.isArray(value)) {
    const copy: unknown[] = []
    seen.set(value, copy)
    for (const item of value) copy.push(bridgeCopy(item, seen))
    return copy
  }
  const copy: Record<string, unknown> = {}
  seen.set(value, copy)
  for (const key of Object.keys(value)) {
    const item = bridgeCopy((value as Record<string, unknown>)[key], seen)
    if (item !== undefined || (value as Record<string, unknown>)[key] === undefined) copy[key] = item
  }
  return copy
}

class RendererIpc extends EventEmitter {
  constructor(
    readonly invokeMain: Invoke,
    readonly sender: Sender,
  ) {
    super()
  }

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    let cloned: unknown[]
    try {
      cloned = cloneForIpc(args)
    } catch (error) {
      return Promise.reject(error)
    }
    return this.invokeMain(channel, cloned, this.sender.event())
  }

  send(channel: string): void {
    throw new Error(`ipcRenderer.send('${channel}') is not used by Follow Through; the stand-in only models invoke.`)
  }
}

export class RendererPage {
  /** The page's window object: what the board's scripts see. */
  readonly mainWorld: Record<string, unknown> = {}
  /** Payloads the page received through each `on…` subscription of the bridge, oldest first. */
  readonly received = new Map<string, unknown[]>()
  readonly ipc: RendererIpc
  readonly #preferences: PagePreferences

  constructor(preferences: PagePreferences, invoke: Invoke, sender: Sender) {
    this.#preferences = preferences
    this.ipc = new RendererIpc(invoke, sender)
  }

  /** Evaluates the preload as Electron does; throws "Unable to load preload script" with the reason. */
  runPreload(): void {
    const file = this.#preferences.preload
    if (!file) return
    try {
      const source = readFileSync(file, 'utf8')
      const module = { exports: {} as unknown }
      const contextBridge = {
        exposeInMainWorld: (key: string, api: unknown) => {
          if (!this.#preferences.contextIsolation) throw new Error('contextBridge API can only be used when contextIsolation is enabled')
          if (key in this.mainWorld) throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`)
          this.mainWorld[key] = bridgeCopy(api)
        },
      }
      const rendererElectron = {
        contextBridge,
        ipcRenderer: this.ipc,
        webFrame: { setZoomFactor: () => {}, getZoomFactor: () => 1 },
        crashReporter: { addExtraParameter: () => {} },
        webUtils: { getPathForFile: () => '' },
      }
      const sandboxed: Record<string, unknown> = { electron: rendererElectron, events, timers, url }
      const require = this.#preferences.sandbox
        ? (id: string) => {
            const name = id.startsWith('node:') ? id.slice(5) : id
            if (!Object.hasOwn(sandboxed, name)) throw new Error(`module not found: ${id}`)
            return sandboxed[name]
          }
        : Object.assign((id: string) => (id === 'electron' ? rendererElectron : createRequire(file)(id)), { resolve: createRequire(file).resolve })
      const context = vm.createContext({
        console,
        setTimeout,
        clearTimeout,
        setInterval,
        clearInterval,
        queueMicrotask,
        structuredClone,
        // A renderer's Web Crypto (the preload names its views with crypto.randomUUID()).
        crypto: globalThis.crypto,
        URL,
        TextEncoder,
        TextDecoder,
        process: this.#preferences.sandbox
          ? { platform: process.platform, env: { ...process.env }, argv: [process.execPath, '--type=renderer', ...(this.#preferences.additionalArguments ?? [])], type: 'renderer', sandboxed: true, contextIsolated: this.#preferences.contextIsolation }
          : process,
      })
      // Electron wraps a preload as a CommonJS function; an ES module preload fails right here in a sandbox.
      const wrapper = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file })
      const run = wrapper.runInContext(context) as (...args: unknown[]) => void
      run(module.exports, require, module, file, dirname(file))
    } catch (error) {
      throw new Error(`Unable to load preload script: ${file}\n${(error as Error).message}`)
    }
  }

  /**
   * What the board does on load: open its view (its snapshot and deltas are recorded
   * under `openView`) and subscribe to every push the bridge offers, recording what arrives.
   */
  subscribeToPushes(): void {
    const api = this.mainWorld.api as Record<string, unknown> | undefined
    if (!api) return
    for (const [name, value] of Object.entries(api)) {
      if (!/^on[A-Z]/.test(name) || typeof value !== 'function') continue
      this.received.set(name, [])
      value((payload: unknown) => this.received.get(name)!.push(payload))
    }
    if (typeof api.openView !== 'function') return
    const messages: unknown[] = []
    this.received.set('openView', messages)
    ;(api.openView as OpenView)({}, WHOLE_BOARD, (message) => messages.push(message))
  }

  /** Opens a view through window.api.openView as the board does, resolves with its snapshot, and closes it. */
  viewSnapshot(query: ViewQuery): Promise<ViewSnapshot> {
    const openView = (this.mainWorld.api as { openView?: OpenView } | undefined)?.openView
    if (typeof openView !== 'function') return Promise.reject(new Error('The page has no window.api.openView: the preload did not expose it.'))
    return new Promise((resolve, reject) => {
      const view = openView(query, WHOLE_BOARD, (message: ViewEvent) => {
        if (message.type === 'refused') return reject(new Error(`The view was refused: ${message.error.message}`))
        if (message.type !== 'snapshot') return
        view.close()
        resolve(message.snapshot)
      })
    })
  }

  /** A message from the main process (webContents.send) to the preload's listeners. */
  deliver(channel: string, args: unknown[]): void {
    this.ipc.emit(channel, { sender: this.ipc, senderId: 0 }, ...args)
  }
}
