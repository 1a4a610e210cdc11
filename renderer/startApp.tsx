import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import type { Density } from './features/board/density'
import type { Result, Settings } from '../electron/contract'
import type { ViewStore } from './lib/viewStore'
import { App } from './App'

/** Renders the app into `root`, with the view and the settings main.tsx asked for before this module loaded. */
export function startApp(root: HTMLElement, board: ViewStore, settings: Promise<Result<Settings>>, density: Density | undefined): void {
  createRoot(root).render(
    <StrictMode>
      <App board={board} settings={settings} density={density} />
    </StrictMode>,
  )
}
