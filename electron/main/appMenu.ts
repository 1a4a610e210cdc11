import type { MenuItemConstructorOptions } from 'electron'

export interface AppMenuHandlers {
  quickAdd(): void
  openBoard(): void
}

/**
 * The application menu: standard roles (so copy, paste, undo, zoom and window
 * commands work with their native shortcuts), plus Quick add. Developer tools
 * and reload only in development.
 */
export function appMenuTemplate(
  platform: NodeJS.Platform,
  handlers: AppMenuHandlers,
  options: { development: boolean },
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin'
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'Quick add…', accelerator: 'CommandOrControl+N', click: () => handlers.quickAdd() },
      { label: 'Open board', click: () => handlers.openBoard() },
      { type: 'separator' },
      // Closing hides the window to the tray; Quit ends the app (after saving).
      mac ? { role: 'close' } : { role: 'quit' },
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
  return [
    ...(mac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    file,
    { role: 'editMenu' },
    view,
    { role: 'windowMenu' },
  ]
}
