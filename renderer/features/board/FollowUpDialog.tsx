import { useState } from 'react'
import { ChannelOptions } from '../../components/ChannelOptions'
import type { AppError, Card, Channel, FollowUpDraft, FollowUpPatch, Recurrence } from '../../../electron/contract'
import { DateText } from '../../components/DateText'
import { Field } from '../../components/Field'
import { FormModal } from '../../components/FormModal'
import { FormActions } from '../../components/FormActions'
import { defaultCurrencyOf } from '../../../electron/contract/format'
import { api } from '../../lib/api'
import { displayLocale } from '../../lib/locale'
import { CadenceWarning, useCadenceCheck } from '../cadence/CadenceWarning'
import { ClientField } from './ClientField'
import { fromLocalInput, RECURRENCE_NAMES, toLocalInput } from './format'

interface FormState {
  title: string
  client: string
  company: string
  phone: string
  email: string
  channel: Channel
  dueAt: string
  targetAt: string
  amount: string
  currency: string
  notes: string
  recurrence: Recurrence | ''
  toldClient: boolean
  /** New follow-ups only: one checklist item per line. */
  decisions: string
}

function initialState(card?: Card): FormState {
  return {
    title: card?.title ?? '',
    client: card?.client.name ?? '',
    company: card?.client.company ?? '',
    phone: card?.client.phone ?? '',
    email: card?.client.email ?? '',
    channel: card?.channel ?? 'email',
    dueAt: toLocalInput(card?.dueAt),
    targetAt: toLocalInput(card?.targetAt),
    amount: card?.value ? String(card.value.amount) : '',
    currency: card?.value?.currency ?? defaultCurrencyOf(displayLocale()),
    notes: card?.notes ?? '',
    recurrence: card?.recurrence ?? '',
    toldClient: false,
    decisions: '',
  }
}

const optional = (text: string) => (text.trim() === '' ? undefined : text.trim())

/** Field names in the form, keyed by the service's field paths. */
const FIELD_FOR_PATH: Record<string, keyof FormState> = {
  title: 'title',
  'client.name': 'client',
  'client.company': 'company',
  'client.phone': 'phone',
  'client.email': 'email',
  channel: 'channel',
  dueAt: 'dueAt',
  targetAt: 'targetAt',
  'value.amount': 'amount',
  'value.currency': 'currency',
  'patch.title': 'title',
  'patch.dueAt': 'dueAt',
  'patch.targetAt': 'targetAt',
  'patch.client.name': 'client',
  'patch.client.phone': 'phone',
  'patch.client.email': 'email',
  'patch.value.currency': 'currency',
  notes: 'notes',
}

type Errors = Partial<Record<keyof FormState, string>>

function errorsFrom(error: AppError): Errors {
  const errors: Errors = {}
  for (const [path, message] of Object.entries(error.fields ?? {})) {
    const field = FIELD_FOR_PATH[path] ?? (path.startsWith('checklist') ? 'decisions' : undefined)
    if (field) errors[field] ??= message
  }
  return errors
}

/** "New follow-up" and "Edit": the same labelled form. The service validates; this shows its answers by each field. */
export function FollowUpDialog({ card, onClose, onSaved }: { card?: Card; onClose(): void; onSaved(message: string): void }) {
  const [form, setForm] = useState(() => initialState(card))
  const [errors, setErrors] = useState<Errors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const set = <K extends keyof FormState>(key: K) => (value: FormState[K]) => setForm((current) => ({ ...current, [key]: value }))
  const promiseMoved = card !== undefined && form.dueAt !== toLocalInput(card.dueAt)
  const cadence = useCadenceCheck(card ? undefined : form.client, fromLocalInput(form.dueAt))

  function localErrors(): Errors {
    const found: Errors = {}
    if (!fromLocalInput(form.dueAt)) found.dueAt = 'Pick the date and time you promised.'
    if (form.amount.trim() !== '' && !(Number(form.amount) >= 0)) found.amount = 'Enter an amount such as 2500.'
    return found
  }

  async function save() {
    const found = localErrors()
    if (Object.keys(found).length > 0) {
      setErrors(found)
      return
    }
    setSaving(true)
    const client = { name: form.client.trim(), company: optional(form.company), phone: optional(form.phone), email: optional(form.email) }
    const value = form.amount.trim() === '' ? undefined : { amount: Number(form.amount), currency: form.currency.trim().toUpperCase() }
    const dueAt = fromLocalInput(form.dueAt)!
    const targetAt = fromLocalInput(form.targetAt)
    let failure: AppError | null = null
    if (!card) {
      const checklist = form.decisions.split('\n').map((line) => line.trim()).filter((line) => line !== '')
      const draft: FollowUpDraft = { title: form.title, client, channel: form.channel, dueAt, allDay: false, targetAt, notes: form.notes, value, checklist: checklist.length > 0 ? checklist : undefined, recurrence: form.recurrence || undefined }
      const result = await api.create(draft)
      if (!result.ok) failure = result.error
    } else {
      // One call, all or nothing: the dates go with the other fields, each only when changed.
      const targetMoved = form.targetAt !== toLocalInput(card.targetAt)
      const patch: FollowUpPatch = {
        title: form.title,
        client,
        channel: form.channel,
        notes: form.notes,
        value: value ?? null,
        recurrence: form.recurrence || null,
        ...(promiseMoved ? { dueAt, allDay: false, toldClient: form.toldClient } : {}),
        ...(promiseMoved || targetMoved ? { targetAt } : {}),
      }
      const result = await api.update({ id: card.id, patch })
      if (!result.ok) failure = result.error
    }
    setSaving(false)
    if (failure) {
      setErrors(errorsFrom(failure))
      setFormError(failure.message)
      return
    }
    onSaved(card ? `Saved “${form.title.trim()}”.` : `Added “${form.title.trim()}”.`)
    onClose()
  }

  return (
    <FormModal title={card ? 'Edit follow-up' : 'New follow-up'} onClose={onClose} onSubmit={save} noValidate>
      <Field label="Title" error={errors.title}>
        <input value={form.title} onChange={(e) => set('title')(e.target.value)} placeholder="Send the proposal" autoFocus />
      </Field>
      <div className="form__row">
        <ClientField
          value={form.client}
          onChange={set('client')}
          onPick={(client) => setForm((current) => ({ ...current, client: client.name, company: client.company ?? current.company, phone: client.phone ?? current.phone, email: client.email ?? current.email }))}
          error={errors.client}
        />
        <Field label="Company" error={errors.company}>
          <input value={form.company} onChange={(e) => set('company')(e.target.value)} />
        </Field>
      </div>
      <div className="form__row">
        <Field label="Phone" error={errors.phone}>
          <input type="tel" value={form.phone} onChange={(e) => set('phone')(e.target.value)} />
        </Field>
        <Field label="Email" error={errors.email}>
          <input type="email" value={form.email} onChange={(e) => set('email')(e.target.value)} />
        </Field>
        <Field label="Channel" error={errors.channel}>
          <select value={form.channel} onChange={(e) => set('channel')(e.target.value as Channel)}>
            <ChannelOptions />
          </select>
        </Field>
      </div>
      <div className="form__row">
        <DateText label="Promised by" value={form.dueAt} onChange={set('dueAt')} error={errors.dueAt} />
        <DateText label="My target" value={form.targetAt} onChange={set('targetAt')} error={errors.targetAt} />
      </div>
      {!card && <CadenceWarning client={form.client} check={cadence} />}
      {!card && <p className="form__hint">Leave “My target” empty to aim a business day early (or halfway, for promises due sooner).</p>}
      {promiseMoved && (
        <label className="form__check">
          <input type="checkbox" checked={form.toldClient} onChange={(e) => set('toldClient')(e.target.checked)} /> Did you tell the client about the new date?
        </label>
      )}
      <div className="form__row">
        <Field label="Value" error={errors.amount}>
          <input inputMode="decimal" value={form.amount} onChange={(e) => set('amount')(e.target.value)} placeholder="2500" />
        </Field>
        <Field label="Currency" error={errors.currency}>
          <input value={form.currency} onChange={(e) => set('currency')(e.target.value)} maxLength={3} />
        </Field>
      </div>
      <Field label="Repeats" error={errors.recurrence}>
        <select value={form.recurrence} onChange={(e) => set('recurrence')(e.target.value as FormState['recurrence'])}>
          <option value="">Never</option>
          {Object.entries(RECURRENCE_NAMES).map(([value, name]) => (
            <option key={value} value={value}>
              {name}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Notes" error={errors.notes}>
        <textarea value={form.notes} onChange={(e) => set('notes')(e.target.value)} rows={3} />
      </Field>
      {!card && (
        <Field label="Anything else they need to decide?" error={errors.decisions}>
          <textarea value={form.decisions} onChange={(e) => set('decisions')(e.target.value)} rows={2} placeholder={'One per line, e.g. Which plan?'} />
        </Field>
      )}
      <FormActions error={formError} submitLabel={card ? 'Save' : 'Add follow-up'} onCancel={onClose} busy={saving} />
    </FormModal>
  )
}
