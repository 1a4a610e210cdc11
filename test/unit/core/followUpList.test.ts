import { describe, expect, it } from 'vitest'
import { diffData } from '../../../electron/core/dataDiff'
import {
  appended,
  derivationOf,
  followUpsFollowing,
  followUpsOfClient,
  indexFollowUps,
  positionOf,
  removedAt,
  replacedAt,
  replacedById,
} from '../../../electron/core/followUpList'
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

describe("finding a client's follow-ups and the ones following up another", () => {
  const of = (id: string, client: string, followsUp?: string) => aFollowUp({ id, client: { name: client }, ...(followsUp ? { followsUp } : {}) })
  const ids = (found: { id: string }[]) => found.map((f) => f.id)

  it('finds them through copies that replace, append and remove, in list order, names compared as the method does', () => {
    const original = [of('a', 'Acme'), of('b', 'Globex'), of('c', ' ACME '), of('d', 'Acme')]
    indexFollowUps(original)
    const renamed = replacedAt(original, 1, of('b', 'acme'))
    const grown = appended(renamed, [of('e', 'Acme', 'a'), of('f', 'Globex', 'a')])
    const shrunk = removedAt(grown, 3)
    const movedAway = replacedById(shrunk, new Map([['a', of('a', 'Initech')]]))
    expect(ids(followUpsOfClient(movedAway, 'acme'))).toEqual(['b', 'c', 'e'])
    expect(ids(followUpsOfClient(movedAway, 'Globex'))).toEqual(['f'])
    expect(ids(followUpsOfClient(movedAway, 'Initech'))).toEqual(['a'])
    expect(ids(followUpsFollowing(movedAway, 'a'))).toEqual(['e', 'f'])
    // Each array answers for itself: the original knows nothing of its copies' changes.
    expect(ids(followUpsOfClient(original, 'Acme'))).toEqual(['a', 'c', 'd'])
    expect(ids(followUpsFollowing(original, 'a'))).toEqual([])
    expect(ids(followUpsOfClient(shrunk, 'Acme'))).toEqual(['a', 'b', 'c', 'e'])
  })

  it('answers right for arrays it never indexed', () => {
    const plain = [of('a', 'Acme'), of('b', 'Globex', 'a'), of('c', 'acme')]
    expect(ids(followUpsOfClient(plain, 'ACME'))).toEqual(['a', 'c'])
    expect(ids(followUpsFollowing(plain, 'a'))).toEqual(['b'])
  })

  it("reads only that client's follow-ups on an indexed board, however large", () => {
    let clientReads = 0
    const board = Array.from({ length: 1_000 }, (_, i) => {
      const followUp = of(`f${i}`, i % 100 === 7 ? 'Acme' : `Client ${i}`)
      const { client } = followUp
      return Object.defineProperty(followUp, 'client', { get: () => (clientReads++, client), enumerable: true })
    })
    indexFollowUps(board)
    clientReads = 0
    const found = followUpsOfClient(board, 'Acme')
    expect(clientReads).toBe(10)
    expect(found).toHaveLength(10)
  })
})
