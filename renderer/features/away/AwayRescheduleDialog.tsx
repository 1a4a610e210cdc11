import { addDays, setHours, startOfHour } from 'date-fns'
import { useState } from 'react'
import { Field } from '../../components/Field'
import { Modal } from '../../components/Modal'
import { api } from '../../lib/api'
import { fromLocalInput, toLocalInput } from '../board/format'

/** One new promised date for several follow-ups, and whether the clients heard about it. */
export function AwayRescheduleDialog({ ids, label, onClose, onDone }: { ids: string[]; label: string; onClose(): void; onDone(message: string): void }) {
  const [dueAt, setDueAt] = useState(() => toLocalInput(startOfHour(setHours(addDays(new Date(), 1), 16)).toISOString()))
  const [toldClient, setToldClient] = useState(false)
  const [error, setError] = useState<string | undefined>()

  async function save() {
    const iso = fromLocalInput(dueAt)
    if (!iso) return setError('Pick the new date and time you promised.')
    const result = await api.bulk({ ids, action: 'reschedule', dueAt: iso, allDay: false, toldClient })
    if (!result.ok) return setError(result.error.fields?.dueAt ?? result.error.message)
    const failed = result.value.results.filter((r) => !r.ok)
    if (failed.length === result.value.results.length && failed[0] && !failed[0].ok) return setError(failed[0].error.fields?.dueAt ?? failed[0].error.message)
    onDone(`Moved ${result.value.results.length - failed.length} follow-up${result.value.results.length - failed.length === 1 ? '' : 's'} to the new promised date.`)
    onClose()
  }

  return (
    <Modal title={`Reschedule ${ids.length === 1 ? '1 follow-up' : `${ids.length} follow-ups`} (${label})`} onClose={onClose}>
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
          <input type="checkbox" checked={toldClient} onChange={(e) => setToldClient(e.target.checked)} /> Did you tell the clients?
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
