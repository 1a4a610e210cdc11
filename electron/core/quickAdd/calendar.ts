import { addDays, addMonths, endOfMonth, isBefore, startOfDay } from 'date-fns'

export interface WorkingHours {
  /** 0 = Sunday … 6 = Saturday */
  days: readonly number[]
  start: string
  end: string
}

export interface DayParts {
  morning: string
  afternoon: string
}

export interface DateRules {
  workingHours: WorkingHours
  dayParts: DayParts
}

export const DEFAULT_RULES: DateRules = {
  workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' },
  dayParts: { morning: '09:00', afternoon: '14:00' },
}

export interface TimeOfDay {
  hour: number
  minute: number
}

export const timeOf = (text: string): TimeOfDay => {
  const [hour, minute] = text.split(':').map(Number)
  return { hour, minute }
}

export const at = (day: Date, time: TimeOfDay): Date => {
  const date = startOfDay(day)
  date.setHours(time.hour, time.minute, 0, 0)
  return date
}

/** Monday-first position in the week, so a week runs Monday to Sunday. */
const mondayFirst = (weekday: number) => (weekday + 6) % 7

/** The last working day of the week holding `day` (Friday for Monday–Friday). */
export function lastWorkingDayOfWeek(day: Date, rules: DateRules): Date {
  const last = Math.max(...rules.workingHours.days.map(mondayFirst))
  return addDays(startOfDay(day), last - mondayFirst(day.getDay()))
}

/** The last working day of the month holding `day`. */
export function lastWorkingDayOfMonth(day: Date, rules: DateRules): Date {
  let date = startOfDay(endOfMonth(day))
  while (!rules.workingHours.days.includes(date.getDay())) date = addDays(date, -1)
  return date
}

/** End of working hours on the last working day of this week (or the next, if this one's has passed). */
export function endOfWorkingWeek(now: Date, rules: DateRules, weeksAhead: number): Date {
  const end = timeOf(rules.workingHours.end)
  let due = at(lastWorkingDayOfWeek(addDays(now, 7 * weeksAhead), rules), end)
  if (isBefore(due, now)) due = at(lastWorkingDayOfWeek(addDays(now, 7 * (weeksAhead + 1)), rules), end)
  return due
}

/** End of working hours on the last working day of this month (or the next). */
export function endOfWorkingMonth(now: Date, rules: DateRules, monthsAhead: number): Date {
  const end = timeOf(rules.workingHours.end)
  let due = at(lastWorkingDayOfMonth(addMonths(now, monthsAhead), rules), end)
  if (isBefore(due, now)) due = at(lastWorkingDayOfMonth(addMonths(now, monthsAhead + 1), rules), end)
  return due
}

/** The first working day of next week: what "next week" promises. */
export function firstWorkingDayOfNextWeek(now: Date, rules: DateRules): Date {
  const first = Math.min(...rules.workingHours.days.map(mondayFirst))
  return addDays(startOfDay(now), 7 - mondayFirst(now.getDay()) + first)
}

/** Whether a time falls within working hours, end included ("at 5" is 17:00). */
export function withinWorkingHours(time: TimeOfDay, rules: DateRules): boolean {
  const minutes = time.hour * 60 + time.minute
  const start = timeOf(rules.workingHours.start)
  const end = timeOf(rules.workingHours.end)
  return minutes >= start.hour * 60 + start.minute && minutes <= end.hour * 60 + end.minute
}
