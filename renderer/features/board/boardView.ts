import { createContext, useContext, useSyncExternalStore } from 'react'
import type { Column, ViewCard } from '../../../electron/contract'
import type { BoardStatus, ColumnWindow } from '../../../electron/contract/view'
import type { ViewStore } from '../../lib/viewStore'

/** The open board view, for the components that show a piece of it. */
export const ViewStoreContext = createContext<ViewStore | null>(null)

export function useViewStore(): ViewStore {
  const store = useContext(ViewStoreContext)
  if (!store) throw new Error('The board is shown outside its view (no ViewStoreContext).')
  return store
}

/**
 * Each hook reads one piece of the view; React re-renders a component only when its
 * piece is a different object (or number), so a change to one card reaches that card.
 */
export function useColumnCount(column: Column): number {
  const store = useViewStore()
  return useSyncExternalStore(store.subscribe, () => store.counts()[column])
}

export function useColumnWindow(column: Column): ColumnWindow {
  const store = useViewStore()
  return useSyncExternalStore(store.subscribe, () => store.window(column))
}

export function useCard(id: string): ViewCard | undefined {
  const store = useViewStore()
  return useSyncExternalStore(store.subscribe, () => store.card(id))
}

export function useBoardStatus(store: ViewStore): BoardStatus | null {
  return useSyncExternalStore(store.subscribe, () => store.status)
}

/** Why the board's view could not be opened, or null. */
export function useViewRefusal(store: ViewStore): string | null {
  return useSyncExternalStore(store.subscribe, () => store.refusal)
}

export function useColumnCounts(store: ViewStore): Record<Column, number> {
  return useSyncExternalStore(store.subscribe, () => store.counts())
}

/** The view's copy of one card (say, the one a dialog shows), or undefined when it holds none. */
export function useShownCard(store: ViewStore, id: string | undefined): ViewCard | undefined {
  return useSyncExternalStore(store.subscribe, () => (id === undefined ? undefined : store.card(id)))
}
