import { describe, expect, it } from 'vitest'
import { dueReminders, nextReminderAt, reminderInstants } from '../../../electron/core/reminders'
import { emptyData, type Data, type FollowUp } from '../../../electron/core/schema'
import { aFollowUp } from '../../fixtures/followUps'

const followUp = (overrides: Partial<FollowUp> = {}) =>
  aFollowUp({ client: { name: 'Jenny Rivera' }, channel: 'phone', dueAt: '2026-11-27T16:00:00+01:00', targetAt: '2026-11-26T16:00:00+01:00', ...overrides })
const dataWith = (...followUps: FollowUp[]): Data => ({ ...emptyData(), followUps })
const at = (iso: string) => new Date(iso)

describe('reminders', () => {
  it('reminds at the own target, one hour before the promise, and at the deadline', () => {
    const data = dataWith(followUp())
    expect(nextReminderAt(data, at('2026-11-23T10:00:00+01:00'))).toEqual(at('2026-11-26T16:00:00+01:00'))
    expect(nextReminderAt(data, at('2026-11-26T16:00:00+01:00'))).toEqual(at('2026-11-27T15:00:00+01:00'))
    expect(nextReminderAt(data, at('2026-11-27T15:00:00+01:00'))).toEqual(at('2026-11-27T16:00:00+01:00'))
  })

  it('words each reminder with the follow-up and the client', () => {
    const lead = dueReminders(dataWith(followUp({ notifiedAt: { target: 'x' } as never })), at('2026-11-27T15:00:00+01:00'))
    expect(lead).toMatchObject([{ kind: 'lead', title: 'Promise to Jenny Rivera due in 1 h — deliver or send a heads-up', body: 'Send proposal' }])
    const deadline = dueReminders(dataWith(followUp({ notifiedAt: { target: 'x', lead: 'x' } as never })), at('2026-11-27T16:00:00+01:00'))
    expect(deadline[0].title).toBe('Overdue: tell Jenny Rivera now')
    expect(deadline[0].body).toContain('Send proposal')
  })

  it('says how long is really left when the lead reminder comes late', () => {
    const [reminder] = dueReminders(dataWith(followUp({ notifiedAt: { target: 'x' } as never })), at('2026-11-27T15:35:00+01:00'))
    expect(reminder.title).toBe('Promise to Jenny Rivera due in 25 min — deliver or send a heads-up')
  })

  it('sends only the latest missed reminder and settles the earlier ones with it', () => {
    const [reminder] = dueReminders(dataWith(followUp()), at('2026-11-28T09:00:00+01:00'))
    expect(reminder.kind).toBe('deadline')
    expect(reminder.settles).toEqual(['target', 'lead', 'deadline'])
  })

  it('never repeats a reminder already sent', () => {
    const sent = followUp({ notifiedAt: { target: 'a', lead: 'b', deadline: 'c' } as never })
    expect(dueReminders(dataWith(sent), at('2026-11-28T09:00:00+01:00'))).toEqual([])
    expect(nextReminderAt(dataWith(sent), at('2026-11-20T09:00:00+01:00'))).toBeNull()
  })

  it('holds reminders during a snooze and sends them when it ends', () => {
    const snoozed = followUp({ snoozedUntil: '2026-11-26T16:45:00+01:00' })
    expect(dueReminders(dataWith(snoozed), at('2026-11-26T16:30:00+01:00'))).toEqual([])
    expect(nextReminderAt(dataWith(snoozed), at('2026-11-26T16:30:00+01:00'))).toEqual(at('2026-11-26T16:45:00+01:00'))
    expect(dueReminders(dataWith(snoozed), at('2026-11-26T16:45:00+01:00'))).toMatchObject([{ kind: 'target' }])
  })

  it('does not remind about completed follow-ups', () => {
    const done = followUp({ completedAt: '2026-11-25T10:00:00Z' })
    expect(dueReminders(dataWith(done), at('2026-11-30T10:00:00Z'))).toEqual([])
    expect(nextReminderAt(dataWith(done), at('2026-11-20T10:00:00Z'))).toBeNull()
  })

  it('reminds about all-day promises at the set hour, not at midnight', () => {
    const allDay = followUp({ allDay: true, dueAt: '2026-11-27T23:59:59.999+01:00', targetAt: '2026-11-26T23:59:59.999+01:00' })
    const instants = reminderInstants(allDay, emptyData().settings)
    expect(instants.target).toEqual(at('2026-11-26T09:00:00+01:00'))
    expect(instants.lead).toEqual(at('2026-11-27T09:00:00+01:00'))
    expect(instants.deadline).toEqual(at('2026-11-28T09:00:00+01:00'))
  })
})

describe('quiet hours', () => {
  const quiet = (enabled: boolean, start = '21:00', end = '08:00'): Data['settings'] => ({ ...emptyData().settings, quietHours: { enabled, outsideWorkingHours: false, start, end } })
  const late = followUp({ dueAt: '2026-11-27T23:30:00+01:00', targetAt: '2026-11-27T22:00:00+01:00', notifiedAt: {} })

  it('hold a reminder that falls in them until they end, and say so', () => {
    const data = { ...dataWith(late), settings: quiet(true) }
    expect(nextReminderAt(data, at('2026-11-27T20:00:00+01:00'))).toEqual(at('2026-11-28T08:00:00+01:00'))
    expect(dueReminders(data, at('2026-11-27T23:45:00+01:00'))).toEqual([])
    const [reminder] = dueReminders(data, at('2026-11-28T08:00:00+01:00'))
    expect(reminder).toMatchObject({ kind: 'deadline', at: at('2026-11-28T08:00:00+01:00') })
    expect(reminder.body).toContain('held during your quiet hours')
  })

  it('are outside working hours by default: a Friday-night reminder waits until Monday 09:00', () => {
    expect(nextReminderAt(dataWith(late), at('2026-11-27T20:00:00+01:00'))).toEqual(at('2026-11-30T09:00:00+01:00'))
  })

  it('can be turned off', () => {
    expect(nextReminderAt({ ...dataWith(late), settings: quiet(false) }, at('2026-11-27T20:00:00+01:00'))).toEqual(at('2026-11-27T22:00:00+01:00'))
  })

  it('can lie within one day', () => {
    const data = { ...dataWith(followUp({ dueAt: '2026-11-27T13:30:00+01:00', targetAt: '2026-11-27T09:00:00+01:00' })), settings: quiet(true, '12:00', '14:00') }
    expect(dueReminders(data, at('2026-11-27T14:00:00+01:00'))).toMatchObject([{ kind: 'deadline', settles: ['target', 'lead', 'deadline'] }])
    expect(nextReminderAt(data, at('2026-11-27T11:00:00+01:00'))).toEqual(at('2026-11-27T14:00:00+01:00'))
  })

  it('leave reminders outside them alone', () => {
    const data = { ...dataWith(followUp()), settings: quiet(true) }
    const [reminder] = dueReminders(data, at('2026-11-26T16:00:00+01:00'))
    expect(reminder).toMatchObject({ kind: 'target', at: at('2026-11-26T16:00:00+01:00') })
    expect(reminder.body).not.toContain('quiet')
  })
})
