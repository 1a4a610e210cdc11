import { useState } from 'react'
import { dayAfterAt4pm, fromLocalInput } from '../features/board/format'
import { DateText } from './DateText'
import { FormModal } from './FormModal'
import { FormActions } from './FormActions'

/**
 * Asks for a new promised date and whether the client heard about it:
 * renegotiated-with-notice is not a silent miss. `onSave` returns an error to show, or null.
 */
export function NewPromiseDateDialog({
  title,
  toldQuestion,
  onSave,
  onClose,
}: {
  title: string
  toldQuestion: string
  onSave(dueAt: string, toldClient: boolean): Promise<string | null>
  onClose(): void
}) {
  const [dueAt, setDueAt] = useState(() => dayAfterAt4pm(new Date()))
  const [toldClient, setToldClient] = useState(false)
  const [error, setError] = useState<string | undefined>()

  async function save() {
    const iso = fromLocalInput(dueAt)
    if (!iso) return setError('Pick the new date and time you promised.')
    const failure = await onSave(iso, toldClient)
    if (failure) return setError(failure)
    onClose()
  }

  return (
    <FormModal title={title} onClose={onClose} onSubmit={save}>
      <DateText label="New promised date" value={dueAt} onChange={setDueAt} error={error} autoFocus />
      <label className="form__check">
        <input type="checkbox" checked={toldClient} onChange={(e) => setToldClient(e.target.checked)} /> {toldQuestion}
      </label>
      <FormActions submitLabel="Reschedule" onCancel={onClose} />
    </FormModal>
  )
}
