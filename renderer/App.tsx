import { addHours } from 'date-fns'
import { useState } from 'react'
import type { Card, Result } from '../electron/contract'
import { Board } from './features/board/Board'
import type { CardActions } from './features/board/FollowUpCard'
import { QuickAdd } from './features/board/QuickAdd'
import { useBoard } from './features/board/useBoard'
import { api } from './lib/api'

interface Undoable {
  message: string
  undo(): void
}

export function App() {
  const board = useBoard()
  const [error, setError] = useState<string | null>(null)
  const [undoable, setUndoable] = useState<Undoable | null>(null)

  const report = async <T,>(pending: Promise<Result<T>>): Promise<T | undefined> => {
    const result = await pending
    if (result.ok) {
      setError(null)
      return result.value
    }
    setError(result.error.message)
    return undefined
  }

  const actions: CardActions = {
    complete: (card: Card) => void report(api.complete({ id: card.id })),
    snooze: (card: Card) => void report(api.snooze({ id: card.id, until: addHours(new Date(), 1).toISOString() })),
    edit: () => setError('Editing arrives with the full board.'),
    remove: async (card: Card) => {
      const removed = await report(api.remove({ id: card.id }))
      if (removed) setUndoable({ message: `Deleted “${card.title}”.`, undo: () => void report(api.undoRemove({ id: card.id })) })
    },
  }

  return (
    <div className="app">
      <header className="app__header">
        <h1>Follow Through</h1>
        <QuickAdd />
      </header>
      {board?.notices.map((notice) => (
        <p key={notice} className="banner banner--notice" role="status">
          {notice}
        </p>
      ))}
      {board?.readOnly && <p className="banner banner--notice">Read-only: this data is from a newer version of Follow Through.</p>}
      {error && (
        <p className="banner banner--error" role="alert">
          {error} <button onClick={() => setError(null)}>Dismiss</button>
        </p>
      )}
      {undoable && (
        <p className="banner banner--undo" role="status">
          {undoable.message}{' '}
          <button
            onClick={() => {
              undoable.undo()
              setUndoable(null)
            }}
          >
            Undo
          </button>
        </p>
      )}
      {board ? <Board board={board} actions={actions} /> : <p className="loading">Loading your follow-ups…</p>}
    </div>
  )
}
