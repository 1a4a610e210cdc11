import type { Channel } from '../../../electron/contract'
import { FILTER_MAX_LENGTH, type ViewQuery } from '../../../electron/contract/view'

export interface Filters {
  text: string
  client: string
  channel: Channel | ''
}

export const NO_FILTERS: Filters = { text: '', client: '', channel: '' }

/**
 * Filters live in the URL hash (#q=…&client=…&channel=…) so a view can be bookmarked and
 * survives reload. An edited address may hold more than a query takes: it is cut to fit,
 * as the search box would, rather than sent for the service to refuse.
 */
export function filtersFromHash(hash: string): Filters {
  const params = new URLSearchParams(hash.replace(/^#/, ''))
  const channel = params.get('channel') ?? ''
  return {
    text: (params.get('q') ?? '').slice(0, FILTER_MAX_LENGTH),
    client: (params.get('client') ?? '').slice(0, FILTER_MAX_LENGTH),
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

/** The filters as the view's query: the service does the filtering. */
export function viewQuery(filters: Filters, olderDone: boolean): ViewQuery {
  const query: ViewQuery = {}
  if (filters.text.trim()) query.q = filters.text.trim()
  if (filters.client) query.client = filters.client
  if (filters.channel) query.channel = filters.channel
  if (olderDone) query.olderDone = true
  return query
}

export const hasFilters = (filters: Filters) => filters.text !== '' || filters.client !== '' || filters.channel !== ''
