import { addWeeks, format, getWeek, getWeekYear, startOfWeek } from 'date-fns'
import type { WeekRules } from './localeFormat'
import { isAtRisk } from './columns'
import { timesOf } from './instants'
import type { Data, FollowUp, Money } from './schema'

/**
 * "Know your numbers" (DESIGN.md, method 7): how promises turned out.
 *
 * Only promises (kind 'promise') are scored. Each one finished or failed gets exactly
 * one outcome; the first rule that matches wins:
 *
 *  1. missed        — it carries a 'missed' event (the deadline passed with no delivery and
 *                     no heads-up; recorded by the scheduler), even if notice was given for
 *                     an earlier deadline or it was delivered later.
 *  2. renegotiated  — the client was told in time: a 'headsUp' event, or a 'rescheduled'
 *                     event with toldClient true, made no later than the deadline then in
 *                     force. Counts whether or not it has since been completed.
 *  3. early         — completed no later than its own target (targetAt).
 *  4. on time       — completed no later than the deadline.
 *  5. missed        — completed after the deadline, or still open with the deadline passed.
 *
 * Open promises whose deadline has not passed yet are not scored (still pending).
 *
 * "The deadline" (then in force) is the date the client was last told in time: dueAt as it
 * stands, except that a reschedule the client was not told about (toldClient false), or was
 * told only after the deadline had passed, does not move it — the date before that move
 * still counts.
 *
 * keptRate = (early + onTime) / all scored, or null when nothing is scored.
 *
 * Weeks: each scored promise counts in the local ISO week (Monday to Sunday) in which its
 * outcome was settled: the completion time when completed, else the time of the first
 * notice (renegotiated), else the 'missed' event or, failing that, the deadline (missed).
 * The last `weeks` weeks up to and including the current one are returned, oldest first.
 *
 * medianMarginMs: median of (deadline − completedAt) over completed promises; positive
 * means delivered early, negative late. null when none is completed.
 *
 * Money at stake covers all open follow-ups (any kind) with a value, summed per currency:
 * overdue = now is past dueAt; at risk = own target passed, dueAt not yet (the board's rule).
 */

export type Outcome = 'early' | 'onTime' | 'renegotiated' | 'missed'

export interface OutcomeCounts {
  early: number
  onTime: number
  renegotiated: number
  missed: number
  /** All scored promises: the sum of the four counts. */
  total: number
  /** (early + onTime) / total, from 0 to 1; null when total is 0. */
  keptRate: number | null
}

export interface ClientScore extends OutcomeCounts {
  client: string
}

export interface WeekScore extends OutcomeCounts {
  /** Week label such as "2026-W48", numbered the locale's way (ISO 8601 by default). */
  week: string
  /** The day that starts the week (Monday, or Sunday in en-US), local date "yyyy-MM-dd". */
  weekStart: string
}

export interface MoneyAtStake {
  /** Sums per currency, sorted by currency code. */
  overdue: Money[]
  atRisk: Money[]
  overdueCount: number
  atRiskCount: number
}

export interface Scorecard {
  generatedAt: string
  totals: OutcomeCounts
  /** Sorted by most scored promises, then by name. */
  clients: ClientScore[]
  /** The last N local ISO weeks, oldest first (including weeks with nothing scored). */
  weeks: WeekScore[]
  medianMarginMs: number | null
  moneyAtStake: MoneyAtStake
}

export interface ScorecardOptions {
  weeks?: number
  /** How the locale starts and numbers its weeks; ISO 8601 when absent. */
  weekRules?: WeekRules
}

const ISO_WEEKS: WeekRules = { weekStartsOn: 1, firstWeekContainsDate: 4 }

export const DEFAULT_SCORECARD_WEEKS = 8

const ms = (iso: string) => Date.parse(iso)

interface Deadline {
  /** The deadline the client was last told, epoch ms. */
  deadline: number
  /** When the client was first warned in time, or undefined. */
  noticeAt: number | undefined
}

/**
 * Walks the history in order. The deadline in force starts at the first reschedule's
 * `from.dueAt` (or dueAt when never rescheduled); only a reschedule the client was told
 * about in time moves it; a heads-up or such a reschedule counts as notice.
 */
export function deadlineOf(followUp: FollowUp): Deadline {
  const moves = followUp.history.filter((event) => event.type === 'rescheduled')
  let deadline = moves.length > 0 ? ms(moves[0].from.dueAt) : timesOf(followUp).dueAt
  let noticeAt: number | undefined
  let lastMoveCounted = true
  for (const event of followUp.history) {
    const at = ms(event.at)
    if (event.type === 'headsUp' && at <= deadline) noticeAt ??= at
    if (event.type !== 'rescheduled') continue
    lastMoveCounted = event.toldClient && at <= deadline
    if (lastMoveCounted) {
      noticeAt ??= at
      deadline = ms(event.to.dueAt)
    }
  }
  // After a reschedule told in time, dueAt as it stands (a later edit is a correction).
  return { deadline: lastMoveCounted ? timesOf(followUp).dueAt : deadline, noticeAt }
}

export interface ScoredPromise {
  followUp: FollowUp
  outcome: Outcome
  /** When the outcome was settled (picks the week). */
  settledAt: number
}

/** A promise's outcome, or null while it is still pending. */
export function scorePromise(followUp: FollowUp, now: Date): ScoredPromise | null {
  if (followUp.kind !== 'promise') return null
  const { deadline, noticeAt: notice } = deadlineOf(followUp)
  const completedAt = followUp.completedAt === undefined ? undefined : ms(followUp.completedAt)
  const missedEvent = followUp.history.find((event) => event.type === 'missed')
  const settled = (outcome: Outcome, at: number): ScoredPromise => ({ followUp, outcome, settledAt: completedAt ?? at })
  if (missedEvent) return settled('missed', ms(missedEvent.at))
  if (notice !== undefined) return settled('renegotiated', notice)
  if (completedAt !== undefined) {
    if (completedAt <= timesOf(followUp).targetAt) return settled('early', completedAt)
    return settled(completedAt <= deadline ? 'onTime' : 'missed', completedAt)
  }
  if (now.getTime() > deadline) return settled('missed', deadline)
  return null
}

const emptyCounts = (): OutcomeCounts => ({ early: 0, onTime: 0, renegotiated: 0, missed: 0, total: 0, keptRate: null })

function add(counts: OutcomeCounts, outcome: Outcome): void {
  counts[outcome] += 1
  counts.total += 1
  counts.keptRate = (counts.early + counts.onTime) / counts.total
}

function median(values: number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

function sumByCurrency(followUps: FollowUp[]): Money[] {
  const sums = new Map<string, number>()
  for (const { value } of followUps) if (value) sums.set(value.currency, (sums.get(value.currency) ?? 0) + value.amount)
  return [...sums.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([currency, amount]) => ({ amount: Math.round(amount * 100) / 100, currency }))
}

const weekLabel = (date: Date, rules: WeekRules) => `${getWeekYear(date, rules)}-W${String(getWeek(date, rules)).padStart(2, '0')}`

export function scorecard(data: Data, now: Date, options: ScorecardOptions = {}): Scorecard {
  const weekCount = Math.max(1, Math.min(104, Math.floor(options.weeks ?? DEFAULT_SCORECARD_WEEKS)))
  const totals = emptyCounts()
  const clients = new Map<string, ClientScore>()
  const rules = options.weekRules ?? ISO_WEEKS
  const thisWeek = startOfWeek(now, rules)
  const weeks: WeekScore[] = Array.from({ length: weekCount }, (_, i) => {
    const start = addWeeks(thisWeek, i - weekCount + 1)
    return { week: weekLabel(start, rules), weekStart: format(start, 'yyyy-MM-dd'), ...emptyCounts() }
  })
  const byWeek = new Map(weeks.map((week) => [week.week, week]))
  const margins: number[] = []

  for (const followUp of data.followUps) {
    const scored = scorePromise(followUp, now)
    if (!scored) continue
    add(totals, scored.outcome)
    const name = followUp.client.name
    let client = clients.get(name)
    if (!client) clients.set(name, (client = { client: name, ...emptyCounts() }))
    add(client, scored.outcome)
    const week = byWeek.get(weekLabel(new Date(scored.settledAt), rules))
    if (week) add(week, scored.outcome)
    if (followUp.completedAt !== undefined) margins.push(deadlineOf(followUp).deadline - ms(followUp.completedAt))
  }

  const open = data.followUps.filter((f) => f.completedAt === undefined)
  const overdue = open.filter((f) => now.getTime() > timesOf(f).dueAt)
  const atRisk = open.filter((f) => isAtRisk(f, now))

  return {
    generatedAt: now.toISOString(),
    totals,
    clients: [...clients.values()].sort((a, b) => b.total - a.total || a.client.localeCompare(b.client)),
    weeks,
    medianMarginMs: median(margins),
    moneyAtStake: {
      overdue: sumByCurrency(overdue),
      atRisk: sumByCurrency(atRisk),
      overdueCount: overdue.length,
      atRiskCount: atRisk.length,
    },
  }
}
