import { format } from 'date-fns'
import Papa from 'papaparse'
import { DEFAULT_LOCALE, decimalSeparatorOf, formatDecimal, formatNumericDate } from './localeFormat'
import type { OutcomeCounts, Scorecard } from './scorecard'

/**
 * The scorecard as one rectangular CSV table, so any spreadsheet opens it without
 * guessing at sections. Header row, then one row per line:
 *
 *   Group        "Total" (one row), "Client" (one per client, most promises first),
 *                "Week" (one per week, oldest first; weeks start and are numbered the locale's way)
 *   Name         "All promises", the client's name, or the week ("2026-W48")
 *   Week start   the first day of the week (Monday; Sunday in en-US), as the locale writes dates (11/23/2026, 23.11.2026); empty for other groups
 *   Early, On time, Renegotiated, Missed, Total   counts (see scorecard.ts for the rules)
 *   Kept rate %  (early + on time) / total × 100, one decimal in the locale's way (60.0, 60,0); empty when total is 0
 *
 * Where the locale's decimal mark is a comma, cells are separated by ";" as its
 * spreadsheets expect, so the file opens in columns there too.
 * Quoting and escaping are papaparse's (RFC 4180, CRLF line ends). Cells that a
 * spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) are
 * prefixed with an apostrophe.
 */
export const SCORECARD_CSV_COLUMNS = ['Group', 'Name', 'Week start', 'Early', 'On time', 'Renegotiated', 'Missed', 'Total', 'Kept rate %'] as const

const keptPercent = (rate: number | null, locale: string) => (rate === null ? '' : formatDecimal(Math.round(rate * 1000) / 10, locale, 1))

const row = (group: string, name: string, weekStart: string, counts: OutcomeCounts, locale: string) => [
  group,
  name,
  weekStart,
  counts.early,
  counts.onTime,
  counts.renegotiated,
  counts.missed,
  counts.total,
  keptPercent(counts.keptRate, locale),
]

export function scorecardCsv(card: Scorecard, locale: string = DEFAULT_LOCALE): string {
  const weekStart = (iso: string) => formatNumericDate(new Date(`${iso}T12:00`), locale)
  const rows = [
    row('Total', 'All promises', '', card.totals, locale),
    ...card.clients.map((client) => row('Client', client.client, '', client, locale)),
    ...card.weeks.map((week) => row('Week', week.week, weekStart(week.weekStart), week, locale)),
  ]
  const delimiter = decimalSeparatorOf(locale) === ',' ? ';' : ','
  return Papa.unparse({ fields: [...SCORECARD_CSV_COLUMNS], data: rows }, { escapeFormulae: true, newline: '\r\n', delimiter })
}

/** "follow-through-scorecard-2026-11-27.csv", by the local date of `now`. */
export const scorecardFilename = (now: Date) => `follow-through-scorecard-${format(now, 'yyyy-MM-dd')}.csv`
