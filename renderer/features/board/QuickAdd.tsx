import { useEffect, useId, useRef, useState } from 'react'
import type { DateChoice, QuickAddResult } from '../../../electron/contract'
import { OptionList, optionId, stepOption } from '../../components/OptionList'
import { api } from '../../lib/api'
import { formatChoice, localeHint } from '../../lib/locale'
import { CadenceWarning, useCadenceCheck } from '../cadence/CadenceWarning'
import './quickAdd.css'

/** The preview of one line: what the service read, for which text. */
type Preview = { kind: 'empty' } | { kind: 'ok'; text: string; result: QuickAddResult } | { kind: 'error'; text: string; message: string }

export const QUICK_ADD_EXAMPLE = 'Call Jenny Rivera Friday 4pm 248-867-5309'

function describe(result: QuickAddResult, when: DateChoice): string {
  const { draft } = result
  const client = [draft.client.name, draft.client.company].filter(Boolean).join(', ')
  const contact = [draft.client.phone, draft.client.email].filter(Boolean).join(' · ')
  return `“${draft.title}” for ${client}, promised by ${formatChoice(when, result.locale)}${contact ? ` · ${contact}` : ''}`
}

/**
 * One line in, one follow-up out: the service parses, this previews and submits.
 * A reading the service is unsure of (far away, at night, another day named, date
 * words left over, two ways to read it) is asked about: the readings are listed,
 * ↑/↓ move the highlight, Enter saves the highlighted one. Nothing is saved unseen.
 */
export function QuickAdd() {
  const [text, setText] = useState('')
  const [preview, setPreview] = useState<Preview>({ kind: 'empty' })
  const [highlighted, setHighlighted] = useState(0)
  const input = useRef<HTMLInputElement>(null)
  // A second Enter while the first is on its way must not add the follow-up twice.
  const submitting = useRef(false)
  const hintId = useId()
  const choicesId = useId()
  const parsed = preview.kind === 'ok' ? preview.result : undefined
  const choices: DateChoice[] = parsed ? [parsed.draft, ...parsed.alternatives] : []
  const chosen = choices[Math.min(highlighted, choices.length - 1)]
  const cadence = useCadenceCheck(parsed?.draft.client.name, chosen?.dueAt)

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

  const read = async (line: string): Promise<Preview> => {
    const result = await api.parseQuickAdd({ text: line, locale: localeHint() })
    return result.ok ? { kind: 'ok', text: line, result: result.value } : { kind: 'error', text: line, message: result.error.message }
  }

  useEffect(() => {
    setHighlighted(0)
    if (text.trim() === '') return setPreview({ kind: 'empty' })
    let current = true
    void read(text).then((next) => current && setPreview(next))
    return () => {
      current = false
    }
  }, [text])

  async function submit() {
    if (text.trim() === '' || submitting.current) return
    submitting.current = true
    try {
      // Enter before the preview caught up: read the line first, and stop there if it has a question.
      let shown = preview
      if (shown.kind === 'empty' || shown.text !== text) {
        shown = await read(text)
        setPreview(shown)
        if (shown.kind === 'ok' && shown.result.confirm.length > 0) return
      }
      const asked = shown.kind === 'ok' && shown.result.confirm.length > 0
      const result = await api.quickAdd({ text, locale: localeHint(), choice: shown.kind === 'ok' ? highlighted : 0, confirmed: asked })
      if (result.ok) setText('')
      else setPreview({ kind: 'error', text, message: result.error.message })
    } finally {
      submitting.current = false
    }
  }

  const asking = parsed !== undefined && parsed.confirm.length > 0
  const listing = parsed !== undefined && choices.length > 1

  return (
    <div className="quick-add">
      <input
        ref={input}
        type="text"
        aria-label="Quick add"
        aria-describedby={hintId}
        aria-controls={listing ? choicesId : undefined}
        aria-activedescendant={listing ? optionId(choicesId, highlighted) : undefined}
        placeholder={`Quick add: ${QUICK_ADD_EXAMPLE}`}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') void submit()
          if (event.key === 'Escape') setText('')
          const next = listing ? stepOption(event.key, highlighted, choices.length) : null
          if (next !== null) {
            event.preventDefault()
            setHighlighted(next)
          }
        }}
      />
      <div id={hintId} className={`quick-add__preview quick-add__preview--${preview.kind}${asking ? ' quick-add__preview--ask' : ''}`} aria-live="polite">
        {parsed && chosen && (
          <>
            <p>{describe(parsed, chosen)}</p>
            {parsed.matched && <p className="quick-add__matched">Known client: {[parsed.matched.name, parsed.matched.company].filter(Boolean).join(', ')}</p>}
            {asking && <p className="quick-add__ask">Check before saving: {parsed.confirm.map((c) => c.message).join(' ')} Enter saves the highlighted date.</p>}
          </>
        )}
        {preview.kind === 'error' && <p>{preview.message}</p>}
        {preview.kind === 'empty' && <p>Type what you promised, to whom, and by when. Enter adds it.</p>}
      </div>
      {listing && (
        <OptionList id={choicesId} label="Which date?" className="quick-add__choices" options={choices} active={highlighted} keyOf={(choice) => choice.dueAt} onPick={setHighlighted}>
          {(choice) => `${formatChoice(choice, parsed.locale)}${choice.allDay ? ' · all day' : ''}`}
        </OptionList>
      )}
      {parsed && <CadenceWarning client={parsed.draft.client.name} check={cadence} />}
    </div>
  )
}
