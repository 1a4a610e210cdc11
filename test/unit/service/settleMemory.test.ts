import { describe, expect, it, vi } from 'vitest'
import { settleMemoryAfterOpen, type Heap } from '../../../electron/service/collectGarbage'
import type { Data } from '../../../electron/core/schema'
import { emptyData } from '../../../electron/core/schema'
import { makeFollowUp } from '../../fixtures/followUps'

/** A heap whose size after each collection is the next of `sizes` (MB); it counts the collections. */
function scriptedHeap(start: number, sizes: number[]): Heap & { collections: number } {
  let current = start
  const heap = {
    collections: 0,
    collect() {
      current = sizes[heap.collections] ?? current
      heap.collections++
    },
    size: () => current * 1e6,
  }
  return heap
}

const someData = (): Data => ({ ...emptyData(), followUps: [makeFollowUp(1), makeFollowUp(2)] })

describe('settling memory after the open', () => {
  it('collects again while a collection still gives memory back, and stops at the first that does not', async () => {
    // As measured at 100,000 follow-ups: V8 compacts some half-empty pages per collection.
    const heap = scriptedHeap(447, [406, 303, 258, 233, 232])
    await settleMemoryAfterOpen(someData(), heap)
    expect(heap.collections).toBe(5)
  })

  it('collects once when that gives nothing more back', async () => {
    const heap = scriptedHeap(100, [99])
    await settleMemoryAfterOpen(someData(), heap)
    expect(heap.collections).toBe(1)
  })

  it('stops after six collections even if each still gives a little back', async () => {
    const heap = scriptedHeap(1000, [900, 800, 700, 600, 500, 400, 300, 200])
    await settleMemoryAfterOpen(someData(), heap)
    expect(heap.collections).toBe(6)
  })

  it('never fails the app: data it cannot walk is left as it is, and the open leftovers still go', async () => {
    const heap = scriptedHeap(100, [99])
    const unwalkable = { contacts: [], followUps: null } as unknown as Data
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    await expect(settleMemoryAfterOpen(unwalkable, heap)).resolves.toBeUndefined()
    expect(heap.collections).toBe(1)
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("could not share the data's repeated strings"))
    warn.mockRestore()
  })

  it('never fails the app when the heap cannot be read', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const unreadable: Heap = { collect() {}, size: () => { throw new Error('no heap statistics') } }
    await expect(settleMemoryAfterOpen(someData(), unreadable)).resolves.toBeUndefined()
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('no heap statistics'))
    warn.mockRestore()
  })
})
