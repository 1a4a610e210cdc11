import { app, Notification as ElectronNotification } from 'electron'
import { createNodeNotifier } from '../notify/nodeNotifier'
import type { Notification, Notifier } from '../service/notifier'

/** The app's identity on Windows; electron-builder.yml's appId must be the same string. */
export const APP_USER_MODEL_ID = 'com.followthrough.app'

export type NotificationBackend = 'electron' | 'node-notifier' | 'banner'

/**
 * Which notification mechanism the desktop shell uses, and why:
 *
 * - macOS: Electron's Notification. node-notifier shells out to terminal-notifier,
 *   whose bundled binary is Intel-only (node-notifier#361): it needs Rosetta on
 *   Apple silicon, and its notifications carry terminal-notifier's name and icon.
 * - Windows: Electron's Notification, with app.setAppUserModelId so toasts are
 *   attributed to the app. node-notifier's SnoreToast loses click callbacks as soon
 *   as a custom appID is set (node-notifier#326), and we need both.
 * - Linux: Electron's Notification (libnotify) when Notification.isSupported();
 *   otherwise node-notifier, which runs notify-send.
 * - Anything else, or when neither works (no notification daemon running): the
 *   reminder is reported to the board as a banner, so it is never lost silently.
 */
export function chooseNotificationBackend(platform: NodeJS.Platform, electronSupported: boolean): NotificationBackend {
  if (electronSupported && (platform === 'darwin' || platform === 'win32' || platform === 'linux')) return 'electron'
  if (platform === 'linux') return 'node-notifier'
  return 'banner'
}

export interface DesktopNotifierOptions {
  platform: NodeJS.Platform
  /** A notification was clicked: open the window on that follow-up (undefined: a summary, open the board). */
  onClick(followUpId: string | undefined): void
  /** No notification could be shown: show this reminder in the app instead. */
  onUnavailable(notification: Notification, reason: string): void
  /** Shown in the notification where the platform allows (Linux, Windows). */
  iconPath?: string
  /** The Linux fallback; injectable for tests. */
  fallback?: Notifier
}

/** How many shown notifications are kept referenced, so their click handlers survive garbage collection. */
const RETAINED = 50

let latest: ElectronNotification | null = null

/** The notification shown last, for the Electron end-to-end tests to click (see shell.ts). */
export const latestNotification = (): ElectronNotification | null => latest

/** The desktop shell's notifier: Electron or node-notifier per platform, the in-app banner as the last resort. */
export function createDesktopNotifier(options: DesktopNotifierOptions): Notifier {
  const { platform, onClick, onUnavailable, iconPath } = options
  // Toasts without an AppUserModelID are dropped or attributed to electron.exe.
  if (platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID)
  let fallback = options.fallback
  // A notification garbage collected before it is clicked loses its 'click' handler.
  const retained = new Set<ElectronNotification>()
  const release = (shown: ElectronNotification) => retained.delete(shown)

  const showWithElectron = (notification: Notification) => {
    const shown = new ElectronNotification({
      title: notification.title,
      body: notification.body,
      ...(iconPath && platform !== 'darwin' ? { icon: iconPath } : {}),
    })
    shown.on('click', () => {
      release(shown)
      onClick(notification.followUpId)
    })
    shown.on('close', () => release(shown))
    // Windows reports toasts it could not show.
    shown.on('failed', (_event, error) => {
      release(shown)
      onUnavailable(notification, `the system refused the notification (${error})`)
    })
    retained.add(shown)
    latest = shown
    if (retained.size > RETAINED) release(retained.values().next().value as ElectronNotification)
    shown.show()
  }

  return {
    async notify(notification) {
      switch (chooseNotificationBackend(platform, ElectronNotification.isSupported())) {
        case 'electron':
          try {
            showWithElectron(notification)
          } catch (error) {
            onUnavailable(notification, (error as Error).message)
          }
          return
        case 'node-notifier':
          fallback ??= createNodeNotifier()
          try {
            await fallback.notify(notification)
          } catch (error) {
            onUnavailable(notification, `no notification service is running (${(error as Error).message})`)
          }
          return
        case 'banner':
          onUnavailable(notification, 'this system offers no desktop notifications')
          return
      }
    },
  }
}
