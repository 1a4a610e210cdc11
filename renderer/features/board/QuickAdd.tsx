import { useEffect, useId, useRef, useState } from 'react'
import type { QuickAddResult } from '../../../electron/contract'
import { api } from '../../lib/api'
import { clock, day } from './format'
import { CadenceWarning, useCadenceCheck } from '../cadence/CadenceWarning'

type Preview = { kind: 'empty' } | { kind: 'ok'; result: QuickAddResult } | { kind: 'error'; message: string }

export const QUICK_ADD_EXAMPLE = 'Call Jenny Rivera Friday 4pm 248-867-5309'

function describe(result: QuickAddResult): string {
  const { draft } = result
  const due = new Date(draft.dueAt)
  const when = draft.allDay ? day(due, new Date()) : clock(due, new Date())
  const contact = [draft.client.phone, draft.client.email].filter(Boolean).join(' · ')
  return `“${draft.title}” for ${draft.client.name}, promised by ${when}${contact ? ` · ${contact}` : ''}`
}

/** One line in, one follow-up out: the service parses, this only previews and submits. */
export function QuickAdd() {
  const [text, setText] = useState('')
  const [preview, setPreview] = useState<Preview>({ kind: 'empty' })
  const input = useRef<HTMLInputElement>(null)
  // A second Enter while the first is on its way must not add the follow-up twice.
  const submitting = useRef(false)
  const hintId = useId()
  const parsed = preview.kind === 'ok' ? preview.result.draft : undefined
  const cadence = useCadenceCheck(parsed?.client.name, parsed?.dueAt)

  useEffect(() => {
    const focusOnShortcut = (event: KeyboardEvent) => {
      const typing = event.target instanceof HTMLElement && event.target.closest('input, textarea, select, [contenteditable]')
      if (((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'n') || (event.key === '/' && !typing)) {
        event.preventDefault()
        input.current?.focus()
      }
    }
    window.addEventListener('keydown', focusOnShortcut)
    return () => window.removeEventListener('keydown', focusOnShortcut)
  }, [])

  useEffect(() => {
    if (text.trim() === '') return setPreview({ kind: 'empty' })
    let current = true
    api.parseQuickAdd({ text }).then((result) => {
      if (current) setPreview(result.ok ? { kind: 'ok', result: result.value } : { kind: 'error', message: result.error.message })
    })
    return () => {
      current = false
    }
  }, [text])

  async function submit() {
    if (text.trim() === '' || submitting.current) return
    submitting.current = true
    const result = await api.quickAdd({ text }).finally(() => (submitting.current = false))
    if (result.ok) {
      setText('')
    } else {
      setPreview({ kind: 'error', message: result.error.message })
    }
  }

  return (
    <div className="quick-add">
      <input
        ref={input}
        type="text"
        aria-label="Quick add"
        aria-describedby={hintId}
        placeholder={`Quick add: ${QUICK_ADD_EXAMPLE}`}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') submit()
          if (event.key === 'Escape') setText('')
        }}
      />
      <p id={hintId} className={`quick-add__preview quick-add__preview--${preview.kind}`} aria-live="polite">
        {preview.kind === 'ok' && describe(preview.result)}
        {preview.kind === 'error' && preview.message}
        {preview.kind === 'empty' && 'Type what you promised, to whom, and by when. Enter adds it.'}
      </p>
      {parsed && <CadenceWarning client={parsed.client.name} check={cadence} />}
    </div>
  )
}
