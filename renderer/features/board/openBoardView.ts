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

/** Resolves once the view has answered (its first snapshot, or a refusal), or after `ms` at the latest. */
export function viewAnswered(store: ViewStore, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const answered = () => store.status !== null || store.refusal !== null
    if (answered()) return resolve()
    const done = () => {
      clearTimeout(timer)
      unsubscribe()
      resolve()
    }
    const timer = setTimeout(done, ms)
    const unsubscribe = store.subscribe(() => answered() && done())
  })
}

/** Resolves with the first card of the view that matches, or null if none shows up within `ms`. */
export function waitForCard(store: ViewStore, matches: (card: BoardCard) => boolean, ms: number): Promise<BoardCard | null> {
  return new Promise((resolve) => {
    const find = () => {
      for (const card of store.cards()) if (matches(card)) return card
      return undefined
    }
    const found = find()
    if (found) return resolve(found)
    const timer = setTimeout(() => done(null), ms)
    const unsubscribe = store.subscribe(() => {
      const card = find()
      if (card) done(card)
    })
    function done(card: BoardCard | null) {
      clearTimeout(timer)
      unsubscribe()
      resolve(card)
    }
  })
}
