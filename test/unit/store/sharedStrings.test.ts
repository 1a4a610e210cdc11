import { describe, expect, it } from 'vitest'
import { collectGarbage } from '../../../electron/service/collectGarbage'
import { shareRepeatedStrings } from '../../../electron/store/sharedStrings'
import type { Data } from '../../../electron/core/schema'
import { heavyBoardData } from '../../bench/heavyBoard'

const NOW = Date.parse('2026-11-23T09:00:00Z')

function heapUsed(): number {
  collectGarbage()
  return process.memoryUsage().heapUsed
}

describe('repeated strings in the opened data', () => {
  it('are shared, so the open data takes much less memory, and every value stays the same', async () => {
    const text = JSON.stringify(heavyBoardData(20_000, NOW))
    const empty = heapUsed()
    const data = JSON.parse(text) as Data
    const parsed = heapUsed() - empty

    const replaced = await shareRepeatedStrings(data)

    const shared = heapUsed() - empty
    // Timestamps, event types, currencies and client details repeat in every follow-up.
    expect(replaced).toBeGreaterThan(20_000 * 10)
    expect(shared).toBeLessThan(parsed * 0.75)
    expect(JSON.stringify(data)).toBe(text)
  })

  it('lets other work in while it walks a large board', async () => {
    const data = JSON.parse(JSON.stringify(heavyBoardData(5_000, NOW))) as Data
    let turnsDuringWalk = 0
    let walking = true
    const countTurns = () => {
      if (!walking) return
      turnsDuringWalk++
      setImmediate(countTurns)
    }
    setImmediate(countTurns)
    await shareRepeatedStrings(data, 0)
    walking = false
    expect(turnsDuringWalk).toBeGreaterThan(5)
  })
})
