import type { Card } from '../../../electron/contract'
import { NewPromiseDateDialog } from '../../components/NewPromiseDateDialog'
import { api } from '../../lib/api'

/** Moves one promise to a new date, recording whether the client was told. */
export function RescheduleDialog({ card, onClose, onDone }: { card: Card; onClose(): void; onDone(message: string): void }) {
  return (
    <NewPromiseDateDialog
      title={`Reschedule “${card.title}”`}
      toldQuestion="Did you tell the client?"
      onClose={onClose}
      onSave={async (dueAt, toldClient) => {
        const result = await api.reschedule({ id: card.id, dueAt, allDay: false, toldClient })
        if (!result.ok) return result.error.fields?.dueAt ?? result.error.message
        onDone(`Moved “${card.title}” to the new promised date.`)
        return null
      }}
    />
  )
}
