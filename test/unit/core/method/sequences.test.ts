import { describe, expect, it } from 'vitest'
import { completeFollowUp, createFollowUp } from '../../../../electron/core/commands'
import { DomainError } from '../../../../electron/core/errors'
import { planFollowThrough } from '../../../../electron/core/followThrough'
import { DEFAULT_SEQUENCES, openPromisesOf, planSequence, startSequence } from '../../../../electron/core/sequences'
import { emptyData, FollowUp } from '../../../../electron/core/schema'

// Monday 23 Nov 2026, 10:00 in Berlin.
const NOW = new Date('2026-11-23T10:00:00+01:00')
const seed = () =>
  createFollowUp(emptyData(), { title: 'Send the proposal', client: { name: 'Jenny Rivera', email: 'jenny@example.com' }, channel: 'email', dueAt: '2026-11-27T16:00:00+01:00' }, NOW, 'p1').data
const ids = () => {
  let n = 0
  return () => `s${++n}`
}

describe('after the sale', () => {
  it('plans a thank-you when the deal is won, one business day later', () => {
    const [thanks] = planSequence(seed(), DEFAULT_SEQUENCES.won, seed().followUps[0], NOW, ids())
    expect(thanks).toMatchObject({
      id: 's1',
      kind: 'thank-you',
      title: 'Thank Jenny Rivera for the business',
      client: { name: 'Jenny Rivera', email: 'jenny@example.com' },
      channel: 'email',
      dueAt: new Date('2026-11-24T10:00:00+01:00').toISOString(),
      followsUp: 'p1',
    })
    expect(FollowUp.parse(thanks)).toEqual(thanks)
  })

  it('plans a confirmation call and a second thank-you once delivered, skipping the weekend, a week apart', () => {
    const friday = new Date('2026-11-27T10:00:00+01:00')
    const data = seed()
    const planned = planSequence(data, DEFAULT_SEQUENCES.delivered, data.followUps[0], friday, ids())
    expect(planned.map((f) => [f.kind, f.title, f.dueAt])).toEqual([
      ['confirmation-call', 'Confirmation call with Jenny Rivera: is everything working as promised?', new Date('2026-12-01T10:00:00+01:00').toISOString()],
      // One touch a week: the thank-you waits until a week after the call.
      ['thank-you', 'Second thank-you to Jenny Rivera', new Date('2026-12-08T09:00:00+01:00').toISOString()],
    ])
  })

  it('"Delivered" completes a promise that is still open, then plans its check-in and its sequence around that delivery', () => {
    const outcome = startSequence(seed(), 'p1', 'delivered', NOW, ids())
    expect(outcome.completed).toBe(true)
    expect(outcome.data.followUps[0].completedAt).toBe(NOW.toISOString())
    const planned = outcome.data.followUps.slice(1).map((f) => [f.kind, f.dueAt])
    expect(planned).toEqual([
      ['check-in', new Date('2026-11-30T09:00:00+01:00').toISOString()],
      ['confirmation-call', new Date('2026-12-07T09:00:00+01:00').toISOString()],
      ['thank-you', new Date('2026-12-14T09:00:00+01:00').toISOString()],
    ])
    expect(startSequence(outcome.data, 'p1', 'delivered', NOW, ids()).completed).toBe(false)
  })

  it('"Deal won" lists the client\'s open promises to pick from, soonest first', () => {
    let data = seed()
    data = createFollowUp(data, { title: 'Send the contract', client: { name: 'jenny rivera ' }, dueAt: '2026-11-25T16:00:00+01:00' }, NOW, 'p2').data
    data = createFollowUp(data, { title: 'Call Max', client: { name: 'Max Muster' }, dueAt: '2026-11-25T16:00:00+01:00' }, NOW, 'p3').data
    expect(openPromisesOf(data, 'Jenny Rivera').map((f) => f.id)).toEqual(['p2', 'p1'])
  })

  it('adds the steps once, and only after a promise', () => {
    const first = startSequence(completeFollowUp(seed(), 'p1', NOW), 'p1', 'delivered', NOW, ids())
    expect(first.created).toHaveLength(2)
    const again = startSequence(first.data, 'p1', 'delivered', NOW, ids())
    expect(again.created).toEqual([])
    expect(again.data).toBe(first.data)
    expect(() => startSequence(first.data, 's1', 'won', NOW, ids())).toThrow(DomainError)
    expect(() => startSequence(first.data, 'nope', 'won', NOW, ids())).toThrow(/no longer exists/)
  })

  it('does not stop the check-in that follows delivery', () => {
    const won = startSequence(seed(), 'p1', 'won', NOW, ids()).data
    const done = planFollowThrough(completeFollowUp(won, 'p1', NOW), 'p1', NOW, () => 'c1')
    expect(done.followUps.map((f) => f.kind)).toEqual(['promise', 'thank-you', 'check-in'])
  })
})

describe('edited sequences', () => {
  it('plan what the person set in settings, not the defaults', () => {
    const data = seed()
    data.settings = {
      ...data.settings,
      sequences: { ...data.settings.sequences, won: { name: 'Deal won', steps: [{ kind: 'thank-you', title: 'Send {client} a handwritten card', offsetBusinessDays: 3 }] } },
    }
    const { created } = startSequence(data, data.followUps[0].id, 'won', NOW, ids())
    expect(created.map((f) => f.title)).toEqual([`Send ${data.followUps[0].client.name} a handwritten card`])
  })
})
