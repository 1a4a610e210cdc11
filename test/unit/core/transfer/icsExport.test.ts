import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { followUpsIcs, icsUid } from '../../../../electron/core/icsExport'
import { emptyData } from '../../../../electron/core/schema'
import { aFollowUp } from '../../../fixtures/followUps'

const NOW = new Date('2026-11-23T09:00:00Z')

describe('calendar export', () => {
  const data = emptyData()
  data.followUps = [
    aFollowUp({ id: 'open-1', title: 'Send proposal, v2; final', client: { name: 'Jenny Rivera', company: 'Acme Corp' }, targetAt: '2026-11-26T15:00:00.000Z', dueAt: '2026-11-27T15:00:00.000Z' }),
    aFollowUp({ id: 'done-1', title: 'Delivered', completedAt: '2026-11-22T10:00:00.000Z' }),
  ]

  it('writes one 15-minute event per open follow-up at its target, parseable by ical.js', () => {
    const ics = followUpsIcs(data, NOW)
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/)
    const calendar = new ICAL.Component(ICAL.parse(ics))
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))
    expect(events).toHaveLength(1)
    const [event] = events
    expect(event.uid).toBe('open-1@follow-through')
    expect(event.summary).toBe('Send proposal, v2; final')
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-11-26T15:00:00.000Z')
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-11-26T15:15:00.000Z')
    // Promised Fri 27 Nov 16:00 in Berlin.
    expect(event.description).toBe('Client: Jenny Rivera (Acme Corp)\nPromised by: Fri 27 Nov 2026 16:00')
    expect(calendar.getFirstSubcomponent('vevent')!.getFirstPropertyValue('dtstamp')!.toString()).toBe('2026-11-23T09:00:00Z')
  })

  it('keeps the UID stable per follow-up across exports', () => {
    expect(followUpsIcs(data, new Date('2026-12-01T00:00:00Z'))).toContain(`UID:${icsUid(data.followUps[0])}`)
  })

  it('writes a valid empty calendar when nothing is open', () => {
    const calendar = new ICAL.Component(ICAL.parse(followUpsIcs(emptyData(), NOW)))
    expect(calendar.getAllSubcomponents('vevent')).toEqual([])
  })
})
