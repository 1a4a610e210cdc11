import { useEffect, useState } from 'react'
import type { SyncStatus } from '../../../electron/contract'
import { api } from '../../lib/api'
import { syncStatusText } from './SyncStatusLine'

/** How often the header asks for the sync state; the board's push carries no sync state. */
const POLL_MS = 5_000

const SHORT: Record<SyncStatus['state'], (status: SyncStatus) => string> = {
  off: () => '',
  syncing: () => 'Syncing…',
  synced: (status) => (status.flags.length > 0 ? `Calendar: ${status.flags.length} to confirm` : 'Calendar synced'),
  pending: (status) => `Calendar: ${status.pending} to send`,
  error: () => 'Calendar sync problem',
}

/** The header's sync state: nothing while sync is off; a click opens Settings to fix or confirm. */
export function SyncIndicator({ onOpen }: { onOpen(): void }) {
  const [status, setStatus] = useState<SyncStatus | null>(null)

  useEffect(() => {
    let alive = true
    const refresh = () => void api.getSyncStatus({}).then((result) => alive && result.ok && setStatus(result.value))
    refresh()
    const timer = setInterval(refresh, POLL_MS)
    window.addEventListener('focus', refresh)
    return () => {
      alive = false
      clearInterval(timer)
      window.removeEventListener('focus', refresh)
    }
  }, [])

  if (!status || status.state === 'off') return null
  const detail = syncStatusText(status) + (status.state === 'error' ? ' Open Settings → Calendar sync to fix it.' : '')
  return (
    <button type="button" className={`sync-indicator sync-indicator--${status.state}`} title={detail} aria-label={detail} onClick={onOpen}>
      {SHORT[status.state](status)}
    </button>
  )
}
