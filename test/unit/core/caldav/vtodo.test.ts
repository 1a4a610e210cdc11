import { describe, expect, it } from 'vitest'
import { describeFollowUp, readDescription } from '../../../../electron/core/caldav/description'
import { readVtodo, todoUid, writeVtodo } from '../../../../electron/core/caldav/vtodo'
import type { FollowUp } from '../../../../electron/core/schema'
import { jtxTodo, thunderbirdTodo } from '../../../support/caldavRig'

const NOW = new Date('2026-11-23T09:00:00.000Z')

function followUp(overrides: Partial<FollowUp> = {}): FollowUp {
  return {
    id: 'f1',
    title: 'Send the proposal',
    client: { name: 'Jenny Rivera', company: 'Acme Corp', phone: '248-867-5309', email: 'jenny@acme.example' },
    channel: 'email',
    createdAt: '2026-11-23T08:00:00.000Z',
    dueAt: '2026-11-27T15:00:00.000Z',
    allDay: false,
    targetAt: '2026-11-26T15:00:00.000Z',
    notes: 'Mention the volume discount.',
    history: [{ type: 'created', at: '2026-11-23T08:00:00.000Z' }],
    notifiedAt: {},
    kind: 'promise',
    checklist: [
      { id: 'c1', text: 'Which plan?', done: true },
      { id: 'c2', text: 'Start date?', done: false },
    ],
    ...overrides,
  }
}

const write = (f: FollowUp, foreign?: string) => writeVtodo(f, { uid: todoUid(f.id), sequence: 2, now: NOW, modifiedAt: '2026-11-23T08:30:00.000Z', foreign })

describe('a follow-up as a VTODO', () => {
  it('writes every field a task app shows, and reads them back unchanged', () => {
    const ics = write(followUp())
    expect(ics).toContain('UID:follow-through-f1')
    expect(ics).toContain('SUMMARY:Send the proposal')
    expect(ics).toContain('DUE:20261127T150000Z')
    expect(ics).toContain('STATUS:NEEDS-ACTION')
    expect(ics).toContain('CATEGORIES:promise')
    expect(ics).toContain('SEQUENCE:2')
    expect(ics).toContain('LAST-MODIFIED:20261123T083000Z')
    expect(ics).toContain('DTSTAMP:20261123T090000Z')
    expect(ics).toContain('TRIGGER;VALUE=DATE-TIME:20261126T150000Z')
    expect(ics).toContain('X-FOLLOW-THROUGH-TARGET:2026-11-26T15:00:00.000Z')
    expect(readVtodo(ics)).toEqual({
      uid: 'follow-through-f1',
      title: 'Send the proposal',
      due: { dueAt: '2026-11-27T15:00:00.000Z', allDay: false },
      targetAt: '2026-11-26T15:00:00.000Z',
      description: describeFollowUp(followUp()),
      lastModified: '2026-11-23T08:30:00.000Z',
      sequence: 2,
      kind: 'promise',
    })
  })

  it('writes an all-day promise as a DATE and reads it back as the end of that local day', () => {
    const dueAt = new Date(2026, 10, 27, 23, 59, 59, 999).toISOString()
    const ics = write(followUp({ allDay: true, dueAt }))
    expect(ics).toContain('DUE;VALUE=DATE:20261127')
    expect(readVtodo(ics).due).toEqual({ dueAt, allDay: true })
  })

  it('marks a done follow-up COMPLETED with its time', () => {
    const ics = write(followUp({ completedAt: '2026-11-25T10:00:00.000Z' }))
    expect(ics).toContain('STATUS:COMPLETED')
    expect(ics).toContain('COMPLETED:20261125T100000Z')
    expect(readVtodo(ics).completedAt).toBe('2026-11-25T10:00:00.000Z')
  })

  it('keeps the milliseconds of the own target through its X- property', () => {
    const ics = write(followUp({ targetAt: '2026-11-26T15:00:00.123Z' }))
    expect(readVtodo(ics).targetAt).toBe('2026-11-26T15:00:00.123Z')
  })

  it('reads Thunderbird’s TZID times through the VTIMEZONE it sends', () => {
    const remote = readVtodo(thunderbirdTodo({ uid: 'tb', summary: 'Quote', due: '20260715T160000', modified: NOW }))
    // Berlin is UTC+2 in summer.
    expect(remote.due).toEqual({ dueAt: '2026-07-15T14:00:00.000Z', allDay: false })
  })

  it('reads a TZID time without its VTIMEZONE by the zone’s name', () => {
    const ics = thunderbirdTodo({ uid: 'tb', summary: 'Quote', due: '20260115T160000', modified: NOW }).replace(/BEGIN:VTIMEZONE[\s\S]*END:VTIMEZONE\r\n/, '')
    expect(readVtodo(ics).due).toEqual({ dueAt: '2026-01-15T15:00:00.000Z', allDay: false })
  })

  it('keeps properties and alarms other clients wrote when it writes the task again', () => {
    const remote = readVtodo(jtxTodo({ uid: 'jtx', summary: 'Samples', dueDate: '20261210', modified: NOW, extra: ['BEGIN:VALARM', 'ACTION:DISPLAY', 'TRIGGER:-PT15M', 'END:VALARM'] }))
    const ics = write(followUp(), remote.foreign)
    expect(ics).toContain('X-JTX-COLOR:-16711936')
    expect(ics).toContain('X-JTX-SUBTASKS-SORTORDER:1')
    expect(ics).toContain('TRIGGER:-PT15M')
    // Their fields the app writes itself are not doubled.
    expect(ics.match(/^SUMMARY:/gm)).toHaveLength(1)
    expect(ics.match(/^BEGIN:VALARM/gm)).toHaveLength(2)
    expect(readVtodo(ics).foreign).toBe(remote.foreign)
  })

  it('refuses a calendar entry without a task, in words', () => {
    expect(() => readVtodo('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:e\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n')).toThrow(/no task/)
    expect(() => readVtodo('not a calendar')).toThrow(/not valid iCalendar/)
  })
})

describe('the description', () => {
  it('names the client, then the notes, then the checklist, and reads notes and ticks back', () => {
    const text = describeFollowUp(followUp())
    expect(text).toBe(
      'Client: Jenny Rivera\nCompany: Acme Corp\nPhone: 248-867-5309\nEmail: jenny@acme.example\n\nMention the volume discount.\n\nChecklist:\n[x] Which plan?\n[ ] Start date?',
    )
    const read = readDescription(text.replace('[ ] Start date?', '[x] Start date?'))
    expect(read.client).toBe('Jenny Rivera')
    expect(read.notes).toBe('Mention the volume discount.')
    expect([...read.ticks]).toEqual([['Which plan?', true], ['Start date?', true]])
  })

  it('takes any other text whole as the notes', () => {
    expect(readDescription('Bring the samples\nand the price list')).toEqual({ notes: 'Bring the samples\nand the price list', ticks: new Map() })
  })
})
