import type { Timers } from '../../electron/service/alarm'

interface Pending {
  id: number
  at: number
  callback: () => void
}

/**
 * A wall clock and timers under the test's control. `advance` runs time forward
 * firing timers in order, as when the machine is awake; `sleep` moves the wall
 * clock without firing anything, as when a laptop is closed.
 */
export class FakeTime implements Timers {
  #now: number
  #nextId = 1
  #pending: Pending[] = []
  readonly delays: number[] = []

  constructor(start: Date) {
    this.#now = start.getTime()
  }

  now = (): Date => new Date(this.#now)

  get pendingCount(): number {
    return this.#pending.length
  }

  setTimeout(callback: () => void, ms: number): unknown {
    this.delays.push(ms)
    const id = this.#nextId++
    this.#pending.push({ id, at: this.#now + ms, callback })
    return id
  }

  clearTimeout(handle: unknown): void {
    this.#pending = this.#pending.filter((p) => p.id !== handle)
  }

  advance(ms: number): void {
    const end = this.#now + ms
    for (;;) {
      const next = this.#pending.filter((p) => p.at <= end).sort((a, b) => a.at - b.at)[0]
      if (!next) break
      this.#pending = this.#pending.filter((p) => p !== next)
      this.#now = Math.max(this.#now, next.at)
      next.callback()
    }
    this.#now = end
  }

  advanceTo(instant: Date): void {
    this.advance(instant.getTime() - this.#now)
  }

  sleep(ms: number): void {
    this.#now += ms
  }
}
