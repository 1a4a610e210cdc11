import { fork, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { ControlMessage } from './control'

/**
 * The test's side of the stand-in: starts a built main bundle under launch.ts in
 * a child process, plays the person and the page through requests, and records
 * every event the stand-in reports.
 */

const LAUNCH = fileURLToPath(new URL('./launch.ts', import.meta.url))
const WAIT_MS = 20_000

export interface StandInEvent {
  name: string
  data: unknown
}

export interface LaunchOptions {
  /** The built main entry (out/main/index.js, or its copy in a packaged layout). */
  main: string
  userData: string
  dataDir: string
  platform?: NodeJS.Platform
  packaged?: boolean
  notifications?: 'supported' | 'unsupported' | 'refused'
  takenShortcuts?: string[]
  /** The OS's regional locale (app.getSystemLocale()). */
  systemLocale?: string
  args?: string[]
  env?: Record<string, string>
  /** Runs the app under strace, writing its file-system calls here (see syscalls.ts). */
  straceTo?: string
}

export interface StandInApp {
  readonly events: readonly StandInEvent[]
  readonly pid: number
  /** Problems real Electron would fail or warn on (a missing preload, a second handler, …). */
  violations(): string[]
  request<T = unknown>(op: string, args?: unknown): Promise<T>
  /** The first event with this name (already seen, or to come) after `from` that matches. */
  waitForEvent<T = unknown>(name: string, match?: (data: T) => boolean, from?: number): Promise<T>
  /** The number of events so far, to wait for one that comes later. */
  mark(): number
  /** Resolves with the exit code once the process ended. */
  readonly exited: Promise<number | null>
  kill(): Promise<void>
  stderr(): string
}

export function launchStandIn(options: LaunchOptions): StandInApp {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.env,
    STAND_IN_USER_DATA: options.userData,
    FOLLOW_THROUGH_DATA_DIR: options.dataDir,
    STAND_IN_PLATFORM: options.platform ?? 'linux',
    STAND_IN_PACKAGED: options.packaged ? '1' : '0',
    STAND_IN_NOTIFICATIONS: options.notifications ?? 'supported',
    STAND_IN_TAKEN_SHORTCUTS: (options.takenShortcuts ?? []).join(','),
    ...(options.systemLocale ? { STAND_IN_SYSTEM_LOCALE: options.systemLocale } : {}),
  }
  // The app must not reach this machine's own desktop session (its tray, its notification daemon).
  env.DBUS_SESSION_BUS_ADDRESS = options.env?.DBUS_SESSION_BUS_ADDRESS ?? 'unix:path=/nonexistent/follow-through-no-bus'
  delete env.ELECTRON_RENDERER_URL
  const nodeArgs = ['--import', 'tsx']
  const child: ChildProcess = fork(LAUNCH, [options.main, ...(options.args ?? [])], {
    ...(options.straceTo
      ? { execPath: 'strace', execArgv: ['-f', '-qq', '-e', 'trace=openat,fsync,fdatasync,rename,renameat,renameat2,close', '-o', options.straceTo, process.execPath, ...nodeArgs] }
      : { execArgv: nodeArgs }),
    serialization: 'advanced',
    env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    // Its own process group, so a kill also ends what it started (strace's tracee, notify-send).
    detached: true,
  })
  const events: StandInEvent[] = []
  const waiters = new Set<() => void>()
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>()
  let nextId = 0
  let stderr = ''
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  child.stdout?.resume()

  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      for (const { reject } of pending.values()) reject(new Error(`The app exited (code ${code}) before answering.\n${stderr}`))
      pending.clear()
      resolve(code)
      for (const waiter of [...waiters]) waiter()
    })
  })
  let done = false
  void exited.then(() => (done = true))

  child.on('message', (raw) => {
    const message = raw as ControlMessage
    if (message.kind === 'event') {
      events.push({ name: message.name, data: message.data })
      for (const waiter of [...waiters]) waiter()
      return
    }
    const waiting = pending.get(message.id)
    if (!waiting) return
    pending.delete(message.id)
    if (message.ok) waiting.resolve(message.value)
    else waiting.reject(new Error(message.error))
  })

  const app: StandInApp = {
    events,
    get pid() {
      return child.pid ?? -1
    },
    violations: () => events.filter((event) => event.name === 'violation').map((event) => String(event.data)),
    request: <T>(op: string, args?: unknown) =>
      new Promise<T>((resolve, reject) => {
        if (done) return reject(new Error(`The app has exited; cannot ${op}.\n${stderr}`))
        const id = ++nextId
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject })
        child.send({ kind: 'request', id, op, args })
      }),
    waitForEvent: <T>(name: string, match: (data: T) => boolean = () => true, from = 0) =>
      new Promise<T>((resolve, reject) => {
        const check = () => {
          const found = events.slice(from).find((event) => event.name === name && match(event.data as T))
          if (found) {
            finish()
            resolve(found.data as T)
          } else if (done) {
            finish()
            reject(new Error(`The app exited before “${name}”.\nEvents: ${summary()}\n${stderr}`))
          }
        }
        const timer = setTimeout(() => {
          finish()
          reject(new Error(`No “${name}” event within ${WAIT_MS} ms.\nEvents: ${summary()}\n${stderr}`))
        }, WAIT_MS)
        const finish = () => {
          clearTimeout(timer)
          waiters.delete(check)
        }
        waiters.add(check)
        check()
      }),
    mark: () => events.length,
    exited,
    kill: async () => {
      if (!done && child.pid) {
        try {
          process.kill(-child.pid, 'SIGKILL')
        } catch {
          child.kill('SIGKILL')
        }
      }
      await exited
    },
    stderr: () => stderr,
  }
  const summary = () => events.map((event) => `${event.name} ${JSON.stringify(event.data)?.slice(0, 160)}`).join('\n  ')
  return app
}

/** A menu as the stand-in describes it. */
export interface MenuDescription {
  label: string
  role?: string
  type: string
  enabled: boolean
  checked: boolean
  accelerator?: string
  visible: boolean
  submenu?: MenuDescription[]
}

/** Every visible label in a menu as a person reads it ("&File" is "File"), submenus flattened. */
export function menuLabels(menu: MenuDescription[] | null): string[] {
  return (menu ?? []).filter((item) => item.visible).flatMap((item) => [item.label.replace(/&(&?)/g, '$1'), ...menuLabels(item.submenu ?? null)])
}
