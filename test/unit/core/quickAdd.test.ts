import { describe, expect, it } from 'vitest'
import { DomainError } from '../../../electron/core/errors'
import { parseQuickAdd } from '../../../electron/core/quickAdd'

/** Monday 23 November 2026, 10:00 Berlin time (vitest runs with TZ=Europe/Berlin). */
const NOW = new Date('2026-11-23T10:00:00+01:00')

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
})
