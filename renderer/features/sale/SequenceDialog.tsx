import { useEffect, useId, useState } from 'react'
import type { Card, FollowUp } from '../../../electron/contract'
import { Modal } from '../../components/Modal'
import { api } from '../../lib/api'
import { describeDeadline } from '../board/format'
import { countOf } from '../../../electron/contract/format'

export type SequenceName = 'won' | 'delivered'

const TITLES: Record<SequenceName, string> = { won: 'Deal won', delivered: 'Delivered' }

/**
 * After the sale: shows what the sequence will do (asked of the service, nothing
 * saved), then does it. "Delivered" on an open promise marks it done first;
 * "Deal won" applies to whichever of the client's open promises the person picks.
 */
export function SequenceDialog({ card, sequence, onClose, onDone }: { card: Card; sequence: SequenceName; onClose(): void; onDone(message: string): void }) {
  const [target, setTarget] = useState(card.id)
  const [planned, setPlanned] = useState<FollowUp[] | null>(null)
  const [completes, setCompletes] = useState(false)
  const [promises, setPromises] = useState<FollowUp[]>([])
  const [error, setError] = useState<string | undefined>()
  const pickId = useId()

  useEffect(() => {
    let current = true
    setPlanned(null)
    void api.startSequence({ id: target, sequence, dryRun: true }).then((result) => {
      if (!current) return
      if (!result.ok) return setError(result.error.message)
      setPlanned(result.value.created)
      setCompletes(result.value.completed)
      if (result.value.openPromises.length > 0) setPromises(result.value.openPromises)
    })
    return () => {
      current = false
    }
  }, [target, sequence])

  async function create() {
    const result = await api.startSequence({ id: target, sequence })
    if (!result.ok) return setError(result.error.message)
    const n = result.value.created.length
    const planned = `Planned ${countOf(n, 'follow-up')} for ${card.client.name}.`
    onDone(result.value.completed ? `Marked done. ${planned}` : planned)
    onClose()
  }

  // The promise this card is, even when done, stays a choice next to the client's open ones.
  const choices = promises.some((p) => p.id === card.id) ? promises : [card, ...promises]
  const now = new Date()
  const nothingToDo = planned !== null && planned.length === 0 && !completes
  return (
    <Modal title={`${TITLES[sequence]}: “${card.title}”`} onClose={onClose}>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      {sequence === 'won' && choices.length > 1 && (
        <div className="field">
          <label htmlFor={pickId}>Which promise was won?</label>
          <select id={pickId} value={target} onChange={(e) => setTarget(e.target.value)}>
            {choices.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title} — {describeDeadline(p, now)}
              </option>
            ))}
          </select>
        </div>
      )}
      {planned === null && !error && <p>Loading…</p>}
      {completes && <p>This marks “{card.title}” done.</p>}
      {nothingToDo && <p>These follow-ups are already on the board.</p>}
      {planned && planned.length > 0 && (
        <>
          <p>{completes ? 'Then it adds:' : 'This will add:'}</p>
          <ul aria-label="Follow-ups to add">
            {planned.map((f) => (
              <li key={f.id}>
                {f.title} — {describeDeadline(f, now)}
                {f.needsTime && ' (no time in the next two weeks fits the client’s cadence: pick one after adding)'}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="form__actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={() => void create()} disabled={planned === null || nothingToDo}>
          {completes ? 'Mark done and add them' : `Add ${planned && planned.length === 1 ? 'it' : 'them'}`}
        </button>
      </div>
    </Modal>
  )
}
