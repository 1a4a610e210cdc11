import type { MoneyAtStake } from '../../../electron/contract'
import { formatDay, formatMoney, formatNumber, formatPercent } from '../../../electron/contract/format'
import { displayLocale } from '../../lib/locale'

/** Presentation only: the numbers themselves come from the service (electron/core/scorecard.ts). */

export const percent = (rate: number | null) => (rate === null ? '—' : formatPercent(rate, displayLocale()))

/** A week's first day ("2026-11-23") as the locale writes it: "Mon, Nov 23" / "Mon 23 Nov". */
export const weekOf = (weekStart: string, now = new Date()) => formatDay(new Date(`${weekStart}T12:00`), displayLocale(), now)

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** "1 day 6 h early", "3 h late", "20 min early"; "—" when nothing was delivered yet. */
export function margin(ms: number | null): string {
  if (ms === null) return '—'
  const size = Math.abs(ms)
  if (size < MINUTE) return 'right on the deadline'
  const days = Math.floor(size / DAY)
  const hours = Math.floor((size % DAY) / HOUR)
  const minutes = Math.round((size % HOUR) / MINUTE)
  const n = (value: number) => formatNumber(value, displayLocale())
  const text = days > 0 ? `${n(days)} ${days === 1 ? 'day' : 'days'}${hours > 0 ? ` ${n(hours)} h` : ''}` : hours > 0 ? `${n(hours)} h` : `${n(minutes)} min`
  return `${text} ${ms > 0 ? 'early' : 'late'}`
}

export function money(sums: MoneyAtStake['overdue']): string {
  if (sums.length === 0) return 'nothing'
  return sums.map(({ amount, currency }) => formatMoney(amount, currency, displayLocale())).join(' + ')
}
