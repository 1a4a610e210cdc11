import { DEFAULT_DENSITY } from './features/board/density'
import { filtersFromHash, viewQuery } from './features/board/filters'
import { openBoardView, viewAnswered } from './features/board/openBoardView'
import { api } from './lib/api'
import { displayLocale, refreshLocale } from './lib/locale'
import './styles.css'

/**
 * How long the first render waits for the board's first snapshot and the settings. Both
 * usually take a few milliseconds; a slower service gets the page (and its "Loading")
 * after this, rather than a blank window.
 */
const FIRST_ANSWER_WAIT_MS = 1_000

// This module is small and holds no React: it asks for what the first render needs, and React and the app
// (startApp.tsx, a chunk of their own) load and compile meanwhile, instead of before the requests leave.
const app = import('./startApp')

// The access token is in session storage now (lib/api.ts); keep it out of the address bar.
if (new URLSearchParams(location.search).has('token')) history.replaceState(null, '', location.pathname + location.hash)

// The board's view and the settings are asked for together, and the page renders once both have answered:
// one first layout, with the cards, in the person's density and locale.
const board = openBoardView(api.openView, viewQuery(filtersFromHash(location.hash), false), DEFAULT_DENSITY)
const settings = api.getSettings({})
// While they travel, load the locale data every date on a card needs (ICU's first use costs ~20 ms). In a task of
// its own: Chromium starts an EventSource's request only once the current task ends, so the view's request leaves first.
setTimeout(displayLocale, 0)
// The settings' answer once its locale is applied, or nothing if it takes too long.
const settingsRead = Promise.race([refreshLocale(settings).then(() => settings), new Promise<undefined>((resolve) => setTimeout(resolve, FIRST_ANSWER_WAIT_MS))])

const root = document.getElementById('root')!
Promise.all([app, settingsRead, viewAnswered(board, FIRST_ANSWER_WAIT_MS)]).then(
  ([{ startApp }, read]) => startApp(root, board, settings, read?.ok ? read.value.density : undefined),
  (error: unknown) => {
    console.error('Follow Through could not load', error)
    root.textContent = 'Follow Through could not load its page. Reload to try again.'
  },
)
