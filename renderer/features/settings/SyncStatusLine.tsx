import type { SyncStatus } from '../../../electron/contract'

const time = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' })

/** The sync state in one sentence: last synced, changes waiting, or the error and how to fix it. */
export function syncStatusText(status: SyncStatus): string {
  const waiting = status.pending === 1 ? '1 change waiting to be sent' : `${status.pending} changes waiting to be sent`
  switch (status.state) {
    case 'off':
      return 'Calendar sync is off.'
    case 'syncing':
      return 'Syncing with your calendar…'
    case 'error':
      return `Calendar sync failed: ${status.error ?? 'unknown problem'}${status.pending > 0 ? ` (${waiting}; nothing is lost)` : ''}`
    case 'pending':
      return `${waiting}.${status.lastSyncedAt ? ` Last synced ${time(status.lastSyncedAt)}.` : ''}`
    case 'synced':
      return status.lastSyncedAt ? `Synced with your calendar ${time(status.lastSyncedAt)}.` : 'Synced with your calendar.'
  }
}

export function SyncStatusLine({ status }: { status: SyncStatus }) {
  return (
    <p className={`sync-status sync-status--${status.state}`} role="status">
      {syncStatusText(status)}
    </p>
  )
}
