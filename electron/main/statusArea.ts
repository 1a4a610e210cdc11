import { execFile } from 'node:child_process'

/** The D-Bus name a desktop's status area (tray) owns; StatusNotifierItem icons register with it. */
export const STATUS_NOTIFIER_WATCHER = 'org.kde.StatusNotifierWatcher'

export type RunCommand = (file: string, args: string[]) => Promise<string>

const run: RunCommand = (file, args) =>
  new Promise((resolve, reject) => execFile(file, args, { timeout: 3_000 }, (error, stdout) => (error ? reject(error) : resolve(stdout))))

/**
 * Whether a tray icon will be visible. On Linux Electron's tray is a
 * StatusNotifierItem: without a StatusNotifierWatcher on the session bus (stock
 * GNOME, many tiling window managers) `new Tray` succeeds but nothing is shown.
 * Asked with dbus-send, present wherever a session bus is; any failure means no
 * status area, so the window is never hidden where it cannot be found again.
 * macOS and Windows always have one.
 */
export async function hasStatusArea(platform: NodeJS.Platform, runCommand: RunCommand = run): Promise<boolean> {
  if (platform !== 'linux') return true
  try {
    const reply = await runCommand('dbus-send', [
      '--session',
      '--print-reply',
      '--dest=org.freedesktop.DBus',
      '/org/freedesktop/DBus',
      'org.freedesktop.DBus.NameHasOwner',
      `string:${STATUS_NOTIFIER_WATCHER}`,
    ])
    return /boolean true/.test(reply)
  } catch {
    return false
  }
}
