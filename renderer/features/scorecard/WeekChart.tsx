import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts'
import type { WeekScore } from '../../../electron/contract'

export const OUTCOMES = [
  { key: 'early', label: 'Early', color: 'var(--done)' },
  { key: 'onTime', label: 'On time', color: 'var(--accent)' },
  { key: 'renegotiated', label: 'Renegotiated', color: 'var(--due)' },
  { key: 'missed', label: 'Missed', color: 'var(--overdue)' },
] as const

/**
 * Outcomes per week as stacked bars. The same numbers are in the table under it, so
 * the chart is one image to assistive technology, with a one-line summary as its name.
 */
export function WeekChart({ weeks }: { weeks: WeekScore[] }) {
  const scored = weeks.reduce((sum, week) => sum + week.total, 0)
  const kept = weeks.reduce((sum, week) => sum + week.early + week.onTime, 0)
  const summary = `Outcomes per week over the last ${weeks.length} weeks: ${scored} promises scored, ${kept} kept. The table below has the numbers.`
  return (
    <figure className="scorecard__chart" role="img" aria-label={summary}>
      <BarChart width={560} height={220} data={weeks} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: -24 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--border)" />
        <XAxis dataKey="week" tickFormatter={(week: string) => week.slice(5)} stroke="var(--muted)" fontSize={12} />
        <YAxis allowDecimals={false} stroke="var(--muted)" fontSize={12} />
        <Tooltip contentStyle={{ background: 'var(--panel)', border: '1px solid var(--border)' }} />
        <Legend />
        {OUTCOMES.map((outcome) => (
          <Bar key={outcome.key} dataKey={outcome.key} name={outcome.label} stackId="outcomes" fill={outcome.color} isAnimationActive={false} />
        ))}
      </BarChart>
    </figure>
  )
}
