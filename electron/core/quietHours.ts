import { addDays, set, startOfDay } from 'date-fns'
import type { Settings } from './schema'

/** Quiet windows are laid out this many days around now; a reminder further out is checked when it comes nearer. */
const HORIZON_DAYS = 400

export interface QuietHours {
  /** When a reminder due at `at` may be shown: `at` itself, or the end of the quiet window it falls in. */
  release(at: number): number
}

const NEVER_QUIET: QuietHours = { release: (at) => at }

function atTime(day: Date, hhmm: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number)
  return set(day, { hours, minutes, seconds: 0, milliseconds: 0 }).getTime()
}

/**
 * The quiet windows around `now` as epoch ranges, computed once per scheduling pass
 * (local-time arithmetic is slow, and there may be 10k follow-ups to check).
 * A window whose end is before its start spans midnight.
 */
export function quietHours(settings: Settings, now: Date): QuietHours {
  const { enabled, outsideWorkingHours, start, end } = settings.quietHours
  if (!enabled) return NEVER_QUIET
  if (outsideWorkingHours) return searchable(outsideWorkingWindows(settings.workingHours, now))
  if (start === end) return NEVER_QUIET
  const windows: [number, number][] = []
  for (let offset = -1; offset <= HORIZON_DAYS; offset++) {
    const day = startOfDay(addDays(now, offset))
    const from = atTime(day, start)
    const to = start < end ? atTime(day, end) : atTime(addDays(day, 1), end)
    windows.push([from, to])
  }
  return searchable(windows)
}

/** The gaps between working hours (nights, weekends) around `now`. */
function outsideWorkingWindows(workingHours: Settings['workingHours'], now: Date): [number, number][] {
  const windows: [number, number][] = []
  let quietFrom = atTime(startOfDay(addDays(now, -8)), '00:00')
  for (let offset = -7; offset <= HORIZON_DAYS; offset++) {
    const day = startOfDay(addDays(now, offset))
    if (!workingHours.days.includes(day.getDay()) || workingHours.start >= workingHours.end) continue
    windows.push([quietFrom, atTime(day, workingHours.start)])
    quietFrom = atTime(day, workingHours.end)
  }
  windows.push([quietFrom, Infinity])
  return windows
}

function searchable(windows: [number, number][]): QuietHours {
  return {
    release(at) {
      let low = 0
      let high = windows.length - 1
      while (low <= high) {
        const middle = (low + high) >> 1
        const [from, to] = windows[middle]
        if (at < from) high = middle - 1
        else if (at >= to) low = middle + 1
        else return to
      }
      return at
    },
  }
}
