/** One OS notification. The shells decide how it is shown. */
export interface Notification {
  title: string
  body: string
  /** The follow-up to open when the notification is clicked; absent for summaries. */
  followUpId?: string
}

export interface Notifier {
  notify(notification: Notification): Promise<void>
}
