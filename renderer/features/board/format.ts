import { addDays, format, formatDistanceStrict, isSameDay, setHours, startOfHour } from 'date-fns'
import type { Card, HistoryEvent } from '../../../electron/contract'
import { formatDay, formatDayTime, formatMoney as formatAmount, formatTime } from '../../../electron/contract/format'
import { displayLocale } from '../../lib/locale'

export const COLUMN_TITLES = { promised: 'Promised', due: 'Due', overdue: 'Overdue', done: 'Done' } as const

/** "4:30 PM" today, "Fri, Nov 27, 4:30 PM" another day (en-US; "16:30", "Fri 27 Nov, 16:30" in en-GB). */
export const clock = (date: Date, now: Date) => (isSameDay(date, now) ? formatTime(date, displayLocale()) : formatDayTime(date, displayLocale(), now))

/** "Fri, Nov 27" (en-US), "Fri 27 Nov" (en-GB): a day without its time. */
export const day = (date: Date, now: Date) => formatDay(date, displayLocale(), now)

/** "in 2 hours · 4:30 PM", or "by Fri, Nov 27" for an all-day promise. */
export function describeDeadline(card: Pick<Card, 'dueAt' | 'allDay'>, now: Date): string {
  const due = new Date(card.dueAt)
  if (card.allDay) return isSameDay(due, now) ? 'by end of today' : `by ${day(due, now)}`
  return `${formatDistanceStrict(due, now, { addSuffix: true })} · ${clock(due, now)}`
}

/** "late by 3 hours" for an overdue card. */
export function describeLateness(card: Pick<Card, 'dueAt'>, now: Date): string {
  return `late by ${formatDistanceStrict(now, new Date(card.dueAt))}`
}

/** The buffer between the own target and the promise, e.g. "my target 1 day earlier". */
export function describeBuffer(card: Pick<Card, 'dueAt' | 'targetAt'>): string | null {
  const due = new Date(card.dueAt)
  const target = new Date(card.targetAt)
  if (due.getTime() - target.getTime() < 60_000) return null
  return `my target ${formatDistanceStrict(target, due)} earlier`
}

/** "2 days early" / "3 hours late" / "on time". */
export function describeMargin(ms: number): string {
  if (Math.abs(ms) < 60_000) return 'on time'
  const amount = formatDistanceStrict(0, Math.abs(ms))
  return ms > 0 ? `${amount} early` : `${amount} late`
}

/** One line of a card's history; a completion says how early or late it was against the promise. */
export function describeEvent(event: HistoryEvent, now: Date, card?: Pick<Card, 'dueAt'>): string {
  const when = clock(new Date(event.at), now)
  switch (event.type) {
    case 'created':
      return `${when} · Created`
    case 'edited':
      return `${when} · Edited ${event.fields.join(', ')}`
    case 'rescheduled':
      return `${when} · Promise moved from ${clock(new Date(event.from.dueAt), now)} to ${clock(new Date(event.to.dueAt), now)} — ${event.toldClient ? 'client was told' : 'client not told'}`
    case 'completed':
      return card ? `${when} · Completed, ${describeMargin(Date.parse(card.dueAt) - Date.parse(event.at))}` : `${when} · Completed`
    case 'reopened':
      return `${when} · Reopened`
    case 'snoozed':
      return `${when} · Snoozed until ${clock(new Date(event.until), now)}`
    case 'notified':
      return `${when} · Reminder sent (${event.reminder === 'target' ? 'own target' : event.reminder === 'lead' ? 'before the deadline' : 'deadline passed'})`
    case 'headsUp':
      return `${when} · Heads-up sent to the client: told ${event.afterDeadline ? 'after the deadline' : 'in time'}`
    case 'targetChanged':
      return `${when} · Own target moved from ${clock(new Date(event.from), now)} to ${clock(new Date(event.to), now)}`
    case 'undone':
      return `${when} · Undone: ${event.action}`
    case 'redone':
      return `${when} · Redone: ${event.action}`
    case 'recurred':
      return `${when} · Next one planned (repeats)`
    case 'missed':
      return `${when} · Promise missed: the deadline passed without a heads-up`
  }
}

export const RECURRENCE_NAMES: Record<NonNullable<Card['recurrence']>, string> = {
  weekly: 'Every week',
  'every-2-weeks': 'Every 2 weeks',
  monthly: 'Every month',
}

export const CHANNEL_NAMES: Record<Card['channel'], string> = {
  phone: 'Phone',
  email: 'Email',
  'in-person': 'In person',
  other: 'Other',
}

/** "$2,500.00" (en-US), "2.500,00 $" (de-DE). */
export const formatMoney = (value: NonNullable<Card['value']>): string => formatAmount(value.amount, value.currency, displayLocale())

/** A value for <input type="datetime-local"> in local time. */
export function toLocalInput(iso: string | undefined): string {
  return iso ? format(new Date(iso), "yyyy-MM-dd'T'HH:mm") : ''
}

/** An ISO instant from a datetime-local value, or undefined when empty or invalid. */
export function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString()
}

/** The usual suggestion for a new promised date: 16:00 the day after `after`, as a datetime-local value. */
export function dayAfterAt4pm(after: Date): string {
  return toLocalInput(startOfHour(setHours(addDays(after, 1), 16)).toISOString())
}
