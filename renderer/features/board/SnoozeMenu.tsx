import { addHours, addMinutes, addDays, setHours, startOfDay } from 'date-fns'
import { useEffect, useRef, useState } from 'react'
import { fromLocalInput, toLocalInput } from './format'

export const SNOOZE_CHOICES: { label: string; until: (now: Date) => Date }[] = [
  { label: '10 minutes', until: (now) => addMinutes(now, 10) },
  { label: '1 hour', until: (now) => addHours(now, 1) },
  { label: 'Tomorrow 9:00', until: (now) => setHours(startOfDay(addDays(now, 1)), 9) },
]

/**
 * Snooze: a few common choices and a picker; Escape closes it. Open from its button,
 * or from outside (the card's `s` key and its context menu) through `open`/`onOpenChange`.
 */
export function SnoozeMenu({
  title,
  onSnooze,
  open,
  onOpenChange,
}: {
  title: string
  onSnooze(until: Date): void
  open: boolean
  onOpenChange(open: boolean): void
}) {
  const [picking, setPicking] = useState(false)
  const [picked, setPicked] = useState('')
  const menu = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (open) menu.current?.querySelector<HTMLElement>('button')?.focus()
  }, [open])

  const choose = (until: Date) => {
    onOpenChange(false)
    setPicking(false)
    onSnooze(until)
  }

  return (
    <div className="snooze" onKeyDown={(event) => event.key === 'Escape' && (event.stopPropagation(), onOpenChange(false))}>
      <button aria-haspopup="menu" aria-expanded={open} onClick={() => onOpenChange(!open)}>
        Snooze
      </button>
      {open && (
        <div ref={menu} className="snooze__menu" role="menu" aria-label={`Snooze “${title}”`}>
          {SNOOZE_CHOICES.map((choice) => (
            <button key={choice.label} role="menuitem" onClick={() => choose(choice.until(new Date()))}>
              {choice.label}
            </button>
          ))}
          <button
            role="menuitem"
            onClick={() => {
              // Suggested when asked for, not on every card's first render.
              if (!picked) setPicked(toLocalInput(addHours(new Date(), 2).toISOString()))
              setPicking(true)
            }}
          >
            Pick a time…
          </button>
          {picking && (
            <form
              className="snooze__pick"
              onSubmit={(event) => {
                event.preventDefault()
                const iso = fromLocalInput(picked)
                if (iso) choose(new Date(iso))
              }}
            >
              <input type="datetime-local" aria-label="Snooze until" value={picked} onChange={(e) => setPicked(e.target.value)} autoFocus />
              <button type="submit">Snooze until then</button>
            </form>
          )}
        </div>
      )}
    </div>
  )
}
