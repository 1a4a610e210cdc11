import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { DEFAULT_DENSITY } from './features/board/density'
import { filtersFromHash, viewQuery } from './features/board/filters'
import { openBoardView } from './features/board/useBoard'
import { api } from './lib/api'
import './styles.css'

// The access token is in session storage now (lib/api.ts); keep it out of the address bar.
if (new URLSearchParams(location.search).has('token')) history.replaceState(null, '', location.pathname + location.hash)

// The board's view opens first: its snapshot is on its way while React renders the page around it.
const board = openBoardView(api.openView, viewQuery(filtersFromHash(location.hash), false), DEFAULT_DENSITY)
const settings = api.getSettings({})

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App board={board} settings={settings} />
  </StrictMode>,
)
