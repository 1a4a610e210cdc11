import { format } from 'date-fns'
import Papa from 'papaparse'
import type { OutcomeCounts, Scorecard } from './scorecard'

/**
 * The scorecard as one rectangular CSV table, so any spreadsheet opens it without
 * guessing at sections. Header row, then one row per line:
 *
 *   Group        "Total" (one row), "Client" (one per client, most promises first),
 *                "Week" (one per ISO week, oldest first)
 *   Name         "All promises", the client's name, or the ISO week ("2026-W48")
 *   Week start   the Monday of the week (yyyy-MM-dd); empty for other groups
 *   Early, On time, Renegotiated, Missed, Total   counts (see scorecard.ts for the rules)
 *   Kept rate %  (early + on time) / total × 100, one decimal; empty when total is 0
 *
 * Quoting and escaping are papaparse's (RFC 4180, CRLF line ends). Cells that a
 * spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) are
 * prefixed with an apostrophe.
 */
export const SCORECARD_CSV_COLUMNS = ['Group', 'Name', 'Week start', 'Early', 'On time', 'Renegotiated', 'Missed', 'Total', 'Kept rate %'] as const

const keptPercent = (rate: number | null) => (rate === null ? '' : (Math.round(rate * 1000) / 10).toFixed(1))

const row = (group: string, name: string, weekStart: string, counts: OutcomeCounts) => [
  group,
  name,
  weekStart,
  counts.early,
  counts.onTime,
  counts.renegotiated,
  counts.missed,
  counts.total,
  keptPercent(counts.keptRate),
]

export function scorecardCsv(card: Scorecard): string {
  const rows = [
    row('Total', 'All promises', '', card.totals),
    ...card.clients.map((client) => row('Client', client.client, '', client)),
    ...card.weeks.map((week) => row('Week', week.week, week.weekStart, week)),
  ]
  return Papa.unparse({ fields: [...SCORECARD_CSV_COLUMNS], data: rows }, { escapeFormulae: true, newline: '\r\n' })
}

/** "follow-through-scorecard-2026-11-27.csv", by the local date of `now`. */
export const scorecardFilename = (now: Date) => `follow-through-scorecard-${format(now, 'yyyy-MM-dd')}.csv`
