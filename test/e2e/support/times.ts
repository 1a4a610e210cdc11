export const MINUTE = 60_000
export const DAY = 24 * 60 * MINUTE

/** An instant `ms` from now, as the API takes it. */
export const inMs = (ms: number) => new Date(Date.now() + ms).toISOString()

/** Local "yyyy-MM-ddTHH:mm", the value of a datetime-local input. */
export const localInput = (date: Date) => {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`
}
