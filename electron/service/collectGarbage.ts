import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

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
