import type { Column } from '../../electron/contract'
import {
  applySplices,
  type BoardStatus,
  type ColumnRange,
  type ColumnWindow,
  type ViewDelta,
  type ViewEvent,
  type ViewQuery,
  type ViewRanges,
  type ViewSnapshot,
} from '../../electron/contract/view'

export const VIEW_COLUMNS: readonly Column[] = ['promised', 'due', 'overdue', 'done']

/** A card as a view carries it. */
export type BoardCard = ViewSnapshot['cards'][number]

/** An open view: new filters or ranges, or stop. */
export interface ViewHandle {
  update(change: { query?: ViewQuery; ranges?: ViewRanges }): void
  close(): void
}
/** How a view is opened (the bridge's `openView`, IPC or HTTP + SSE; tests pass a fake). */
export type OpenView = (query: ViewQuery, ranges: ViewRanges, listener: (event: ViewEvent) => void) => ViewHandle

const EMPTY_WINDOW: ColumnWindow = { start: 0, ids: [] }
const zeroCounts = (): Record<Column, number> => ({ promised: 0, due: 0, overdue: 0, done: 0 })
const emptyWindows = (): Record<Column, ColumnWindow> => ({ promised: EMPTY_WINDOW, due: EMPTY_WINDOW, overdue: EMPTY_WINDOW, done: EMPTY_WINDOW })
const sameRange = (a: ColumnRange, b: ColumnRange) => a.start === b.start && a.end === b.end
const sameWindow = (a: ColumnWindow, b: ColumnWindow) => a.start === b.start && a.ids.length === b.ids.length && a.ids.every((id, i) => id === b.ids[i])
/** Cards are plain JSON from the service: equal text means nothing on screen changes. */
const sameCard = (a: BoardCard, b: BoardCard) => JSON.stringify(a) === JSON.stringify(b)

/** How long range changes are gathered before they are sent: a fast scroll sends about one per frame. */
const RANGE_PAUSE_MS = 16

/**
 * The renderer's copy of one board view: counts, the ids in each column's window and
 * the cards named there. A snapshot replaces it; a delta with the next version patches
 * it; any other version means a message was missed, so the view is asked afresh
 * (Replicache's "resync on gap"). Components read it through `useSyncExternalStore`
 * with selectors; a changed piece is a new object and every other piece keeps its
 * identity, so a change to one card re-renders that card (and the counts) alone.
 */
export class ViewStore {
  readonly #openView: OpenView
  #listeners = new Set<() => void>()
  #handle: ViewHandle | undefined
  #viewId: string | undefined
  #version = 0
  #counts = zeroCounts()
  #windows = emptyWindows()
  #cards = new Map<string, BoardCard>()
  #status: BoardStatus | null = null
  #query: ViewQuery
  #ranges: ViewRanges
  #pendingRanges: ViewRanges | undefined
  #rangeTimer: ReturnType<typeof setTimeout> | undefined
  #resyncing = false
  #refusal: string | null = null

  constructor(openView: OpenView, query: ViewQuery, ranges: ViewRanges) {
    this.#openView = openView
    this.#query = query
    this.#ranges = ranges
  }

  /** Opens the view (unless it is open already); its snapshot and deltas arrive through `receive`. */
  start(): void {
    if (this.#handle) return
    this.#handle = this.#openView(this.#query, this.#ranges, (message) => this.receive(message))
  }

  stop(): void {
    clearTimeout(this.#rangeTimer)
    this.#rangeTimer = undefined
    this.#handle?.close()
    this.#handle = undefined
  }

  // Reading: stable identities for useSyncExternalStore.
  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }
  get version(): number {
    return this.#version
  }
  get status(): BoardStatus | null {
    return this.#status
  }
  /** Why the view could not be opened, in words; null while it is open or opening. */
  get refusal(): string | null {
    return this.#refusal
  }
  get ranges(): ViewRanges {
    return this.#pendingRanges ?? this.#ranges
  }
  counts(): Record<Column, number> {
    return this.#counts
  }
  window(column: Column): ColumnWindow {
    return this.#windows[column]
  }
  card(id: string): BoardCard | undefined {
    return this.#cards.get(id)
  }
  /** Every card the view has sent and not yet taken back. */
  cards(): Iterable<BoardCard> {
    return this.#cards.values()
  }
  /** Where a card sits in the windows, if it is in one. */
  positionOf(id: string): { column: Column; index: number } | undefined {
    for (const column of VIEW_COLUMNS) {
      const at = this.#windows[column].ids.indexOf(id)
      if (at !== -1) return { column, index: this.#windows[column].start + at }
    }
    return undefined
  }

  // Writing.
  /** New filters: the service answers with a fresh snapshot, from the top of every column. */
  setQuery(query: ViewQuery): void {
    if (JSON.stringify(query) === JSON.stringify(this.#query)) return
    this.#query = query
    const ranges = Object.fromEntries(VIEW_COLUMNS.map((c) => [c, { start: 0, end: this.ranges[c].end - this.ranges[c].start }])) as ViewRanges
    this.#pendingRanges = undefined
    this.#ranges = ranges
    this.#handle?.update({ query, ranges })
  }

  /** A column scrolled: asks for its new range, gathered with others over a short pause. */
  setRange(column: Column, range: ColumnRange): void {
    const current = this.ranges
    if (sameRange(current[column], range)) return
    this.#pendingRanges = { ...current, [column]: range }
    this.#rangeTimer ??= setTimeout(() => {
      this.#rangeTimer = undefined
      const ranges = this.#pendingRanges
      this.#pendingRanges = undefined
      if (!ranges) return
      this.#ranges = ranges
      this.#handle?.update({ ranges })
    }, RANGE_PAUSE_MS)
  }

  /** A message from the service: a snapshot of the view, or a delta; or the bridge's word that it was refused. */
  receive(message: ViewEvent): void {
    if (message.type === 'refused') {
      this.#refusal = message.error.message
      this.#handle = undefined
      return this.#emit()
    }
    if (message.type === 'snapshot') return this.#applySnapshot(message.snapshot)
    const delta = message.delta
    if (this.#viewId === undefined || delta.viewId !== this.#viewId || delta.version <= this.#version || this.#resyncing) return
    if (delta.version !== this.#version + 1) return this.#resync()
    this.#applyDelta(delta)
    this.#emit()
  }

  /** A version was missed: what we hold can no longer be patched, so ask for the view afresh. */
  #resync(): void {
    this.#resyncing = true
    this.#handle?.update({ query: this.#query, ranges: this.ranges })
  }

  #applySnapshot(snapshot: ViewSnapshot): void {
    this.#resyncing = false
    this.#viewId = snapshot.viewId
    this.#version = snapshot.version
    this.#counts = snapshot.counts
    this.#replaceWindows(snapshot.windows)
    // Cards that did not change keep their identity, so their components do not re-render.
    const cards = new Map<string, BoardCard>()
    for (const card of snapshot.cards) {
      const known = this.#cards.get(card.id)
      cards.set(card.id, known && sameCard(known, card) ? known : card)
    }
    this.#cards = cards
    this.#status = snapshot.status
    this.#emit()
  }

  #replaceWindows(next: Partial<Record<Column, ColumnWindow>>): void {
    const windows = { ...this.#windows }
    for (const column of VIEW_COLUMNS) {
      const window = next[column]
      if (window && !sameWindow(window, windows[column])) windows[column] = window
    }
    this.#windows = windows
  }

  #applyDelta(delta: ViewDelta & { windows?: Partial<Record<Column, ColumnWindow>> }): void {
    this.#version = delta.version
    if (delta.counts) this.#counts = delta.counts
    if (delta.windows) this.#replaceWindows(delta.windows)
    if (delta.splices?.length) this.#windows = applySplices(this.#windows, delta.splices)
    if (delta.cards?.length || delta.removed?.length) {
      const cards = new Map(this.#cards)
      for (const id of delta.removed ?? []) cards.delete(id)
      for (const card of delta.cards ?? []) cards.set(card.id, card)
      this.#cards = cards
    }
    if (delta.status) this.#status = delta.status
  }

  #emit(): void {
    for (const listener of this.#listeners) listener()
  }
}
