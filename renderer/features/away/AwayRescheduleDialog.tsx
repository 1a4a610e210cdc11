import { NewPromiseDateDialog } from '../../components/NewPromiseDateDialog'
import { api } from '../../lib/api'
import { countOf } from '../../../electron/contract/format'

/** One new promised date for several follow-ups, and whether the clients heard about it. */
export function AwayRescheduleDialog({ ids, label, onClose, onDone }: { ids: string[]; label: string; onClose(): void; onDone(message: string): void }) {
  return (
    <NewPromiseDateDialog
      title={`Reschedule ${countOf(ids.length, 'follow-up')} (${label})`}
      toldQuestion="Did you tell the clients?"
      onClose={onClose}
      onSave={async (dueAt, toldClient) => {
        const result = await api.bulk({ ids, action: 'reschedule', dueAt, allDay: false, toldClient })
        if (!result.ok) return result.error.fields?.dueAt ?? result.error.message
        const moved = result.value.results.filter((r) => r.ok).length
        const firstFailure = result.value.results.find((r) => !r.ok)
        if (moved === 0 && firstFailure && !firstFailure.ok) return firstFailure.error.fields?.dueAt ?? firstFailure.error.message
        onDone(`Moved ${countOf(moved, 'follow-up')} to the new promised date.`)
        return null
      }}
    />
  )
}
