import { useEffect, useId, useRef, useState } from 'react'
import type { Client } from '../../../electron/contract'
import { Field } from '../../components/Field'
import { OptionList, optionId, stepOption } from '../../components/OptionList'
import { api } from '../../lib/api'
import './quickAdd.css'

/** How long typing pauses before asking for suggestions. */
const SUGGEST_AFTER_MS = 150

/**
 * The client field of the follow-up form, completing from the clients already in the
 * data (matched by the service: name, company, email or phone, forgiving typos).
 * ↓/↑ move through the suggestions, Enter or a click picks one and fills in its
 * company, phone and email; Escape closes the list.
 */
export function ClientField({ value, onChange, onPick, error }: { value: string; onChange(name: string): void; onPick(client: Client): void; error?: string }) {
  const [suggestions, setSuggestions] = useState<Client[]>([])
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  const listId = useId()
  const typed = useRef(false)

  useEffect(() => {
    if (!typed.current || value.trim() === '') return setSuggestions([])
    let current = true
    const timer = setTimeout(() => {
      void api.suggestClients({ prefix: value }).then((result) => {
        if (!current || !result.ok) return
        setSuggestions(result.value.clients)
        setActive(-1)
      })
    }, SUGGEST_AFTER_MS)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [value])

  const showing = open && suggestions.length > 0 && !(suggestions.length === 1 && suggestions[0].name === value)

  function pick(client: Client) {
    typed.current = false
    setOpen(false)
    setSuggestions([])
    onPick(client)
  }

  return (
    <div className="client-field">
      <Field label="Client" error={error}>
        <input
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={showing}
          aria-controls={showing ? listId : undefined}
          aria-activedescendant={showing && active >= 0 ? optionId(listId, active) : undefined}
          autoComplete="off"
          value={value}
          placeholder="Jenny Rivera"
          onChange={(e) => {
            typed.current = true
            setOpen(true)
            onChange(e.target.value)
          }}
          onBlur={() => setOpen(false)}
          onKeyDown={(event) => {
            if (!showing) return
            const next = stepOption(event.key, active, suggestions.length)
            if (next !== null) {
              event.preventDefault()
              setActive(next)
            } else if (event.key === 'Enter' && active >= 0) {
              event.preventDefault()
              pick(suggestions[active])
            } else if (event.key === 'Escape') {
              event.stopPropagation()
              setOpen(false)
            }
          }}
        />
      </Field>
      {showing && (
        <OptionList id={listId} label="Known clients" className="client-field__list" options={suggestions} active={active} keyOf={(client) => client.name} onPick={(index) => pick(suggestions[index])}>
          {(client) => (
            <>
              {client.name}
              {client.company && <small>{client.company}</small>}
            </>
          )}
        </OptionList>
      )}
    </div>
  )
}
