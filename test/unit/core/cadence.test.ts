import { describe, expect, it } from 'vitest'
import { checkCadence } from '../../../electron/core/cadence'
import { logContact } from '../../../electron/core/contacts'
import { DomainError } from '../../../electron/core/errors'
import { emptyData, type Data } from '../../../electron/core/schema'
import { aFollowUp } from '../../fixtures/followUps'

const NOW = new Date('2026-11-23T10:00:00+01:00')

function withTouches(...completedAt: string[]): Data {
  return { ...emptyData(), followUps: completedAt.map((at, i) => aFollowUp({ id: `f${i}`, client: { name: 'Jenny Rivera' }, completedAt: at })) }
}

describe('checkCadence', () => {
  it('allows a first touch', () => {
    expect(checkCadence(emptyData(), 'Jenny Rivera', NOW)).toMatchObject({ withinCadence: true, touches: 0 })
  })

  it('warns when a second touch within 7 days would pester, naming the last touch and a date that fits', () => {
    const check = checkCadence(withTouches('2026-11-20T15:00:00.000Z'), 'Jenny Rivera', NOW)
    expect(check).toEqual({
      withinCadence: false,
      touches: 1,
      maxTouches: 1,
      windowDays: 7,
      lastTouchAt: '2026-11-20T15:00:00.000Z',
      suggestedAt: '2026-11-27T15:00:00.000Z',
    })
  })

  it('counts logged contacts as touches, whatever the spelling of the name', () => {
    const { data } = logContact(emptyData(), { client: ' jenny rivera ', channel: 'phone' }, new Date('2026-11-22T09:00:00Z'), 'c1')
    expect(checkCadence(data, 'Jenny Rivera', NOW).withinCadence).toBe(false)
  })

  it('forgets touches older than the window', () => {
    expect(checkCadence(withTouches('2026-11-10T10:00:00Z'), 'Jenny Rivera', NOW).withinCadence).toBe(true)
  })

  it('ignores other clients and open follow-ups', () => {
    const data = { ...withTouches(), followUps: [aFollowUp({ client: { name: 'Globex' }, completedAt: '2026-11-22T10:00:00Z' }), aFollowUp({ id: 'open', client: { name: 'Jenny Rivera' } })] }
    expect(checkCadence(data, 'Jenny Rivera', NOW).withinCadence).toBe(true)
  })

  it('follows a looser cadence from the settings', () => {
    const data = { ...withTouches('2026-11-20T15:00:00.000Z'), settings: { ...emptyData().settings, cadence: { maxTouches: 2, windowDays: 7 } } }
    expect(checkCadence(data, 'Jenny Rivera', NOW).withinCadence).toBe(true)
    const twice = { ...data, followUps: [...data.followUps, aFollowUp({ id: 'g', client: { name: 'Jenny Rivera' }, completedAt: '2026-11-22T15:00:00.000Z' })] }
    expect(checkCadence(twice, 'Jenny Rivera', NOW)).toMatchObject({ withinCadence: false, suggestedAt: '2026-11-27T15:00:00.000Z' })
  })
})

describe('logContact', () => {
  it('refuses a contact in the future', () => {
    expect(() => logContact(emptyData(), { client: 'Jenny', channel: 'email', at: '2026-11-24T10:00:00Z' }, NOW, 'c1')).toThrow(DomainError)
  })
})
