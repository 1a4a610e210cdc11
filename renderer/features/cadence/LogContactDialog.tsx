import { useState } from 'react'
import type { Card, Channel } from '../../../electron/contract'
import { Field } from '../../components/Field'
import { FormActions } from '../../components/FormActions'
import { Modal } from '../../components/Modal'
import { api } from '../../lib/api'
import { CHANNEL_NAMES } from '../board/format'

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
    <Modal title={`Log a contact with ${card.client.name}`} onClose={onClose}>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault()
          void save()
        }}
      >
        <Field label="How">
          <select value={channel} onChange={(e) => setChannel(e.target.value as Channel)} autoFocus>
            {Object.entries(CHANNEL_NAMES).map(([value, name]) => (
              <option key={value} value={value}>
                {name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Note">
          <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={3} placeholder="What did you talk about?" />
        </Field>
        <FormActions error={error} submitLabel="Log contact" onCancel={onClose} />
      </form>
    </Modal>
  )
}
