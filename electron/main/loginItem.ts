import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { App } from 'electron'

/** Passed when the system starts the app at login: it starts in the tray, without showing the window. */
export const HIDDEN_ARG = '--hidden'

export interface LoginItem {
  /** False where this platform offers no way to start at login. */
  readonly available: boolean
  isEnabled(): boolean
  setEnabled(enabled: boolean): void
}

/** Quotes one argument of a .desktop Exec line (Desktop Entry Specification, "The Exec key"). */
export function quoteExecArg(arg: string): string {
  // "%" starts a field code (%f, %u, …); a literal one is "%%", quoted or not.
  const literal = arg.replace(/%/g, '%%')
  if (literal !== '' && !/[\s"'\\><~|&;$*?#()`=%]/.test(literal)) return literal
  return `"${literal.replace(/(["`$\\])/g, '\\$1')}"`
}

/** The XDG autostart entry that starts the app hidden at login on Linux desktops. */
export function autostartEntry(command: string[]): string {
  // In a .desktop file a backslash in a value is itself escaped, on top of the Exec quoting.
  const exec = command.map(quoteExecArg).join(' ').replace(/\\/g, '\\\\')
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Follow Through',
    'Comment=Today’s follow-ups in the tray',
    `Exec=${exec}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n')
}

export function linuxAutostartFile(env: NodeJS.ProcessEnv, home: string): string {
  const configHome = env.XDG_CONFIG_HOME?.trim() || join(home, '.config')
  return join(configHome, 'autostart', 'follow-through.desktop')
}

export interface LoginItemOptions {
  platform: NodeJS.Platform
  app: Pick<App, 'getLoginItemSettings' | 'setLoginItemSettings' | 'isPackaged' | 'getAppPath'>
  execPath: string
  env: NodeJS.ProcessEnv
  home: string
}

/**
 * Start at login: the system's own login items on macOS and Windows (through
 * Electron), an XDG autostart file on Linux, which Electron does not cover.
 */
export function createLoginItem({ platform, app, execPath, env, home }: LoginItemOptions): LoginItem {
  // Unpackaged (development), the executable is Electron itself and needs the app's folder.
  const appArgs = app.isPackaged ? [] : [app.getAppPath()]
  if (platform === 'darwin' || platform === 'win32') {
    const args = [...appArgs, HIDDEN_ARG]
    return {
      available: true,
      isEnabled: () => app.getLoginItemSettings(platform === 'win32' ? { args } : undefined).openAtLogin,
      setEnabled: (enabled) => app.setLoginItemSettings({ openAtLogin: enabled, ...(platform === 'win32' ? { args } : {}) }),
    }
  }
  if (platform === 'linux') {
    const file = linuxAutostartFile(env, home)
    // An AppImage's executable is a temporary mount; the image itself is what must be started.
    const executable = env.APPIMAGE?.trim() || execPath
    const entry = autostartEntry([executable, ...appArgs, HIDDEN_ARG])
    return {
      available: true,
      isEnabled: () => {
        try {
          return readFileSync(file, 'utf8').includes('[Desktop Entry]')
        } catch {
          return false
        }
      },
      setEnabled: (enabled) => {
        if (!enabled) {
          rmSync(file, { force: true })
          return
        }
        mkdirSync(dirname(file), { recursive: true })
        writeFileSync(`${file}.tmp`, entry)
        renameSync(`${file}.tmp`, file)
      },
    }
  }
  return { available: false, isEnabled: () => false, setEnabled: () => {} }
}

/** Started by the system at login (then the window stays in the tray until asked for). */
export function launchedHidden(argv: readonly string[], platform: NodeJS.Platform, app: Pick<App, 'getLoginItemSettings'>): boolean {
  if (argv.includes(HIDDEN_ARG)) return true
  return platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin === true
}
