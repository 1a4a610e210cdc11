import { spawn, type ChildProcess } from 'node:child_process'
import { accessSync, constants, rmSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import type { Readable } from 'node:stream'

/**
 * An isolated Linux desktop for one test: a virtual X display (Xvfb), a private
 * D-Bus session bus, dunst as the notification daemon on it, and dbus-monitor
 * recording every org.freedesktop.Notifications.Notify call made on that bus.
 * Nothing touches the user's real session; stop() ends every process it started.
 */

/** Executables the session needs; notify-send is what node-notifier runs on Linux. */
export const DESKTOP_TOOLS = ['Xvfb', 'dbus-daemon', 'dbus-monitor', 'dunst', 'notify-send'] as const

/** One Notify call as seen on the bus. */
export interface NotifyCall {
  appName: string
  summary: string
  body: string
  /** When dbus-monitor saw the call (its own wall-clock stamp, same clock as Date.now()). */
  receivedAt: Date
  /** When this process parsed it; later than receivedAt by the pipe and event-loop delay. */
  observedAt: Date
}

export interface DesktopSession {
  /** e.g. ":3" */
  display: string
  /** The private bus, e.g. "unix:path=/tmp/follow-through-desktop-x/bus,guid=..." */
  busAddress: string
  /** DISPLAY and DBUS_SESSION_BUS_ADDRESS for processes that should use this session. */
  env: { DISPLAY: string; DBUS_SESSION_BUS_ADDRESS: string }
  /** Every Notify call seen so far, oldest first. */
  readonly notifications: readonly NotifyCall[]
  /** The next Notify call not yet returned by nextNotification (already seen or still to come). */
  nextNotification(timeoutMs?: number): Promise<NotifyCall>
  /** The first Notify call, seen or still to come, that matches. */
  waitForNotification(match: (call: NotifyCall) => boolean, timeoutMs?: number, what?: string): Promise<NotifyCall>
  /**
   * Points this process's DISPLAY and DBUS_SESSION_BUS_ADDRESS at the session, as
   * node-notifier spawns notify-send with process.env. Returns the undo; stop() undoes it too.
   */
  useAsProcessEnv(): () => void
  /** stderr of every process, for failure messages. */
  log(): string
  /** Ends every process (TERM, then KILL) and removes the temp folder. Safe to call twice. */
  stop(): Promise<void>
}

/** Which of DESKTOP_TOOLS are not on PATH. */
export function missingDesktopTools(): string[] {
  if (process.platform !== 'linux') return [...DESKTOP_TOOLS]
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean)
  return DESKTOP_TOOLS.filter(
    (tool) =>
      !dirs.some((dir) => {
        try {
          accessSync(join(dir, tool), constants.X_OK)
          return true
        } catch {
          return false
        }
      }),
  )
}

export const DESKTOP_TOOLS_HINT =
  'on Debian: apt-get install xvfb dbus-x11 libnotify-bin dunst'

const LOG_LIMIT = 64_000

interface Managed {
  name: string
  child: ChildProcess
  exited: Promise<void>
  exit: { code: number | null; signal: NodeJS.Signals | null } | null
}

/** Reads a stream line by line (the last partial line waits for its newline). */
function onLines(stream: Readable, onLine: (line: string) => void): void {
  let pending = ''
  stream.setEncoding('utf8')
  stream.on('data', (chunk: string) => {
    pending += chunk
    let newline: number
    while ((newline = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, newline)
      pending = pending.slice(newline + 1)
      onLine(line)
    }
  })
}

const HEADER = /^(method call|method return|signal|error) time=(\d+(?:\.\d+)?) /
// Notify(app_name s, replaces_id u, app_icon s, summary s, body s, actions as, hints a{sv}, expire_timeout i).
// dbus-monitor prints strings raw (inner quotes and newlines unescaped), so anchor on the argument layout.
const NOTIFY_ARGS = /^ {3}string "([\s\S]*?)"\n {3}uint32 \d+\n {3}string "[\s\S]*?"\n {3}string "([\s\S]*?)"\n {3}string "([\s\S]*?)"\n {3}array \[/

interface Block {
  header: string
  time: number
  kind: 'notify' | 'owner' | 'other'
  lines: string[]
}

export async function startDesktopSession(options: { timeoutMs?: number } = {}): Promise<DesktopSession> {
  const timeoutMs = options.timeoutMs ?? 30_000
  const dir = await mkdtemp(join(tmpdir(), 'follow-through-desktop-'))
  const processes: Managed[] = []
  let logText = ''
  const appendLog = (text: string) => {
    logText += text
    if (logText.length > LOG_LIMIT) logText = logText.slice(-LOG_LIMIT)
  }
  let stopped: Promise<void> | null = null
  let restoreEnv: (() => void) | null = null

  const killAllNow = () => {
    // TERM, not KILL: Xvfb then removes its lock and socket itself after this process is gone.
    for (const p of processes) if (p.exit === null) p.child.kill('SIGTERM')
    rmSync(dir, { recursive: true, force: true })
  }
  // Last resort if the test process exits without stop(): no orphaned X servers or buses.
  process.once('exit', killAllNow)

  const launch = (name: string, command: string, args: string[], env: NodeJS.ProcessEnv, stdio: ('ignore' | 'pipe')[]) => {
    const child = spawn(command, args, { env, stdio })
    const managed: Managed = { name, child, exit: null, exited: Promise.resolve() }
    managed.exited = new Promise<void>((resolve) => {
      child.once('exit', (code, signal) => {
        managed.exit = { code, signal }
        if (!stopped) appendLog(`[${name}] exited (code ${code}, signal ${signal})\n`)
        resolve()
      })
      child.once('error', (error) => {
        managed.exit ??= { code: null, signal: null }
        appendLog(`[${name}] failed to start: ${error.message}\n`)
        resolve()
      })
    })
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => appendLog(`[${name}] ${chunk}`))
    processes.push(managed)
    return managed
  }

  /** Resolves with what `ready` yields; rejects on timeout or if the process dies first. */
  const readiness = <T>(managed: Managed, what: string, ready: (resolve: (value: T) => void) => void): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${what}: not ready within ${timeoutMs} ms.\n${logText}`)), timeoutMs)
      void managed.exited.then(() => {
        clearTimeout(timer)
        reject(new Error(`${what}: ${managed.name} exited before it was ready.\n${logText}`))
      })
      ready((value) => {
        clearTimeout(timer)
        resolve(value)
      })
    })

  const stop = () =>
    (stopped ??= (async () => {
      restoreEnv?.()
      // Reverse order: daemon and monitor first, then the bus, then the display.
      for (const p of [...processes].reverse()) {
        if (p.exit !== null) continue
        p.child.kill('SIGTERM')
        const killer = setTimeout(() => p.child.kill('SIGKILL'), 5_000)
        await p.exited
        clearTimeout(killer)
      }
      process.removeListener('exit', killAllNow)
      await rm(dir, { recursive: true, force: true })
    })())

  // Notify calls and waiters.
  const calls: NotifyCall[] = []
  let cursor = 0
  const waiters = new Set<() => void>()
  const wake = () => {
    for (const waiter of [...waiters]) waiter()
  }
  let ownerAcquired: (() => void) | null = null
  let monitorReady: (() => void) | null = null

  const finish = (block: Block) => {
    if (block.kind === 'notify') {
      const args = NOTIFY_ARGS.exec(block.lines.join('\n') + '\n')
      if (!args) {
        appendLog(`[desktop-session] could not parse a Notify call:\n${block.header}\n${block.lines.join('\n')}\n`)
        return
      }
      calls.push({
        appName: args[1],
        summary: args[2],
        body: args[3],
        receivedAt: new Date(Math.round(block.time * 1000)),
        observedAt: new Date(),
      })
      wake()
    } else if (block.kind === 'owner') {
      const strings = block.lines.map((l) => /^ {3}string "(.*)"$/.exec(l)?.[1])
      if (strings[0] === 'org.freedesktop.Notifications' && strings[2]) ownerAcquired?.()
    }
  }

  let block: Block | null = null
  const isComplete = (b: Block) =>
    b.kind === 'notify'
      ? /^ {3}int32 -?\d+$/.test(b.lines.at(-1) ?? '')
      : b.kind === 'owner'
        ? b.lines.filter((l) => l.startsWith('   string ')).length >= 3
        : false
  const onMonitorLine = (line: string) => {
    const header = HEADER.exec(line)
    if (header) {
      if (block) finish(block)
      const kind = line.includes('member=Notify') ? 'notify' : line.includes('member=NameOwnerChanged') ? 'owner' : 'other'
      block = { header: line, time: Number(header[2]), kind, lines: [] }
      // dbus-monitor has become a monitor once the bus has taken its name away.
      if (line.includes('member=NameLost')) monitorReady?.()
      return
    }
    if (!block) return
    block.lines.push(line)
    if (isComplete(block)) {
      finish(block)
      block = null
    }
  }

  try {
    // 1. X display: Xvfb picks a free display number and writes it to fd 3 once it accepts clients.
    const xvfb = launch(
      'Xvfb',
      'Xvfb',
      ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'],
      process.env,
      ['ignore', 'ignore', 'pipe', 'pipe'],
    )
    const display = await readiness<string>(xvfb, 'Xvfb', (resolve) => {
      onLines(xvfb.child.stdio[3] as Readable, (line) => {
        if (/^\d+$/.test(line.trim())) resolve(`:${line.trim()}`)
      })
    })

    // 2. A private session bus in the temp folder; it prints its address once listening.
    const bus = launch(
      'dbus-daemon',
      'dbus-daemon',
      ['--session', '--nofork', `--address=unix:path=${join(dir, 'bus')}`, '--print-address=1'],
      process.env,
      ['ignore', 'pipe', 'pipe'],
    )
    const busAddress = await readiness<string>(bus, 'dbus-daemon', (resolve) => {
      onLines(bus.child.stdout!, (line) => {
        if (line.startsWith('unix:')) resolve(line.trim())
      })
    })

    const env = { DISPLAY: display, DBUS_SESSION_BUS_ADDRESS: busAddress }
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env }
    delete childEnv.WAYLAND_DISPLAY

    // 3. The monitor, before the daemon, so it also sees the daemon take its name.
    const monitor = launch(
      'dbus-monitor',
      'dbus-monitor',
      [
        '--address',
        busAddress,
        "type='method_call',interface='org.freedesktop.Notifications',member='Notify'",
        "type='signal',sender='org.freedesktop.DBus',interface='org.freedesktop.DBus',member='NameOwnerChanged',arg0='org.freedesktop.Notifications'",
      ],
      childEnv,
      ['ignore', 'pipe', 'pipe'],
    )
    await readiness<void>(monitor, 'dbus-monitor', (resolve) => {
      monitorReady = () => resolve()
      onLines(monitor.child.stdout!, onMonitorLine)
    })
    monitorReady = null

    // 4. dunst with a config of its own (never the user's), ready once it owns the Notifications name.
    const config = join(dir, 'dunstrc')
    await writeFile(config, '[global]\n    monitor = 0\n    follow = none\n')
    const dunst = launch('dunst', 'dunst', ['-config', config], { ...childEnv, XDG_CONFIG_HOME: dir }, ['ignore', 'ignore', 'pipe'])
    await readiness<void>(dunst, 'dunst', (resolve) => {
      ownerAcquired = () => resolve()
    })
    ownerAcquired = null

    const session: DesktopSession = {
      display,
      busAddress,
      env,
      notifications: calls,
      nextNotification: (wait = 30_000) => {
        const index = cursor++
        return session.waitForNotification((call) => calls.indexOf(call) === index, wait, `Notify call #${index + 1}`)
      },
      waitForNotification: (match, wait = 30_000, what = 'a matching Notify call') =>
        new Promise<NotifyCall>((resolve, reject) => {
          const check = () => {
            const found = calls.find(match)
            if (!found) return false
            waiters.delete(check)
            clearTimeout(timer)
            resolve(found)
            return true
          }
          const timer = setTimeout(() => {
            waiters.delete(check)
            const seen = calls.map((c) => `  ${c.receivedAt.toISOString()} ${JSON.stringify(c.summary)} / ${JSON.stringify(c.body)}`)
            reject(new Error(`No ${what} within ${wait} ms. Seen:\n${seen.join('\n') || '  (none)'}\nLog:\n${logText}`))
          }, wait)
          if (!check()) waiters.add(check)
        }),
      useAsProcessEnv: () => {
        restoreEnv?.()
        const saved = { DISPLAY: process.env.DISPLAY, DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS }
        process.env.DISPLAY = env.DISPLAY
        process.env.DBUS_SESSION_BUS_ADDRESS = env.DBUS_SESSION_BUS_ADDRESS
        const restore = () => {
          if (restoreEnv !== restore) return
          restoreEnv = null
          for (const [key, value] of Object.entries(saved)) {
            if (value === undefined) delete process.env[key]
            else process.env[key] = value
          }
        }
        restoreEnv = restore
        return restore
      },
      log: () => logText,
      stop,
    }
    return session
  } catch (error) {
    await stop()
    throw error
  }
}
