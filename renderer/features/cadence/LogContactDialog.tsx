import { useState } from 'react'
import { ChannelOptions } from '../../components/ChannelOptions'
import type { Card, Channel } from '../../../electron/contract'
import { Field } from '../../components/Field'
import { FormModal } from '../../components/FormModal'
import { FormActions } from '../../components/FormActions'
import { api } from '../../lib/api'
import { fromLocalInput, toLocalInput } from '../board/format'

/** "Log a contact": a call, email or meeting that happened outside the board, at the time it happened (now unless changed); it counts toward the cadence. */
export function LogContactDialog({ card, onClose, onDone }: { card: Card; onClose(): void; onDone(message: string): void }) {
  const [channel, setChannel] = useState<Channel>(card.channel)
  const [note, setNote] = useState('')
  const [opened] = useState(() => toLocalInput(new Date().toISOString()))
  const [when, setWhen] = useState(opened)
  const [errors, setErrors] = useState<{ at?: string }>({})
  const [error, setError] = useState<string | null>(null)

  async function save() {
    // Left as it was: "now" is when it is saved, not when the dialog opened.
    const at = when === opened ? undefined : fromLocalInput(when)
    if (when !== opened && !at) return setErrors({ at: 'Pick the date and time of the contact.' })
    const result = await api.logContact({ client: card.client.name, channel, note, ...(at ? { at } : {}) })
    if (!result.ok) {
      setErrors({ at: result.error.fields?.at })
      return setError(result.error.message)
    }
    onDone(`Logged a contact with ${card.client.name}.`)
    onClose()
  }

  return (
    <FormModal title={`Log a contact with ${card.client.name}`} onClose={onClose} onSubmit={save}>
      <Field label="How">
        <select value={channel} onChange={(e) => setChannel(e.target.value as Channel)} autoFocus>
          <ChannelOptions />
        </select>
      </Field>
      <Field label="When" error={errors.at}>
        <input type="datetime-local" value={when} max={toLocalInput(new Date().toISOString())} onChange={(e) => setWhen(e.target.value)} />
      </Field>
      <Field label="Note">
        <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={3} placeholder="What did you talk about?" />
      </Field>
      <FormActions error={error} submitLabel="Log contact" onCancel={onClose} />
    </FormModal>
  )
}
