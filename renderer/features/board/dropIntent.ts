import type { Column } from '../../../electron/contract'

/** What dropping a card on a column asks the service to do. */
export type DropIntent =
  | { kind: 'complete' }
  | { kind: 'reopen' }
  | { kind: 'reschedule' }
  | { kind: 'planToday' }
  | { kind: 'none'; reason?: string }

/**
 * Columns follow from dates and the clock, so a drop is a command that changes
 * the dates, never a direct move. Overdue is never a target: only time puts a card there.
 */
export function dropIntent(from: Column, to: Column): DropIntent {
  if (from === to) return { kind: 'none' }
  if (to === 'overdue') return { kind: 'none', reason: 'Overdue follows from the clock; a card cannot be moved there.' }
  if (to === 'done') return { kind: 'complete' }
  if (from === 'done') return { kind: 'reopen' }
  if (to === 'due' && from === 'promised') return { kind: 'planToday' }
  return { kind: 'reschedule' }
}
