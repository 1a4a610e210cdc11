import { setFlagsFromString } from 'node:v8'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { runInNewContext } from 'node:vm'
import type { Data } from '../core/schema'
import { shareRepeatedStrings } from '../store/sharedStrings'

/**
 * Runs a full garbage collection now. Opening the data leaves the file's text and the
 * parse's copies behind (about 2× the file: 250 MB at 100,000 follow-ups), and V8 frees
 * them only at its next major collection, which an idle app may not reach for minutes:
 * the shells call this once the data is open and indexed, so the app does not hold that
 * memory while it waits for the person. Node exposes `gc` only behind a flag; the flag
 * set at run time takes effect in a new context, where `gc` is then defined.
 */
export function collectGarbage(): void {
  const exposed = (globalThis as { gc?: () => void }).gc
  if (exposed) return exposed()
  try {
    setFlagsFromString('--expose-gc')
    ;(runInNewContext('gc') as () => void)()
  } catch {
    // A runtime that keeps `gc` hidden: nothing is lost, V8 frees it at its next major collection.
  }
}

/** At most this many full collections after the open; each moves more live objects together. */
const MAX_SETTLING_COLLECTIONS = 6

/**
 * What the shells run once the data is open and the app is ready: the data's repeated
 * strings are shared (a slice at a time, commands go first), then full collections free
 * the open's leftovers and the copies the sharing let go. One collection frees them but
 * leaves the heap's pages half-empty (V8 moves only some of the scattered survivors
 * together per collection, and gives back only empty pages), so collections repeat,
 * each in its own turn of the event loop, while they still give memory back: at 100,000
 * follow-ups the heap went from 406 to 233 MB after three more.
 */
export async function settleMemoryAfterOpen(data: Data): Promise<void> {
  try {
    await shareRepeatedStrings(data)
  } catch (error) {
    // Only memory is at stake: the app goes on with the strings as parsed.
    console.warn(`Follow Through: could not share the data's repeated strings (${(error as Error).message}).`)
  }
  let heap = process.memoryUsage().heapTotal
  for (let round = 0; round < MAX_SETTLING_COLLECTIONS; round++) {
    collectGarbage()
    const after = process.memoryUsage().heapTotal
    if (after > heap * 0.97) return
    heap = after
    await nextTurn()
  }
}
