import { useEffect, useState } from 'react'
import type { Card, FollowUp } from '../../../electron/contract'
import { Modal } from '../../components/Modal'
import { api } from '../../lib/api'
import { describeDeadline } from '../board/format'

export type SequenceName = 'won' | 'delivered'

const TITLES: Record<SequenceName, string> = { won: 'Deal won', delivered: 'Delivered' }

/** After the sale: shows what the sequence will add (asked of the service, nothing saved), then adds it. */
export function SequenceDialog({ card, sequence, onClose, onDone }: { card: Card; sequence: SequenceName; onClose(): void; onDone(message: string): void }) {
  const [planned, setPlanned] = useState<FollowUp[] | null>(null)
  const [error, setError] = useState<string | undefined>()

  useEffect(() => {
    let current = true
    void api.startSequence({ id: card.id, sequence, dryRun: true }).then((result) => {
      if (!current) return
      if (result.ok) setPlanned(result.value.created)
      else setError(result.error.message)
    })
    return () => {
      current = false
    }
  }, [card.id, sequence])

  async function create() {
    const result = await api.startSequence({ id: card.id, sequence })
    if (!result.ok) return setError(result.error.message)
    const n = result.value.created.length
    onDone(`Planned ${n} follow-up${n === 1 ? '' : 's'} for ${card.client.name}.`)
    onClose()
  }

  const now = new Date()
  return (
    <Modal title={`${TITLES[sequence]}: “${card.title}”`} onClose={onClose}>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      {planned === null && !error && <p>Loading…</p>}
      {planned && planned.length === 0 && <p>These follow-ups are already on the board.</p>}
      {planned && planned.length > 0 && (
        <>
          <p>This will add:</p>
          <ul aria-label="Follow-ups to add">
            {planned.map((f) => (
              <li key={f.id}>
                {f.title} — {describeDeadline(f, now)}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="form__actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={() => void create()} disabled={!planned || planned.length === 0}>
          Add {planned && planned.length === 1 ? 'it' : 'them'}
        </button>
      </div>
    </Modal>
  )
}
