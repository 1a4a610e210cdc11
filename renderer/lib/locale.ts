import { resolveLocale } from '../../electron/contract/format'
import type { Result, Settings } from '../../electron/contract'
import { api } from './api'

/**
 * The locale the board shows dates, times and amounts in: Settings' override when
 * set, else the system's (the OS's regional locale in the desktop app, the
 * browser's language in browser mode). One value for the whole page, like the clock, so
 * formatting helpers read it rather than threading it through every component.
 */
let override: string | undefined
const listeners = new Set<() => void>()

/** The last answer and what it was resolved from: resolving asks ICU, far too slow for every date on every card. */
let resolved: { override: string | undefined; system: string; locale: string } | undefined

/** The system's locale, as the bridge reports it. */
export const systemLocale = (): string => api.systemLocale()

export function displayLocale(): string {
  const system = systemLocale()
  if (!resolved || resolved.override !== override || resolved.system !== system) resolved = { override, system, locale: resolveLocale(override, system) }
  return resolved.locale
}

function setOverride(next: string | undefined) {
  if (next === override) return
  override = next
  for (const listener of listeners) listener()
}

/**
 * Reads Settings' locale: at start from `settings` (the answer boot.ts asked for
 * before the first render), and again after Settings or an import may have changed it.
 */
export async function refreshLocale(settings: Promise<Result<Settings>> = api.getSettings({})): Promise<void> {
  const result = await settings
  if (result.ok) setOverride(result.value.locale)
}

/** Calls `listener` whenever Settings change the display locale; returns the unsubscribe. */
export function subscribeToLocale(listener: () => void): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

/**
 * The locale this page runs in, sent with every date typed in words: the browser's
 * language in browser mode, the OS's regional locale in the desktop app. A locale
 * chosen in Settings overrides it in the service.
 */
export const localeHint = (): string | undefined => systemLocale() || undefined

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
