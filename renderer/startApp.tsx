import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import type { AppModule } from './boot'
import { App } from './App'

/** Renders the app into `root`, with the view and the settings boot.ts asked for before this module loaded. */
export const startApp: AppModule['startApp'] = (root, board, settings, density) => {
  createRoot(root).render(
    <StrictMode>
      <App board={board} settings={settings} density={density} />
    </StrictMode>,
  )
}
