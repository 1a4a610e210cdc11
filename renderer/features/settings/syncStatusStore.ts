import { useEffect, useSyncExternalStore } from 'react'
import type { Result, SyncFlagView, SyncStatus } from '../../../electron/contract'
import { api } from '../../lib/api'
import type { CalendarFlagAnswer } from './CalendarFlagActions'

/** How often the page asks for the sync state; the board's view carries no sync state. */
const POLL_MS = 5_000

/**
 * The calendar sync state as the service last reported it, shared by the header, the
 * settings panel and the cards. A card reads only its own flag, so a new status
 * re-renders just the cards whose flag changed, not the board.
 */
let status: SyncStatus | null = null
let flagsById = new Map<string, SyncFlagView>()
const listeners = new Set<() => void>()

const sameFlag = (a: SyncFlagView | undefined, b: SyncFlagView) => a !== undefined && a.kind === b.kind && a.title === b.title && a.message === b.message

export function publishSyncStatus(next: SyncStatus): void {
  const flags = new Map<string, SyncFlagView>()
  for (const flag of next.flags) {
    const previous = flagsById.get(flag.id)
    flags.set(flag.id, sameFlag(previous, flag) ? previous! : flag)
  }
  status = next
  flagsById = flags
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Answers what the calendar asks about a follow-up; the new state reaches the header, Settings and the cards. */
export async function answerCalendarFlag(id: string, action: CalendarFlagAnswer): Promise<Result<SyncStatus>> {
  const result = await api.resolveSyncFlag({ id, action })
  if (result.ok) publishSyncStatus(result.value)
  return result
}

export function refreshSyncStatus(): Promise<void> {
  return api.getSyncStatus({}).then((result) => {
    if (result.ok) publishSyncStatus(result.value)
  })
}

export const useSyncStatus = (): SyncStatus | null => useSyncExternalStore(subscribe, () => status)

/** What the calendar asks about this follow-up (moved or deleted there), if anything. */
export const useCalendarFlag = (id: string): SyncFlagView | undefined => useSyncExternalStore(subscribe, () => flagsById.get(id))

/** Keeps the sync state fresh while the page is open: every few seconds and when the window regains focus. */
export function useSyncStatusPolling(): void {
  useEffect(() => {
    const refresh = () => void refreshSyncStatus()
    refresh()
    const timer = setInterval(refresh, POLL_MS)
    window.addEventListener('focus', refresh)
    return () => {
      clearInterval(timer)
      window.removeEventListener('focus', refresh)
    }
  }, [])
}
