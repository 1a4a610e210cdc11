/** Longest single timer: Node fires delays over 2^31-1 ms at once, and timers stall in sleep. */
export const MAX_TIMER_MS = 60_000

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

/**
 * Fires once the wall clock reaches an instant. It never trusts one long timer:
 * it wakes at least every minute and compares against the wall clock, so sleep,
 * clock changes and DST cost at most a minute, and `check()` (on resume) costs none.
 */
export class WallClockAlarm {
  #at: Date | null = null
  #handle: unknown = null
  readonly #now: () => Date
  readonly #onFire: () => void
  readonly #timers: Timers

  constructor(now: () => Date, onFire: () => void, timers: Timers = realTimers) {
    this.#now = now
    this.#onFire = onFire
    this.#timers = timers
  }

  /** The instant to fire at; null disarms. */
  set(at: Date | null): void {
    this.#at = at
    this.#arm()
  }

  /** Re-reads the wall clock now, e.g. after the machine wakes. */
  check(): void {
    this.#arm()
  }

  stop(): void {
    this.#at = null
    this.#arm()
  }

  #arm(): void {
    if (this.#handle !== null) this.#timers.clearTimeout(this.#handle)
    this.#handle = null
    if (this.#at === null) return
    const remaining = this.#at.getTime() - this.#now().getTime()
    if (remaining <= 0) {
      this.#at = null
      this.#onFire()
      return
    }
    this.#handle = this.#timers.setTimeout(() => {
      this.#handle = null
      this.#arm()
    }, Math.min(remaining, MAX_TIMER_MS))
  }
}
