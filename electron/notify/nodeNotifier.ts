import nodeNotifier from 'node-notifier'
import type { Notification, Notifier } from '../service/notifier'

/**
 * OS notifications through node-notifier: notify-send on Linux, SnoreToast on
 * Windows, terminal-notifier on macOS. Browser mode uses it directly; the desktop
 * shell chooses per platform (see electron/main/notifications.ts).
 */
export function createNodeNotifier(): Notifier {
  return {
    notify: (notification: Notification) =>
      new Promise((resolve, reject) => {
        nodeNotifier.notify(
          { title: notification.title, message: notification.body, wait: false },
          (error: Error | null) => (error ? reject(error) : resolve()),
        )
      }),
  }
}
