import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { appMenuTemplate } from '../../../electron/main/appMenu'
import { QUICK_ADD_SHORTCUT, registerQuickAddShortcut, shortcutKeeper, shortcutNotice } from '../../../electron/main/shortcut'
import { ShellNotices } from '../../../electron/main/shellNotices'

const handlers = () => ({
  quickAdd: vi.fn(),
  openBoard: vi.fn(),
  settings: vi.fn(),
  importExport: vi.fn(),
  scorecard: vi.fn(),
  shortcuts: vi.fn(),
  openLogs: vi.fn(),
  about: vi.fn(),
})

/** Every label in the menu, depth first. */
const labels = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((item) => [...(item.label ? [item.label] : []), ...(Array.isArray(item.submenu) ? labels(item.submenu as MenuItemConstructorOptions[]) : [])])

/** Every role in the menu, depth first. */
const roles = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu as MenuItemConstructorOptions[]) : []),
  ])

const all = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? all(item.submenu as MenuItemConstructorOptions[]) : [])])
const find = (items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions | undefined => all(items).find((item) => item.label === label)

describe('appMenuTemplate', () => {
  it('on macOS starts with the app’s own menu (About, Settings…, Hide, Quit) and offers the standard edit, view and window roles', () => {
    const template = appMenuTemplate('darwin', handlers(), { development: false })
    expect(template[0].label).toBe('Follow Through')
    expect(labels([template[0]])).toEqual(expect.arrayContaining(['About Follow Through', 'Settings…']))
    expect(roles([template[0]])).toEqual(expect.arrayContaining(['hide', 'quit']))
    expect(roles(template)).toEqual(expect.arrayContaining(['close', 'editMenu', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'windowMenu']))
  })

  it.each(['darwin', 'win32', 'linux'] as const)('on %s offers About, Settings on Ctrl/Cmd+comma, Import / Export, Scorecard, Keyboard shortcuts and the logs', (platform) => {
    const h = handlers()
    const template = appMenuTemplate(platform, h, { development: false })
    const settings = find(template, platform === 'darwin' ? 'Settings…' : '&Settings…')
    expect(settings?.accelerator).toBe('CommandOrControl+,')
    for (const [label, handler] of [
      ['About Follow Through', h.about],
      ['Import / Export…', h.importExport],
      ['Scorecard', h.scorecard],
      ['Keyboard shortcuts', h.shortcuts],
      ['Open logs folder', h.openLogs],
    ] as const) {
      ;(find(template, label)?.click as () => void)()
      expect(handler, label).toHaveBeenCalledTimes(1)
    }
    ;(settings?.click as () => void)()
    expect(h.settings).toHaveBeenCalledTimes(1)
    expect(find(template, '&Help')?.submenu).toBeDefined()
  })

  it('on Windows and Linux puts Quit in the File menu and has no app menu', () => {
    const template = appMenuTemplate('win32', handlers(), { development: false })
    expect(roles(template)).not.toContain('appMenu')
    expect(roles(template)).toContain('quit')
    expect(roles(template)).toContain('editMenu')
  })

  it('offers developer tools and reload only in development', () => {
    expect(roles(appMenuTemplate('linux', handlers(), { development: false }))).not.toEqual(expect.arrayContaining(['toggleDevTools']))
    expect(roles(appMenuTemplate('linux', handlers(), { development: false }))).not.toContain('reload')
    expect(roles(appMenuTemplate('linux', handlers(), { development: true }))).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']))
  })

  it('wires Quick add and Open board to the handlers', () => {
    const h = handlers()
    const template = appMenuTemplate('darwin', h, { development: false })
    ;(find(template, 'Quick add…')?.click as () => void)()
    ;(find(template, 'Open board')?.click as () => void)()
    expect(h.quickAdd).toHaveBeenCalledTimes(1)
    expect(h.openBoard).toHaveBeenCalledTimes(1)
  })
})

describe('registerQuickAddShortcut', () => {
  it('registers CommandOrControl+Shift+Space by default', () => {
    const globalShortcut = { register: vi.fn(() => true) }
    const onPress = vi.fn()
    expect(registerQuickAddShortcut(globalShortcut, onPress)).toEqual({ ok: true })
    expect(globalShortcut.register).toHaveBeenCalledWith('CommandOrControl+Shift+Space', onPress)
    expect(QUICK_ADD_SHORTCUT).toBe('CommandOrControl+Shift+Space')
  })

  it('reports keys taken by another application instead of failing', () => {
    const result = registerQuickAddShortcut({ register: () => false }, () => {})
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('already used') })
  })

  it('reports an accelerator Electron rejects instead of throwing', () => {
    const result = registerQuickAddShortcut(
      {
        register: () => {
          throw new Error('Invalid accelerator')
        },
      },
      () => {},
      'Nonsense+Key',
    )
    expect(result).toEqual({ ok: false, reason: 'Nonsense+Key is not a shortcut Follow Through can use (Invalid accelerator).' })
  })

  it('names the keys as the person reads them and where to change them', () => {
    const result = registerQuickAddShortcut({ register: () => false }, () => {}, 'CommandOrControl+Shift+K', 'win32')
    expect(result).toEqual({ ok: false, reason: 'Ctrl+Shift+K is already used by another application or the system.' })
    expect(registerQuickAddShortcut({ register: () => false }, () => {}, 'CommandOrControl+Shift+K', 'darwin')).toMatchObject({ reason: expect.stringMatching(/^Cmd\+Shift\+K/) })
    expect(shortcutNotice('taken.')).toContain('Settings')
    expect(shortcutNotice('taken.')).toContain('Quick add…')
  })
})

describe('shortcutKeeper', () => {
  it('registers the setting’s shortcut, and on a change releases the old keys and takes the new ones', () => {
    const globalShortcut = { register: vi.fn(() => true), unregister: vi.fn() }
    const onResult = vi.fn()
    const keep = shortcutKeeper(globalShortcut, () => {}, onResult, 'linux')
    keep('CommandOrControl+Shift+Space')
    keep('CommandOrControl+Shift+Space')
    expect(globalShortcut.register).toHaveBeenCalledTimes(1)
    keep('Alt+Space')
    expect(globalShortcut.unregister).toHaveBeenCalledWith('CommandOrControl+Shift+Space')
    expect(globalShortcut.register).toHaveBeenLastCalledWith('Alt+Space', expect.any(Function))
    expect(onResult).toHaveBeenLastCalledWith({ ok: true })
  })

  it('reports a clash and releases nothing it does not hold', () => {
    const globalShortcut = { register: vi.fn(() => false), unregister: vi.fn() }
    const onResult = vi.fn()
    const keep = shortcutKeeper(globalShortcut, () => {}, onResult, 'linux')
    keep('CommandOrControl+Shift+Space')
    keep('Alt+Space')
    expect(globalShortcut.unregister).not.toHaveBeenCalled()
    expect(onResult).toHaveBeenLastCalledWith({ ok: false, reason: 'Alt+Space is already used by another application or the system.' })
  })
})

describe('ShellNotices', () => {
  it('replaces a notice by key and tells listeners only about real changes', () => {
    const notices = new ShellNotices()
    const listener = vi.fn()
    notices.onChange(listener)
    notices.set('n', 'first')
    notices.set('n', 'first')
    notices.set('n', 'second')
    notices.clear('missing')
    expect(notices.list()).toEqual(['second'])
    expect(listener).toHaveBeenCalledTimes(2)
    notices.clear('n')
    expect(notices.list()).toEqual([])
    expect(listener).toHaveBeenCalledTimes(3)
  })

  it('lets the person dismiss one of its notices, and only its own', () => {
    const notices = new ShellNotices()
    notices.set('n', 'Shortcut taken')
    expect(notices.dismiss('From the store')).toBe(false)
    expect(notices.dismiss('Shortcut taken')).toBe(true)
    expect(notices.list()).toEqual([])
  })
})
