/** How far the wall clock may drift from the monotonic clock before it counts as a jump. */
const JUMP_TOLERANCE_MS = 90_000

export type ClockJump = 'back' | 'ahead' | null

/**
 * Notices the wall clock jumping (set by hand, a wrong NTP answer, a VM restored)
 * by watching its offset from a monotonic clock, which only moves forward with
 * real time (and may pause in sleep, which reads as "ahead", never "back").
 */
export class ClockJumpWatch {
  readonly #wall: () => number
  readonly #monotonic: () => number
  #offset: number

  constructor(wall: () => number = Date.now, monotonic: () => number = () => performance.now()) {
    this.#wall = wall
    this.#monotonic = monotonic
    this.#offset = wall() - monotonic()
  }

  /** Which way the wall clock jumped since the last check, if it did. */
  check(): ClockJump {
    const offset = this.#wall() - this.#monotonic()
    const drift = offset - this.#offset
    this.#offset = offset
    if (drift < -JUMP_TOLERANCE_MS) return 'back'
    if (drift > JUMP_TOLERANCE_MS) return 'ahead'
    return null
  }
}
