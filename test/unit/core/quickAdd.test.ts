import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DomainError } from '../../../electron/core/errors'
import { format } from 'date-fns'
import { acceptQuickAdd, parseDateText, parseQuickAdd, type QuickAddContext } from '../../../electron/core/quickAdd'
import { FollowUpDraft } from '../../../electron/core/inputs'
import { DEFAULT_SETTINGS } from '../../../electron/core/schema'

/** Monday 23 November 2026, 10:00 Berlin time (vitest runs with TZ=Europe/Berlin). */
const NOW = new Date('2026-11-23T10:00:00+01:00')

const JENNY = { name: 'Jenny Rivera', company: 'Acme Corp', phone: '248-867-5309', email: 'jenny@acme.example' }
const SARAH = { name: 'Sarah Miller', company: 'Northwind', email: 'sarah@northwind.com' }
const CLIENTS = [JENNY, SARAH]

/** The deadline as local wall-clock text: "2026-11-27 16:00", or "2026-11-27" for all day. */
function due(text: string, context?: QuickAddContext): string {
  const { draft } = parseQuickAdd(text, NOW, context)
  return format(new Date(draft.dueAt), draft.allDay ? 'yyyy-MM-dd' : 'yyyy-MM-dd HH:mm')
}

const reasons = (text: string, context?: QuickAddContext) => parseQuickAdd(text, NOW, context).confirm.map((c) => c.reason)

function refusal(text: string): DomainError {
  try {
    parseQuickAdd(text, NOW)
  } catch (error) {
    return error as DomainError
  }
  throw new Error(`"${text}" was accepted`)
}

describe('parseQuickAdd', () => {
  it('reads title, client, local deadline and phone from one line', () => {
    const { draft } = parseQuickAdd('Call Jenny Rivera Friday 4pm 248-867-5309', NOW)
    expect(draft).toMatchObject({
      title: 'Call Jenny Rivera',
      client: { name: 'Jenny Rivera', phone: '248-867-5309' },
      channel: 'phone',
      allDay: false,
    })
    expect(draft.dueAt).toBe(new Date('2026-11-27T16:00:00+01:00').toISOString())
  })

  it('reads a relative date without a time as due by the end of that day', () => {
    const { draft } = parseQuickAdd('Send proposal to Acme Corp in 3 days', NOW)
    expect(draft).toMatchObject({ title: 'Send proposal to Acme Corp', client: { name: 'Acme Corp' }, allDay: true })
    expect(draft.dueAt).toBe(new Date('2026-11-26T23:59:59.999+01:00').toISOString())
  })

  it('pulls an email address out of the title and picks the email channel', () => {
    const { draft } = parseQuickAdd('Email Bob Smith bob@example.com tomorrow 9am', NOW)
    expect(draft).toMatchObject({ title: 'Email Bob Smith', client: { name: 'Bob Smith', email: 'bob@example.com' }, channel: 'email' })
  })

  it('drops a dangling "by" left where the date was', () => {
    expect(parseQuickAdd('Send contract to Globex by Friday', NOW).draft.title).toBe('Send contract to Globex')
  })

  it('reads a weekday as the next one, never a past one', () => {
    const { draft } = parseQuickAdd('Call Jenny Rivera Monday 9am', NOW)
    expect(draft.dueAt).toBe(new Date('2026-11-30T09:00:00+01:00').toISOString())
  })

  it('does not take an ISO date for a phone number', () => {
    const { draft } = parseQuickAdd('Send quote to Initech 2026-12-01', NOW)
    expect(draft.client.phone).toBeUndefined()
    expect(draft.dueAt).toBe(new Date('2026-12-01T23:59:59.999+01:00').toISOString())
  })

  it('refuses a line without a date, saying what to add', () => {
    const error = refusal('Call Jenny Rivera about the contract')
    expect(error.code).toBe('invalid_input')
    expect(error.message).toMatch(/when you promised/i)
  })

  it('refuses a line without a client, saying what to add', () => {
    expect(refusal('send the thing tomorrow').message).toMatch(/who it is for/i)
  })

  it('refuses a time that has already passed', () => {
    expect(refusal('Call Jenny Rivera today 8am').message).toMatch(/already passed/i)
  })

  it('reads a bare hour within working hours: "at 3" is 15:00, "at 10" is 10:00', () => {
    expect(due('Call Ron Swanson at 3')).toBe('2026-11-23 15:00')
    expect(due('Call Ron Swanson tomorrow at 10')).toBe('2026-11-24 10:00')
    expect(due('Ping Gina Linetti fri 4')).toBe('2026-11-27 16:00')
  })

  it('asks about a bare hour that fits neither morning nor afternoon working hours, offering the evening', () => {
    const result = parseQuickAdd('Call Ron at 8 tomorrow', NOW)
    expect(result.confirm.map((c) => c.reason)).toEqual(['ambiguous'])
    expect(result.alternatives.map((a) => format(new Date(a.dueAt), 'HH:mm'))).toEqual(['20:00'])
  })

  it('puts end of day, close of business, end of week and end of month at the end of working hours', () => {
    expect(due('proposal to Initech EOD')).toBe('2026-11-23 17:00')
    expect(due('Quote to Rebecca Welton COB Thursday')).toBe('2026-11-26 17:00')
    expect(due('Quote for Wayne Enterprises end of week')).toBe('2026-11-27 17:00')
    expect(due('Report to Nate Shelley end of month')).toBe('2026-11-30 17:00')
    const lateFridays = { settings: { ...DEFAULT_SETTINGS, workingHours: { days: [1, 2, 3, 4], start: '08:00', end: '18:00' } } }
    expect(due('Contract to Jamie Tartt EOW', lateFridays)).toBe('2026-11-26 18:00')
  })

  it('reads morning and afternoon from the settings', () => {
    expect(due('follow up with Sarah tomorrow morning')).toBe('2026-11-24 09:00')
    const dayParts = { settings: { ...DEFAULT_SETTINGS, dayParts: { morning: '08:30', afternoon: '13:00' } } }
    expect(due('follow up with Sarah tomorrow morning', dayParts)).toBe('2026-11-24 08:30')
    expect(due('Call Bill Lumbergh this afternoon', dayParts)).toBe('2026-11-23 13:00')
  })

  it('reads "on the 15th", "by the 1st", ISO dates and "12/2 by 5pm", leaving none of it in the title', () => {
    const hooli = parseQuickAdd('demo for Hooli on the 15th at 10:30', NOW).draft
    expect([hooli.title, format(new Date(hooli.dueAt), 'yyyy-MM-dd HH:mm')]).toEqual(['Demo for Hooli', '2026-12-15 10:30'])
    expect(due('send samples to Dunder Mifflin by the 1st')).toBe('2026-12-01')
    expect(due('reminder: call Paul 2026-12-04 10:00')).toBe('2026-12-04 10:00')
    expect(due('Call Ben Wyatt 12/2 by 5pm')).toBe('2026-12-02 17:00')
  })

  it('decides that a weekday typed on that weekday means next week, and offers today as well', () => {
    const result = parseQuickAdd('Call Ron Monday 4pm', NOW)
    expect(format(new Date(result.draft.dueAt), 'yyyy-MM-dd HH:mm')).toBe('2026-11-30 16:00')
    expect(result.confirm).toEqual([])
    expect(result.alternatives.map((a) => format(new Date(a.dueAt), 'yyyy-MM-dd HH:mm'))).toEqual(['2026-11-23 16:00'])
    expect(due('Call Ron this Monday 4pm')).toBe('2026-11-23 16:00')
  })

  it('corrects typos in weekday and month names', () => {
    expect(due('Call Jenny Firday 4pm')).toBe('2026-11-27 16:00')
    expect(due('call dave thrusday 10am')).toBe('2026-11-26 10:00')
    expect(due('Demo for Hooli Decmber 8')).toBe('2026-12-08')
    expect(due('send pricing to walter white tmrw')).toBe('2026-11-24')
  })

  it('asks before saving a date more than six months away, a time at night, or today when another day was named', () => {
    expect(reasons('Call Jenny Rivera Nov 20')).toEqual(['far-away'])
    expect(reasons('Call Jenny at 11pm tomorrow')).toEqual(['at-night'])
    expect(reasons('call dave 5am friday')).toEqual(['at-night'])
    const named = parseQuickAdd('Call Jenny Rivera Firdya 4pm', NOW)
    expect(named.confirm.map((c) => c.reason)).toEqual(['today-but-named-day'])
    expect(named.alternatives.map((a) => format(new Date(a.dueAt), 'yyyy-MM-dd HH:mm'))).toEqual(['2026-11-27 16:00'])
  })

  it('asks when date words are left in the title, offering them as the other reading', () => {
    const result = parseQuickAdd('Call Jenny Friday 4pm re Monday meeting', NOW)
    expect(result.confirm.map((c) => c.reason)).toEqual(['date-words-left'])
    expect(result.draft.title).toBe('Call Jenny re Monday meeting')
    expect(result.alternatives.map((a) => format(new Date(a.dueAt), 'yyyy-MM-dd HH:mm'))).toContain('2026-11-30 16:00')
  })

  it('asks which Friday "next Friday" means when typed early in the week', () => {
    const result = parseQuickAdd('Call Jenny next Friday', NOW)
    expect(result.confirm.map((c) => c.reason)).toEqual(['ambiguous'])
    expect(format(new Date(result.draft.dueAt), 'yyyy-MM-dd')).toBe('2026-12-04')
    expect(result.alternatives.map((a) => format(new Date(a.dueAt), 'yyyy-MM-dd'))).toEqual(['2026-11-27'])
  })

  it('saves a reading that asks only once confirmed, and the one picked', () => {
    const result = parseQuickAdd('Call Jenny next Friday', NOW)
    expect(() => acceptQuickAdd(result)).toThrow(/check before saving/i)
    expect(acceptQuickAdd(result, { confirmed: true }).dueAt).toBe(result.draft.dueAt)
    expect(acceptQuickAdd(result, { choice: 1, confirmed: true }).dueAt).toBe(result.alternatives[0].dueAt)
    expect(acceptQuickAdd(parseQuickAdd('Call Jenny Friday', NOW)).title).toBe('Call Jenny')
  })

  it('reads names in any case', () => {
    expect(parseQuickAdd('follow up with sarah re pricing tomorrow morning', NOW).draft.client.name).toBe('Sarah')
    expect(parseQuickAdd('CALL LESLIE KNOPE TUESDAY 10AM', NOW).draft.client.name).toBe('Leslie Knope')
    expect(parseQuickAdd('call kevin malone tomorrow at 2', NOW).draft.client.name).toBe('Kevin Malone')
  })

  it('fills the company from "at", "from", "@" and "Name, Company,"', () => {
    const client = (text: string) => parseQuickAdd(text, NOW).draft.client
    expect(client('Meet Sheldon Cooper at Caltech Wednesday 2pm')).toEqual({ name: 'Sheldon Cooper', company: 'Caltech' })
    expect(client('CALL STEVE AT GLOBEX TOMORROW 11AM')).toEqual({ name: 'Steve', company: 'Globex' })
    expect(client('Call Steve @ Globex Friday 10am')).toEqual({ name: 'Steve', company: 'Globex' })
    expect(client('Meet Gavin Belson from Hooli Thursday 11am')).toEqual({ name: 'Gavin Belson', company: 'Hooli' })
    expect(client('Jane Doe, Acme, Friday')).toEqual({ name: 'Jane Doe', company: 'Acme' })
    expect(client('Call Marcus Brody re contract Friday')).toEqual({ name: 'Marcus Brody' })
    expect(client('Update Oscorp about PO status Thursday')).toEqual({ name: 'Oscorp' })
  })

  it('takes a recipient who is only an email address from a known client, or from the address', () => {
    const known = parseQuickAdd('email deck to sarah@northwind.com by Dec 3', NOW, { clients: CLIENTS })
    expect(known.draft.client).toEqual(SARAH)
    expect(known.draft.title).toBe('Email deck to sarah@northwind.com')
    expect(parseQuickAdd('send deck to tom.baker@contoso.com Friday', NOW).draft.client).toEqual({ name: 'Tom Baker', email: 'tom.baker@contoso.com' })
  })

  it('matches known clients first: by first name, its start, a slip, or their phone', () => {
    for (const line of ['call jenny fri', 'Call Jen Friday 3pm', 'Call Jeny Rivera Friday', 'call 248-867-5309 tomorrow 10am']) {
      const result = parseQuickAdd(line, NOW, { clients: CLIENTS })
      expect(result.draft.client, line).toEqual(JENNY)
      expect(result.matched?.name, line).toBe('Jenny Rivera')
    }
    expect(parseQuickAdd('Call Jenna Maroney tomorrow', NOW, { clients: CLIENTS }).draft.client).toEqual({ name: 'Jenna Maroney' })
  })

  it('keeps phone extensions with the number and out of the title', () => {
    const { draft } = parseQuickAdd('Call Ann Perkins (415) 555-0198 ext. 45 tomorrow', NOW)
    expect(draft.title).toBe('Call Ann Perkins')
    expect(draft.client.phone).toBe('(415) 555-0198 x45')
    expect(parseQuickAdd('Ring Oliver Twist +44 20 7946 0321 ext 12 tomorrow', NOW).draft.client.phone).toBe('+44 20 7946 0321 x12')
  })

  it('reads numeric dates day first in British English and German, month first in US English', () => {
    expect(due('Send brochure to Kate Middleton 3/12', { locale: 'en-US' })).toBe('2027-03-12')
    expect(due('Send brochure to Kate Middleton 3/12', { locale: 'en-GB' })).toBe('2026-12-03')
    expect(due('Klaus Weber anrufen Freitag 16 Uhr', { locale: 'de-DE' })).toBe('2026-11-27 16:00')
    expect(due('Rechnung an Jonas Wagner bis 15.12.', { locale: 'de-DE' })).toBe('2026-12-15')
  })

  it('lets the locale setting override the system locale', () => {
    expect(due('Send brochure to Kate Middleton 3/12', { locale: 'en-US', settings: { ...DEFAULT_SETTINGS, locale: 'en-GB' } })).toBe('2026-12-03')
  })
})

describe('parseDateText', () => {
  const read = (text: string, context?: QuickAddContext) => {
    const result = parseDateText(text, NOW, context)
    return format(new Date(result.dueAt), result.allDay ? 'yyyy-MM-dd' : 'yyyy-MM-dd HH:mm')
  }

  it('reads a date typed in words by the same rules as quick add', () => {
    expect(read('fri 4pm')).toBe('2026-11-27 16:00')
    expect(read('in 2 weeks')).toBe('2026-12-07')
    expect(read('EOD tomorrow')).toBe('2026-11-24 17:00')
    expect(read('Freitag 16 Uhr', { locale: 'de' })).toBe('2026-11-27 16:00')
  })

  it('says what to type when it finds no date, or one that has passed', () => {
    expect(() => parseDateText('whenever', NOW)).toThrow(/fri 4pm/)
    expect(() => parseDateText('yesterday', NOW)).toThrow(/already passed/)
  })
})

describe('parseQuickAdd on any input', () => {
  const pieces = fc.constantFrom(
    'call', 'Jenny', 'rivera', 'to', 'Acme Corp', 'at', 'from', '@', 'fri', 'Firday', 'tmrw', 'EOD', 'end of week', 'on the 15th', 'at 3',
    '4pm', '12/2', '3.12.', '2026-12-04 10:00', 'x204', 'ext. 45', '+44 20 7946 0321', '(415) 555-0198', 'bob@example.com', 're:', 'w/', ',',
    'next Friday', 'Nov 20', 'Freitag 16 Uhr', 'morgen', 'anrufen', 'ÄÖÜ', '\u0000', '   ',
  )
  const lines = fc.oneof(fc.string({ maxLength: 120 }), fc.array(pieces, { maxLength: 12 }).map((words) => words.join(' ')))

  it('either returns a draft the service accepts, or refuses with a message for people', () => {
    fc.assert(
      fc.property(lines, fc.constantFrom('en-US', 'en-GB', 'de-DE'), (line, locale) => {
        try {
          const { draft } = parseQuickAdd(line, NOW, { locale, clients: CLIENTS })
          expect(FollowUpDraft.safeParse(draft).success).toBe(true)
          expect(Date.parse(draft.dueAt)).toBeGreaterThan(NOW.getTime())
        } catch (error) {
          expect(error).toBeInstanceOf(DomainError)
        }
      }),
      { numRuns: 400 },
    )
  })
})
