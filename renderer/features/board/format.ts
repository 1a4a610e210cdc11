import { differenceInMinutes, format, formatDistanceStrict, isSameDay } from 'date-fns'
import type { Card } from '../../../electron/contract'

/** "in 2 h · Fri 16:00", or "Fri 27 Nov" for an all-day promise. */
export function describeDeadline(card: Card, now: Date): string {
  const due = new Date(card.dueAt)
  if (card.allDay) return isSameDay(due, now) ? 'today' : format(due, 'EEE d MMM')
  const relative = formatDistanceStrict(due, now, { addSuffix: true })
  return `${relative} · ${format(due, isSameDay(due, now) ? 'HH:mm' : 'EEE d MMM HH:mm')}`
}

/** The buffer between the own target and the promise, e.g. "target 1 day earlier". */
export function describeBuffer(card: Card): string | null {
  const minutes = differenceInMinutes(new Date(card.dueAt), new Date(card.targetAt))
  if (minutes <= 0) return null
  return `my target ${formatDistanceStrict(new Date(card.targetAt), new Date(card.dueAt))} earlier`
}

export const CHANNEL_ICONS: Record<Card['channel'], string> = {
  phone: '☎',
  email: '✉',
  'in-person': '🤝',
  other: '•',
}
