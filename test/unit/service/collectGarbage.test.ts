import { PerformanceObserver, constants } from 'node:perf_hooks'
import { expect, it } from 'vitest'
import { collectGarbage } from '../../../electron/service/collectGarbage'

/** Resolves with the kinds of the garbage collections the process reports while `run` runs. */
async function collectionsDuring(run: () => void): Promise<number[]> {
  const kinds: number[] = []
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) kinds.push((entry as unknown as { detail: { kind: number } }).detail.kind)
  })
  observer.observe({ entryTypes: ['gc'] })
  run()
  // GC entries are queued to the observer after the collection: wait for the one we caused.
  await new Promise((resolve) => setImmediate(resolve))
  await new Promise((resolve) => setTimeout(resolve, 0))
  observer.disconnect()
  return kinds
}

it('frees what the data file left behind at once, with a full collection, without a command-line flag', async () => {
  expect((globalThis as { gc?: unknown }).gc).toBeUndefined()
  // What opening a file leaves behind: its text and a parsed copy, no longer referenced.
  let left: unknown[] | undefined = JSON.parse(JSON.stringify(Array.from({ length: 300_000 }, (_, i) => ({ id: `fu-${i}`, title: `Follow-up number ${i}` }))))
  const before = process.memoryUsage().heapUsed
  expect(left).toHaveLength(300_000)
  left = undefined
  const kinds = await collectionsDuring(collectGarbage)
  expect(kinds).toContain(constants.NODE_PERFORMANCE_GC_MAJOR)
  expect(process.memoryUsage().heapUsed).toBeLessThan(before - 40_000_000)
  // A second call works too (the flag is set once).
  expect(await collectionsDuring(collectGarbage)).toContain(constants.NODE_PERFORMANCE_GC_MAJOR)
})
