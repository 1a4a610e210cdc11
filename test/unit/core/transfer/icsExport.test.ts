import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { followUpsIcs, icsUid } from '../../../../electron/core/icsExport'
import { emptyData, type Data } from '../../../../electron/core/schema'
import { aFollowUp } from '../../../fixtures/followUps'

const NOW = new Date('2026-11-23T09:00:00Z')

/** Every export is read back with a real iCalendar parser: what a calendar app would see. */
function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics))
  // Zones defined in the file are what the events' TZIDs refer to.
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone)
  const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))
  return { calendar, events, byUid: (uid: string) => events.find((event) => event.uid === uid)! }
}

describe('calendar export', () => {
  const data = emptyData()
  data.followUps = [
    aFollowUp({ id: 'open-1', title: 'Send proposal, v2; final', client: { name: 'Jenny Rivera', company: 'Acme Corp' }, targetAt: '2026-11-26T15:00:00.000Z', dueAt: '2026-11-27T15:00:00.000Z' }),
    // All-day: promised Fri 27 Nov, target the end of Thu 26 Nov (Berlin).
    aFollowUp({ id: 'all-day', title: 'Send the price list', allDay: true, targetAt: '2026-11-26T22:59:59.999Z', dueAt: '2026-11-27T22:59:59.999Z' }),
    aFollowUp({ id: 'done-1', title: 'Delivered', completedAt: '2026-11-22T10:00:00.000Z' }),
  ]

  it('writes a timed follow-up as a 15-minute event at its target in the person’s time zone', () => {
    const ics = followUpsIcs(data, NOW, 'en-GB', 'Europe/Berlin')
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/)
    expect(ics).toContain('DTSTART;TZID=Europe/Berlin:20261126T160000')
    const { calendar, events, byUid } = parse(ics)
    expect(events).toHaveLength(2)
    expect(calendar.getFirstSubcomponent('vtimezone')!.getFirstPropertyValue('tzid')).toBe('Europe/Berlin')
    const event = byUid('open-1@follow-through')
    expect(event.summary).toBe('Send proposal, v2; final')
    expect(event.startDate.zone.tzid).toBe('Europe/Berlin')
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-11-26T15:00:00.000Z')
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-11-26T15:15:00.000Z')
    expect(event.description).toBe('Client: Jenny Rivera (Acme Corp)\nPromised by: Fri, 27 Nov 2026, 16:00')
    expect(event.component.getFirstPropertyValue('dtstamp')!.toString()).toBe('2026-11-23T09:00:00Z')
  })

  it('keeps the zone through a summer-time change (New York, after the clocks went back)', () => {
    const ny = emptyData()
    ny.followUps = [aFollowUp({ id: 'ny', targetAt: '2026-11-02T21:30:00.000Z', dueAt: '2026-11-03T21:30:00.000Z' })]
    const { byUid } = parse(followUpsIcs(ny, NOW, 'en-US', 'America/New_York'))
    const start = byUid('ny@follow-through').startDate
    expect([start.hour, start.minute, start.zone.tzid]).toEqual([16, 30, 'America/New_York'])
    expect(start.toJSDate().toISOString()).toBe('2026-11-02T21:30:00.000Z')
  })

  it('writes an all-day promise as an all-day event on its target day, not at 23:59:59', () => {
    const ics = followUpsIcs(data, NOW, 'en-US', 'Europe/Berlin')
    expect(ics).toContain('DTSTART;VALUE=DATE:20261126')
    const event = parse(ics).byUid('all-day@follow-through')
    expect(event.startDate.isDate).toBe(true)
    expect(event.startDate.toString()).toBe('2026-11-26')
    expect(event.endDate.toString()).toBe('2026-11-27')
    expect(event.description).toContain('Promised by: Fri, Nov 27, 2026')
  })

  it('falls back to UTC times for a zone it has no rules for, still parseable', () => {
    const ics = followUpsIcs(data, NOW, 'en-US', 'Mars/Olympus_Mons')
    expect(ics).not.toContain('VTIMEZONE')
    const event = parse(ics).byUid('open-1@follow-through')
    expect(event.startDate.zone).toBe(ICAL.Timezone.utcTimezone)
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-11-26T15:00:00.000Z')
  })

  it('keeps each UID across exports and raises SEQUENCE when the follow-up changes, so a re-import updates the same event', () => {
    const first = parse(followUpsIcs(data, NOW, 'en-US', 'Europe/Berlin')).byUid(icsUid(data.followUps[0]))
    const moved: Data = structuredClone(data)
    moved.followUps[0].targetAt = '2026-11-26T10:00:00.000Z'
    moved.followUps[0].history.push({ type: 'targetChanged', at: '2026-11-24T08:00:00.000Z', from: '2026-11-26T15:00:00.000Z', to: '2026-11-26T10:00:00.000Z' })
    const second = parse(followUpsIcs(moved, new Date('2026-11-24T09:00:00Z'), 'en-US', 'Europe/Berlin')).byUid(icsUid(data.followUps[0]))
    expect(second.uid).toBe(first.uid)
    expect(second.sequence).toBeGreaterThan(first.sequence)
    expect(second.startDate.toJSDate().toISOString()).toBe('2026-11-26T10:00:00.000Z')
  })

  it('writes a valid empty calendar when nothing is open', () => {
    const { calendar, events } = parse(followUpsIcs(emptyData(), NOW, 'en-US', 'Europe/Berlin'))
    expect(events).toEqual([])
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0')
  })
})
