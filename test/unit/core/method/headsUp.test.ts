import { describe, expect, it } from 'vitest'
import { buildBoard } from '../../../../electron/core/board'
import { completeFollowUp, createFollowUp, rescheduleFollowUp } from '../../../../electron/core/commands'
import { DomainError } from '../../../../electron/core/errors'
import { draftHeadsUp, recordMissedPromises, sendHeadsUp } from '../../../../electron/core/headsUp'
import { emptyData, type Data } from '../../../../electron/core/schema'

// Monday 23 Nov 2026, 10:00 in Berlin (vitest sets TZ).
const NOW = new Date('2026-11-23T10:00:00+01:00')
const DUE = '2026-11-27T16:00:00+01:00' // Fri 27 Nov 16:00
const NEW_DUE = new Date('2026-12-01T12:00:00+01:00') // Tue 1 Dec 12:00
const at = (iso: string) => new Date(iso)

function withPromise(title = 'Send the proposal'): Data {
  return createFollowUp(emptyData(), { title, client: { name: 'Jenny Rivera', email: 'jenny@example.com' }, dueAt: DUE }, NOW, 'f1').data
}

describe('draftHeadsUp', () => {
  it('names the client, what was promised, the old and the new date', () => {
    const [promise] = withPromise().followUps
    expect(draftHeadsUp(promise, NEW_DUE, NOW, false, undefined, 'en-GB').message).toBe(
      'Hi Jenny, a quick heads-up: the proposal I promised for Friday 27 November at 16:00 needs a little longer. You will have it by Tuesday 1 December at 12:00. Sorry for the change.',
    )
  })

  it('quotes a title that does not read as "send the thing", and leaves out the time of an all-day date', () => {
    const [promise] = withPromise('Pricing for 40 seats').followUps
    const { message } = draftHeadsUp(promise, NEW_DUE, NOW, true, undefined, 'en-GB')
    expect(message).toContain('“Pricing for 40 seats”, which I promised for Friday 27 November at 16:00, needs a little longer')
    expect(message).toContain('You will have it by Tuesday 1 December.')
  })

  it('adds the year only when the new date is in another year', () => {
    const [promise] = withPromise().followUps
    expect(draftHeadsUp(promise, at('2027-01-05T09:00:00+01:00'), NOW, false, undefined, 'en-GB').message).toContain('by Tuesday, 5 January 2027 at 09:00')
  })

  it.each([
    ['en-US', 'the proposal I promised for Friday, November 27 at 4:00 PM', 'by Tuesday, December 1 at 12:00 PM'],
    ['de-DE', 'the proposal I promised for Freitag, 27. November um 16:00', 'by Dienstag, 1. Dezember um 12:00'],
  ])('writes the dates for the client in %s', (locale, promised, by) => {
    const [promise] = withPromise().followUps
    const { message } = draftHeadsUp(promise, NEW_DUE, NOW, false, undefined, locale)
    expect(message).toContain(promised)
    expect(message).toContain(by)
  })

  it('names what was promised in the card\'s client-facing words, not its internal title', () => {
    const [promise] = withPromise('ACME deck v3 – legal review').followUps
    const { message } = draftHeadsUp({ ...promise, promiseText: 'the revised pricing deck' }, NEW_DUE, NOW, false, undefined, 'en-GB')
    expect(message).toContain('the revised pricing deck, which I promised for Friday 27 November at 16:00, needs a little longer')
    expect(message).not.toContain('ACME deck v3')
    expect(draftHeadsUp(promise, NEW_DUE, NOW, false, 'the signed order form', 'en-GB').message).toContain('the signed order form, which I promised')
  })

  it('apologises for the delay once the deadline has passed, and says so', () => {
    const [promise] = withPromise().followUps
    const inTime = draftHeadsUp(promise, NEW_DUE, at('2026-11-27T15:59:00+01:00'), false, undefined, 'en-GB')
    expect(inTime.afterDeadline).toBe(false)
    expect(inTime.message).not.toMatch(/apolog/i)
    const late = draftHeadsUp(promise, NEW_DUE, at('2026-11-30T09:00:00+01:00'), false, undefined, 'en-GB')
    expect(late.afterDeadline).toBe(true)
    expect(late.message).toMatch(/^Hi Jenny, I am sorry: the proposal I promised for Friday 27 November at 16:00 is late/)
    expect(late.message).toContain('My apologies for the delay.')
  })
})

describe('sendHeadsUp', () => {
  const later = at('2026-11-26T17:00:00+01:00') // the own target has passed: at risk

  it('moves the promise with the client told and keeps the message sent', () => {
    const data = withPromise()
    expect(buildBoard(data, later).columns.due[0].atRisk).toBe(true)
    const next = sendHeadsUp(data, 'f1', { dueAt: NEW_DUE.toISOString(), message: '  Sorry, Tuesday!  ' }, later)
    const [followUp] = next.followUps
    expect(followUp.dueAt).toBe(NEW_DUE.toISOString())
    expect(followUp.history.slice(-2)).toEqual([
      expect.objectContaining({ type: 'rescheduled', toldClient: true, from: expect.objectContaining({ dueAt: at(DUE).toISOString() }) }),
      { type: 'headsUp', at: later.toISOString(), message: 'Sorry, Tuesday!' },
    ])
    // The card is no longer at risk: the new promise stands.
    expect(buildBoard(next, later).columns.promised.map((c) => c.atRisk)).toEqual([false])
  })

  it('records "told in time" before the deadline and "told after the deadline" after it', () => {
    const inTime = sendHeadsUp(withPromise(), 'f1', { dueAt: NEW_DUE.toISOString(), message: 'Hi' }, at('2026-11-27T15:00:00+01:00'))
    expect(inTime.followUps[0].history.at(-1)).toEqual({ type: 'headsUp', at: at('2026-11-27T15:00:00+01:00').toISOString(), message: 'Hi' })
    const lateAt = at('2026-11-30T09:00:00+01:00')
    const late = sendHeadsUp(withPromise(), 'f1', { dueAt: NEW_DUE.toISOString(), message: 'Sorry' }, lateAt)
    expect(late.followUps[0].history.at(-1)).toEqual({ type: 'headsUp', at: lateAt.toISOString(), message: 'Sorry', afterDeadline: true })
  })

  it('remembers new "what I promised" words on the card, and only new ones', () => {
    const next = sendHeadsUp(withPromise(), 'f1', { dueAt: NEW_DUE.toISOString(), message: 'Hi', promiseText: ' the proposal for 40 seats ' }, later)
    expect(next.followUps[0].promiseText).toBe('the proposal for 40 seats')
    const same = sendHeadsUp(withPromise(), 'f1', { dueAt: NEW_DUE.toISOString(), message: 'Hi', promiseText: 'Send the proposal' }, later)
    expect(same.followUps[0].promiseText).toBeUndefined()
  })

  it('refuses an empty message, a done follow-up and a new date in the past', () => {
    const data = withPromise()
    expect(() => sendHeadsUp(data, 'f1', { dueAt: NEW_DUE.toISOString(), message: ' ' }, later)).toThrow(DomainError)
    const done = completeFollowUp(data, 'f1', later)
    expect(() => sendHeadsUp(done, 'f1', { dueAt: NEW_DUE.toISOString(), message: 'Hi' }, later)).toThrow(/done/)
    expect(() => sendHeadsUp(data, 'f1', { dueAt: NOW.toISOString(), message: 'Hi' }, later)).toThrow(/already passed/)
  })
})

describe('recordMissedPromises', () => {
  const justAfter = at('2026-11-27T16:00:01+01:00')

  it('records a silent miss once, dated at the deadline', () => {
    const data = withPromise()
    expect(recordMissedPromises(data, at('2026-11-27T15:59:00+01:00'))).toBe(data)
    const missed = recordMissedPromises(data, justAfter)
    expect(missed.followUps[0].history.at(-1)).toEqual({ type: 'missed', at: at(DUE).toISOString() })
    // Later passes of the clock change nothing.
    expect(recordMissedPromises(missed, at('2026-11-30T09:00:00+01:00'))).toBe(missed)
  })

  it('does not count a delivered promise or one renegotiated with a heads-up', () => {
    const done = completeFollowUp(withPromise(), 'f1', at('2026-11-27T12:00:00+01:00'))
    expect(recordMissedPromises(done, justAfter)).toBe(done)
    const warned = sendHeadsUp(withPromise(), 'f1', { dueAt: NEW_DUE.toISOString(), message: 'Tuesday' }, at('2026-11-26T17:00:00+01:00'))
    expect(recordMissedPromises(warned, justAfter)).toBe(warned)
  })

  it('counts a new promise that passes silently too, once for each deadline', () => {
    const moved = rescheduleFollowUp(withPromise(), 'f1', { dueAt: NEW_DUE.toISOString(), allDay: false, toldClient: true }, NOW)
    const missed = recordMissedPromises(recordMissedPromises(moved, justAfter), at('2026-12-01T12:00:01+01:00'))
    expect(missed.followUps[0].history.filter((e) => e.type === 'missed')).toEqual([{ type: 'missed', at: NEW_DUE.toISOString() }])
  })

  it('does not count a promise delivered in time and reopened later', () => {
    const inTime = completeFollowUp(withPromise(), 'f1', at('2026-11-27T12:00:00+01:00'))
    const reopened = { ...inTime, followUps: inTime.followUps.map((f) => ({ ...f, completedAt: undefined })) }
    expect(recordMissedPromises(reopened, justAfter)).toBe(reopened)
  })
})
