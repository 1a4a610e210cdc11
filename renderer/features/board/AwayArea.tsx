import { useEffect, useState } from 'react'
import type { BoardSnapshot, Card, Column } from '../../../electron/contract'
import type { BoardStatus } from '../../../electron/contract/view'
import { api } from '../../lib/api'
import type { ViewStore } from '../../lib/viewStore'
import { AwayPanel } from '../away/AwayPanel'
import { useColumnCounts } from './boardView'

/**
 * The "While you were away" panel lists a handful of follow-ups (the status names at
 * most AWAY_LISTED) that may lie outside the view's windows: they are asked of the
 * service one by one, again after each change to the counts (marking them done
 * empties the panel). The view gives the column when it holds the card; one it does
 * not hold is shown as it went: overdue.
 */
function useAwayBoard(store: ViewStore, status: BoardStatus): BoardSnapshot | null {
  const [board, setBoard] = useState<BoardSnapshot | null>(null)
  const counts = useColumnCounts(store)
  useEffect(() => {
    const away = status.away
    if (!away) return setBoard(null)
    let active = true
    void Promise.all(away.ids.map((id) => api.getFollowUp({ id }))).then((results) => {
      if (!active) return
      const columns: Record<Column, Card[]> = { promised: [], due: [], overdue: [], done: [] }
      for (const result of results) {
        if (!result.ok) continue
        const shown = store.card(result.value.id)
        const column: Column = shown?.column ?? (result.value.completedAt ? 'done' : 'overdue')
        columns[column].push({ atRisk: false, ...shown, ...result.value, column })
      }
      setBoard({ generatedAt: status.generatedAt, readOnly: status.readOnly, notices: status.notices, away, columns })
    })
    return () => {
      active = false
    }
  }, [store, status, counts])
  return board
}

export function AwayArea({
  store,
  status,
  ...props
}: {
  store: ViewStore
  status: BoardStatus
  now: Date
  onHeadsUp(card: Card): void
  onMessage(message: string): void
  onError(message: string): void
}) {
  const board = useAwayBoard(store, status)
  return (
    board && (
      <div className="board-away">
        <AwayPanel board={board} {...props} />
      </div>
    )
  )
}
