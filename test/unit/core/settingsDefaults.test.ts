import { describe, expect, it } from 'vitest'
import { updateSettings } from '../../../electron/core/commands'
import { migrate } from '../../../electron/core/migrations'
import { DEFAULT_SETTINGS, Data, emptyData } from '../../../electron/core/schema'

/** A format-5 file as the app wrote it, with the quiet hours given. */
const v5 = (quietHours: { enabled: boolean; start: string; end: string }) => ({
  schemaVersion: 5,
  followUps: [],
  contacts: [],
  settings: {
    targetBufferBusinessDays: 1,
    leadTimeMinutes: 60,
    allDayReminderHour: 9,
    quietHours,
    cadence: DEFAULT_SETTINGS.cadence,
    followThrough: DEFAULT_SETTINGS.followThrough,
    sequences: DEFAULT_SETTINGS.sequences,
  },
})

describe('quiet hours', () => {
  it('default to outside working hours, Monday to Friday 09:00–17:00', () => {
    expect(DEFAULT_SETTINGS.quietHours).toMatchObject({ enabled: true, outsideWorkingHours: true })
    expect(DEFAULT_SETTINGS.workingHours).toEqual({ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' })
  })

  it('become "outside working hours" on upgrade when they were off, the old default', () => {
    const { raw } = migrate(v5({ enabled: false, start: '21:00', end: '08:00' }))
    expect(Data.parse(raw).settings.quietHours).toEqual({ enabled: true, outsideWorkingHours: true, start: '21:00', end: '08:00' })
  })

  it('keep the times a person had turned on', () => {
    const { raw } = migrate(v5({ enabled: true, start: '22:00', end: '07:00' }))
    expect(Data.parse(raw).settings.quietHours).toEqual({ enabled: true, outsideWorkingHours: false, start: '22:00', end: '07:00' })
  })
})

describe('working hours', () => {
  it('must end after they start', () => {
    expect(() => updateSettings(emptyData(), { workingHours: { days: [1, 2, 3, 4, 5], start: '17:00', end: '09:00' } })).toThrow('Working hours must end after they start.')
    expect(updateSettings(emptyData(), { workingHours: { days: [1, 2, 3, 4, 5, 6], start: '08:00', end: '18:30' } }).settings.workingHours.end).toBe('18:30')
  })
})
