import { describe, expect, it } from 'vitest'
import { applyChange, diffData, isEmptyChange } from '../../../electron/core/dataDiff'
import { emptyData, type Data, type FollowUp } from '../../../electron/core/schema'
import { aFollowUp } from '../../fixtures/followUps'

const followUp = (id: string, title = `Follow-up ${id}`): FollowUp => aFollowUp({ id, title })

const withFollowUps = (followUps: FollowUp[]): Data => ({ ...emptyData(), followUps })

describe('diffData', () => {
  const before = withFollowUps(['a', 'b', 'c', 'd'].map((id) => followUp(id)))

  it('finds the one card an edit replaced and nothing else', () => {
    const edited = followUp('c', 'Send the proposal')
    const after = { ...before, followUps: before.followUps.map((f) => (f.id === 'c' ? edited : f)) }
    expect(diffData(before, after)).toEqual({ followUps: { put: [edited], removed: [] }, contacts: { put: [], removed: [] } })
  })

  it('finds an added card and a removed one', () => {
    const added = followUp('e')
    const after = { ...before, followUps: [...before.followUps.filter((f) => f.id !== 'b'), added] }
    const change = diffData(before, after)
    expect(change.followUps).toEqual({ put: [added], removed: ['b'] })
  })

  it('reports settings only when they changed', () => {
    expect(diffData(before, { ...before, settings: { ...before.settings } }).settings).toBeUndefined()
    const settings = { ...before.settings, leadTimeMinutes: 30 }
    expect(diffData(before, { ...before, settings }).settings).toBe(settings)
  })

  it('says a change that changed nothing is empty', () => {
    expect(isEmptyChange(diffData(before, { ...before, followUps: [...before.followUps] }))).toBe(true)
  })

  it('reads no untouched card when one is replaced and another appended (Mark done planning its check-in), either way round', () => {
    let idReads = 0
    const watched = Array.from({ length: 1_000 }, (_, i) => {
      const record = followUp(`f${i}`)
      const { id } = record
      return Object.defineProperty(record, 'id', { get: () => (idReads++, id), enumerable: true })
    })
    const large = withFollowUps(watched)
    const done = { ...followUp('f500', 'Done now') }
    const checkIn = followUp('check-in')
    const after = { ...large, followUps: [...watched.slice(0, 500), done, ...watched.slice(501), checkIn] }
    idReads = 0
    const forward = diffData(large, after)
    const backward = diffData(after, large)
    // Only the one replaced position's id is compared, once each way.
    expect(idReads).toBe(2)
    expect(forward.followUps).toEqual({ put: [done, checkIn], removed: [] })
    expect(backward.followUps).toEqual({ put: [watched[500]], removed: ['check-in'] })
  })

  it('finds every change when records were also reordered', () => {
    const after = { ...before, followUps: [before.followUps[3], followUp('b', 'New title'), before.followUps[0]] }
    const change = diffData(before, after)
    expect(change.followUps.put.map((f) => f.title)).toEqual(['New title'])
    expect(change.followUps.removed).toEqual(['c'])
  })
})

describe('applyChange', () => {
  it('rebuilds the data a change was taken from', () => {
    const before = withFollowUps(['a', 'b', 'c'].map((id) => followUp(id)))
    const after = { ...before, followUps: [followUp('a', 'Edited'), before.followUps[2], followUp('z')] }
    const rebuilt = applyChange(before, diffData(before, after))
    expect(new Map(rebuilt.followUps.map((f) => [f.id, f.title]))).toEqual(new Map(after.followUps.map((f) => [f.id, f.title])))
  })

  it('gives the same data when a change is applied twice (a journal replayed over a newer file)', () => {
    const before = withFollowUps(['a', 'b'].map((id) => followUp(id)))
    const change = diffData(before, { ...before, followUps: [followUp('a', 'Edited'), followUp('c')] })
    const once = applyChange(before, change)
    expect(applyChange(once, change)).toEqual(once)
  })
})
