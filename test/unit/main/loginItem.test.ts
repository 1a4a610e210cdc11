import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  autostartEntry,
  createLoginItem,
  HIDDEN_ARG,
  launchedHidden,
  linuxAutostartFile,
  quoteExecArg,
} from '../../../electron/main/loginItem'

function fakeApp(packaged = true) {
  const settings = { openAtLogin: false, wasOpenedAtLogin: false }
  return {
    isPackaged: packaged,
    getAppPath: () => '/src/follow-through',
    getLoginItemSettings: vi.fn(() => ({ ...settings })),
    setLoginItemSettings: vi.fn((next: { openAtLogin?: boolean }) => {
      settings.openAtLogin = next.openAtLogin ?? false
    }),
    settings,
  }
}

describe('quoteExecArg', () => {
  it('leaves plain arguments alone', () => {
    expect(quoteExecArg('/usr/bin/follow-through')).toBe('/usr/bin/follow-through')
    expect(quoteExecArg('--hidden')).toBe('--hidden')
  })

  it('quotes arguments with spaces and escapes ", `, $ and \\ inside quotes', () => {
    expect(quoteExecArg('/opt/Follow Through/follow-through')).toBe('"/opt/Follow Through/follow-through"')
    expect(quoteExecArg('a"b`c$d\\e')).toBe('"a\\"b\\`c\\$d\\\\e"')
  })

  it('doubles % so it is not read as a field code', () => {
    expect(quoteExecArg('/home/me/100%/app')).toBe('"/home/me/100%%/app"')
  })

  it('quotes an empty argument', () => {
    expect(quoteExecArg('')).toBe('""')
  })
})

describe('autostartEntry', () => {
  it('writes a desktop entry that starts the app hidden', () => {
    const entry = autostartEntry(['/opt/Follow Through/follow-through', HIDDEN_ARG])
    expect(entry).toContain('[Desktop Entry]\nType=Application\nName=Follow Through\n')
    expect(entry).toContain('Exec="/opt/Follow Through/follow-through" --hidden\n')
  })

  it('escapes backslashes once more for the desktop file’s own string rules', () => {
    expect(autostartEntry(['/a\\b'])).toContain('Exec="/a\\\\\\\\b"\n')
  })
})

describe('linuxAutostartFile', () => {
  it('uses XDG_CONFIG_HOME, else ~/.config', () => {
    expect(linuxAutostartFile({ XDG_CONFIG_HOME: '/cfg' }, '/home/me')).toBe(join('/cfg', 'autostart', 'follow-through.desktop'))
    expect(linuxAutostartFile({}, '/home/me')).toBe(join('/home/me', '.config', 'autostart', 'follow-through.desktop'))
    expect(linuxAutostartFile({ XDG_CONFIG_HOME: '  ' }, '/home/me')).toBe(join('/home/me', '.config', 'autostart', 'follow-through.desktop'))
  })
})

describe('createLoginItem on Linux', () => {
  let home: string
  beforeEach(async () => {
    home = await mkdtemp(join(tmpdir(), 'ft-login-item-'))
  })
  afterEach(async () => {
    await rm(home, { recursive: true, force: true })
  })

  it('creates and removes an XDG autostart file', async () => {
    const item = createLoginItem({ platform: 'linux', app: fakeApp() as never, execPath: '/opt/ft/follow-through', env: {}, home })
    const file = linuxAutostartFile({}, home)
    expect(item.available).toBe(true)
    expect(item.isEnabled()).toBe(false)
    item.setEnabled(true)
    expect(item.isEnabled()).toBe(true)
    expect(await readFile(file, 'utf8')).toContain('Exec=/opt/ft/follow-through --hidden\n')
    item.setEnabled(false)
    expect(item.isEnabled()).toBe(false)
    await expect(stat(file)).rejects.toThrow()
    item.setEnabled(false)
  })

  it('starts the AppImage, not its temporary mount', async () => {
    const item = createLoginItem({
      platform: 'linux',
      app: fakeApp() as never,
      execPath: '/tmp/.mount_FollowX/follow-through',
      env: { APPIMAGE: '/home/me/Apps/Follow Through.AppImage' },
      home,
    })
    item.setEnabled(true)
    expect(await readFile(linuxAutostartFile({}, home), 'utf8')).toContain('Exec="/home/me/Apps/Follow Through.AppImage" --hidden\n')
  })

  it('passes the app folder to Electron when unpackaged (development)', async () => {
    const item = createLoginItem({ platform: 'linux', app: fakeApp(false) as never, execPath: '/node_modules/electron/dist/electron', env: {}, home })
    item.setEnabled(true)
    expect(await readFile(linuxAutostartFile({}, home), 'utf8')).toContain('Exec=/node_modules/electron/dist/electron /src/follow-through --hidden\n')
  })
})

describe('createLoginItem on macOS and Windows', () => {
  it('uses the macOS login items', () => {
    const app = fakeApp()
    const item = createLoginItem({ platform: 'darwin', app: app as never, execPath: '/x', env: {}, home: '/h' })
    item.setEnabled(true)
    expect(app.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true })
    expect(item.isEnabled()).toBe(true)
  })

  it('registers on Windows with the --hidden argument, and asks with the same arguments', () => {
    const app = fakeApp()
    const item = createLoginItem({ platform: 'win32', app: app as never, execPath: 'C:\\ft.exe', env: {}, home: 'C:\\Users\\me' })
    item.setEnabled(true)
    expect(app.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true, args: [HIDDEN_ARG] })
    item.isEnabled()
    expect(app.getLoginItemSettings).toHaveBeenCalledWith({ args: [HIDDEN_ARG] })
  })

  it('says unavailable elsewhere, and does nothing', () => {
    const app = fakeApp()
    const item = createLoginItem({ platform: 'freebsd', app: app as never, execPath: '/x', env: {}, home: '/h' })
    expect(item.available).toBe(false)
    item.setEnabled(true)
    expect(item.isEnabled()).toBe(false)
    expect(app.setLoginItemSettings).not.toHaveBeenCalled()
  })
})

describe('launchedHidden', () => {
  it('is true when started with --hidden', () => {
    expect(launchedHidden(['/opt/ft', HIDDEN_ARG], 'linux', fakeApp() as never)).toBe(true)
    expect(launchedHidden(['/opt/ft'], 'linux', fakeApp() as never)).toBe(false)
  })

  it('is true on macOS when the system opened the app at login', () => {
    const app = fakeApp()
    app.settings.wasOpenedAtLogin = true
    expect(launchedHidden(['/Applications/Follow Through.app'], 'darwin', app as never)).toBe(true)
    expect(launchedHidden(['C:\\ft.exe'], 'win32', app as never)).toBe(false)
  })
})
