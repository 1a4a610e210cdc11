import type { ReactNode } from 'react'
import type { ViewStore } from '../../lib/viewStore'
import { useColumnCounts } from './boardView'

/** Shown while the board is empty; reads the counts itself so the rest of the app does not re-render with them. */
export function Welcome({ store, children }: { store: ViewStore; children: ReactNode }) {
  const counts = useColumnCounts(store)
  if (Object.values(counts).some((count) => count > 0)) return null
  return (
    <section className="welcome" aria-label="Getting started">
      {children}
    </section>
  )
}
