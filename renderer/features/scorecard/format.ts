import type { MoneyAtStake } from '../../../electron/contract'

/** Presentation only: the numbers themselves come from the service (electron/core/scorecard.ts). */

export const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`)

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
  const text = days > 0 ? `${days} ${days === 1 ? 'day' : 'days'}${hours > 0 ? ` ${hours} h` : ''}` : hours > 0 ? `${hours} h` : `${minutes} min`
  return `${text} ${ms > 0 ? 'early' : 'late'}`
}

export function money(sums: MoneyAtStake['overdue']): string {
  if (sums.length === 0) return 'nothing'
  return sums.map(({ amount, currency }) => new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount)).join(' + ')
}
