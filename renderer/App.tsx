import { useEffect, useMemo, useRef, useState } from 'react'
import type { Card, Result } from '../electron/contract'
import { Board } from './features/board/Board'
import { CardDetail } from './features/board/CardDetail'
import type { DropIntent } from './features/board/dropIntent'
import { FilterBar } from './features/board/FilterBar'
import { clientsOf, filtersFromHash, filtersToHash, visibleColumns } from './features/board/filters'
import type { CardActions } from './features/board/FollowUpCard'
import { FollowUpDialog } from './features/board/FollowUpDialog'
import { QuickAdd, QUICK_ADD_EXAMPLE } from './features/board/QuickAdd'
import { RescheduleDialog } from './features/board/RescheduleDialog'
import { useBoard } from './features/board/useBoard'
import { LazyScorecardDialog } from './features/scorecard/LazyScorecard'
import { SettingsDialog } from './features/settings/SettingsDialog'
import { SyncIndicator } from './features/settings/SyncIndicator'
import { HeadsUpDialog } from './features/method/HeadsUpDialog'
import { checkInPlanned } from './features/method/followThroughToast'
import { LogContactDialog } from './features/cadence/LogContactDialog'
import { AwayPanel } from './features/away/AwayPanel'
import { SequenceDialog, type SequenceName } from './features/sale/SequenceDialog'
import { TransferDialog } from './features/transfer/TransferDialog'
import { api } from './lib/api'
import { useHashState } from './lib/useHashState'
import { useNow } from './lib/useNow'

/** How long a deleted follow-up can be brought back from the toast. */
const UNDO_MS = 15_000

type Dialog = { kind: 'new' } | { kind: 'transfer' } | { kind: 'settings' } | { kind: 'scorecard' } | { kind: 'logContact'; card: Card } | { kind: 'edit'; card: Card } | { kind: 'reschedule'; card: Card } | { kind: 'headsUp'; card: Card } | { kind: 'details'; card: Card } | { kind: 'sequence'; card: Card; sequence: SequenceName } | null

interface Toast {
  message: string
  undo?(): void
}

export function App() {
  const board = useBoard()
  const now = useNow()
  const [filters, setFilters] = useHashState(filtersFromHash, filtersToHash)
  const [showOlderDone, setShowOlderDone] = useState(false)
  const [dialog, setDialog] = useState<Dialog>(null)
  const [error, setError] = useState<string | null>(null)
  const [toast, setToast] = useState<Toast | null>(null)
  const toastTimer = useRef<ReturnType<typeof setTimeout>>(undefined)

  const showToast = (next: Toast) => {
    clearTimeout(toastTimer.current)
    setToast(next)
    toastTimer.current = setTimeout(() => setToast(null), UNDO_MS)
  }
  useEffect(() => () => clearTimeout(toastTimer.current), [])

  const run = async <T,>(pending: Promise<Result<T>>): Promise<T | undefined> => {
    const result = await pending
    if (result.ok) {
      setError(null)
      return result.value
    }
    setError(result.error.message)
    return undefined
  }

  const actions: CardActions = useMemo(
    () => ({
      complete: async (card) => {
        // A delivered promise gets a check-in: say when.
        if (await run(api.complete({ id: card.id }))) {
          const planned = await checkInPlanned(card.id)
          if (planned) showToast({ message: planned })
        }
      },
      headsUp: (card) => setDialog({ kind: 'headsUp', card }),
      afterSale: (card, sequence) => setDialog({ kind: 'sequence', card, sequence }),
      snooze: (card, until) => void run(api.snooze({ id: card.id, until: until.toISOString() })),
      edit: (card) => setDialog({ kind: 'edit', card }),
      details: (card) => setDialog({ kind: 'details', card }),
      logContact: (card) => setDialog({ kind: 'logContact', card }),
      remove: async (card) => {
        if (await run(api.remove({ id: card.id }))) {
          showToast({ message: `Deleted “${card.title}”.`, undo: () => void run(api.undoRemove({ id: card.id })) })
        }
      },
    }),
    [],
  )

  function onDrop(card: Card, intent: DropIntent) {
    switch (intent.kind) {
      case 'complete':
        return actions.complete(card)
      case 'reopen':
        return void run(api.reopen({ id: card.id }))
      case 'planToday':
        return void run(api.planForToday({ id: card.id }))
      case 'reschedule':
        return setDialog({ kind: 'reschedule', card })
      case 'none':
        if (intent.reason) setError(intent.reason)
    }
  }

  // The desktop shell asks for a card (a notification or tray item was clicked) or for quick add.
  const latestBoard = useRef(board)
  latestBoard.current = board
  useEffect(
    () =>
      api.onShellCommand((command) => {
        if (command.type === 'focusQuickAdd') {
          document.querySelector<HTMLInputElement>('input[aria-label="Quick add"]')?.focus()
          return
        }
        const card = latestBoard.current && Object.values(latestBoard.current.columns).flat().find((c) => c.id === command.id)
        if (card) setDialog({ kind: 'details', card })
        else setError('That follow-up no longer exists.')
      }),
    [],
  )

  const view = useMemo(() => (board ? visibleColumns(board, filters, now, showOlderDone) : null), [board, filters, now, showOlderDone])
  const clients = useMemo(() => (board ? clientsOf(board) : []), [board])
  const isEmpty = board !== null && Object.values(board.columns).every((cards) => cards.length === 0)
  // Dialogs show the latest version of their card, so a push from another window is not lost.
  const liveCard = (card: Card) => (board && Object.values(board.columns).flat().find((c) => c.id === card.id)) || card

  return (
    <div className="app">
      <header className="app__header">
        <h1>Follow Through</h1>
        <QuickAdd />
        <button className="primary" onClick={() => setDialog({ kind: 'new' })} disabled={board?.readOnly}>
          New follow-up
        </button>
        <button onClick={() => setDialog({ kind: 'settings' })} disabled={board?.readOnly}>
          Settings
        </button>
        <button onClick={() => setDialog({ kind: 'scorecard' })}>Scorecard</button>
        <button onClick={() => setDialog({ kind: 'transfer' })}>Import / export</button>
        <SyncIndicator onOpen={() => setDialog({ kind: 'settings' })} />
      </header>
      {board && <FilterBar filters={filters} clients={clients} onChange={setFilters} />}
      <div className="banners">
        {board?.notices.map((notice) => (
          <p key={notice} className="banner banner--notice" role="status">
            {notice} <button onClick={() => void run(api.dismissNotice({ notice }))}>Dismiss</button>
          </p>
        ))}
        {error && (
          <p className="banner banner--error" role="alert">
            {error} <button onClick={() => setError(null)}>Dismiss</button>
          </p>
        )}
      </div>
      {board && (
        <AwayPanel
          board={board}
          now={now}
          onHeadsUp={(card) => setDialog({ kind: 'headsUp', card })}
          onMessage={(message) => showToast({ message })}
          onError={setError}
        />
      )}
      {isEmpty && (
        <section className="welcome" aria-label="Getting started">
          <h2>Every promise, kept.</h2>
          <p>
            Type a promise into Quick add — for example <kbd>{QUICK_ADD_EXAMPLE}</kbd> — and press Enter. It starts in <b>Promised</b>, moves
            to <b>Due</b> on the day (or once your own, earlier target passes), and to <b>Overdue</b> if the promised time goes by. Mark it
            done and it lands in <b>Done</b>.
          </p>
        </section>
      )}
      {board && view ? (
        <Board
          columns={view.columns}
          now={now}
          actions={actions}
          onDrop={onDrop}
          olderDone={
            view.olderDone > 0 || showOlderDone ? (
              <button className="link column__more" onClick={() => setShowOlderDone(!showOlderDone)}>
                {showOlderDone ? 'Show only the last 7 days' : `Show ${view.olderDone} older`}
              </button>
            ) : undefined
          }
        />
      ) : (
        <p className="loading">Loading your follow-ups…</p>
      )}
      <div className="toast-area" aria-live="polite">
        {toast && (
          <p className="toast" role="status">
            {toast.message}{' '}
            {toast.undo && (
              <button
                onClick={() => {
                  toast.undo?.()
                  setToast(null)
                }}
              >
                Undo
              </button>
            )}
          </p>
        )}
      </div>
      {dialog?.kind === 'logContact' && <LogContactDialog card={dialog.card} onClose={() => setDialog(null)} onDone={(message) => showToast({ message })} />}
      {dialog?.kind === 'scorecard' && <LazyScorecardDialog refreshKey={board?.generatedAt} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'transfer' && <TransferDialog readOnly={board?.readOnly} onClose={() => setDialog(null)} onDone={(message) => showToast({ message })} />}
      {dialog?.kind === 'settings' && <SettingsDialog onClose={() => setDialog(null)} onSaved={(message) => showToast({ message })} />}
      {dialog?.kind === 'new' && <FollowUpDialog onClose={() => setDialog(null)} onSaved={(message) => showToast({ message })} />}
      {dialog?.kind === 'edit' && <FollowUpDialog card={liveCard(dialog.card)} onClose={() => setDialog(null)} onSaved={(message) => showToast({ message })} />}
      {dialog?.kind === 'reschedule' && <RescheduleDialog card={dialog.card} onClose={() => setDialog(null)} onDone={(message) => showToast({ message })} />}
      {dialog?.kind === 'headsUp' && <HeadsUpDialog card={liveCard(dialog.card)} onClose={() => setDialog(null)} onDone={(message) => showToast({ message })} />}
      {dialog?.kind === 'sequence' && <SequenceDialog card={dialog.card} sequence={dialog.sequence} onClose={() => setDialog(null)} onDone={(message) => showToast({ message })} />}
      {dialog?.kind === 'details' && <CardDetail card={liveCard(dialog.card)} now={now} onClose={() => setDialog(null)} />}
    </div>
  )
}
