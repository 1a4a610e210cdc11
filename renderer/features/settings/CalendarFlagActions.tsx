import type { Input, SyncFlagView } from '../../../electron/contract'

export type CalendarFlagAnswer = Input<'resolveSyncFlag'>['action']

const ANSWERS: Record<SyncFlagView['kind'], [CalendarFlagAnswer, string][]> = {
  deletedInCalendar: [
    ['deleteHere', 'Delete here too'],
    ['putBack', 'Put it back'],
  ],
  dueMovedInCalendar: [
    ['keepMove', 'Keep the new date'],
    ['restoreDate', 'Put the old date back'],
  ],
}

/** The two answers to a change made in the calendar, on the card and in Settings alike. */
export function CalendarFlagActions({ flag, onAnswer, disabled }: { flag: SyncFlagView; onAnswer(answer: CalendarFlagAnswer): void; disabled?: boolean }) {
  return (
    <span className="calendar-flag__actions">
      {ANSWERS[flag.kind].map(([answer, label]) => (
        <button key={answer} type="button" onClick={() => onAnswer(answer)} disabled={disabled}>
          {label}
        </button>
      ))}
    </span>
  )
}
