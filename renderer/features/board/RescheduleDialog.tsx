import { addDays, setHours, startOfHour } from 'date-fns'
import { useState } from 'react'
import type { Card } from '../../../electron/contract'
import { Field } from '../../components/Field'
import { Modal } from '../../components/Modal'
import { api } from '../../lib/api'
import { fromLocalInput, toLocalInput } from './format'

/** A new promised date, and whether the client heard about it: renegotiated-with-notice is not a silent miss. */
export function RescheduleDialog({ card, onClose, onDone }: { card: Card; onClose(): void; onDone(message: string): void }) {
  const suggestion = startOfHour(setHours(addDays(new Date(), 1), 16)).toISOString()
  const [dueAt, setDueAt] = useState(toLocalInput(suggestion))
  const [toldClient, setToldClient] = useState(false)
  const [error, setError] = useState<string | undefined>()

  async function save() {
    const iso = fromLocalInput(dueAt)
    if (!iso) return setError('Pick the new date and time you promised.')
    const result = await api.reschedule({ id: card.id, dueAt: iso, allDay: false, toldClient })
    if (!result.ok) return setError(result.error.fields?.dueAt ?? result.error.message)
    onDone(`Moved “${card.title}” to the new promised date.`)
    onClose()
  }

  return (
    <Modal title={`Reschedule “${card.title}”`} onClose={onClose}>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault()
          void save()
        }}
      >
        <Field label="New promised date" error={error}>
          <input type="datetime-local" value={dueAt} onChange={(e) => setDueAt(e.target.value)} autoFocus />
        </Field>
        <label className="form__check">
          <input type="checkbox" checked={toldClient} onChange={(e) => setToldClient(e.target.checked)} /> Did you tell the client?
        </label>
        <div className="form__actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Reschedule
          </button>
        </div>
      </form>
    </Modal>
  )
}
