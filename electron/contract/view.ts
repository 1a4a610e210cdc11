/**
 * The board's view/delta protocol (DESIGN.md: "sends each window deltas, never the
 * whole board per change"). Types and pure helpers only, free of zod, so the renderer
 * and the sandboxed preload can share them; the service implements it and both
 * transports (IPC, SSE) carry it.
 *
 * A view is what one window shows: a query (filters) and, per column, the range of
 * positions it renders. The service answers with a snapshot (counts + the cards in
 * those ranges), then sends one delta per change with version = previous + 1. A
 * listener that sees a gap asks for a fresh snapshot (resync), the way Replicache's
 * clients pull when they are behind.
 *
 * Usage (renderer; `api.openView` exists on both bridges, IPC and HTTP/SSE):
 *
 *   let state: ViewState | null = null
 *   const view = api.openView(query, ranges, (message) => {
 *     state = message.type === 'snapshot' ? viewStateFrom(message.snapshot) : applyDelta(state!, message.delta)
 *     render(state)
 *   })
 *   view.update({ ranges })          // scrolled: a delta with the new windows follows
 *   view.update({ query })           // filters changed: a fresh snapshot follows
 *   view.close()
 *
 * The bridge checks versions itself: on a gap it asks for a resync and passes on the
 * snapshot that follows, so a listener only ever sees a snapshot or the next delta.
 * Cards in views are light (no history); `api.getFollowUp({ id })` gives the whole
 * follow-up for details. Commands (complete, snooze, …) reply with their result; the
 * board changes arrive as deltas on the view, never by fetching the board again.
 */
import type { AwayList, Card } from '../core/board'
import type { AppError } from '../core/errors'
import type { HistoryEvent } from '../core/schema'
import type { Column } from '../core/columns'
import type { Channel } from '../core/schema'

/** The longest search text or client name a view's query takes (the search box, and filters read from the address, stop there). */
export const FILTER_MAX_LENGTH = 200

/** Filters are queries to the service, never applied in the renderer. */
export interface ViewQuery {
  /** Free text, matched against title, client, company, notes. */
  q?: string
  client?: string
  channel?: Channel
  /** Done shows the last 7 days unless this is set. */
  olderDone?: boolean
}

/** Positions [start, end) in a column's order that the window renders (plus overscan). */
export interface ColumnRange {
  start: number
  end: number
}
export type ViewRanges = Record<Column, ColumnRange>

/**
 * A card as views carry it: everything the board shows, without the history (3–10
 * events, most of a card's bytes). `getFollowUp` gives the whole follow-up.
 */
export type ViewCard = Omit<Card, 'history'> & {
  /** The newest history event, for a card that shows "last: …". */
  lastEvent?: HistoryEvent
}

/** What the board shows besides the cards: the same for every view. */
export interface BoardStatus {
  generatedAt: string
  readOnly: boolean
  notices: string[]
  away?: AwayList
}

/** The ids at positions start… of one column, as the window last received them. */
export interface ColumnWindow {
  start: number
  ids: string[]
}

export interface ViewSnapshot {
  viewId: string
  version: number
  counts: Record<Column, number>
  windows: Record<Column, ColumnWindow>
  /** Every card named in the windows. */
  cards: ViewCard[]
  status: BoardStatus
}

/** One splice of a column window's id list, relative to the window's start; applied in order. */
export interface WindowSplice {
  column: Column
  index: number
  deleteCount: number
  insert: string[]
}

export interface ViewDelta {
  viewId: string
  /** Exactly one more than the version the listener last saw; anything else means resync. */
  version: number
  counts?: Record<Column, number>
  /** Windows replaced whole (the ranges changed: scrolling); applied before the splices. */
  windows?: Partial<Record<Column, ColumnWindow>>
  /** Moves in and out of the windows: cards added, removed and moved. */
  splices?: WindowSplice[]
  /** Cards new to the windows or changed. */
  cards?: ViewCard[]
  /** Ids that left every window: the listener may forget them. */
  removed?: string[]
  status?: BoardStatus
}

/** What the service pushes on a view. */
export type ViewMessage = { type: 'snapshot'; snapshot: ViewSnapshot } | { type: 'delta'; delta: ViewDelta }

/** What a listener hears: the pushes, or the bridge's word that the view was refused (nothing will follow). */
export type ViewEvent = ViewMessage | { type: 'refused'; error: AppError }

/** What a listener does with its view: change the ranges (scrolling) or the query (filters), or stop. */
export interface ViewHandle {
  update(change: { query?: ViewQuery; ranges?: ViewRanges }): void
  close(): void
}

/** Opens a view; the listener gets the snapshot, then every delta in order (gaps are resynced by the bridge). */
export type OpenView = (query: ViewQuery, ranges: ViewRanges, listener: (event: ViewEvent) => void) => ViewHandle

/** A listener's copy of its view, built from a snapshot and kept by deltas. */
export interface ViewState {
  viewId: string
  version: number
  counts: Record<Column, number>
  windows: Record<Column, ColumnWindow>
  cards: Map<string, ViewCard>
  status: BoardStatus
}

export const viewStateFrom = (snapshot: ViewSnapshot): ViewState => ({
  viewId: snapshot.viewId,
  version: snapshot.version,
  counts: snapshot.counts,
  windows: snapshot.windows,
  cards: new Map(snapshot.cards.map((card) => [card.id, card])),
  status: snapshot.status,
})

/** True when a delta follows the state directly; anything else means resync. */
export const followsOn = (state: { viewId: string; version: number }, delta: ViewDelta): boolean =>
  delta.viewId === state.viewId && delta.version === state.version + 1

/**
 * The state after a delta (a new object; unchanged parts are shared, so a card that did
 * not change keeps its identity and a memoised row does not re-render). Null on a gap.
 */
export function applyDelta(state: ViewState, delta: ViewDelta): ViewState | null {
  if (!followsOn(state, delta)) return null
  const windows = applySplices({ ...state.windows, ...delta.windows }, delta.splices ?? [])
  let cards = state.cards
  if (delta.cards?.length || delta.removed?.length) {
    cards = new Map(cards)
    for (const id of delta.removed ?? []) cards.delete(id)
    for (const card of delta.cards ?? []) cards.set(card.id, card)
  }
  return { ...state, version: delta.version, counts: delta.counts ?? state.counts, windows, cards, status: delta.status ?? state.status }
}

/** Applies a delta's splices to windows (pure; shared by the renderer and tests). */
export function applySplices(windows: Record<Column, ColumnWindow>, splices: readonly WindowSplice[]): Record<Column, ColumnWindow> {
  const next = { ...windows }
  for (const splice of splices) {
    const ids = [...next[splice.column].ids]
    ids.splice(splice.index, splice.deleteCount, ...splice.insert)
    next[splice.column] = { ...next[splice.column], ids }
  }
  return next
}
