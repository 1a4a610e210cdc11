import { describe, expect, it } from 'vitest'
import { diffData } from '../../../electron/core/dataDiff'
import { appended, derivationOf, indexFollowUps, positionOf, removedAt, replacedAt, replacedById } from '../../../electron/core/followUpList'
import { emptyData } from '../../../electron/core/schema'
import { aFollowUp } from '../../fixtures/followUps'

const list = (...ids: string[]) => ids.map((id) => aFollowUp({ id }))

describe('finding follow-ups by id', () => {
  it('finds by id through copies that replace, append and remove, without changing the original', () => {
    const original = list('a', 'b', 'c', 'd')
    indexFollowUps(original)
    const replaced = replacedAt(original, 1, aFollowUp({ id: 'b', title: 'New' }))
    const grown = appended(replaced, list('e'))
    const shrunk = removedAt(grown, 0)
    expect(original.map((f) => f.id)).toEqual(['a', 'b', 'c', 'd'])
    expect(shrunk.map((f) => f.id)).toEqual(['b', 'c', 'd', 'e'])
    for (const [at, id] of ['b', 'c', 'd', 'e'].entries()) expect(positionOf(shrunk, id)).toBe(at)
    expect(positionOf(shrunk, 'a')).toBe(-1)
    // The original knows nothing of what was added to its copies.
    expect(positionOf(original, 'e')).toBe(-1)
    expect(positionOf(original, 'a')).toBe(0)
    expect(shrunk[0].title).toBe('New')
  })

  it('answers right for arrays it never indexed, and after several appends to one array', () => {
    const base = list('a', 'b')
    indexFollowUps(base)
    const first = appended(base, list('x'))
    const second = appended(base, list('y'))
    expect(positionOf(first, 'x')).toBe(2)
    expect(positionOf(second, 'y')).toBe(2)
    expect(positionOf(second, 'x')).toBe(-1)
    expect(positionOf(list('p', 'q'), 'q')).toBe(1)
  })

  it('replaces several by id in one copy', () => {
    const base = list('a', 'b', 'c')
    const next = replacedById(base, new Map([['c', aFollowUp({ id: 'c', title: 'C' })], ['a', aFollowUp({ id: 'a', title: 'A' })]]))
    expect(next.map((f) => f.title)).toEqual(['A', 'Send proposal', 'C'])
    expect(base.map((f) => f.title)).toEqual(['Send proposal', 'Send proposal', 'Send proposal'])
  })
})

describe('what a copy changed', () => {
  it('is known for a one-step copy and agrees with comparing the arrays', () => {
    const base = list('a', 'b', 'c')
    const changed = aFollowUp({ id: 'b', title: 'B' })
    const steps = [replacedAt(base, 1, changed), appended(base, list('d')), removedAt(base, 2)]
    for (const after of steps) {
      const known = derivationOf(base, after)
      expect(known).not.toBeNull()
      const compared = diffData({ ...emptyData(), followUps: base }, { ...emptyData(), followUps: [...after] })
      expect(known).toEqual(compared.followUps)
    }
  })

  it('is not claimed for two steps or an unrelated array: those are compared', () => {
    const base = list('a', 'b')
    const twice = appended(replacedAt(base, 0, aFollowUp({ id: 'a', title: 'A' })), list('c'))
    expect(derivationOf(base, twice)).toBeNull()
    const change = diffData({ ...emptyData(), followUps: base }, { ...emptyData(), followUps: twice })
    expect(change.followUps.put.map((f) => f.id)).toEqual(['a', 'c'])
  })
})
