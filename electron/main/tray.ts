import { join } from 'node:path'
import { app, Menu, nativeImage, Tray, type MenuItemConstructorOptions } from 'electron'
import { drawCountBadge } from './trayBadge'
import type { TrayAction, TrayMenuItem, TrayModel } from './trayModel'

/** What the tray can ask of the app; main wires each to the service or the window. */
export interface TrayHandlers {
  open(id: string): void
  complete(id: string): void
  snooze(id: string, until: string): void
  planForToday(id: string): void
  quickAdd(): void
  openBoard(): void
  toggleStartAtLogin(): void
  quit(): void
}

export function dispatchTrayAction(action: TrayAction, handlers: TrayHandlers): void {
  switch (action.type) {
    case 'open':
      return handlers.open(action.id)
    case 'complete':
      return handlers.complete(action.id)
    case 'snooze':
      return handlers.snooze(action.id, action.until)
    case 'planForToday':
      return handlers.planForToday(action.id)
    case 'quickAdd':
      return handlers.quickAdd()
    case 'openBoard':
      return handlers.openBoard()
    case 'toggleStartAtLogin':
      return handlers.toggleStartAtLogin()
    case 'quit':
      return handlers.quit()
  }
}

/**
 * macOS gets a template image (black + alpha, tinted by the system for light and
 * dark menu bars); Windows and Linux a colour one. Electron picks the @2x file
 * beside it on high-density screens.
 */
export function trayIconPath(platform: NodeJS.Platform, resourcesDir: string): string {
  return join(resourcesDir, 'tray', platform === 'darwin' ? 'trayTemplate.png' : 'tray.png')
}

/** Windows and Linux read "&" as a keyboard mnemonic; a literal one is written "&&". */
const menuLabel = (label: string, platform: NodeJS.Platform) => (platform === 'darwin' ? label : label.replaceAll('&', '&&'))

export function toMenuTemplate(items: TrayMenuItem[], handlers: TrayHandlers, platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    switch (item.kind) {
      case 'separator':
        return { type: 'separator' }
      case 'header':
        return { label: menuLabel(item.label, platform), enabled: false }
      case 'submenu':
        return { label: menuLabel(item.label, platform), submenu: toMenuTemplate(item.items, handlers, platform) }
      case 'checkbox':
        return {
          type: 'checkbox',
          label: menuLabel(item.label, platform),
          checked: item.checked,
          enabled: item.enabled ?? true,
          click: () => dispatchTrayAction(item.action, handlers),
        }
      case 'action':
        return {
          label: menuLabel(item.label, platform),
          enabled: item.enabled ?? true,
          click: () => dispatchTrayAction(item.action, handlers),
        }
    }
  })
}

export interface TrayView {
  update(model: TrayModel): void
  destroy(): void
}

// Held at module level: a Tray that is garbage collected vanishes with its menu and handlers.
let tray: Tray | null = null
let trayMenu: Electron.Menu | null = null

function withCount(icon: Electron.NativeImage, count: number): Electron.NativeImage {
  if (count <= 0) return icon
  const { width, height } = icon.getSize()
  return nativeImage.createFromBitmap(drawCountBadge(icon.toBitmap(), width, height, count), { width, height })
}

export interface CreateTrayOptions {
  platform: NodeJS.Platform
  /** The folder holding tray/…png (the repository's resources/ folder, packaged beside the app). */
  resourcesDir: string
  handlers: TrayHandlers
}

/**
 * The tray icon: a thin adapter from the tray model to Electron. The menu is set
 * on every platform, since Linux AppIndicator may ignore clicks on the icon itself.
 */
export function createTray({ platform, resourcesDir, handlers }: CreateTrayOptions): TrayView {
  const iconPath = trayIconPath(platform, resourcesDir)
  const icon = nativeImage.createFromPath(iconPath)
  if (icon.isEmpty()) throw new Error(`The tray icon ${iconPath} could not be loaded.`)
  if (platform === 'darwin') icon.setTemplateImage(true)
  tray?.destroy()
  const created = new Tray(icon)
  tray = created
  // On macOS a click opens the menu; elsewhere a click on the icon opens the board.
  if (platform !== 'darwin') created.on('click', () => handlers.openBoard())
  return {
    update(model) {
      if (created.isDestroyed()) return
      created.setToolTip(model.tooltip)
      if (platform === 'darwin') created.setTitle(model.title)
      // Elsewhere the count is drawn onto the icon itself.
      else created.setImage(withCount(icon, model.badgeCount))
      // The dock (macOS) and Unity launchers (Linux) show a badge; Windows has none for trays.
      if (platform === 'darwin' || platform === 'linux') app.setBadgeCount(model.badgeCount)
      trayMenu = Menu.buildFromTemplate(toMenuTemplate(model.menu, handlers, platform))
      created.setContextMenu(trayMenu)
    },
    destroy() {
      if (!created.isDestroyed()) created.destroy()
      if (tray === created) tray = null
    },
  }
}

/** The tray currently held, for tests and diagnostics. */
export const currentTray = (): Tray | null => tray

/** The tray's current menu, for the Electron end-to-end tests to click (see shell.ts). */
export const currentTrayMenu = (): Electron.Menu | null => trayMenu
