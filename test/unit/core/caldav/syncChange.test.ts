import { describe, expect, it } from 'vitest'
import { applyChange, diffData, isEmptyChange } from '../../../../electron/core/dataDiff'
import { Data, emptyData, type SyncState } from '../../../../electron/core/schema'

const SYNC: SyncState = { enabled: true, serverUrl: 'https://dav.example.com/', username: 'alice', items: {}, flags: [], unlinked: [] }

describe('the calendar sync state in a data change', () => {
  it('travels with the change when it is set, replaced or dropped, so a journal replays it', () => {
    const before = emptyData()
    const linked = { ...before, sync: SYNC }
    const set = diffData(before, linked)
    expect(set.sync).toBe(SYNC)
    expect(isEmptyChange(set)).toBe(false)
    expect(applyChange(before, set).sync).toBe(SYNC)

    const dropped = diffData(linked, before)
    expect(dropped.sync).toBeNull()
    expect(applyChange(linked, dropped)).not.toHaveProperty('sync')
    expect(isEmptyChange(diffData(linked, { ...linked }))).toBe(true)
  })

  it('is valid format 6 data, and never holds a password field', () => {
    expect(Data.safeParse({ ...emptyData(), sync: SYNC }).success).toBe(true)
    expect(Object.keys(Data.shape.sync.unwrap().shape)).not.toContain('password')
  })
})
