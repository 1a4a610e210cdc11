import { useEffect, useState } from 'react'
import type { Settings } from '../../../electron/contract'
import { Field } from '../../components/Field'
import { FormActions } from '../../components/FormActions'
import { Modal } from '../../components/Modal'
import { api } from '../../lib/api'
import { systemLocale } from '../../lib/locale'
import { CalendarSync } from './CalendarSync'
import { LocaleField } from './LocaleField'
import { SequenceEditor } from './SequenceEditor'

type Errors = Partial<Record<string, string>>

/**
 * Sunday (0) to Saturday (6) with their names, starting on the locale's first day
 * of the week (Monday in most of Europe, Sunday in the US).
 */
function weekdaysInLocaleOrder(): { day: number; name: string }[] {
  const locale = new Intl.Locale(systemLocale() || 'en-US') as Intl.Locale & { getWeekInfo?(): { firstDay: number }; weekInfo?: { firstDay: number } }
  const firstDay = (locale.getWeekInfo?.() ?? locale.weekInfo)?.firstDay ?? 1
  const names = new Intl.DateTimeFormat(undefined, { weekday: 'long' })
  // 4 January 2026 is a Sunday.
  return Array.from({ length: 7 }, (_, i) => {
    const day = (firstDay + i) % 7
    return { day, name: names.format(new Date(2026, 0, 4 + day)) }
  })
}

/** The method's knobs: how early to aim, when to be reminded, when to be left alone. */
export function SettingsDialog({ onClose, onSaved }: { onClose(): void; onSaved(message: string): void }) {
  const [settings, setSettings] = useState<Settings | null>(null)
  const [errors, setErrors] = useState<Errors>({})
  const [formError, setFormError] = useState<string | null>(null)

  useEffect(() => {
    api.getSettings({}).then((result) => (result.ok ? setSettings(result.value) : setFormError(result.error.message)))
  }, [])

  const set = (patch: Partial<Settings>) => setSettings((current) => (current ? { ...current, ...patch } : current))

  async function save() {
    if (!settings) return
    // No locale means the system's: say so, or a saved override would stay.
    const result = await api.updateSettings({ ...settings, locale: settings.locale ?? null })
    if (!result.ok) {
      setErrors(result.error.fields ?? {})
      setFormError(result.error.message)
      return
    }
    onSaved('Settings saved.')
    onClose()
  }

  // An emptied number field is NaN until retyped; the service refuses it with a message if saved so.
  const number = (value: string) => (value.trim() === '' ? Number.NaN : Number(value))
  const shown = (value: number) => (Number.isNaN(value) ? '' : value)

  return (
    <Modal title="Settings" onClose={onClose}>
      {settings ? (
        <form
          className="form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            void save()
          }}
        >
          <Field label="Aim this many business days before the promise" error={errors.targetBufferBusinessDays}>
            <input type="number" min={0} max={30} autoFocus value={shown(settings.targetBufferBusinessDays)} onChange={(e) => set({ targetBufferBusinessDays: number(e.target.value) })} />
          </Field>
          <Field label="Remind me this many minutes before a promise is due" error={errors.leadTimeMinutes}>
            <input type="number" min={0} value={shown(settings.leadTimeMinutes)} onChange={(e) => set({ leadTimeMinutes: number(e.target.value) })} />
          </Field>
          <Field label="Remind me of all-day promises at (hour)" error={errors.allDayReminderHour}>
            <input type="number" min={0} max={23} value={shown(settings.allDayReminderHour)} onChange={(e) => set({ allDayReminderHour: number(e.target.value) })} />
          </Field>
          <h3 className="form__section">Working hours</h3>
          <p className="form__hint">Check-ins, thank-yous, confirmation calls and repeats are planned inside these hours.</p>
          <fieldset className="form__days">
            <legend>Working days</legend>
            {weekdaysInLocaleOrder().map(({ day, name }) => (
              <label key={day} className="form__check">
                <input
                  type="checkbox"
                  checked={settings.workingHours.days.includes(day)}
                  onChange={(e) => {
                    const days = e.target.checked ? [...settings.workingHours.days, day].sort((a, b) => a - b) : settings.workingHours.days.filter((d) => d !== day)
                    set({ workingHours: { ...settings.workingHours, days } })
                  }}
                />{' '}
                {name}
              </label>
            ))}
          </fieldset>
          {errors['workingHours.days'] && <p className="field__error">{errors['workingHours.days']}</p>}
          <div className="form__row">
            <Field label="Working hours start" error={errors['workingHours.start']}>
              <input type="time" value={settings.workingHours.start} onChange={(e) => set({ workingHours: { ...settings.workingHours, start: e.target.value } })} />
            </Field>
            <Field label="Working hours end" error={errors['workingHours.end']}>
              <input type="time" value={settings.workingHours.end} onChange={(e) => set({ workingHours: { ...settings.workingHours, end: e.target.value } })} />
            </Field>
          </div>
          <label className="form__check">
            <input
              type="checkbox"
              checked={settings.quietHours.enabled}
              onChange={(e) => set({ quietHours: { ...settings.quietHours, enabled: e.target.checked } })}
            />{' '}
            Quiet hours: hold reminders until they end
          </label>
          <fieldset className="form__days" disabled={!settings.quietHours.enabled}>
            <legend>When reminders wait</legend>
            <label className="form__check">
              <input
                type="radio"
                name="quiet-hours"
                checked={settings.quietHours.outsideWorkingHours}
                onChange={() => set({ quietHours: { ...settings.quietHours, outsideWorkingHours: true } })}
              />{' '}
              Outside working hours
            </label>
            <label className="form__check">
              <input
                type="radio"
                name="quiet-hours"
                checked={!settings.quietHours.outsideWorkingHours}
                onChange={() => set({ quietHours: { ...settings.quietHours, outsideWorkingHours: false } })}
              />{' '}
              Between these times
            </label>
          </fieldset>
          <div className="form__row">
            <Field label="Quiet from" error={errors['quietHours.start']}>
              <input type="time" value={settings.quietHours.start} disabled={!settings.quietHours.enabled || settings.quietHours.outsideWorkingHours} onChange={(e) => set({ quietHours: { ...settings.quietHours, start: e.target.value } })} />
            </Field>
            <Field label="Quiet until" error={errors['quietHours.end']}>
              <input type="time" value={settings.quietHours.end} disabled={!settings.quietHours.enabled || settings.quietHours.outsideWorkingHours} onChange={(e) => set({ quietHours: { ...settings.quietHours, end: e.target.value } })} />
            </Field>
          </div>
          <h3 className="form__section">Don’t pester</h3>
          <div className="form__row">
            <Field label="At most this many touches per client" error={errors['cadence.maxTouches']}>
              <input type="number" min={1} max={50} value={shown(settings.cadence.maxTouches)} onChange={(e) => set({ cadence: { ...settings.cadence, maxTouches: number(e.target.value) } })} />
            </Field>
            <Field label="In any this many days" error={errors['cadence.windowDays']}>
              <input type="number" min={1} max={90} value={shown(settings.cadence.windowDays)} onChange={(e) => set({ cadence: { ...settings.cadence, windowDays: number(e.target.value) } })} />
            </Field>
          </div>
          <h3 className="form__section">Follow through</h3>
          <label className="form__check">
            <input
              type="checkbox"
              checked={settings.followThrough.enabled}
              onChange={(e) => set({ followThrough: { ...settings.followThrough, enabled: e.target.checked } })}
            />{' '}
            Plan a check-in after each delivered promise
          </label>
          <Field label="Check in this many business days after delivery" error={errors['followThrough.afterBusinessDays']}>
            <input
              type="number"
              min={0}
              max={30}
              value={shown(settings.followThrough.afterBusinessDays)}
              disabled={!settings.followThrough.enabled}
              onChange={(e) => set({ followThrough: { ...settings.followThrough, afterBusinessDays: number(e.target.value) } })}
            />
          </Field>
          <LocaleField value={settings.locale} error={errors.locale} onChange={(locale) => set({ locale })} />
          <h3 className="form__section">After the sale</h3>
          <SequenceEditor sequence={settings.sequences.won} onChange={(won) => set({ sequences: { ...settings.sequences, won } })} />
          <SequenceEditor sequence={settings.sequences.delivered} onChange={(delivered) => set({ sequences: { ...settings.sequences, delivered } })} />
          <FormActions error={formError} submitLabel="Save settings" onCancel={onClose} />
        </form>
      ) : (
        <p>{formError ?? 'Loading…'}</p>
      )}
      <CalendarSync />
    </Modal>
  )
}
