import { execFile } from 'node:child_process'
import { type as osType } from 'node:os'
import nodeNotifier from 'node-notifier'
import type { Notification, Notifier } from '../service/notifier'

/** Where notify-send is the way to the desktop's notifications (Linux and the BSDs). */
const usesNotifySend = () => osType() === 'Linux' || /BSD$/.test(osType())

// C0 and C1 control characters and DEL; a NUL cannot even be passed as an argument.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g
const ALL_CONTROL = /[\u0000-\u001f\u007f-\u009f]/g

/** Notification servers such as dunst render Pango markup: a title must arrive as text, never as a link or bold. */
const escapeMarkup = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/**
 * notify-send's arguments for one notification. `--` ends its options, so a title
 * such as "- x" or "--help" is a title. Control characters are dropped (newlines
 * and tabs stay in the body), markup is escaped, and the body's backslashes are
 * doubled because notify-send reads C escapes there (g_strcompress).
 */
export function notifySendArgs(notification: Notification): string[] {
  const title = escapeMarkup(notification.title.replace(ALL_CONTROL, ' ').trim()) || 'Follow Through'
  const body = escapeMarkup(notification.body.replace(CONTROL, '')).replace(/\\/g, '\\\\')
  return ['--app-name=Follow Through', '--', title, body]
}

/** Linux: notify-send run directly (node-notifier puts the title before its own options). */
function createNotifySend(): Notifier {
  return {
    notify: (notification) =>
      new Promise((resolve, reject) => {
        execFile('notify-send', notifySendArgs(notification), { timeout: 10_000 }, (error, _stdout, stderr) => {
          if (error) reject(new Error(`notify-send failed: ${stderr.trim() || error.message}`))
          else resolve()
        })
      }),
  }
}

/**
 * OS notifications outside Electron: notify-send on Linux, SnoreToast on Windows
 * and terminal-notifier on macOS through node-notifier. Browser mode uses it; the
 * desktop shell falls back to it on Linux (electron/main/notifications.ts).
 */
export function createNodeNotifier(): Notifier {
  if (usesNotifySend()) return createNotifySend()
  return {
    notify: (notification: Notification) =>
      new Promise((resolve, reject) => {
        nodeNotifier.notify(
          { title: notification.title.replace(ALL_CONTROL, ' '), message: notification.body.replace(CONTROL, ''), wait: false },
          (error: Error | null) => (error ? reject(error) : resolve()),
        )
      }),
  }
}
