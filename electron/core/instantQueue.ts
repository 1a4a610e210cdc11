/**
 * Ids keyed by the next instant something happens to them (a column change, a
 * reminder), earliest first. A binary heap with lazy deletion: rescheduling pushes
 * a new entry and the old one is skipped when it surfaces, so a change costs
 * O(log n) and a tick pops only what is due. Hand-written because the few heap
 * packages around either lack keyed rescheduling or pull in more than these lines.
 */
export class InstantQueue {
  readonly #at: number[] = []
  readonly #ids: string[] = []
  /** The live instant of each scheduled id; heap entries that disagree are stale. */
  readonly #live = new Map<string, number>()

  get size(): number {
    return this.#live.size
  }

  /** Schedules `id` at `at`, replacing any earlier schedule; null unschedules. */
  schedule(id: string, at: number | null): void {
    if (at === null || !Number.isFinite(at)) {
      this.#live.delete(id)
      return
    }
    if (this.#live.get(id) === at) return
    this.#live.set(id, at)
    this.#push(at, id)
    // Stale entries pile up under rescheduling: rebuild once they outnumber the live ones.
    if (this.#at.length > 64 && this.#at.length > 2 * this.#live.size) this.#rebuild()
  }

  /** The earliest live instant, or null when nothing is scheduled. */
  peek(): number | null {
    this.#dropStale()
    return this.#at.length === 0 ? null : this.#at[0]
  }

  /** Removes and returns every id whose instant is at or before `now`, earliest first. */
  popDue(now: number): string[] {
    const due: string[] = []
    for (;;) {
      this.#dropStale()
      if (this.#at.length === 0 || this.#at[0] > now) return due
      const id = this.#ids[0]
      this.#live.delete(id)
      this.#pop()
      due.push(id)
    }
  }

  clear(): void {
    this.#at.length = 0
    this.#ids.length = 0
    this.#live.clear()
  }

  #dropStale(): void {
    while (this.#at.length > 0 && this.#live.get(this.#ids[0]) !== this.#at[0]) this.#pop()
  }

  #rebuild(): void {
    this.#at.length = 0
    this.#ids.length = 0
    for (const [id, at] of this.#live) this.#push(at, id)
  }

  #push(at: number, id: string): void {
    let i = this.#at.length
    this.#at.push(at)
    this.#ids.push(id)
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (this.#at[parent] <= at) break
      this.#at[i] = this.#at[parent]
      this.#ids[i] = this.#ids[parent]
      i = parent
    }
    this.#at[i] = at
    this.#ids[i] = id
  }

  #pop(): void {
    const lastAt = this.#at.pop()!
    const lastId = this.#ids.pop()!
    const n = this.#at.length
    if (n === 0) return
    let i = 0
    for (;;) {
      const left = 2 * i + 1
      if (left >= n) break
      const child = left + 1 < n && this.#at[left + 1] < this.#at[left] ? left + 1 : left
      if (this.#at[child] >= lastAt) break
      this.#at[i] = this.#at[child]
      this.#ids[i] = this.#ids[child]
      i = child
    }
    this.#at[i] = lastAt
    this.#ids[i] = lastId
  }
}
