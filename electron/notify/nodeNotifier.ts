import { type as osType } from 'node:os'
import nodeNotifier from 'node-notifier'
import type { Notification, Notifier } from '../service/notifier'

/** Where node-notifier runs notify-send (its own rule: Linux and the BSDs). */
const usesNotifySend = () => osType() === 'Linux' || /BSD$/.test(osType())

/**
 * notify-send reads C escapes in the body (g_strcompress): "Q3\Q4" would arrive as
 * "Q3Q4". Doubling each backslash makes the body arrive as written. node-notifier
 * already turns newlines into "\n", which notify-send turns back into newlines.
 */
const forNotifySend = (body: string) => body.replace(/\\/g, '\\\\')

/**
 * OS notifications through node-notifier: notify-send on Linux, SnoreToast on
 * Windows, terminal-notifier on macOS. Browser mode uses it; the desktop shell
 * uses Electron's Notification instead (electron/main/index.ts).
 */
export function createNodeNotifier(): Notifier {
  return {
    notify: (notification: Notification) =>
      new Promise((resolve, reject) => {
        const message = usesNotifySend() ? forNotifySend(notification.body) : notification.body
        nodeNotifier.notify(
          { title: notification.title, message, wait: false },
          (error: Error | null) => (error ? reject(error) : resolve()),
        )
      }),
  }
}
