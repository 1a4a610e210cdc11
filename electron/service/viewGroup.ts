import { addDays, subDays } from 'date-fns'
import type { BoardStatus, ColumnWindow, ViewCard, ViewDelta, ViewQuery, ViewRanges, ViewSnapshot, WindowSplice } from '../contract/view'
import type { Card } from '../core/board'
import { insertSorted, removeSorted, type BoardEntry, type BoardIndex, type CardMove } from '../core/boardIndex'
import { COLUMNS, type Column } from '../core/columns'
import type { FollowUp } from '../core/schema'

/** Days of completions Done shows unless older ones are asked for. */
export const RECENT_DONE_DAYS = 7

/** A delta or snapshot without the listener's own view id and version, so listeners of one group share it. */
export type DeltaBody = Omit<ViewDelta, 'viewId' | 'version'>
export type SnapshotBody = Omit<ViewSnapshot, 'viewId' | 'version'>

type Windows = Record<Column, ColumnWindow>
type Counts = Record<Column, number>

const lightCards = new WeakMap<Card, ViewCard>()

/** A card without its history (views carry light cards); made once per card object, shared by every view. */
export function viewCardOf(card: Card): ViewCard {
  let light = lightCards.get(card)
  if (!light) {
    const { history, ...rest } = card
    light = history.length > 0 ? { ...rest, lastEvent: history[history.length - 1] } : rest
    lightCards.set(card, light)
  }
  return light
}

/** The filters of a query as one predicate, or null when it keeps every card (then the board's own lists serve). */
function matcherOf(query: ViewQuery): ((card: FollowUp) => boolean) | null {
  const needle = query.q?.trim().toLowerCase() ?? ''
  const client = query.client?.trim() ?? ''
  const channel = query.channel
  if (!needle && !client && !channel) return null
  return (card) => {
    if (client && card.client.name !== client) return false
    if (channel && card.channel !== channel) return false
    if (!needle) return true
    return [card.title, card.client.name, card.client.company ?? '', card.notes].some((field) => field.toLowerCase().includes(needle))
  }
}

/** One splice that turns `before` into `after`: the differing middle between their common start and end. */
function spliceBetween(column: Column, before: readonly string[], after: readonly string[]): WindowSplice | null {
  const shorter = Math.min(before.length, after.length)
  let head = 0
  while (head < shorter && before[head] === after[head]) head++
  if (head === before.length && head === after.length) return null
  let tail = 0
  while (tail < shorter - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++
  return { column, index: head, deleteCount: before.length - head - tail, insert: after.slice(head, after.length - tail) }
}

const sameCounts = (a: Counts, b: Counts) => COLUMNS.every((column) => a[column] === b[column])

/**
 * What every listener with one query and one set of ranges sees: the filtered lists
 * (only for a query with filters; otherwise the board's own), and the windows and
 * counts last sent. Listeners share a group, so each delta is computed and
 * serialised once however many tabs show the same view.
 */
export class ViewGroup {
  readonly query: ViewQuery
  readonly ranges: ViewRanges
  readonly #index: BoardIndex
  readonly #matches: ((followUp: FollowUp) => boolean) | null
  readonly #filtered: Record<Column, BoardEntry[]> | null
  #windows: Windows
  #counts: Counts
  #status: BoardStatus
  /** The instant the windows were last computed at (Done's week is counted back from it). */
  #lastNow = new Date(0)

  constructor(index: BoardIndex, query: ViewQuery, ranges: ViewRanges, now: Date, status: BoardStatus) {
    this.#index = index
    this.query = query
    this.ranges = ranges
    this.#matches = matcherOf(query)
    this.#filtered = this.#matches ? this.#filter(this.#matches) : null
    this.#windows = this.#currentWindows(now)
    this.#counts = this.#currentCounts(now)
    this.#status = status
  }

  /** The windows last sent (what every listener of this group holds). */
  get windows(): Windows {
    return this.#windows
  }

  snapshot(): SnapshotBody {
    const ids = COLUMNS.flatMap((column) => this.#windows[column].ids)
    return { counts: this.#counts, windows: this.#windows, cards: ids.map((id) => viewCardOf(this.#index.entry(id)!.card)), status: this.#status }
  }

  /** Brings the group up to date after the board moved `moves` (and time passed); null when its listeners see no difference. */
  advance(moves: readonly CardMove[], now: Date, status: BoardStatus): DeltaBody | null {
    if (this.#filtered) {
      for (const { before, after } of moves) {
        if (before && this.#matches!(before.followUp)) removeSorted(this.#filtered[before.column], before)
        if (after && this.#matches!(after.followUp)) insertSorted(this.#filtered[after.column], after)
      }
    }
    const changed = new Set<string>()
    for (const move of moves) if (move.after) changed.add(move.id)
    const previous = this.#windows
    this.#windows = this.#currentWindows(now)
    const delta: DeltaBody = {}
    const splices = COLUMNS.map((column) => spliceBetween(column, previous[column].ids, this.#windows[column].ids)).filter((s) => s !== null)
    if (splices.length > 0) delta.splices = splices
    Object.assign(delta, this.#cardsBetween(previous, changed))
    const counts = this.#currentCounts(now)
    if (!sameCounts(counts, this.#counts)) delta.counts = this.#counts = counts
    if (status !== this.#status) delta.status = this.#status = status
    return Object.keys(delta).length > 0 ? delta : null
  }

  /** What a listener holding `held` windows needs to reach this group's: whole windows, the cards new to it, the ones it can forget. */
  deltaFrom(held: Windows, status: BoardStatus): DeltaBody {
    const delta: DeltaBody = { windows: this.#windows, counts: this.#counts, ...this.#cardsBetween(held, new Set()) }
    if (status !== this.#status) delta.status = status
    return delta
  }

  /** The next instant the Done window loses a card by age alone, or null. */
  nextExpiryAt(): number | null {
    if (this.query.olderDone) return null
    const done = this.#list('done')
    const visible = this.#visibleLength('done', this.#lastNow)
    if (visible === 0) return null
    return addDays(new Date(done[visible - 1].sortAt), RECENT_DONE_DAYS).getTime() + 1
  }

  #cardsBetween(previous: Windows, changed: ReadonlySet<string>): Pick<DeltaBody, 'cards' | 'removed'> {
    const before = new Set(COLUMNS.flatMap((column) => previous[column].ids))
    const after = new Set(COLUMNS.flatMap((column) => this.#windows[column].ids))
    const cards = [...after].filter((id) => !before.has(id) || changed.has(id)).map((id) => viewCardOf(this.#index.entry(id)!.card))
    const removed = [...before].filter((id) => !after.has(id))
    return { ...(cards.length > 0 ? { cards } : {}), ...(removed.length > 0 ? { removed } : {}) }
  }

  #filter(matches: (followUp: FollowUp) => boolean): Record<Column, BoardEntry[]> {
    return Object.fromEntries(COLUMNS.map((column) => [column, this.#index.column(column).filter((entry) => matches(entry.followUp))])) as Record<Column, BoardEntry[]>
  }

  #list(column: Column): readonly BoardEntry[] {
    return this.#filtered ? this.#filtered[column] : this.#index.column(column)
  }

  /** Done shows the last week's completions unless asked for older ones; Done is newest first, so they are a prefix. */
  #visibleLength(column: Column, now: Date): number {
    const list = this.#list(column)
    if (column !== 'done' || this.query.olderDone) return list.length
    const cutoff = subDays(now, RECENT_DONE_DAYS).getTime()
    let low = 0
    let high = list.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (list[middle].sortAt >= cutoff) low = middle + 1
      else high = middle
    }
    return low
  }

  #currentWindows(now: Date): Windows {
    this.#lastNow = now
    return Object.fromEntries(
      COLUMNS.map((column) => {
        const { start, end } = this.ranges[column]
        const stop = Math.min(end, this.#visibleLength(column, now))
        const ids = start < stop ? this.#list(column).slice(start, stop).map((entry) => entry.id) : []
        return [column, { start, ids }]
      }),
    ) as Windows
  }

  #currentCounts(now: Date): Counts {
    return Object.fromEntries(COLUMNS.map((column) => [column, this.#visibleLength(column, now)])) as Counts
  }
}
