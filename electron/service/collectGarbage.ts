import { getHeapStatistics, setFlagsFromString } from 'node:v8'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { runInNewContext } from 'node:vm'
import type { Data } from '../core/schema'
import { shareRepeatedStrings } from '../store/sharedStrings'

/** V8's `gc`, once found: Node exposes it only behind a flag. */
let exposedGc: (() => void) | null | undefined

function findGc(): (() => void) | null {
  const exposed = (globalThis as { gc?: () => void }).gc
  if (exposed) return exposed
  try {
    // The flag set at run time takes effect in a new context, where `gc` is then defined.
    setFlagsFromString('--expose-gc')
    return runInNewContext('gc') as () => void
  } catch {
    return null
  }
}

/**
 * Runs a full garbage collection now. Opening the data leaves the file's text and the
 * parse's copies behind (about 2× the file: 250 MB at 100,000 follow-ups), and V8 frees
 * them only at its next major collection, which an idle app may not reach for minutes.
 * Where a runtime keeps `gc` hidden this does nothing: V8 frees it at its next major collection.
 */
export function collectGarbage(): void {
  exposedGc ??= findGc()
  exposedGc?.()
}

/** The heap as settling sees it: a full collection, and the size V8 holds for it. */
export interface Heap {
  collect(): void
  size(): number
}
const V8_HEAP: Heap = { collect: collectGarbage, size: () => getHeapStatistics().total_heap_size }

/** At most this many full collections after the open; each moves more live objects together. */
const MAX_SETTLING_COLLECTIONS = 6

/**
 * What the shells run once the data is open and the app is ready: the data's repeated
 * strings are shared (a slice at a time, commands go first), then full collections free
 * the open's leftovers and the copies the sharing let go. One collection frees them but
 * leaves the heap's pages half-empty (V8 moves only some of the scattered survivors
 * together per collection, and gives back only empty pages), so collections repeat,
 * each in its own turn of the event loop, while they still give memory back: at 100,000
 * follow-ups the heap went from 406 to 233 MB after three more. Never rejects: only
 * memory is at stake, and the app goes on as it is.
 */
export async function settleMemoryAfterOpen(data: Data, heap: Heap = V8_HEAP): Promise<void> {
  try {
    await shareRepeatedStrings(data)
  } catch (error) {
    console.warn(`Follow Through: could not share the data's repeated strings (${(error as Error).message}).`)
  }
  try {
    let size = heap.size()
    for (let round = 0; round < MAX_SETTLING_COLLECTIONS; round++) {
      heap.collect()
      const after = heap.size()
      if (after > size * 0.97) return
      size = after
      await nextTurn()
    }
  } catch (error) {
    console.warn(`Follow Through: could not collect garbage after the open (${(error as Error).message}).`)
  }
}
