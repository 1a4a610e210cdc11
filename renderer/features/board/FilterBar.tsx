import { FILTER_MAX_LENGTH } from '../../../electron/contract/view'
import type { Filters } from './filters'
import { ChannelOptions } from '../../components/ChannelOptions'

export function FilterBar({
  filters,
  clients,
  onChange,
  onOpenClients,
}: {
  filters: Filters
  clients: string[]
  onChange(filters: Filters): void
  /** The client list is about to open: a chance to bring it up to date. */
  onOpenClients?(): void
}) {
  const active = filters.text !== '' || filters.client !== '' || filters.channel !== ''
  return (
    <div className="filters" role="search">
      <input
        type="search"
        aria-label="Search"
        placeholder="Search title, client, notes"
        maxLength={FILTER_MAX_LENGTH}
        value={filters.text}
        onChange={(e) => onChange({ ...filters, text: e.target.value })}
      />
      <select aria-label="Client" value={filters.client} onFocus={onOpenClients} onPointerDown={onOpenClients} onChange={(e) => onChange({ ...filters, client: e.target.value })}>
        <option value="">All clients</option>
        {filters.client && !clients.includes(filters.client) && <option>{filters.client}</option>}
        {clients.map((name) => (
          <option key={name}>{name}</option>
        ))}
      </select>
      <select aria-label="Channel" value={filters.channel} onChange={(e) => onChange({ ...filters, channel: e.target.value as Filters['channel'] })}>
        <option value="">All channels</option>
        <ChannelOptions />
      </select>
      {active && <button onClick={() => onChange({ text: '', client: '', channel: '' })}>Clear filters</button>}
    </div>
  )
}
