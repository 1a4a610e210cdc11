import { describe, expect, it } from 'vitest'
import { knownClients, suggestClients } from '../../../electron/core/quickAdd'
import { makeFollowUp } from '../../fixtures/followUps'

const followUp = (i: number, createdAt: string, client: { name: string; company?: string; phone?: string; email?: string }) => ({ ...makeFollowUp(i), createdAt, client })

describe('knownClients', () => {
  it('lists each client once, whatever the case, with the newest details first and older ones filling gaps', () => {
    const clients = knownClients({
      followUps: [
        followUp(1, '2026-01-01T09:00:00.000Z', { name: 'Jenny Rivera', company: 'Acme', phone: '248-867-5309' }),
        followUp(2, '2026-06-01T09:00:00.000Z', { name: 'jenny rivera', company: 'Acme Corp' }),
        followUp(3, '2026-03-01T09:00:00.000Z', { name: 'Dave Jones' }),
      ],
    })
    expect(clients).toEqual([{ name: 'jenny rivera', company: 'Acme Corp', phone: '248-867-5309' }, { name: 'Dave Jones' }])
  })
})

describe('suggestClients', () => {
  const clients = [
    { name: 'Jenny Rivera', company: 'Acme Corp', phone: '248-867-5309', email: 'jenny@acme.example' },
    { name: 'Dave Jones', company: 'Globex' },
    { name: 'Dana Whitaker', company: 'Initech', phone: '020 7946 0958' },
  ]
  const names = (prefix: string) => suggestClients(clients, prefix).map((c) => c.name)

  it('matches the start of any word of the name, case-insensitively, full names first', () => {
    expect(names('da')).toEqual(['Dana Whitaker', 'Dave Jones'])
    expect(names('JONES')).toEqual(['Dave Jones'])
  })

  it('matches the start of the company, the email address or digits of the phone', () => {
    expect(names('glob')).toEqual(['Dave Jones'])
    expect(names('jenny@')).toEqual(['Jenny Rivera'])
    expect(names('7946')).toEqual(['Dana Whitaker'])
  })

  it('forgives a slip in what was typed', () => {
    expect(names('Jeny')).toEqual(['Jenny Rivera'])
    expect(names('Whitkaer')).toEqual(['Dana Whitaker'])
  })

  it('suggests nothing for an empty field', () => {
    expect(names('  ')).toEqual([])
  })
})
