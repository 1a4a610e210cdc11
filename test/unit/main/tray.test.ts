import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createTray, currentTray, dispatchTrayAction, toMenuTemplate, trayIconPath, type TrayHandlers } from '../../../electron/main/tray'
import type { TrayModel } from '../../../electron/main/trayModel'
import { app, FakeTray, Menu, nativeImage, resetFakeElectron } from './support/fakeElectron'

vi.mock('electron', () => import('./support/fakeElectron'))

const handlers = (): TrayHandlers & Record<string, ReturnType<typeof vi.fn>> => ({
  open: vi.fn(),
  complete: vi.fn(),
  snooze: vi.fn(),
  planForToday: vi.fn(),
  quickAdd: vi.fn(),
  openBoard: vi.fn(),
  toggleStartAtLogin: vi.fn(),
  quit: vi.fn(),
})

const MODEL: TrayModel = {
  tooltip: '1 due today, 1 overdue',
  title: '2',
  badgeCount: 2,
  menu: [
    { kind: 'header', label: '2 follow-ups need you' },
    {
      kind: 'submenu',
      label: '16:00 — Q&A deck — Smith & Sons',
      items: [
        { kind: 'action', label: 'Open', action: { type: 'open', id: 'a' } },
        { kind: 'action', label: 'Snooze 1 h', action: { type: 'snooze', id: 'a', until: '2026-11-23T10:00:00.000Z' } },
      ],
    },
    { kind: 'separator' },
    { kind: 'checkbox', label: 'Start at login', checked: true, action: { type: 'toggleStartAtLogin' } },
    { kind: 'action', label: 'Quit', action: { type: 'quit' }, enabled: true },
  ],
}

type Template = { label?: string; type?: string; enabled?: boolean; checked?: boolean; click?: () => void; submenu?: Template[] }
const lastMenu = () => (Menu.buildFromTemplate.mock.calls.at(-1)?.[0] ?? []) as Template[]

beforeEach(() => resetFakeElectron())

describe('trayIconPath', () => {
  it('uses the template image on macOS and the colour one elsewhere', () => {
    expect(trayIconPath('darwin', '/r')).toBe('/r/tray/trayTemplate.png')
    expect(trayIconPath('win32', '/r')).toBe('/r/tray/tray.png')
    expect(trayIconPath('linux', '/r')).toBe('/r/tray/tray.png')
  })
})

describe('dispatchTrayAction', () => {
  it('calls the one handler each action names, with its arguments', () => {
    const h = handlers()
    dispatchTrayAction({ type: 'open', id: 'x' }, h)
    dispatchTrayAction({ type: 'complete', id: 'y' }, h)
    dispatchTrayAction({ type: 'snooze', id: 'z', until: '2026-01-01T00:00:00.000Z' }, h)
    dispatchTrayAction({ type: 'planForToday', id: 'p' }, h)
    dispatchTrayAction({ type: 'quickAdd' }, h)
    dispatchTrayAction({ type: 'openBoard' }, h)
    dispatchTrayAction({ type: 'toggleStartAtLogin' }, h)
    dispatchTrayAction({ type: 'quit' }, h)
    expect(h.open).toHaveBeenCalledWith('x')
    expect(h.complete).toHaveBeenCalledWith('y')
    expect(h.snooze).toHaveBeenCalledWith('z', '2026-01-01T00:00:00.000Z')
    expect(h.planForToday).toHaveBeenCalledWith('p')
    for (const name of ['quickAdd', 'openBoard', 'toggleStartAtLogin', 'quit']) expect(h[name]).toHaveBeenCalledTimes(1)
  })
})

describe('toMenuTemplate', () => {
  it('maps headers, submenus, separators and checkboxes to Electron menu items', () => {
    const template = toMenuTemplate(MODEL.menu, handlers(), 'darwin') as Template[]
    expect(template[0]).toEqual({ label: '2 follow-ups need you', enabled: false })
    expect(template[1].submenu?.map((item) => item.label)).toEqual(['Open', 'Snooze 1 h'])
    expect(template[2]).toEqual({ type: 'separator' })
    expect(template[3]).toMatchObject({ type: 'checkbox', label: 'Start at login', checked: true, enabled: true })
  })

  it('escapes "&" on Windows and Linux, where it marks a keyboard mnemonic', () => {
    expect((toMenuTemplate(MODEL.menu, handlers(), 'win32') as Template[])[1].label).toBe('16:00 — Q&&A deck — Smith && Sons')
    expect((toMenuTemplate(MODEL.menu, handlers(), 'linux') as Template[])[1].label).toBe('16:00 — Q&&A deck — Smith && Sons')
    expect((toMenuTemplate(MODEL.menu, handlers(), 'darwin') as Template[])[1].label).toBe('16:00 — Q&A deck — Smith & Sons')
  })

  it('makes each click dispatch its action', () => {
    const h = handlers()
    const template = toMenuTemplate(MODEL.menu, h, 'linux') as Template[]
    template[1].submenu?.[1].click?.()
    template[3].click?.()
    template[4].click?.()
    expect(h.snooze).toHaveBeenCalledWith('a', '2026-11-23T10:00:00.000Z')
    expect(h.toggleStartAtLogin).toHaveBeenCalledTimes(1)
    expect(h.quit).toHaveBeenCalledTimes(1)
  })
})

describe('createTray', () => {
  it('creates the tray from the macOS template image, marked as a template', () => {
    createTray({ platform: 'darwin', resourcesDir: '/res', handlers: handlers() })
    expect(nativeImage.createFromPath).toHaveBeenCalledWith('/res/tray/trayTemplate.png')
    const [tray] = FakeTray.instances
    expect(tray.image.path).toBe('/res/tray/trayTemplate.png')
    expect(tray.image.template).toBe(true)
  })

  it('holds the tray at module level so it is not garbage collected', () => {
    createTray({ platform: 'linux', resourcesDir: '/res', handlers: handlers() })
    expect(currentTray()).toBe(FakeTray.instances[0])
  })

  it('on macOS sets title, tooltip, badge and the menu from the model', () => {
    const view = createTray({ platform: 'darwin', resourcesDir: '/res', handlers: handlers() })
    view.update(MODEL)
    const [tray] = FakeTray.instances
    expect(tray.setTitle).toHaveBeenCalledWith('2')
    expect(tray.setToolTip).toHaveBeenCalledWith('1 due today, 1 overdue')
    expect(app.setBadgeCount).toHaveBeenCalledWith(2)
    expect(tray.setContextMenu).toHaveBeenCalledWith({ template: lastMenu() })
    expect(lastMenu().map((item) => item.label ?? item.type)).toEqual(['2 follow-ups need you', '16:00 — Q&A deck — Smith & Sons', 'separator', 'Start at login', 'Quit'])
  })

  it('on Windows shows the count in the tooltip only (no title, no badge) and opens the board on click', () => {
    const h = handlers()
    const view = createTray({ platform: 'win32', resourcesDir: '/res', handlers: h })
    view.update(MODEL)
    const [tray] = FakeTray.instances
    expect(tray.image.path).toBe('/res/tray/tray.png')
    expect(tray.setTitle).not.toHaveBeenCalled()
    expect(app.setBadgeCount).not.toHaveBeenCalled()
    expect(tray.setToolTip).toHaveBeenCalledWith('1 due today, 1 overdue')
    // The count is drawn onto the icon: the image set differs from the plain one.
    const [drawn] = tray.setImage.mock.calls.at(-1)!
    expect(drawn.path).toBe('(drawn)')
    expect(drawn.bitmap.equals(tray.image.bitmap)).toBe(false)
    tray.emit('click')
    expect(h.openBoard).toHaveBeenCalledTimes(1)
  })

  it('sets the context menu on Linux too, since AppIndicator may ignore clicks on the icon', () => {
    const view = createTray({ platform: 'linux', resourcesDir: '/res', handlers: handlers() })
    view.update(MODEL)
    expect(FakeTray.instances[0].setContextMenu).toHaveBeenCalledTimes(1)
  })

  it('does not open the board on click on macOS, where a click opens the menu', () => {
    const h = handlers()
    createTray({ platform: 'darwin', resourcesDir: '/res', handlers: h })
    FakeTray.instances[0].emit('click')
    expect(h.openBoard).not.toHaveBeenCalled()
  })

  it('refuses to create an invisible tray when the icon file cannot be loaded', () => {
    nativeImage.missing.add('/nowhere/tray/tray.png')
    expect(() => createTray({ platform: 'linux', resourcesDir: '/nowhere', handlers: handlers() })).toThrow(/tray icon/)
    expect(FakeTray.instances).toHaveLength(0)
  })

  it('replaces an earlier tray instead of adding a second icon, and ignores updates after destroy', () => {
    const first = createTray({ platform: 'linux', resourcesDir: '/res', handlers: handlers() })
    const second = createTray({ platform: 'linux', resourcesDir: '/res', handlers: handlers() })
    expect(FakeTray.instances[0].destroy).toHaveBeenCalled()
    first.update(MODEL)
    expect(FakeTray.instances[0].setToolTip).not.toHaveBeenCalled()
    second.destroy()
    expect(currentTray()).toBeNull()
    second.update(MODEL)
    expect(FakeTray.instances[1].setToolTip).not.toHaveBeenCalled()
  })
})
