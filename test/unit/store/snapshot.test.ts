import { describe, expect, it } from 'vitest'
import { sha256, sha256InSlices } from '../../../electron/store/checksum'
import { serializeInSlices } from '../../../electron/store/snapshot'
import { emptyData, type Data } from '../../../electron/core/schema'
import { makeFollowUp } from '../../fixtures/followUps'

const board = (count: number): Data => ({ ...emptyData(), followUps: Array.from({ length: count }, (_, i) => makeFollowUp(i)) })

describe('the data file written in pieces', () => {
  it('joins into exactly what JSON.stringify gives, for large, empty and nearly empty data', async () => {
    for (const data of [board(4_500), board(1), emptyData(), { ...emptyData(), sync: undefined }]) {
      expect((await serializeInSlices(data)).join('')).toBe(JSON.stringify(data))
    }
  })

  it('never holds the whole text in one string, and lets the event loop run while it builds', async () => {
    const data = board(4_500)
    let ranMeanwhile = false
    setImmediate(() => (ranMeanwhile = true))
    const pieces = await serializeInSlices(data)
    expect(ranMeanwhile).toBe(true)
    const whole = JSON.stringify(data).length
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(whole / 2)
  })

  it('hashes the pieces to the hash of the text they make', async () => {
    const pieces = await serializeInSlices(board(2_500))
    expect(await sha256InSlices(pieces)).toBe(sha256(pieces.join('')))
  })
})
