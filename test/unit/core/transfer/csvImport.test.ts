import { describe, expect, it } from 'vitest'
import { csvPreview, guessMapping, importCsv, parseDateCell } from '../../../../electron/core/csvImport'
import { emptyData } from '../../../../electron/core/schema'

// Monday 23 Nov 2026, 10:00 in Berlin (tests run in Europe/Berlin).
const NOW = new Date('2026-11-23T10:00:00+01:00')
const ids = () => {
  let n = 0
  return () => `c${++n}`
}

const CSV = [
  'Task,Contact,Company,Phone,E-mail,Deadline,Target,Amount,Currency,Comments',
  'Send the proposal,Jenny Rivera,Acme Corp,248-867-5309,jenny@acme.example,2026-12-01,,2500,EUR,Annual plan',
  '"Call back, about the demo",Tom Brill,"Brill, ""The Big"" & Co",,,Dec 3 2026 4pm,2026-12-02T15:00:00Z,$800,,',
].join('\r\n')

describe('CSV preview', () => {
  it('reads headers, the first rows and guesses the mapping', () => {
    const preview = csvPreview(CSV)
    expect(preview.headers[0]).toBe('Task')
    expect(preview.rows).toHaveLength(2)
    expect(preview.rows[1][2]).toBe('Brill, "The Big" & Co')
    expect(preview.rowCount).toBe(2)
    expect(preview.guessedMapping).toEqual({ title: 0, client: 1, company: 2, phone: 3, email: 4, promisedBy: 5, myTarget: 6, value: 7, currency: 8, notes: 9 })
  })

  it('shows at most 5 rows', () => {
    const text = ['Title,Client,Due', ...Array.from({ length: 9 }, (_, i) => `T${i},C,2026-12-01`)].join('\n')
    expect(csvPreview(text)).toMatchObject({ rowCount: 9, rows: { length: 5 } })
  })

  it('refuses an empty file', () => {
    expect(() => csvPreview('  \n')).toThrow(/empty/)
  })

  it('maps each column to one field at most', () => {
    expect(guessMapping(['Name', 'Client'])).toEqual({ client: 1 })
  })
})

describe('dates in cells', () => {
  it('reads ISO dates as all-day and ISO instants as times', () => {
    expect(parseDateCell('2026-12-01', NOW)).toEqual({ at: new Date(2026, 11, 1, 12), allDay: true })
    expect(parseDateCell('2026-12-01T15:00:00Z', NOW)).toEqual({ at: new Date('2026-12-01T15:00:00Z'), allDay: false })
  })

  it('reads written dates strictly, and refuses vague or partial ones', () => {
    expect(parseDateCell('Dec 3 2026 4pm', NOW)).toEqual({ at: new Date(2026, 11, 3, 16), allDay: false })
    expect(parseDateCell('soonish', NOW)).toBeNull()
    expect(parseDateCell('Dec 3 2026 or later', NOW)).toBeNull()
    expect(parseDateCell('2026-02-31', NOW)).toBeNull()
  })
})

describe('CSV import', () => {
  it('creates one follow-up per row', () => {
    const { data, created, errors } = importCsv(emptyData(), CSV, guessMapping(csvPreview(CSV).headers), NOW, ids())
    expect(errors).toEqual([])
    expect(data.followUps).toHaveLength(2)
    expect(created[0]).toMatchObject({
      title: 'Send the proposal',
      client: { name: 'Jenny Rivera', company: 'Acme Corp', phone: '248-867-5309', email: 'jenny@acme.example' },
      channel: 'email',
      allDay: true,
      value: { amount: 2500, currency: 'EUR' },
      notes: 'Annual plan',
    })
    expect(created[1]).toMatchObject({
      title: 'Call back, about the demo',
      dueAt: new Date(2026, 11, 3, 16).toISOString(),
      targetAt: '2026-12-02T15:00:00.000Z',
      value: { amount: 800, currency: 'USD' },
    })
  })

  it('is all or nothing: every bad row is reported and nothing is created', () => {
    const text = [
      'Title,Client,Due,Value',
      'Good one,Jenny,2026-12-01,',
      ',Jenny,2026-12-01,',
      'Bad date,Jenny,someday,',
      'Past,Jenny,2026-01-01,',
      'Bad value,Jenny,2026-12-01,lots',
    ].join('\n')
    const before = emptyData()
    const outcome = importCsv(before, text, { title: 0, client: 1, promisedBy: 2, value: 3 }, NOW, ids())
    expect(outcome.data).toBe(before)
    expect(outcome.created).toEqual([])
    expect(outcome.errors.map((e) => e.row)).toEqual([3, 4, 5, 6])
    expect(outcome.errors[0].message).toMatch(/Title is empty/)
    expect(outcome.errors[1].message).toMatch(/“someday” is not a date/)
    expect(outcome.errors[2].message).toMatch(/already passed/)
    expect(outcome.errors[3].message).toMatch(/not a number/)
  })

  it('asks for the required columns and reports malformed CSV', () => {
    expect(importCsv(emptyData(), CSV, { title: 0 }, NOW, ids()).errors[0].message).toMatch(/Client, Promised by/)
    const broken = 'Title,Client,Due\n"Unclosed,Jenny,2026-12-01\n'
    const outcome = importCsv(emptyData(), broken, { title: 0, client: 1, promisedBy: 2 }, NOW, ids())
    expect(outcome.errors.length).toBeGreaterThan(0)
    expect(outcome.data.followUps).toEqual([])
  })

  it('needs a currency for a value', () => {
    const outcome = importCsv(emptyData(), 'Title,Client,Due,Value\nX,Jenny,2026-12-01,100', { title: 0, client: 1, promisedBy: 2, value: 3 }, NOW, ids())
    expect(outcome.errors[0].message).toMatch(/needs a currency/)
  })
})

describe('CSV import at scale', () => {
  it('imports thousands of rows quickly and refuses more than the limit', () => {
    const rows = (n: number) => ['Title,Client,Due', ...Array.from({ length: n }, (_, i) => `Task ${i},Client ${i},2026-12-01`)].join('\n')
    const started = performance.now()
    const outcome = importCsv(emptyData(), rows(5_000), { title: 0, client: 1, promisedBy: 2 }, NOW, ids())
    expect(outcome.created).toHaveLength(5_000)
    expect(performance.now() - started).toBeLessThan(10_000)
    expect(importCsv(emptyData(), rows(10_001), { title: 0, client: 1, promisedBy: 2 }, NOW, ids()).errors[0].message).toMatch(/at most 10000/)
  })
})
