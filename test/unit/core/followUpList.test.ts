import { describe, expect, it } from 'vitest'
import { appended, indexFollowUps, positionOf, removedAt, replacedAt, replacedById } from '../../../electron/core/followUpList'
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
