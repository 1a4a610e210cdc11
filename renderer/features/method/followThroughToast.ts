import { isSameDay } from 'date-fns'
import type { BoardSnapshot } from '../../../electron/contract'
import { formatTime, formatWeekday } from '../../../electron/contract/format'
import { api } from '../../lib/api'
import { displayLocale } from '../../lib/locale'

/** "Done. Check-in planned for Tue 10:00 AM" (en-US): the check-in the service planned for `id`, read from the board. */
export function doneMessage(board: BoardSnapshot, id: string, now = new Date()): string | null {
  const checkIn = Object.values(board.columns)
    .flat()
    .find((card) => card.followsUp === id && card.completedAt === undefined)
  if (!checkIn) return null
  const due = new Date(checkIn.dueAt)
  const weekday = isSameDay(due, now) ? 'today' : formatWeekday(due, displayLocale())
  return `Done. Check-in planned for ${weekday} ${formatTime(due, displayLocale())}.`
}

/** After Mark done (button, drag or tray): the toast text, when a check-in follows. */
export async function checkInPlanned(id: string): Promise<string | null> {
  const board = await api.getBoard({})
  return board.ok ? doneMessage(board.value, id) : null
}
