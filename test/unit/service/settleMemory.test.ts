import { expect, it } from 'vitest'
import { collectGarbage, settleMemoryAfterOpen } from '../../../electron/service/collectGarbage'
import type { Data } from '../../../electron/core/schema'
import { heavyBoardData } from '../../bench/heavyBoard'

it('settling after the open gives back the heap the open left half-empty', async () => {
  const text = JSON.stringify(heavyBoardData(30_000, Date.parse('2026-11-23T09:00:00Z')))
  const data = JSON.parse(text) as Data
  collectGarbage()
  const afterOneCollection = process.memoryUsage().heapTotal
  await settleMemoryAfterOpen(data)
  const settled = process.memoryUsage().heapTotal
  expect(settled).toBeLessThan(afterOneCollection * 0.8)
  expect(JSON.stringify(data)).toBe(text)
})
