import type { MenuItemConstructorOptions } from 'electron'

export interface AppMenuHandlers {
  quickAdd(): void
  openBoard(): void
  settings(): void
  importExport(): void
  scorecard(): void
  shortcuts(): void
  openLogs(): void
  about(): void
}

/** Settings where each platform's people look for them: Cmd+, on macOS, Ctrl+, elsewhere. */
export const SETTINGS_ACCELERATOR = 'CommandOrControl+,'

/**
 * The application menu: standard roles (so copy, paste, undo, zoom and window
 * commands work with their native shortcuts), the app's own commands, and Help.
 * About is on every platform: in the app menu on macOS, under Help elsewhere.
 * Developer tools and reload only in development.
 */
export function appMenuTemplate(
  platform: NodeJS.Platform,
  handlers: AppMenuHandlers,
  options: { development: boolean },
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin'
  const settings: MenuItemConstructorOptions = { label: mac ? 'Settings…' : '&Settings…', accelerator: SETTINGS_ACCELERATOR, click: () => handlers.settings() }
  const appMenu: MenuItemConstructorOptions = {
    label: 'Follow Through',
    submenu: [
      { label: 'About Follow Through', click: () => handlers.about() },
      { type: 'separator' },
      settings,
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  }
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'Quick add…', accelerator: 'CommandOrControl+N', click: () => handlers.quickAdd() },
      { label: 'Open board', click: () => handlers.openBoard() },
      { type: 'separator' },
      { label: 'Import / Export…', click: () => handlers.importExport() },
      { label: 'Scorecard', click: () => handlers.scorecard() },
      { type: 'separator' },
      // Closing hides the window to the tray; Quit ends the app (after saving).
      ...(mac ? [{ role: 'close' } satisfies MenuItemConstructorOptions] : [settings, { type: 'separator' } satisfies MenuItemConstructorOptions, { role: 'quit' } satisfies MenuItemConstructorOptions]),
    ],
  }
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...(options.development
        ? ([{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }] satisfies MenuItemConstructorOptions[])
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  }
  const help: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [
      { label: 'Keyboard shortcuts', click: () => handlers.shortcuts() },
      { label: 'Open logs folder', click: () => handlers.openLogs() },
      ...(mac ? [] : ([{ type: 'separator' }, { label: 'About Follow Through', click: () => handlers.about() }] satisfies MenuItemConstructorOptions[])),
    ],
  }
  return [...(mac ? [appMenu] : []), file, { role: 'editMenu' }, view, { role: 'windowMenu' }, help]
}
