import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { endOfDay } from 'date-fns'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { csvPreview, guessMapping, importCsv, parseDateCell } from '../../../../electron/core/csvImport'
import { emptyData, type FollowUp } from '../../../../electron/core/schema'

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
    const { data, created, skipped, duplicates } = importCsv(emptyData(), CSV, guessMapping(csvPreview(CSV).headers), NOW, ids())
    expect(skipped).toEqual([])
    expect(duplicates).toBe(0)
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

  it('imports the good rows and lists every bad one with its reason and cells, also as a CSV to fix', () => {
    const text = [
      'Title,Client,Due,Value',
      'Good one,Jenny,2026-12-01,',
      ',Jenny,2026-12-01,',
      'Bad date,Jenny,someday,',
      'Past,Jenny,2026-01-01,',
      'Bad value,Jenny,2026-12-01,lots',
    ].join('\n')
    const outcome = importCsv(emptyData(), text, { title: 0, client: 1, promisedBy: 2, value: 3 }, NOW, ids())
    expect(outcome.created.map((f) => f.title)).toEqual(['Good one'])
    expect(outcome.data.followUps).toHaveLength(1)
    expect(outcome.skipped.map((e) => e.row)).toEqual([3, 4, 5, 6])
    expect(outcome.skipped[0]).toMatchObject({ message: expect.stringMatching(/Title is empty/), cells: ['', 'Jenny', '2026-12-01', ''] })
    expect(outcome.skipped[1].message).toMatch(/“someday” is not a date/)
    expect(outcome.skipped[2].message).toMatch(/already passed/)
    expect(outcome.skipped[3].message).toMatch(/not a number/)
    const fix = Papa.parse<string[]>(outcome.skippedCsv, { skipEmptyLines: true }).data
    expect(fix[0]).toEqual(['Title', 'Client', 'Due', 'Value', 'Problem'])
    expect(fix.slice(1).map((row) => row[0])).toEqual(['', 'Bad date', 'Past', 'Bad value'])
    expect(fix[4][4]).toMatch(/not a number/)
  })

  it('asks for the required columns and skips a row with broken quoting', () => {
    expect(() => importCsv(emptyData(), CSV, { title: 0 }, NOW, ids())).toThrow(/Client, Promised by/)
    const broken = 'Title,Client,Due\n"Unclosed,Jenny,2026-12-01\n'
    const outcome = importCsv(emptyData(), broken, { title: 0, client: 1, promisedBy: 2 }, NOW, ids())
    expect(outcome.skipped.length).toBeGreaterThan(0)
    expect(outcome.data.followUps).toEqual([])
  })

  it('gives a value without a currency the locale’s', () => {
    const text = 'Title,Client,Due,Value\nX,Jenny,2026-12-01,"2.500,50"'
    const mapping = { title: 0, client: 1, promisedBy: 2, value: 3 }
    expect(importCsv(emptyData(), text, mapping, NOW, ids(), 'de-DE').created[0].value).toEqual({ amount: 2500.5, currency: 'EUR' })
    expect(importCsv(emptyData(), text.replace('"2.500,50"', '100'), mapping, NOW, ids(), 'en-GB').created[0].value).toEqual({ amount: 100, currency: 'GBP' })
  })

  it('skips rows already on the board, and rows repeated in the file, and counts them', () => {
    const text = 'Title,Client,Due\nSend the proposal,Jenny Rivera,2026-12-01\nsend the proposal , jenny rivera,2026-12-01\nBook the demo,Tom Brill,2026-12-04 16:00\n'
    const mapping = { title: 0, client: 1, promisedBy: 2 }
    const first = importCsv(emptyData(), text, mapping, NOW, ids())
    expect(first.created).toHaveLength(2)
    expect(first.duplicates).toBe(1)
    const again = importCsv(first.data, text, mapping, NOW, ids())
    expect(again.created).toEqual([])
    expect(again.duplicates).toBe(3)
    expect(again.data).toBe(first.data)
  })
})

describe('dates by locale', () => {
  it('reads numeric dates month first in en-US and day first in en-GB and de-DE', () => {
    const text = 'Title,Client,Due\nX,Jenny,03/04/2027\nY,Jenny,13/04/2027\nZ,Jenny,04.03.2027 16:30\n'
    const mapping = { title: 0, client: 1, promisedBy: 2 }
    const us = importCsv(emptyData(), text, mapping, NOW, ids(), 'en-US').created
    expect(us.map((f) => f.dueAt)).toEqual([endOfDay(new Date(2027, 2, 4)), endOfDay(new Date(2027, 3, 13)), new Date(2027, 3, 3, 16, 30)].map((d) => d.toISOString()))
    const gb = importCsv(emptyData(), text, mapping, NOW, ids(), 'en-GB').created
    expect(gb.map((f) => f.dueAt)).toEqual([endOfDay(new Date(2027, 3, 3)), endOfDay(new Date(2027, 3, 13)), new Date(2027, 2, 4, 16, 30)].map((d) => d.toISOString()))
  })

  it('takes the time from its own column, on a 24- or 12-hour clock', () => {
    expect(parseDateCell('2026-12-02', NOW, { dayFirst: false }, '16:00')).toEqual({ at: new Date(2026, 11, 2, 16), allDay: false })
    expect(parseDateCell('12/2/2026', NOW, { dayFirst: false }, '4:30 PM')).toEqual({ at: new Date(2026, 11, 2, 16, 30), allDay: false })
    expect(parseDateCell('2026-12-02', NOW, { dayFirst: false }, 'teatime')).toBeNull()
  })

  it('reads two-digit years in this century and refuses days a month does not have', () => {
    expect(parseDateCell('27/11/26', NOW, { dayFirst: true })).toEqual({ at: new Date(2026, 10, 27, 12), allDay: true })
    expect(parseDateCell('31/02/2027', NOW, { dayFirst: true })).toBeNull()
    expect(parseDateCell('02/31/2027', NOW, { dayFirst: false })).toBeNull()
  })
})

describe('headers', () => {
  it('recognises Pipedrive’s "Activity - " prefixed headers too', () => {
    const headers = ['Activity - Subject', 'Activity - Due date', 'Activity - Due time', 'Activity - Contact person', 'Activity - Organization', 'Activity - Deal']
    expect(csvPreview(`${headers.join(',')}\nX,2030-12-02,16:00,Jenny,Acme,Renewal\n`)).toMatchObject({
      source: 'Pipedrive activities',
      guessedMapping: { title: 0, promisedBy: 1, promisedTime: 2, client: 3, company: 4 },
    })
  })

  it('recognises no CRM in a plain spreadsheet', () => {
    expect(csvPreview(CSV).source).toBeUndefined()
  })
})

describe('exports from CRMs', () => {
  const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../../fixtures/crm', name), 'utf8')
  const run = (name: string, locale = 'en-US') => {
    const text = fixture(name)
    const preview = csvPreview(text)
    return { preview, ...importCsv(emptyData(), text, preview.guessedMapping, NOW, ids(), locale) }
  }
  const summary = (followUps: FollowUp[]) =>
    followUps.map((f) => [f.title, f.client.name, f.client.company ?? '', new Date(f.dueAt).toString().slice(4, 21), f.allDay, f.completedAt ? 'done' : 'open'])

  it('reads a Pipedrive activities export: contact person as the client, the deal not as a value, the separate due time', () => {
    const { preview, created, skipped } = run('pipedrive-activities.csv')
    expect(preview.source).toBe('Pipedrive activities')
    expect(preview.guessedMapping).toMatchObject({ title: 0, promisedBy: 2, promisedTime: 3, client: 6, company: 7, status: 9, completedAt: 10, notes: 11 })
    expect(preview.guessedMapping.value).toBeUndefined()
    expect(summary(created)).toEqual([
      ['Send the proposal', 'Jenny Rivera', 'Acme Corp', 'Dec 02 2030 16:00', false, 'open'],
      ['Call about the demo', 'Tom Brill', 'Brill, "The Big" & Co', 'Dec 03 2030 09:30', false, 'open'],
      // No contact person: promised to the organization.
      ['Book the kickoff', 'Cole Ltd', '', 'Dec 04 2030 23:59', true, 'open'],
      ['Send the signed contract', 'Jenny Rivera', 'Acme Corp', 'Oct 12 2026 11:00', false, 'done'],
    ])
    expect(created[3].completedAt).toBe(new Date(2026, 9, 12, 10, 40).toISOString())
    expect(created[3].history.map((e) => e.type)).toEqual(['created', 'completed'])
    expect(skipped.map((s) => [s.row, s.message])).toEqual([[6, expect.stringMatching(/“next quarter” is not a date/)]])
  })

  it('reads a HubSpot tasks export: the contact’s name and address, completed tasks as done, a task without a date skipped', () => {
    const { preview, created, skipped } = run('hubspot-tasks.csv')
    expect(preview.source).toBe('HubSpot tasks')
    expect(summary(created)).toEqual([
      ['Send the proposal', 'Jenny Rivera', 'Acme Corp', 'Dec 02 2030 16:00', false, 'open'],
      ['Call about the demo', 'Tom Brill', 'Brill & Co', 'Dec 03 2030 09:30', false, 'open'],
      ['Confirm the delivery', 'Ana Lopez', 'Lopez GmbH', 'Oct 15 2026 12:00', false, 'done'],
    ])
    expect(created[0]).toMatchObject({ client: { email: 'jenny@acme.example' }, channel: 'email', notes: 'Annual plan for 40 seats' })
    expect(created[2].completedAt).toBe(new Date(2026, 9, 14, 17, 5).toISOString())
    expect(skipped.map((s) => [s.row, s.message])).toEqual([[5, 'Promised by is empty.']])
  })

  it.each([
    ['salesforce-tasks.csv', 'Salesforce tasks'],
    ['zoho-tasks.csv', 'Zoho CRM tasks'],
    ['close-tasks.csv', 'Close tasks'],
  ])('reads %s as %s', (name, source) => {
    const { preview, created, skipped } = run(name)
    expect(preview.source).toBe(source)
    expect(skipped).toEqual([])
    const rows = summary(created)
    expect(rows[0]).toEqual(['Send the proposal', 'Jenny Rivera', 'Acme Corp', 'Dec 02 2030 23:59', true, 'open'])
    expect(rows[1].slice(0, 3)).toEqual(['Call about the demo', 'Tom Brill', 'Brill & Co'])
    expect(rows.at(-1)?.slice(0, 2).concat(rows.at(-1)![5])).toEqual(['Send the signed contract', 'Jenny Rivera', 'done'])
  })

  it('imports the same export twice without a single copy', () => {
    for (const name of ['pipedrive-activities.csv', 'hubspot-tasks.csv']) {
      const text = fixture(name)
      const mapping = csvPreview(text).guessedMapping
      const first = importCsv(emptyData(), text, mapping, NOW, ids())
      const again = importCsv(first.data, text, mapping, NOW, ids())
      expect(again.created).toEqual([])
      expect(again.duplicates).toBe(first.created.length)
      expect(again.data.followUps).toHaveLength(first.created.length)
    }
  })
})

describe('CSV import at scale', () => {
  it('imports thousands of rows quickly and refuses more than the limit', () => {
    const rows = (n: number) => ['Title,Client,Due', ...Array.from({ length: n }, (_, i) => `Task ${i},Client ${i},2026-12-01`)].join('\n')
    const outcome = importCsv(emptyData(), rows(5_000), { title: 0, client: 1, promisedBy: 2 }, NOW, ids())
    expect(outcome.created).toHaveLength(5_000)
    expect(() => importCsv(emptyData(), rows(10_001), { title: 0, client: 1, promisedBy: 2 }, NOW, ids())).toThrow(/at most 10000/)
  })
})
