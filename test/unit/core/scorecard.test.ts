import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { scorecard, scorePromise } from '../../../electron/core/scorecard'
import { weekRulesOf } from '../../../electron/core/localeFormat'
import { SCORECARD_CSV_COLUMNS, scorecardCsv, scorecardFilename } from '../../../electron/core/scorecardCsv'
import { emptyData, type Data, type FollowUp } from '../../../electron/core/schema'
import { aFollowUp } from '../../fixtures/followUps'

/** Friday 27 November 2026, 12:00 in Berlin (the tests run in Europe/Berlin): ISO week 2026-W48. */
const NOW = new Date('2026-11-27T11:00:00.000Z')
const HOUR = 3_600_000

const promise = (id: string, client: string, overrides: Partial<FollowUp>) => aFollowUp({ id, title: id, client: { name: client }, ...overrides })

/** A seller's last fortnight: 2 early, 1 on time, 1 renegotiated with notice, 1 missed silently. */
function seededHistory(): Data {
  const data = emptyData()
  data.followUps = [
    // Early, the week before: done a day before the own target.
    promise('early-last-week', 'Acme Corp', {
      targetAt: '2026-11-20T15:00:00.000Z',
      dueAt: '2026-11-21T15:00:00.000Z',
      completedAt: '2026-11-19T10:00:00.000Z',
    }),
    // Early, this week.
    promise('early-this-week', 'Acme Corp', {
      targetAt: '2026-11-25T15:00:00.000Z',
      dueAt: '2026-11-26T15:00:00.000Z',
      completedAt: '2026-11-25T09:00:00.000Z',
    }),
    // On time: after the own target, an hour before the promise.
    promise('on-time', 'Brill, "The Big" & Co', {
      targetAt: '2026-11-24T15:00:00.000Z',
      dueAt: '2026-11-25T15:00:00.000Z',
      completedAt: '2026-11-25T14:00:00.000Z',
    }),
    // Renegotiated: the client was told on Monday, a day before the deadline; still open.
    promise('renegotiated', 'Brill, "The Big" & Co', {
      targetAt: '2026-11-30T15:00:00.000Z',
      dueAt: '2026-12-01T15:00:00.000Z',
      value: { amount: 1_200, currency: 'USD' },
      history: [
        {
          type: 'rescheduled',
          at: '2026-11-23T09:00:00.000Z',
          from: { dueAt: '2026-11-24T15:00:00.000Z', targetAt: '2026-11-23T15:00:00.000Z' },
          to: { dueAt: '2026-12-01T15:00:00.000Z', targetAt: '2026-11-30T15:00:00.000Z' },
          toldClient: true,
        },
      ],
    }),
    // Missed: the deadline passed yesterday, still open, nobody told.
    promise('missed', 'Cole Ltd', {
      targetAt: '2026-11-25T15:00:00.000Z',
      dueAt: '2026-11-26T15:00:00.000Z',
      value: { amount: 5_000, currency: 'EUR' },
    }),
    // Not scored: open and not due yet, but at risk (own target passed this morning).
    promise('at-risk', 'Cole Ltd', {
      targetAt: '2026-11-27T08:00:00.000Z',
      dueAt: '2026-11-28T15:00:00.000Z',
      value: { amount: 800, currency: 'EUR' },
    }),
    // Not scored: a check-in is not a promise, but its overdue value is at stake.
    aFollowUp({
      id: 'check-in',
      kind: 'check-in',
      client: { name: 'Acme Corp' },
      targetAt: '2026-11-24T15:00:00.000Z',
      dueAt: '2026-11-25T15:00:00.000Z',
      value: { amount: 300, currency: 'EUR' },
    }),
  ]
  return data
}

const outcomeOf = (followUp: FollowUp, now = NOW) => scorePromise(followUp, now)?.outcome ?? null

describe('the scorecard totals', () => {
  const card = scorecard(seededHistory(), NOW)

  it('counts each finished or failed promise once', () => {
    expect(card.totals).toMatchObject({ early: 2, onTime: 1, renegotiated: 1, missed: 1, total: 5 })
  })

  it('gives the kept rate as early plus on time over all scored promises', () => {
    expect(card.totals.keptRate).toBeCloseTo(0.6)
  })

  it('reports the median margin between promise and delivery (positive is early)', () => {
    // Margins: 53 h, 30 h, 1 h.
    expect(card.medianMarginMs).toBe(30 * HOUR)
  })

  it('sums the money in overdue and at-risk follow-ups per currency', () => {
    expect(card.moneyAtStake).toEqual({
      overdue: [{ amount: 5_300, currency: 'EUR' }],
      atRisk: [{ amount: 800, currency: 'EUR' }],
      overdueCount: 2,
      atRiskCount: 1,
    })
  })

  it('has no kept rate and no margin when nothing is scored yet', () => {
    const empty = scorecard(emptyData(), NOW)
    expect(empty.totals).toEqual({ early: 0, onTime: 0, renegotiated: 0, missed: 0, total: 0, keptRate: null })
    expect(empty.medianMarginMs).toBeNull()
    expect(empty.moneyAtStake).toEqual({ overdue: [], atRisk: [], overdueCount: 0, atRiskCount: 0 })
  })
})

describe('the scorecard per client', () => {
  it('lists clients with most promises first, each with its own counts', () => {
    const { clients } = scorecard(seededHistory(), NOW)
    expect(clients.map((c) => [c.client, c.early, c.onTime, c.renegotiated, c.missed, c.total])).toEqual([
      ['Acme Corp', 2, 0, 0, 0, 2],
      ['Brill, "The Big" & Co', 0, 1, 1, 0, 2],
      ['Cole Ltd', 0, 0, 0, 1, 1],
    ])
    expect(clients[0].keptRate).toBe(1)
    expect(clients[2].keptRate).toBe(0)
  })
})

describe('the scorecard per week', () => {
  it('returns the last 8 ISO weeks by default, oldest first, ending with this week', () => {
    const { weeks } = scorecard(seededHistory(), NOW)
    expect(weeks).toHaveLength(8)
    expect(weeks[0]).toMatchObject({ week: '2026-W41', weekStart: '2026-10-05', total: 0 })
    expect(weeks[7]).toMatchObject({ week: '2026-W48', weekStart: '2026-11-23' })
  })

  it('counts each promise in the week its outcome was settled', () => {
    const { weeks } = scorecard(seededHistory(), NOW, { weeks: 2 })
    expect(weeks.map((w) => [w.week, w.early, w.onTime, w.renegotiated, w.missed])).toEqual([
      ['2026-W47', 1, 0, 0, 0],
      ['2026-W48', 1, 1, 1, 1],
    ])
  })

  it('uses the local week: Sunday 23:30 in Berlin still belongs to that week', () => {
    const data = emptyData()
    // Sunday 22 November 23:30 Berlin is Sunday 22:30 UTC.
    data.followUps = [promise('late-sunday', 'Acme Corp', { completedAt: '2026-11-22T22:30:00.000Z' })]
    const { weeks } = scorecard(data, NOW, { weeks: 2 })
    expect(weeks.map((w) => [w.week, w.total])).toEqual([
      ['2026-W47', 1],
      ['2026-W48', 0],
    ])
  })

  it('starts weeks on Sunday for a US locale: Sunday night already counts in this week', () => {
    const data = emptyData()
    data.followUps = [promise('late-sunday', 'Acme Corp', { completedAt: '2026-11-22T22:30:00.000Z' })]
    const { weeks } = scorecard(data, NOW, { weeks: 2, weekRules: weekRulesOf('en-US') })
    expect(weeks.map((w) => [w.week, w.weekStart, w.total])).toEqual([
      ['2026-W47', '2026-11-15', 0],
      ['2026-W48', '2026-11-22', 1],
    ])
  })
})

describe('how a promise is scored', () => {
  const due = '2026-11-25T15:00:00.000Z'
  const target = '2026-11-24T15:00:00.000Z'
  const base = { dueAt: due, targetAt: target }

  it('leaves an open promise whose deadline has not come unscored', () => {
    expect(outcomeOf(aFollowUp({ dueAt: '2026-12-01T15:00:00.000Z', targetAt: '2026-11-30T15:00:00.000Z' }))).toBeNull()
  })

  it('counts delivery exactly at the own target as early and exactly at the deadline as on time', () => {
    expect(outcomeOf(aFollowUp({ ...base, completedAt: target }))).toBe('early')
    expect(outcomeOf(aFollowUp({ ...base, completedAt: due }))).toBe('onTime')
  })

  it('counts a late delivery without notice as missed', () => {
    expect(outcomeOf(aFollowUp({ ...base, completedAt: '2026-11-25T16:00:00.000Z' }))).toBe('missed')
  })

  it('counts a heads-up before the deadline as renegotiated, even when delivered late after it', () => {
    const headsUp = { type: 'headsUp' as const, at: '2026-11-25T10:00:00.000Z', message: 'Running a day late, sorry.' }
    expect(outcomeOf(aFollowUp({ ...base, history: [headsUp] }))).toBe('renegotiated')
    expect(outcomeOf(aFollowUp({ ...base, history: [headsUp], completedAt: '2026-11-26T10:00:00.000Z' }))).toBe('renegotiated')
  })

  it('does not count a heads-up sent after the deadline as notice', () => {
    const late = { type: 'headsUp' as const, at: '2026-11-25T18:00:00.000Z', message: 'Sorry, it slipped.' }
    expect(outcomeOf(aFollowUp({ ...base, history: [late] }))).toBe('missed')
  })

  it('does not let a silent reschedule move the deadline the client knows', () => {
    const silent = aFollowUp({
      dueAt: '2026-11-26T15:00:00.000Z',
      targetAt: '2026-11-26T09:00:00.000Z',
      completedAt: '2026-11-26T12:00:00.000Z',
      history: [{ type: 'rescheduled', at: '2026-11-24T09:00:00.000Z', from: base, to: { dueAt: '2026-11-26T15:00:00.000Z', targetAt: '2026-11-26T09:00:00.000Z' }, toldClient: false }],
    })
    // Delivered before the new own target, but a day after the date the client was promised.
    expect(outcomeOf(silent)).toBe('missed')
  })

  it('does not count a reschedule told only after the deadline as renegotiated', () => {
    const toldLate = aFollowUp({
      dueAt: '2026-11-30T15:00:00.000Z',
      targetAt: '2026-11-29T15:00:00.000Z',
      history: [{ type: 'rescheduled', at: '2026-11-26T09:00:00.000Z', from: base, to: { dueAt: '2026-11-30T15:00:00.000Z', targetAt: '2026-11-29T15:00:00.000Z' }, toldClient: true }],
    })
    expect(outcomeOf(toldLate)).toBe('missed')
  })

  it('counts a recorded miss as missed, even if notice was given for an earlier deadline', () => {
    const missedAgain = aFollowUp({
      ...base,
      history: [
        { type: 'headsUp', at: '2026-11-20T09:00:00.000Z', message: 'Moving to Wednesday.' },
        { type: 'missed', at: due },
      ],
      completedAt: '2026-11-26T09:00:00.000Z',
    })
    expect(outcomeOf(missedAgain)).toBe('missed')
  })

  it('ignores follow-ups that are not promises', () => {
    expect(outcomeOf(aFollowUp({ ...base, kind: 'thank-you' }))).toBeNull()
  })
})

describe('the scorecard as CSV', () => {
  const card = scorecard(seededHistory(), NOW, { weeks: 2 })
  const parsed = Papa.parse<string[]>(scorecardCsv(card), { skipEmptyLines: true }).data

  it('opens as one table: a header, the total, one row per client and per week', () => {
    expect(parsed[0]).toEqual([...SCORECARD_CSV_COLUMNS])
    expect(parsed[1]).toEqual(['Total', 'All promises', '', '2', '1', '1', '1', '5', '60.0'])
    expect(parsed.slice(2).map((row) => row[0])).toEqual(['Client', 'Client', 'Client', 'Week', 'Week'])
    expect(parsed[6]).toEqual(['Week', '2026-W48', '11/23/2026', '1', '1', '1', '1', '4', '50.0'])
  })

  it('writes dates and decimals the locale’s way, with ";" between cells where the decimal mark is a comma', () => {
    const gb = Papa.parse<string[]>(scorecardCsv(card, 'en-GB'), { skipEmptyLines: true }).data
    expect(gb[6].slice(2, 3).concat(gb[6].at(-1)!)).toEqual(['23/11/2026', '50.0'])
    const de = scorecardCsv(card, 'de-DE')
    expect(de.split('\r\n')[0]).toBe(SCORECARD_CSV_COLUMNS.join(';'))
    const rows = Papa.parse<string[]>(de, { delimiter: ';', skipEmptyLines: true }).data
    expect(rows[1]).toEqual(['Total', 'All promises', '', '2', '1', '1', '1', '5', '60,0'])
    expect(rows[6]).toEqual(['Week', '2026-W48', '23.11.2026', '1', '1', '1', '1', '4', '50,0'])
  })

  it('keeps a client name with a comma and quotes intact through a round trip', () => {
    expect(parsed[3]).toEqual(['Client', 'Brill, "The Big" & Co', '', '0', '1', '1', '0', '2', '50.0'])
  })

  it('defuses a client name a spreadsheet would run as a formula', () => {
    const data = emptyData()
    data.followUps = [promise('f', '=HYPERLINK("http://evil")', { completedAt: '2026-11-20T09:00:00.000Z' })]
    const rows = Papa.parse<string[]>(scorecardCsv(scorecard(data, NOW)), { skipEmptyLines: true }).data
    expect(rows[2][1]).toBe(`'=HYPERLINK("http://evil")`)
  })

  it('names the file after the local date', () => {
    expect(scorecardFilename(new Date('2026-11-27T23:30:00.000Z'))).toBe('follow-through-scorecard-2026-11-28.csv')
  })
})
