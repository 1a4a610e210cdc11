import type { GlobalShortcut } from 'electron'

/** Quick add from anywhere; CommandOrControl is Cmd on macOS, Ctrl elsewhere. The default of settings.quickAddShortcut. */
export const QUICK_ADD_SHORTCUT = 'CommandOrControl+Shift+Space'

export type ShortcutResult = { ok: true } | { ok: false; reason: string }

/** "CommandOrControl+Shift+Space" as a person reads it on this platform: "Ctrl+Shift+Space" or "Cmd+Shift+Space". */
export function readableAccelerator(accelerator: string, platform: NodeJS.Platform): string {
  const command = platform === 'darwin' ? 'Cmd' : 'Ctrl'
  return accelerator.replace(/\b(CommandOrControl|CmdOrCtrl)\b/g, command).replace(/\bCommand\b/g, 'Cmd').replace(/\bControl\b/g, 'Ctrl')
}

/**
 * Registers the global quick-add shortcut. Failing is not fatal: another app may
 * own the keys, or the desktop (e.g. Wayland) may not allow global shortcuts; the
 * caller shows the reason in the app instead.
 */
export function registerQuickAddShortcut(
  globalShortcut: Pick<GlobalShortcut, 'register'>,
  onPress: () => void,
  accelerator = QUICK_ADD_SHORTCUT,
  platform: NodeJS.Platform = process.platform,
): ShortcutResult {
  const keys = readableAccelerator(accelerator, platform)
  try {
    if (globalShortcut.register(accelerator, onPress)) return { ok: true }
    return { ok: false, reason: `${keys} is already used by another application or the system.` }
  } catch (error) {
    return { ok: false, reason: `${keys} is not a shortcut Follow Through can use (${(error as Error).message}).` }
  }
}

export const shortcutNotice = (reason: string) =>
  `The quick-add shortcut is not available: ${reason} Pick another one in Settings, or use “Quick add…” in the tray menu.`

/**
 * Keeps the global shortcut in line with settings.quickAddShortcut: registers the
 * new keys when the setting changes and releases the old ones; reports each outcome.
 */
export function shortcutKeeper(
  globalShortcut: Pick<GlobalShortcut, 'register' | 'unregister'>,
  onPress: () => void,
  onResult: (result: ShortcutResult) => void,
  platform: NodeJS.Platform = process.platform,
): (accelerator: string) => void {
  let current: string | null = null
  let registered = false
  return (accelerator) => {
    if (accelerator === current) return
    if (current !== null && registered) globalShortcut.unregister(current)
    current = accelerator
    const result = registerQuickAddShortcut(globalShortcut, onPress, accelerator, platform)
    registered = result.ok
    onResult(result)
  }
}
