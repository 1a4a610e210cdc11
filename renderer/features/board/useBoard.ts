import { useEffect, useState } from 'react'
import type { BoardSnapshot } from '../../../electron/contract'
import { api } from '../../lib/api'

/** The latest board the service pushed; null until the first arrives. */
export function useBoard(): BoardSnapshot | null {
  const [board, setBoard] = useState<BoardSnapshot | null>(null)
  useEffect(() => {
    let active = true
    const accept = (next: BoardSnapshot) => {
      // Snapshots can cross: keep the newest.
      if (active) setBoard((current) => (current && current.generatedAt > next.generatedAt ? current : next))
    }
    // onBoardChanged delivers the current board first, so there is no separate getBoard:
    // at 10k cards a second copy of the snapshot costs a second parse and render.
    const unsubscribe = api.onBoardChanged(accept)
    return () => {
      active = false
      unsubscribe()
    }
  }, [])
  return board
}
