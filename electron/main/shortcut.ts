import type { GlobalShortcut } from 'electron'

/** Quick add from anywhere; CommandOrControl is Cmd on macOS, Ctrl elsewhere. */
export const QUICK_ADD_SHORTCUT = 'CommandOrControl+Shift+Space'

export type ShortcutResult = { ok: true } | { ok: false; reason: string }

/**
 * Registers the global quick-add shortcut. Failing is not fatal: another app may
 * own the keys, or the desktop (e.g. Wayland) may not allow global shortcuts; the
 * caller shows the reason in the app instead.
 */
export function registerQuickAddShortcut(
  globalShortcut: Pick<GlobalShortcut, 'register'>,
  onPress: () => void,
  accelerator = QUICK_ADD_SHORTCUT,
): ShortcutResult {
  try {
    if (globalShortcut.register(accelerator, onPress)) return { ok: true }
    return { ok: false, reason: `${accelerator} is already used by another application or the system.` }
  } catch (error) {
    return { ok: false, reason: `${accelerator} could not be registered: ${(error as Error).message}` }
  }
}

export const shortcutNotice = (reason: string) => `The quick-add shortcut is not available: ${reason} Use “Quick add…” in the tray menu instead.`
