import type { ViewQuery, ViewRanges } from '../../../electron/contract/view'
import { ViewStore, VIEW_COLUMNS, type BoardCard, type OpenView } from '../../lib/viewStore'
import { CARD_GAP, CARD_HEIGHT, type Density } from './density'

// Opening the board's view and waiting on it, without React: boot.ts opens the view
// before React and the app have loaded, so the two travel at the same time.

/** The first ranges: the cards a screen shows in each column, plus a few, so the first paint needs no more. */
export function firstRanges(density: Density, screenHeight = globalThis.innerHeight || 800): ViewRanges {
  const end = Math.ceil(screenHeight / (CARD_HEIGHT[density] + CARD_GAP)) + 4
  return Object.fromEntries(VIEW_COLUMNS.map((column) => [column, { start: 0, end }])) as ViewRanges
}

/**
 * Opens the board's view before React and the app have loaded, so the service builds the
 * first snapshot while they load (boot.ts passes it to App).
 */
export function openBoardView(openView: OpenView, query: ViewQuery, density: Density): ViewStore {
  const store = new ViewStore(openView, query, firstRanges(density))
  store.start()
  return store
}

/** Resolves with what `check` finds in the view, now or after a change, or with null if it finds nothing within `ms`. */
function untilFound<T>(store: ViewStore, check: () => T | undefined, ms: number): Promise<T | null> {
  return new Promise((resolve) => {
    const found = check()
    if (found !== undefined) return resolve(found)
    const done = (value: T | null) => {
      clearTimeout(timer)
      unsubscribe()
      resolve(value)
    }
    const timer = setTimeout(() => done(null), ms)
    const unsubscribe = store.subscribe(() => {
      const value = check()
      if (value !== undefined) done(value)
    })
  })
}

/** Resolves once the view has answered (its first snapshot, or a refusal), or after `ms` at the latest. */
export async function viewAnswered(store: ViewStore, ms: number): Promise<void> {
  await untilFound(store, () => (store.status !== null || store.refusal !== null ? true : undefined), ms)
}

/** Resolves with the first card of the view that matches, or null if none shows up within `ms`. */
export function waitForCard(store: ViewStore, matches: (card: BoardCard) => boolean, ms: number): Promise<BoardCard | null> {
  return untilFound(store, () => {
    for (const card of store.cards()) if (matches(card)) return card
    return undefined
  }, ms)
}
