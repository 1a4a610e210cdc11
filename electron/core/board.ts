import { COLUMNS, columnOf, isAtRisk, today, type Column } from './columns'
import { scorePromise, type Outcome } from './scorecard'
import type { Data, FollowUp } from './schema'

export interface Card extends FollowUp {
  column: Column
  /** Own target passed, promise still stands. */
  atRisk: boolean
  /** For done cards: how long before (positive) or after (negative) each date it was delivered, in ms. */
  margin?: { promise: number; target: number }
  /** For done promises: the scorecard's outcome, so the card and the scorecard never disagree. */
  outcome?: Outcome
}

function marginOf(followUp: FollowUp): Card['margin'] {
  if (followUp.completedAt === undefined) return undefined
  const completed = Date.parse(followUp.completedAt)
  return { promise: Date.parse(followUp.dueAt) - completed, target: Date.parse(followUp.targetAt) - completed }
}

/** A follow-up as the board shows it, in the column and with the at-risk flag derived for it. */
export function cardOf(followUp: FollowUp, column: Column, atRisk: boolean): Card {
  const card: Card = { ...followUp, column, atRisk }
  if (column === 'done') {
    card.margin = marginOf(followUp)
    // A done promise is settled by its completion, so the scorecard's rule gives the same outcome at any `now`.
    const scored = scorePromise(followUp, new Date(followUp.completedAt!))
    if (scored) card.outcome = scored.outcome
  }
  return card
}

/** What the renderer shows: computed by the service, never stored. */
export interface BoardSnapshot {
  generatedAt: string
  columns: Record<Column, Card[]>
  /** The data file is from a newer version of the app: nothing can be changed. */
  readOnly: boolean
  /** Messages the person must see, e.g. that a damaged file was recovered from a backup. */
  notices: string[]
  /** Follow-ups that went overdue while the app was closed (set by the service until dismissed). */
  away?: AwayList
}

/**
 * The "While you were away" panel is a summary: it lists this many follow-ups at most
 * and says how many there are, so what the board status carries stays small however
 * long the app was closed (the Overdue column holds them all).
 */
export const AWAY_LISTED = 100

/** Follow-ups that went overdue while the app was closed and are still open: how many, the first `AWAY_LISTED` of them, and the earliest deadline. */
export interface AwayList {
  ids: string[]
  count: number
  since: string
}

const byDue = (a: Card, b: Card) => a.dueAt.localeCompare(b.dueAt) || a.title.localeCompare(b.title)
const byCompletedDesc = (a: Card, b: Card) => (b.completedAt ?? '').localeCompare(a.completedAt ?? '')

export function buildBoard(
  data: Data,
  now: Date,
  status: { readOnly: boolean; notices: string[] } = { readOnly: false, notices: [] },
): BoardSnapshot {
  const columns = Object.fromEntries(COLUMNS.map((c) => [c, [] as Card[]])) as Record<Column, Card[]>
  const day = today(now)
  for (const followUp of data.followUps) {
    const card = cardOf(followUp, columnOf(followUp, day), isAtRisk(followUp, day))
    columns[card.column].push(card)
  }
  columns.promised.sort(byDue)
  columns.due.sort(byDue)
  columns.overdue.sort(byDue)
  columns.done.sort(byCompletedDesc)
  return { generatedAt: now.toISOString(), columns, readOnly: status.readOnly, notices: status.notices }
}
