/**
 * The locale this page runs in, sent with every date typed in words: the browser's
 * language in browser mode, the OS language in the desktop app (Electron reports it
 * as navigator.language). A locale chosen in Settings overrides it in the service.
 */
export const localeHint = (): string | undefined => (typeof navigator === 'undefined' ? undefined : navigator.language || undefined)

const formats = new Map<string, Intl.DateTimeFormat>()

/**
 * A deadline as the service read it, in the locale it read it in (else this page's):
 * "Fri, Nov 27, 4:00 PM" in en-US, "Fri 27 Nov, 16:00" in en-GB, "Fr., 27. Nov., 16:00" in
 * German; the day alone when due all day.
 */
export function formatChoice(choice: { dueAt: string; allDay: boolean }, locale = localeHint()): string {
  const key = `${locale}|${choice.allDay}`
  let format = formats.get(key)
  if (!format) {
    const time: Intl.DateTimeFormatOptions = choice.allDay ? {} : { hour: 'numeric', minute: '2-digit' }
    formats.set(key, (format = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', ...time })))
  }
  return format.format(new Date(choice.dueAt))
}
