import { lazy, Suspense } from 'react'
import type { ScorecardDialog as Dialog } from './ScorecardDialog'

/**
 * The scorecard and its chart library load on first open, in their own chunk, so the
 * board's first paint does not pay for parsing recharts.
 */
const ScorecardDialog = lazy(() => import('./ScorecardDialog').then((module) => ({ default: module.ScorecardDialog })))

export function LazyScorecardDialog(props: Parameters<typeof Dialog>[0]) {
  return (
    <Suspense fallback={null}>
      <ScorecardDialog {...props} />
    </Suspense>
  )
}
