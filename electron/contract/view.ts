/**
 * The board's view/delta protocol (DESIGN.md: "sends each window deltas, never the
 * whole board per change"). Types only, so the renderer and the sandboxed preload
 * can share them; the service implements it and both transports (IPC, SSE) carry it.
 *
 * A view is what one window shows: a query (filters) and, per column, the range of
 * positions it renders. The service answers with a snapshot (counts + the cards in
 * those ranges), then sends one delta per change with version = previous + 1. A
 * listener that sees a gap asks for a fresh snapshot (resync), the way Replicache's
 * clients pull when they are behind.
 */
import type { Card } from '../core/board'
import type { Column } from '../core/columns'
import type { Channel } from '../core/schema'

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

/** What the board shows besides the cards: the same for every view. */
export interface BoardStatus {
  generatedAt: string
  readOnly: boolean
  notices: string[]
  away?: { ids: string[]; since: string }
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
  cards: Card[]
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
  /** Moves in and out of the windows: cards added, removed and moved. */
  splices?: WindowSplice[]
  /** Cards new to the windows or changed. */
  cards?: Card[]
  /** Ids that left every window: the listener may forget them. */
  removed?: string[]
  status?: BoardStatus
}

export type ViewMessage = { type: 'snapshot'; snapshot: ViewSnapshot } | { type: 'delta'; delta: ViewDelta }

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
