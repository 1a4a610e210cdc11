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
 * The Clipboard API, or (where a page may not use it) a selected hidden text area
 * and the copy command, which browsers still honour for a click.
 */
async function copyText(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    try {
      return await navigator.clipboard.writeText(text)
    } catch {
      // Denied (no permission or focus): try the older way below.
    }
  }
  const area = document.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  area.style.position = 'fixed'
  area.style.opacity = '0'
  document.body.append(area)
  area.select()
  const copied = document.execCommand?.('copy') ?? false
  area.remove()
  if (!copied) throw new Error('copy refused')
}

/**
 * "If you will be late, say so before the deadline": pick the new date, say what
 * was promised in the client's words, send the drafted message (email or copy),
 * and record that the client was told — in time, or after the deadline.
 */
export function HeadsUpDialog({ card, onClose, onDone }: { card: Card; onClose(): void; onDone(message: string): void }) {
  const [dueAt, setDueAt] = useState(() => suggestedDate(card))
  const [promiseText, setPromiseText] = useState(() => card.promiseText ?? card.title)
  const [message, setMessage] = useState('')
  const [afterDeadline, setAfterDeadline] = useState(false)
  const [edited, setEdited] = useState(false)
  const [error, setError] = useState<string | undefined>()
  const [copyStatus, setCopyStatus] = useState<string | null>(null)
  const editedRef = useRef(edited)
  editedRef.current = edited

  // The draft follows the date and the words until the person writes their own message.
  useEffect(() => {
    const iso = fromLocalInput(dueAt)
    if (!iso || editedRef.current) return
    let current = true
    void api.draftHeadsUp({ id: card.id, dueAt: iso, promiseText: promiseText.trim() || undefined }).then((result) => {
      if (!current || !result.ok) return
      setAfterDeadline(result.value.afterDeadline)
      if (!editedRef.current) setMessage(result.value.message)
    })
    return () => {
      current = false
    }
  }, [card.id, dueAt, promiseText])

  async function record() {
    const iso = fromLocalInput(dueAt)
    if (!iso) return setError('Pick the new date and time you promise.')
    const result = await api.sendHeadsUp({ id: card.id, dueAt: iso, allDay: false, message, promiseText: promiseText.trim() || undefined })
    if (!result.ok) return setError(result.error.fields?.dueAt ?? result.error.fields?.message ?? result.error.message)
    onDone(`Heads-up recorded${afterDeadline ? ' (after the deadline)' : ''}: “${card.title}” is now promised for the new date.`)
    onClose()
  }

  async function copy() {
    try {
      await copyText(message)
      setCopyStatus('Message copied to the clipboard.')
    } catch {
      setCopyStatus('Could not copy. Select the message and copy it yourself.')
    }
  }

  const subject = `Update on ${promiseText.trim() || card.title}`
  const mailto = card.client.email ? `mailto:${card.client.email}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(message)}` : undefined

  return (
    <FormModal title={`Heads-up for “${card.title}”`} onClose={onClose} onSubmit={record}>
      <DateText label="New promised date" value={dueAt} onChange={setDueAt} error={error} autoFocus />
      <Field label="What I promised">
        <input value={promiseText} onChange={(e) => setPromiseText(e.target.value)} maxLength={500} placeholder="the proposal for 40 seats" />
      </Field>
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
          Copy message
        </button>
      </div>
      <p className="form__hint" role="status">
        {copyStatus}
      </p>
      <p className="form__hint">
        {afterDeadline
          ? 'The deadline has passed: once you send it and record it, the history will say the client was told after the deadline.'
          : 'Send it, then record it: the history will say the client was told in time.'}
      </p>
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
