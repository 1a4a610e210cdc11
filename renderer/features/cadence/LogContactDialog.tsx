import { useState } from 'react'
import { ChannelOptions } from '../../components/ChannelOptions'
import type { Card, Channel } from '../../../electron/contract'
import { Field } from '../../components/Field'
import { FormModal } from '../../components/FormModal'
import { FormActions } from '../../components/FormActions'
import { api } from '../../lib/api'

/** "Log a contact": a call, email or meeting that happened outside the board; it resets the cadence clock. */
export function LogContactDialog({ card, onClose, onDone }: { card: Card; onClose(): void; onDone(message: string): void }) {
  const [channel, setChannel] = useState<Channel>(card.channel)
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)

  async function save() {
    const result = await api.logContact({ client: card.client.name, channel, note })
    if (!result.ok) return setError(result.error.message)
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
      <Field label="Note">
        <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={3} placeholder="What did you talk about?" />
      </Field>
      <FormActions error={error} submitLabel="Log contact" onCancel={onClose} />
    </FormModal>
  )
}
