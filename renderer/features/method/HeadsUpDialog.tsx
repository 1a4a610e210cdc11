import { useEffect, useRef, useState } from 'react'
import type { Card } from '../../../electron/contract'
import { DateText } from '../../components/DateText'
import { Field } from '../../components/Field'
import { FormModal } from '../../components/FormModal'
import { api } from '../../lib/api'
import { dayAfterAt4pm, fromLocalInput } from '../board/format'

/** A suggestion for the new promise: the day after the old one (or tomorrow, if it is already late), 16:00. */
function suggestedDate(card: Card): string {
  const base = new Date(Math.max(Date.parse(card.dueAt), Date.now()))
  return dayAfterAt4pm(base)
}

/**
 * "If you will be late, say so before the deadline": pick the new date, send the
 * drafted message (email or copy), and record that the client was told.
 */
export function HeadsUpDialog({ card, onClose, onDone }: { card: Card; onClose(): void; onDone(message: string): void }) {
  const [dueAt, setDueAt] = useState(() => suggestedDate(card))
  const [message, setMessage] = useState('')
  const [edited, setEdited] = useState(false)
  const [error, setError] = useState<string | undefined>()
  const [copied, setCopied] = useState(false)
  const editedRef = useRef(edited)
  editedRef.current = edited

  // The draft follows the date until the person writes their own words.
  useEffect(() => {
    const iso = fromLocalInput(dueAt)
    if (!iso || editedRef.current) return
    let current = true
    void api.draftHeadsUp({ id: card.id, dueAt: iso }).then((result) => {
      if (current && result.ok && !editedRef.current) setMessage(result.value.message)
    })
    return () => {
      current = false
    }
  }, [card.id, dueAt])

  async function record() {
    const iso = fromLocalInput(dueAt)
    if (!iso) return setError('Pick the new date and time you promise.')
    const result = await api.sendHeadsUp({ id: card.id, dueAt: iso, allDay: false, message })
    if (!result.ok) return setError(result.error.fields?.dueAt ?? result.error.fields?.message ?? result.error.message)
    onDone(`Heads-up recorded: “${card.title}” is now promised for the new date.`)
    onClose()
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(message)
      setCopied(true)
    } catch {
      setError('Could not copy. Select the message and copy it yourself.')
    }
  }

  const subject = `Update on ${card.title}`
  const mailto = card.client.email ? `mailto:${card.client.email}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(message)}` : undefined

  return (
    <FormModal title={`Heads-up for “${card.title}”`} onClose={onClose} onSubmit={record}>
      <DateText label="New promised date" value={dueAt} onChange={setDueAt} error={error} autoFocus />
      <Field label="Message to the client">
        <textarea
          rows={5}
          value={message}
          onChange={(e) => {
            setEdited(true)
            setMessage(e.target.value)
          }}
        />
      </Field>
      <div className="form__actions heads-up__send">
        {mailto && (
          <a className="button" href={mailto}>
            Open in email
          </a>
        )}
        <button type="button" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy message'}
        </button>
      </div>
      <p className="form__hint">Send it, then record it: the history will say the client was told in time.</p>
      <div className="form__actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={message.trim() === ''}>
          Record heads-up
        </button>
      </div>
    </FormModal>
  )
}
