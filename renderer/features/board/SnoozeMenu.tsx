import { addHours, addMinutes, addDays, setHours, startOfDay } from 'date-fns'
import { useEffect, useRef, useState } from 'react'
import { DateText } from '../../components/DateText'
import { formatTime } from '../../../electron/contract/format'
import { displayLocale } from '../../lib/locale'
import { fromLocalInput, toLocalInput } from './format'

const tomorrowMorning = (now: Date) => setHours(startOfDay(addDays(now, 1)), 9)

/** Labels are read when the menu opens: "Tomorrow 9:00 AM" in en-US, "Tomorrow 09:00" in en-GB. */
export const SNOOZE_CHOICES: { label: () => string; until: (now: Date) => Date }[] = [
  { label: () => '10 minutes', until: (now) => addMinutes(now, 10) },
  { label: () => '1 hour', until: (now) => addHours(now, 1) },
  { label: () => `Tomorrow ${formatTime(tomorrowMorning(new Date()), displayLocale())}`, until: tomorrowMorning },
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
            <button key={choice.label()} role="menuitem" onClick={() => choose(choice.until(new Date()))}>
              {choice.label()}
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
              <DateText label="Snooze until" value={picked} onChange={setPicked} autoFocus />
              <button type="submit">Snooze until then</button>
            </form>
          )}
        </div>
      )}
    </div>
  )
}
