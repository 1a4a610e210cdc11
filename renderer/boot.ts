import type { Result, Settings } from '../electron/contract'
import { DEFAULT_DENSITY, type Density } from './features/board/density'
import { filtersFromHash, viewQuery } from './features/board/filters'
import { openBoardView, viewAnswered } from './features/board/openBoardView'
import { api } from './lib/api'
import { displayLocale, refreshLocale } from './lib/locale'
import type { ViewStore } from './lib/viewStore'

/**
 * How long the first render waits for the board's first snapshot and the settings. Both
 * usually take a few milliseconds; a slower service gets the page (and its "Loading")
 * after this, rather than a blank window.
 */
const FIRST_ANSWER_WAIT_MS = 1_000

/** A User Timing mark of the page's start: DevTools' timeline shows them, and the board bench reads them. */
const mark = (step: string) => performance.mark(`follow-through:${step}`)

/** What the app's chunk (startApp.tsx) offers. */
export interface AppModule {
  startApp(root: HTMLElement, board: ViewStore, settings: Promise<Result<Settings>>, density: Density | undefined): void
}

/**
 * Starts the page: asks for what the first render needs (the board's view and the
 * settings) while `app`, React and the app, loads; renders once all three are there.
 * No React here: this runs before React has loaded.
 */
export async function boot(root: HTMLElement, app: Promise<AppModule>): Promise<void> {
  // lib/api.ts has read the access token (and keeps it for reloads in session storage): take it out of the address bar.
  if (new URLSearchParams(location.search).has('token')) history.replaceState(null, '', location.pathname + location.hash)

  // The view and the settings are asked for together, and the page renders once both have answered:
  // one first layout, with the cards, in the person's density and locale.
  const board = openBoardView(api.openView, viewQuery(filtersFromHash(location.hash), false), DEFAULT_DENSITY)
  const settings = api.getSettings({})
  mark('requests-sent')
  // While they travel, load the locale data every date on a card needs (ICU's first use costs ~20 ms). In a task of
  // its own: Chromium starts an EventSource's request only once the current task ends, so the view's request leaves first.
  setTimeout(displayLocale, 0)
  // The settings' answer once its locale is applied; nothing if it fails or takes too long (the app asks again).
  const settingsRead = Promise.race([
    refreshLocale(settings).then(
      () => settings,
      () => undefined,
    ),
    new Promise<undefined>((resolve) => setTimeout(resolve, FIRST_ANSWER_WAIT_MS)),
  ])
  try {
    const [{ startApp }, read] = await Promise.all([
      app.finally(() => mark('app-loaded')),
      settingsRead.finally(() => mark('settings-answered')),
      viewAnswered(board, FIRST_ANSWER_WAIT_MS).finally(() => mark('view-answered')),
    ])
    mark('render')
    startApp(root, board, settings, read?.ok ? read.value.density : undefined)
  } catch (error) {
    board.stop()
    showLoadFailure(root, error)
  }
}

/** The page could not load its code (the app was updated or stopped meanwhile): say so, and offer to try again. */
function showLoadFailure(root: HTMLElement, error: unknown): void {
  console.error('Follow Through could not load its page', error)
  const message = document.createElement('p')
  message.setAttribute('role', 'alert')
  message.textContent = 'Follow Through could not load its page.'
  const retry = document.createElement('button')
  retry.textContent = 'Try again'
  retry.addEventListener('click', () => location.reload())
  const notice = document.createElement('div')
  notice.className = 'load-failure'
  notice.append(message, retry)
  root.replaceChildren(notice)
  retry.focus()
}
