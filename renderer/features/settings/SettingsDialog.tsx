import { useEffect, useState } from 'react'
import type { Settings } from '../../../electron/contract'
import { Field } from '../../components/Field'
import { FormActions } from '../../components/FormActions'
import { Modal } from '../../components/Modal'
import { api } from '../../lib/api'
import { SequenceEditor } from './SequenceEditor'

type Errors = Partial<Record<string, string>>

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
    const result = await api.updateSettings(settings)
    if (!result.ok) {
      setErrors(result.error.fields ?? {})
      setFormError(result.error.message)
      return
    }
    onSaved('Settings saved.')
    onClose()
  }

  const number = (value: string) => (value.trim() === '' ? Number.NaN : Number(value))

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
            <input type="number" min={0} max={30} value={settings.targetBufferBusinessDays} onChange={(e) => set({ targetBufferBusinessDays: number(e.target.value) })} />
          </Field>
          <Field label="Remind me this many minutes before a promise is due" error={errors.leadTimeMinutes}>
            <input type="number" min={0} value={settings.leadTimeMinutes} onChange={(e) => set({ leadTimeMinutes: number(e.target.value) })} />
          </Field>
          <Field label="Remind me of all-day promises at (hour)" error={errors.allDayReminderHour}>
            <input type="number" min={0} max={23} value={settings.allDayReminderHour} onChange={(e) => set({ allDayReminderHour: number(e.target.value) })} />
          </Field>
          <label className="form__check">
            <input
              type="checkbox"
              checked={settings.quietHours.enabled}
              onChange={(e) => set({ quietHours: { ...settings.quietHours, enabled: e.target.checked } })}
            />{' '}
            Quiet hours: hold reminders until they end
          </label>
          <div className="form__row">
            <Field label="Quiet from" error={errors['quietHours.start']}>
              <input type="time" value={settings.quietHours.start} disabled={!settings.quietHours.enabled} onChange={(e) => set({ quietHours: { ...settings.quietHours, start: e.target.value } })} />
            </Field>
            <Field label="Quiet until" error={errors['quietHours.end']}>
              <input type="time" value={settings.quietHours.end} disabled={!settings.quietHours.enabled} onChange={(e) => set({ quietHours: { ...settings.quietHours, end: e.target.value } })} />
            </Field>
          </div>
          <h3 className="form__section">After the sale</h3>
          <SequenceEditor sequence={settings.sequences.won} onChange={(won) => set({ sequences: { ...settings.sequences, won } })} />
          <SequenceEditor sequence={settings.sequences.delivered} onChange={(delivered) => set({ sequences: { ...settings.sequences, delivered } })} />
          <FormActions error={formError} submitLabel="Save settings" onCancel={onClose} />
        </form>
      ) : (
        <p>{formError ?? 'Loading…'}</p>
      )}
    </Modal>
  )
}
