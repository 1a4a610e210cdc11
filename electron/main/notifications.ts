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

/** What a notification's buttons do (macOS actions, Windows toast buttons; Linux has none). */
export type NotificationAction = 'complete' | 'snooze'
export const NOTIFICATION_ACTIONS: readonly { action: NotificationAction; label: string }[] = [
  { action: 'complete', label: 'Mark done' },
  { action: 'snooze', label: 'Snooze 1 h' },
]

/** Windows starts the app with this scheme's URL when a toast or one of its buttons is clicked. */
export const TOAST_PROTOCOL = 'follow-through'

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)

/** The activation URL of a toast (action "open") or one of its buttons. */
export const toastActivation = (action: NotificationAction | 'open', followUpId?: string) =>
  `${TOAST_PROTOCOL}://${action}${followUpId ? `?id=${encodeURIComponent(followUpId)}` : ''}`

/**
 * A Windows toast with Mark done and Snooze 1 h buttons. Electron has no button
 * API on Windows; toast XML buttons activate the app through its protocol
 * instead, which arrives as a second launch (see parseToastActivation).
 */
export function toastXml(notification: Notification, iconPath?: string): string {
  const buttons = notification.followUpId
    ? `<actions>${NOTIFICATION_ACTIONS.map(({ action, label }) => `<action content="${escapeXml(label)}" arguments="${escapeXml(toastActivation(action, notification.followUpId))}" activationType="protocol"/>`).join('')}</actions>`
    : ''
  const image = iconPath ? `<image placement="appLogoOverride" src="${escapeXml(iconPath)}"/>` : ''
  return (
    `<toast launch="${escapeXml(toastActivation('open', notification.followUpId))}" activationType="protocol">` +
    `<visual><binding template="ToastGeneric"><text>${escapeXml(notification.title)}</text><text>${escapeXml(notification.body)}</text>${image}</binding></visual>` +
    `${buttons}</toast>`
  )
}

/** The toast activation in a launch's arguments, if any: what to do and to which follow-up. */
export function parseToastActivation(argv: readonly string[]): { action: NotificationAction | 'open'; followUpId?: string } | null {
  const url = argv.find((arg) => arg.startsWith(`${TOAST_PROTOCOL}://`))
  if (!url) return null
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  const action = parsed.hostname
  if (action !== 'open' && action !== 'complete' && action !== 'snooze') return null
  const followUpId = parsed.searchParams.get('id') ?? undefined
  if (action !== 'open' && !followUpId) return null
  return { action, followUpId }
}

export interface DesktopNotifierOptions {
  platform: NodeJS.Platform
  /** A notification was clicked: open the window on that follow-up (undefined: a summary, open the board). */
  onClick(followUpId: string | undefined): void
  /** One of a notification's buttons was clicked (macOS). */
  onAction?(action: NotificationAction, followUpId: string): void
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
  const { platform, onClick, onAction, onUnavailable, iconPath } = options
  // Toasts without an AppUserModelID are dropped or attributed to electron.exe.
  if (platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID)
  let fallback = options.fallback
  // A notification garbage collected before it is clicked loses its 'click' handler.
  const retained = new Set<ElectronNotification>()
  const release = (shown: ElectronNotification) => retained.delete(shown)

  const showWithElectron = (notification: Notification) => {
    const { followUpId } = notification
    const shown = new ElectronNotification(
      platform === 'win32'
        ? { title: notification.title, body: notification.body, toastXml: toastXml(notification, iconPath) }
        : {
            title: notification.title,
            body: notification.body,
            ...(iconPath && platform !== 'darwin' ? { icon: iconPath } : {}),
            // Buttons exist on macOS only; on Linux a click opens the card.
            ...(platform === 'darwin' && followUpId ? { actions: NOTIFICATION_ACTIONS.map(({ label }) => ({ type: 'button' as const, text: label })) } : {}),
          },
    )
    shown.on('click', () => {
      release(shown)
      onClick(followUpId)
    })
    shown.on('action', (_event, index) => {
      release(shown)
      const chosen = NOTIFICATION_ACTIONS[index]
      if (chosen && followUpId) onAction?.(chosen.action, followUpId)
    })
    shown.on('close', () => release(shown))
    // Windows reports toasts it could not show; macOS a refusal (an unsigned build, notifications turned off).
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
