import type { BoardStatus, ViewQuery, ViewRanges } from '../contract/view'
import type { BoardIndex, CardMove } from '../core/boardIndex'
import { DomainError } from '../core/errors'
import { ViewGroup, type DeltaBody, type SnapshotBody } from './viewGroup'

/** Where one view's messages go: JSON text of a ViewMessage, serialised once per group and change. */
export interface ViewSink {
  send(text: string): void
}

interface Listener {
  readonly viewId: string
  readonly sink: ViewSink
  group: ViewGroup
  version: number
}

/** The same filters always make the same key, whatever order or empty fields they came with. */
function normalQuery(query: ViewQuery): ViewQuery {
  const normal: ViewQuery = {}
  if (query.q?.trim()) normal.q = query.q.trim()
  if (query.client?.trim()) normal.client = query.client.trim()
  if (query.channel) normal.channel = query.channel
  if (query.olderDone) normal.olderDone = true
  return normal
}

const groupKey = (query: ViewQuery, ranges: ViewRanges) =>
  JSON.stringify([query.q, query.client, query.channel, query.olderDone, ranges.promised, ranges.due, ranges.overdue, ranges.done])

/** `{"a":1}` → `"a":1`: the body's fields, to follow a listener's own view id and version. */
const fieldsOf = (body: DeltaBody | SnapshotBody) => JSON.stringify(body).slice(1, -1)

const messageText = (type: 'snapshot' | 'delta', listener: Listener, fields: string) =>
  `{"type":"${type}","${type}":{"viewId":${JSON.stringify(listener.viewId)},"version":${listener.version}${fields ? `,${fields}` : ''}}}`

/**
 * Every open view, by listener. Listeners with the same query and ranges share a
 * group, so a change is turned into a delta and serialised once per group, not
 * once per tab; each listener's message differs only in its view id and version.
 */
export class ViewHub {
  readonly #index: BoardIndex
  readonly #now: () => Date
  readonly #status: () => BoardStatus
  readonly #listeners = new Map<string, Listener>()
  readonly #groups = new Map<string, { group: ViewGroup; members: Set<Listener> }>()

  constructor(index: BoardIndex, now: () => Date, status: () => BoardStatus) {
    this.#index = index
    this.#now = now
    this.#status = status
  }

  get size(): number {
    return this.#listeners.size
  }

  /**
   * Opens a view and sends its snapshot. An id already open is the same page
   * reconnecting (an event stream retries with the same URL): its old sink is dropped.
   */
  open(viewId: string, query: ViewQuery, ranges: ViewRanges, sink: ViewSink): void {
    this.close(viewId)
    const listener: Listener = { viewId, sink, group: this.#join(normalQuery(query), ranges), version: 0 }
    this.#listeners.set(viewId, listener)
    this.#groupOf(listener.group).members.add(listener)
    this.#sendSnapshot(listener)
  }

  /** New filters: a fresh snapshot. New ranges only: a delta with the new windows. */
  update(viewId: string, change: { query?: ViewQuery; ranges?: ViewRanges }): { version: number } {
    const listener = this.#listener(viewId)
    const old = listener.group
    const query = change.query ? normalQuery(change.query) : old.query
    const ranges = change.ranges ?? old.ranges
    const queryChanged = groupKey(query, old.ranges) !== groupKey(old.query, old.ranges)
    if (groupKey(query, ranges) === groupKey(old.query, old.ranges)) return { version: listener.version }
    this.#leave(listener)
    listener.group = this.#join(query, ranges)
    this.#groupOf(listener.group).members.add(listener)
    if (queryChanged) this.#sendSnapshot(listener)
    else {
      listener.version++
      listener.sink.send(messageText('delta', listener, fieldsOf(listener.group.deltaFrom(old.windows, this.#status()))))
    }
    return { version: listener.version }
  }

  /** A listener that missed a version gets a fresh snapshot. */
  resync(viewId: string): { version: number } {
    const listener = this.#listener(viewId)
    this.#sendSnapshot(listener)
    return { version: listener.version }
  }

  /** Whether the view is open (and, with `sink`, still sends there). */
  isOpen(viewId: string, sink?: ViewSink): boolean {
    const listener = this.#listeners.get(viewId)
    return listener !== undefined && (sink === undefined || listener.sink === sink)
  }

  /** Closes a view; with `sink`, only if the view still sends there (a reconnect may have replaced it). */
  close(viewId: string, sink?: ViewSink): { closed: boolean } {
    const listener = this.#listeners.get(viewId)
    if (!listener || (sink !== undefined && listener.sink !== sink)) return { closed: false }
    this.#leave(listener)
    this.#listeners.delete(viewId)
    return { closed: true }
  }

  /** After the board moved (a change, time, or only the status): one delta per group, sent to each of its listeners. */
  publish(moves: readonly CardMove[]): void {
    if (this.#groups.size === 0) return
    const now = this.#now()
    const status = this.#status()
    for (const { group, members } of this.#groups.values()) {
      const body = group.advance(moves, now, status)
      if (!body) continue
      const fields = fieldsOf(body)
      for (const listener of members) {
        listener.version++
        listener.sink.send(messageText('delta', listener, fields))
      }
    }
  }

  /** The next instant a view changes by time alone (a completion leaving Done's week), or null. */
  nextChangeAt(): number | null {
    let next = Infinity
    for (const { group } of this.#groups.values()) next = Math.min(next, group.nextExpiryAt() ?? Infinity)
    return next === Infinity ? null : next
  }

  #sendSnapshot(listener: Listener): void {
    listener.version++
    listener.sink.send(messageText('snapshot', listener, fieldsOf(listener.group.snapshot())))
  }

  #listener(viewId: string): Listener {
    const listener = this.#listeners.get(viewId)
    if (!listener) throw new DomainError('not_found', 'That view is closed. Reload the page to open the board again.')
    return listener
  }

  #join(query: ViewQuery, ranges: ViewRanges): ViewGroup {
    const key = groupKey(query, ranges)
    const existing = this.#groups.get(key)
    if (existing) return existing.group
    const group = new ViewGroup(this.#index, query, ranges, this.#now(), this.#status())
    this.#groups.set(key, { group, members: new Set() })
    return group
  }

  #groupOf(group: ViewGroup) {
    return this.#groups.get(groupKey(group.query, group.ranges))!
  }

  #leave(listener: Listener): void {
    const key = groupKey(listener.group.query, listener.group.ranges)
    const entry = this.#groups.get(key)
    if (!entry) return
    entry.members.delete(listener)
    if (entry.members.size === 0) this.#groups.delete(key)
  }
}
