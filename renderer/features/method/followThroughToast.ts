import { format, isSameDay } from 'date-fns'
import type { BoardSnapshot } from '../../../electron/contract'
import { api } from '../../lib/api'

/** "Done. Check-in planned for Tue 10:00": the check-in the service planned for `id`, read from the board. */
export function doneMessage(board: BoardSnapshot, id: string, now = new Date()): string | null {
  const checkIn = Object.values(board.columns)
    .flat()
    .find((card) => card.followsUp === id && card.completedAt === undefined)
  if (!checkIn) return null
  const due = new Date(checkIn.dueAt)
  const when = format(due, isSameDay(due, now) ? "'today' HH:mm" : 'EEE d MMM HH:mm')
  // No slot in two weeks fits working hours and the cadence: the person picks the time.
  if (checkIn.needsTime) return `Done. No time in the next two weeks fits ${checkIn.client.name}’s cadence: the check-in waits at ${when}. Edit it to pick a time.`
  return `Done. Check-in planned for ${format(due, isSameDay(due, now) ? "'today' HH:mm" : 'EEE HH:mm')}.`
}

/** After Mark done (button, drag or tray): the toast text, when a check-in follows. */
export async function checkInPlanned(id: string): Promise<string | null> {
  const board = await api.getBoard({})
  return board.ok ? doneMessage(board.value, id) : null
}
