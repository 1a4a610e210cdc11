import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import {
  APP_USER_MODEL_ID,
  chooseNotificationBackend,
  createDesktopNotifier,
  parseToastActivation,
  toastXml,
  type DesktopNotifierOptions,
} from '../../../electron/main/notifications'
import type { Notifier } from '../../../electron/service/notifier'
import { app, FakeNotification, resetFakeElectron } from './support/fakeElectron'

vi.mock('electron', () => import('./support/fakeElectron'))

const nodeNotifierModule = vi.hoisted(() => ({ createNodeNotifier: vi.fn() }))
vi.mock('../../../electron/notify/nodeNotifier', () => nodeNotifierModule)

const REMINDER = { title: 'Deadline in 1 hour: Send the proposal', body: 'Jenny Rivera (promised 16:00)', followUpId: 'f1' }

function setup(platform: NodeJS.Platform, overrides: Partial<DesktopNotifierOptions> = {}) {
  const onClick = vi.fn()
  const onUnavailable = vi.fn()
  const fallback: Notifier & { notify: ReturnType<typeof vi.fn> } = { notify: vi.fn(async () => {}) }
  const notifier = createDesktopNotifier({ platform, onClick, onUnavailable, fallback, iconPath: '/res/icon.png', ...overrides })
  return { notifier, onClick, onUnavailable, fallback }
}

beforeEach(() => {
  resetFakeElectron()
  nodeNotifierModule.createNodeNotifier.mockReset()
})

describe('chooseNotificationBackend', () => {
  it.each([
    ['darwin', true, 'electron'],
    ['darwin', false, 'banner'],
    ['win32', true, 'electron'],
    ['win32', false, 'banner'],
    ['linux', true, 'electron'],
    ['linux', false, 'node-notifier'],
    ['freebsd', true, 'banner'],
  ] as const)('on %s with Electron notifications supported=%s uses %s', (platform, supported, expected) => {
    expect(chooseNotificationBackend(platform, supported)).toBe(expected)
  })
})

describe('createDesktopNotifier', () => {
  it('on macOS shows an Electron notification naming the follow-up and client, never node-notifier', async () => {
    const { notifier, fallback } = setup('darwin')
    await notifier.notify(REMINDER)
    const [shown] = FakeNotification.instances
    expect(shown.options).toEqual({
      title: REMINDER.title,
      body: REMINDER.body,
      actions: [
        { type: 'button', text: 'Mark done' },
        { type: 'button', text: 'Snooze 1 h' },
      ],
    })
    expect(shown.show).toHaveBeenCalledTimes(1)
    expect(fallback.notify).not.toHaveBeenCalled()
    expect(app.setAppUserModelId).not.toHaveBeenCalled()
  })

  it('on Windows sets the AppUserModelID before any toast and shows an Electron notification with the icon', async () => {
    const { notifier, fallback } = setup('win32')
    expect(app.setAppUserModelId).toHaveBeenCalledWith(APP_USER_MODEL_ID)
    await notifier.notify(REMINDER)
    expect(FakeNotification.instances[0].options).toEqual({ title: REMINDER.title, body: REMINDER.body, toastXml: toastXml(REMINDER, '/res/icon.png') })
    expect(fallback.notify).not.toHaveBeenCalled()
  })

  it('on macOS the buttons mark the follow-up done or snooze it', async () => {
    const onAction = vi.fn()
    const { notifier } = setup('darwin', { onAction })
    await notifier.notify(REMINDER)
    FakeNotification.instances[0].emit('action', {}, 0)
    FakeNotification.instances[0].emit('action', {}, 1)
    expect(onAction.mock.calls).toEqual([
      ['complete', 'f1'],
      ['snooze', 'f1'],
    ])
  })

  it('a summary (no follow-up) has no buttons', async () => {
    const { notifier } = setup('darwin')
    await notifier.notify({ title: '3 overdue', body: 'A; B; C' })
    expect(FakeNotification.instances[0].options).not.toHaveProperty('actions')
  })

  it('on Linux shows no buttons: a click opens the card', async () => {
    const { notifier, onClick } = setup('linux')
    await notifier.notify(REMINDER)
    expect(FakeNotification.instances[0].options).not.toHaveProperty('actions')
    FakeNotification.instances[0].emit('click')
    expect(onClick).toHaveBeenCalledWith('f1')
  })

  it('reports a macOS refusal (an unsigned build) so the banner takes over', async () => {
    const { notifier, onUnavailable } = setup('darwin')
    await notifier.notify(REMINDER)
    FakeNotification.instances[0].emit('failed', {}, 'Notifications are not allowed for this application')
    expect(onUnavailable).toHaveBeenCalledWith(REMINDER, expect.stringContaining('not allowed'))
  })
})

describe('Windows toasts', () => {
  it('carry Mark done and Snooze 1 h buttons that start the app through its protocol', () => {
    const xml = toastXml(REMINDER)
    expect(xml).toContain('<action content="Mark done" arguments="follow-through://complete?id=f1" activationType="protocol"/>')
    expect(xml).toContain('<action content="Snooze 1 h" arguments="follow-through://snooze?id=f1" activationType="protocol"/>')
    expect(xml).toMatch(/^<toast launch="follow-through:\/\/open\?id=f1" activationType="protocol">/)
  })

  it('escape the title and body as XML', () => {
    const xml = toastXml({ title: 'Q3 & Q4 <b>"deck"</b>', body: "Acme's", followUpId: 'a&b' })
    expect(xml).toContain('<text>Q3 &amp; Q4 &lt;b&gt;&quot;deck&quot;&lt;/b&gt;</text><text>Acme&apos;s</text>')
    expect(xml).toContain('arguments="follow-through://complete?id=a%26b"')
  })

  it('are read back from the launch arguments, and nothing else is', () => {
    expect(parseToastActivation(['app.exe', 'follow-through://complete?id=f1'])).toEqual({ action: 'complete', followUpId: 'f1' })
    expect(parseToastActivation(['app.exe', 'follow-through://snooze?id=a%26b'])).toEqual({ action: 'snooze', followUpId: 'a&b' })
    expect(parseToastActivation(['app.exe', 'follow-through://open'])).toEqual({ action: 'open', followUpId: undefined })
    expect(parseToastActivation(['app.exe', 'follow-through://delete?id=f1'])).toBeNull()
    expect(parseToastActivation(['app.exe', 'follow-through://complete'])).toBeNull()
    expect(parseToastActivation(['app.exe', '--hidden'])).toBeNull()
  })

  it('uses the same AppUserModelID as electron-builder.yml’s appId, or Windows would not attribute the toasts', () => {
    const builderConfig = readFileSync(join(import.meta.dirname, '../../../electron-builder.yml'), 'utf8')
    expect(builderConfig).toMatch(new RegExp(`^appId: ${APP_USER_MODEL_ID.replaceAll('.', '\\.')}$`, 'm'))
  })

  it('unpacks node-notifier’s vendor binaries from the asar, or the fallback could not run them', () => {
    const builderConfig = readFileSync(join(import.meta.dirname, '../../../electron-builder.yml'), 'utf8')
    const unpacked = builderConfig.split(/^asarUnpack:\n/m)[1]?.split(/^\S/m)[0] ?? ''
    expect(unpacked).toMatch(/^\s+- node_modules\/node-notifier\/vendor\/\*\*$/m)
  })

  it('on Linux uses Electron when libnotify is supported', async () => {
    const { notifier, fallback } = setup('linux')
    await notifier.notify(REMINDER)
    expect(FakeNotification.instances).toHaveLength(1)
    expect(fallback.notify).not.toHaveBeenCalled()
  })

  it('on Linux falls back to node-notifier when Electron notifications are unsupported', async () => {
    FakeNotification.supported = false
    const { notifier, fallback, onUnavailable } = setup('linux')
    await notifier.notify(REMINDER)
    expect(FakeNotification.instances).toHaveLength(0)
    expect(fallback.notify).toHaveBeenCalledWith(REMINDER)
    expect(onUnavailable).not.toHaveBeenCalled()
  })

  it('creates the real node-notifier fallback only when it is first needed', async () => {
    const created = { notify: vi.fn(async () => {}) }
    nodeNotifierModule.createNodeNotifier.mockReturnValue(created)
    FakeNotification.supported = false
    const { notifier } = setup('linux', { fallback: undefined })
    expect(nodeNotifierModule.createNodeNotifier).not.toHaveBeenCalled()
    await notifier.notify(REMINDER)
    await notifier.notify(REMINDER)
    expect(nodeNotifierModule.createNodeNotifier).toHaveBeenCalledTimes(1)
    expect(created.notify).toHaveBeenCalledTimes(2)
  })

  it('reports to the in-app banner when neither works (no notification daemon)', async () => {
    FakeNotification.supported = false
    const { notifier, fallback, onUnavailable } = setup('linux')
    fallback.notify.mockRejectedValueOnce(new Error('notify-send: Could not connect: No such file or directory'))
    await expect(notifier.notify(REMINDER)).resolves.toBeUndefined()
    expect(onUnavailable).toHaveBeenCalledWith(REMINDER, expect.stringContaining('no notification service is running'))
  })

  it('reports to the banner where Electron notifications are unsupported and there is no fallback', async () => {
    FakeNotification.supported = false
    const { notifier, onUnavailable } = setup('darwin')
    await notifier.notify(REMINDER)
    expect(onUnavailable).toHaveBeenCalledWith(REMINDER, expect.any(String))
  })

  it('reports a toast Windows failed to show', async () => {
    const { notifier, onUnavailable } = setup('win32')
    await notifier.notify(REMINDER)
    FakeNotification.instances[0].emit('failed', {}, 'toast disabled')
    expect(onUnavailable).toHaveBeenCalledWith(REMINDER, expect.stringContaining('toast disabled'))
  })

  it('reports instead of throwing when showing fails', async () => {
    const { notifier, onUnavailable } = setup('darwin')
    FakeNotification.showError = new Error('boom')
    await expect(notifier.notify(REMINDER)).resolves.toBeUndefined()
    expect(onUnavailable).toHaveBeenCalledWith(REMINDER, 'boom')
  })

  it('opens the window on the follow-up when its notification is clicked', async () => {
    const { notifier, onClick } = setup('darwin')
    await notifier.notify(REMINDER)
    FakeNotification.instances[0].emit('click')
    expect(onClick).toHaveBeenCalledWith('f1')
  })

  it('opens the board (no follow-up) when a summary notification is clicked', async () => {
    const { notifier, onClick } = setup('win32')
    await notifier.notify({ title: '3 follow-ups became overdue while you were away', body: 'A; B; C. Open the board to see them all.' })
    FakeNotification.instances[0].emit('click')
    expect(onClick).toHaveBeenCalledWith(undefined)
  })
})
