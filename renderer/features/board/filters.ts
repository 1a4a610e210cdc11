import { subDays } from 'date-fns'
import type { BoardSnapshot, Card, Channel, Column } from '../../../electron/contract'

export interface Filters {
  text: string
  client: string
  channel: Channel | ''
}

export const NO_FILTERS: Filters = { text: '', client: '', channel: '' }

/** Filters live in the URL hash (#q=…&client=…&channel=…) so a view can be bookmarked and survives reload. */
export function filtersFromHash(hash: string): Filters {
  const params = new URLSearchParams(hash.replace(/^#/, ''))
  const channel = params.get('channel') ?? ''
  return {
    text: params.get('q') ?? '',
    client: params.get('client') ?? '',
    channel: (['phone', 'email', 'in-person', 'other'].includes(channel) ? channel : '') as Filters['channel'],
  }
}

export function filtersToHash(filters: Filters): string {
  const params = new URLSearchParams()
  if (filters.text) params.set('q', filters.text)
  if (filters.client) params.set('client', filters.client)
  if (filters.channel) params.set('channel', filters.channel)
  const text = params.toString()
  return text ? `#${text}` : ''
}

function matches(card: Card, filters: Filters, needle: string): boolean {
  if (filters.client && card.client.name !== filters.client) return false
  if (filters.channel && card.channel !== filters.channel) return false
  if (!needle) return true
  return [card.title, card.client.name, card.client.company ?? '', card.notes].some((field) => field.toLowerCase().includes(needle))
}

/** Days of completions the Done column shows unless older ones are asked for. */
export const RECENT_DONE_DAYS = 7

/** What the board shows: the snapshot narrowed by the person's filters and the Done window. */
export function visibleColumns(board: BoardSnapshot, filters: Filters, now: Date, showOlderDone: boolean) {
  const needle = filters.text.trim().toLowerCase()
  const since = subDays(now, RECENT_DONE_DAYS).toISOString()
  const columns = {} as Record<Column, Card[]>
  let olderDone = 0
  for (const [column, cards] of Object.entries(board.columns) as [Column, Card[]][]) {
    columns[column] = cards.filter((card) => matches(card, filters, needle))
  }
  if (!showOlderDone) {
    const recent = columns.done.filter((card) => (card.completedAt ?? '') >= since)
    olderDone = columns.done.length - recent.length
    columns.done = recent
  }
  return { columns, olderDone }
}

export function clientsOf(board: BoardSnapshot): string[] {
  const names = new Set<string>()
  for (const cards of Object.values(board.columns)) for (const card of cards) names.add(card.client.name)
  return [...names].sort((a, b) => a.localeCompare(b))
}
