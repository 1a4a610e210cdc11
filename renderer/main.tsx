import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { DEFAULT_DENSITY } from './features/board/density'
import { filtersFromHash, viewQuery } from './features/board/filters'
import { openBoardView, viewAnswered } from './features/board/useBoard'
import { api } from './lib/api'
import { displayLocale, refreshLocale } from './lib/locale'
import './styles.css'

/**
 * How long the first render waits for the board's first snapshot and the settings. Both
 * usually take a few milliseconds; a slower service gets the page (and its "Loading")
 * after this, rather than a blank window.
 */
const FIRST_ANSWER_WAIT_MS = 1_000

// The access token is in session storage now (lib/api.ts); keep it out of the address bar.
if (new URLSearchParams(location.search).has('token')) history.replaceState(null, '', location.pathname + location.hash)

// The board's view and the settings are asked for first, together, and the page renders once
// both have answered: one first layout, with the cards, in the person's density and locale.
// (Rendering the page's frame meanwhile would hold the main thread while the snapshot waits.)
const board = openBoardView(api.openView, viewQuery(filtersFromHash(location.hash), false), DEFAULT_DENSITY)
const settings = api.getSettings({})
// While they travel, the main thread is idle: load the locale data every date on a card needs (ICU's first use costs
// ~20 ms). In a task of its own: Chromium starts an EventSource's request only once the current task ends, so the
// view's request leaves first, and the bundle's evaluation is not made one long task.
setTimeout(displayLocale, 0)
// The settings' answer once its locale is applied, or nothing if it takes too long.
const settingsRead = Promise.race([refreshLocale(settings).then(() => settings), new Promise<undefined>((resolve) => setTimeout(resolve, FIRST_ANSWER_WAIT_MS))])

void Promise.all([settingsRead, viewAnswered(board, FIRST_ANSWER_WAIT_MS)]).then(([read]) => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App board={board} settings={settings} density={read?.ok ? read.value.density : undefined} />
    </StrictMode>,
  )
})
