import { cardOf, type Card } from './board'
import { COLUMNS, columnOf, isAtRisk, nextColumnChangeAt, today, type Column } from './columns'
import { InstantQueue } from './instantQueue'
import { timesOf } from './instants'
import type { FollowUp } from './schema'

/**
 * One follow-up in a column, with what the board derives from it. The card (a copy
 * of the follow-up with the board's fields) is made only when something shows it,
 * so a large board holds no second copy of every follow-up.
 */
export class BoardEntry {
  #card: Card | undefined

  constructor(
    /** The stored follow-up (its parsed instants are cached on it). */
    readonly followUp: FollowUp,
    readonly column: Column,
    readonly atRisk: boolean,
    /** dueAt for open columns, completedAt for Done, as epoch ms. */
    readonly sortAt: number,
  ) {}

  get id(): string {
    return this.followUp.id
  }

  get card(): Card {
    return (this.#card ??= cardOf(this.followUp, this.column, this.atRisk))
  }
}

/** What happened to one card: absent before (added), absent after (removed), or both (changed or moved). */
export interface CardMove {
  id: string
  before?: BoardEntry
  after?: BoardEntry
}

const collator = new Intl.Collator()
const byId = (a: BoardEntry, b: BoardEntry) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/**
 * The order within a column (DESIGN.md): open columns by promised date, then title;
 * Done by most recent completion. The id breaks ties, so the order is total and a
 * card's position can be found by binary search.
 */
export function compareEntries(a: BoardEntry, b: BoardEntry): number {
  if (a.column === 'done') return b.sortAt - a.sortAt || byId(a, b)
  return a.sortAt - b.sortAt || collator.compare(a.followUp.title, b.followUp.title) || byId(a, b)
}

/** The first position in a sorted list whose entry does not come before `entry`. */
export function positionOf(list: readonly BoardEntry[], entry: BoardEntry): number {
  let low = 0
  let high = list.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (compareEntries(list[middle], entry) < 0) low = middle + 1
    else high = middle
  }
  return low
}

export function insertSorted(list: BoardEntry[], entry: BoardEntry): void {
  list.splice(positionOf(list, entry), 0, entry)
}

export function removeSorted(list: BoardEntry[], entry: BoardEntry): void {
  const at = positionOf(list, entry)
  if (list[at] === entry) list.splice(at, 1)
  else {
    // Only if an entry's sort fields were mutated in place, which the store never does.
    const found = list.indexOf(entry)
    if (found >= 0) list.splice(found, 1)
  }
}

function entryOf(followUp: FollowUp, day: ReturnType<typeof today>): BoardEntry {
  const column = columnOf(followUp, day)
  const sortAt = column === 'done' ? Date.parse(followUp.completedAt!) : timesOf(followUp).dueAt
  return new BoardEntry(followUp, column, isAtRisk(followUp, day), sortAt)
}

/**
 * The board as indexes: each column a sorted list, kept up to date by changes
 * (only the cards a change names are looked at) and by time (a queue of each open
 * card's next column-changing instant, so a tick looks only at the cards whose
 * instant came). Built once from the data at start.
 */
export class BoardIndex {
  readonly #entries = new Map<string, BoardEntry>()
  readonly #columns = Object.fromEntries(COLUMNS.map((column) => [column, [] as BoardEntry[]])) as Record<Column, BoardEntry[]>
  readonly #transitions = new InstantQueue()

  constructor(followUps: readonly FollowUp[], now: Date) {
    const day = today(now)
    for (const followUp of followUps) {
      const entry = entryOf(followUp, day)
      this.#entries.set(followUp.id, entry)
      this.#columns[entry.column].push(entry)
      this.#transitions.schedule(followUp.id, nextColumnChangeAt(followUp, day.now))
    }
    for (const column of COLUMNS) this.#columns[column].sort(compareEntries)
  }

  get size(): number {
    return this.#entries.size
  }

  entry(id: string): BoardEntry | undefined {
    return this.#entries.get(id)
  }

  /** A column in board order. Read-only: the index changes it in place on the next change. */
  column(column: Column): readonly BoardEntry[] {
    return this.#columns[column]
  }

  /** The next instant a card changes column by time alone, or null. */
  nextChangeAt(): number | null {
    return this.#transitions.peek()
  }

  /** Applies changed and removed follow-ups; returns what moved, in the order applied. */
  apply(put: readonly FollowUp[], removed: readonly string[], now: Date): CardMove[] {
    const day = today(now)
    const moves: CardMove[] = []
    for (const id of removed) {
      const before = this.#entries.get(id)
      if (!before) continue
      this.#remove(before)
      this.#transitions.schedule(id, null)
      moves.push({ id, before })
    }
    for (const followUp of put) moves.push(this.#put(followUp, day))
    return moves
  }

  /** Moves the cards whose column-changing instant has come; touches no other card. */
  advance(now: Date): CardMove[] {
    const day = today(now)
    const moves: CardMove[] = []
    for (const id of this.#transitions.popDue(day.now)) {
      const current = this.#entries.get(id)
      if (current) moves.push(this.#put(current.followUp, day))
    }
    return moves
  }

  #put(followUp: FollowUp, day: ReturnType<typeof today>): CardMove {
    const current = this.#entries.get(followUp.id)
    const after = entryOf(followUp, day)
    if (current) this.#remove(current)
    this.#entries.set(followUp.id, after)
    insertSorted(this.#columns[after.column], after)
    this.#transitions.schedule(followUp.id, nextColumnChangeAt(followUp, day.now))
    return { id: followUp.id, before: current, after }
  }

  #remove(entry: BoardEntry): void {
    this.#entries.delete(entry.id)
    removeSorted(this.#columns[entry.column], entry)
  }
}
