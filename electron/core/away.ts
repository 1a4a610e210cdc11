import { AWAY_LISTED, type AwayList } from './board'
import { columnOf, today } from './columns'
import { rescheduleFollowUp } from './commands'
import { DomainError, type AppError } from './errors'
import { deliver } from './followThrough'
import type { Data } from './schema'

/** Follow-ups that went overdue while the app was closed, shown once at start until dismissed. */
export interface AwaySummary {
  ids: string[]
  /** The earliest deadline among them. */
  since: string
}

/**
 * At start, before reminders are sent: open follow-ups already overdue whose
 * deadline reminder was never delivered — the same ones the scheduler's
 * "became overdue while you were away" summary covers. Null when there are none.
 */
export function overdueWhileAway(data: Data, now: Date): AwaySummary | null {
  const day = today(now)
  const away = data.followUps
    .filter((f) => f.completedAt === undefined && f.notifiedAt.deadline === undefined && columnOf(f, day) === 'overdue')
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
  if (away.length === 0) return null
  return { ids: away.map((f) => f.id), since: away[0].dueAt }
}

/**
 * What is still worth showing: how many of the summary's follow-ups exist and are still
 * open, and the first `AWAY_LISTED` of them (in deadline order) for the panel to list.
 */
export function stillAway(summary: AwaySummary | null, isOpen: (id: string) => boolean): AwayList | null {
  if (!summary) return null
  const ids: string[] = []
  let count = 0
  for (const id of summary.ids) {
    if (!isOpen(id)) continue
    count++
    if (ids.length < AWAY_LISTED) ids.push(id)
  }
  return count > 0 ? { ids, count, since: summary.since } : null
}

export type BulkAction =
  | { action: 'complete' }
  | { action: 'reschedule'; dueAt: string; allDay: boolean; toldClient: boolean }

export type BulkResult = { id: string; ok: true } | { id: string; ok: false; error: AppError }

/**
 * Applies one action to many follow-ups. Each succeeds or is refused on its own
 * (the refusal is a value), and the data that comes back holds every success.
 */
export function applyBulk(data: Data, ids: string[], input: BulkAction, now: Date, newId: () => string): { data: Data; results: BulkResult[] } {
  let next = data
  const results: BulkResult[] = []
  for (const id of new Set(ids)) {
    try {
      if (input.action === 'complete') next = deliver(next, id, now, newId)
      else next = rescheduleFollowUp(next, id, { dueAt: input.dueAt, allDay: input.allDay, toldClient: input.toldClient }, now)
      results.push({ id, ok: true })
    } catch (error) {
      if (!(error instanceof DomainError)) throw error
      results.push({ id, ok: false, error: error.toValue() })
    }
  }
  return { data: next, results }
}
