import type { SyncStatus } from '../../../electron/contract'
import { syncStatusText } from './SyncStatusLine'
import { useSyncStatus, useSyncStatusPolling } from './syncStatusStore'

const SHORT: Record<SyncStatus['state'], (status: SyncStatus) => string> = {
  off: () => '',
  syncing: () => 'Syncing…',
  synced: (status) => (status.flags.length > 0 ? `Calendar: ${status.flags.length} to confirm` : 'Calendar synced'),
  pending: (status) => `Calendar: ${status.pending} to send`,
  error: () => 'Calendar sync problem',
}

/** The header's sync state: nothing while sync is off; a click opens Settings to fix or confirm. */
export function SyncIndicator({ onOpen }: { onOpen(): void }) {
  useSyncStatusPolling()
  const status = useSyncStatus()
  if (!status || status.state === 'off') return null
  const detail = syncStatusText(status) + (status.state === 'error' ? ' Open Settings → Calendar sync to fix it.' : '')
  return (
    <button type="button" className={`sync-indicator sync-indicator--${status.state}`} title={detail} aria-label={detail} onClick={onOpen}>
      {SHORT[status.state](status)}
    </button>
  )
}
