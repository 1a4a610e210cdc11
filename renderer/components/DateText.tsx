import { useEffect, useId, useRef, useState } from 'react'
import { toLocalInput } from '../features/board/format'
import { api } from '../lib/api'
import { formatChoice, localeHint } from '../lib/locale'
import { Field } from './Field'
import './dateText.css'

/** How long typing pauses before the words are read: every keystroke would be a round trip. */
const READ_AFTER_MS = 250

/**
 * A date field: the native picker, and next to it a box for the same date in words
 * ("fri 4pm", "in 2 weeks", "EOD tomorrow"). The service reads the words with quick
 * add's rules and the picker shows the result; the renderer holds no parsing rules.
 */
export function DateText({
  label,
  value,
  onChange,
  error,
  autoFocus,
}: {
  label: string
  /** A datetime-local value. */
  value: string
  onChange(value: string): void
  error?: string
  autoFocus?: boolean
}) {
  const [words, setWords] = useState('')
  const [hint, setHint] = useState<{ text: string; problem: boolean } | null>(null)
  /** The words the picker shows now: Enter then submits the form instead of reading them again. */
  const [applied, setApplied] = useState('')
  const wordsId = useId()
  const hintId = useId()
  const latest = useRef(0)
  const onChangeRef = useRef(onChange)
  onChangeRef.current = onChange

  async function read(text: string) {
    const request = ++latest.current
    if (text.trim() === '') return setHint(null)
    const result = await api.parseDate({ text, locale: localeHint() })
    if (request !== latest.current) return
    if (!result.ok) return setHint({ text: result.error.message, problem: true })
    const { confirm, locale, ...choice } = result.value
    onChangeRef.current(toLocalInput(choice.dueAt))
    setApplied(text)
    setHint({ text: [formatChoice(choice, locale), ...confirm.map((c) => c.message)].join(' · '), problem: confirm.length > 0 })
  }

  useEffect(() => {
    const timer = setTimeout(() => void read(words), READ_AFTER_MS)
    return () => clearTimeout(timer)
  }, [words])

  return (
    <div className="date-text">
      <Field label={label} error={error}>
        <input type="datetime-local" value={value} onChange={(e) => onChange(e.target.value)} autoFocus={autoFocus} />
      </Field>
      <div className="field date-text__words">
        <label htmlFor={wordsId}>{label} in words</label>
        <input
          id={wordsId}
          type="text"
          value={words}
          placeholder="fri 4pm, in 2 weeks"
          aria-describedby={hintId}
          onChange={(e) => setWords(e.target.value)}
          onKeyDown={(event) => {
            // Enter reads new words first instead of submitting the form with the old date.
            if (event.key === 'Enter' && words.trim() !== '' && words !== applied) {
              event.preventDefault()
              void read(words)
            }
          }}
        />
        <p id={hintId} className={`date-text__hint${hint?.problem ? ' date-text__hint--problem' : ''}`} aria-live="polite">
          {hint?.text}
        </p>
      </div>
    </div>
  )
}
