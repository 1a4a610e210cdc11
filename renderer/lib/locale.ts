import { useSyncExternalStore } from 'react'
import { resolveLocale } from '../../electron/contract/format'
import { api } from './api'

/**
 * The locale the board shows dates, times and amounts in: Settings' override when
 * set, else the system's (navigator.language: the OS locale in Electron and the
 * browser's in browser mode). One value for the whole page, like the clock, so
 * formatting helpers read it rather than threading it through every component.
 */
let override: string | undefined
const listeners = new Set<() => void>()

export const displayLocale = (): string => resolveLocale(override, navigator.language)

function setOverride(next: string | undefined) {
  if (next === override) return
  override = next
  for (const listener of listeners) listener()
}

/** Reads Settings' locale again (at start and after Settings or an import may have changed it). */
export async function refreshLocale(): Promise<void> {
  const result = await api.getSettings({})
  if (result.ok) setOverride(result.value.locale)
}

const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The display locale, re-rendering when Settings change it. */
export const useDisplayLocale = (): string => useSyncExternalStore(subscribe, displayLocale)
