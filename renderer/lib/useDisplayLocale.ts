import { useSyncExternalStore } from 'react'
import { displayLocale, subscribeToLocale } from './locale'

/** The display locale, re-rendering when Settings change it. */
export const useDisplayLocale = (): string => useSyncExternalStore(subscribeToLocale, displayLocale)
