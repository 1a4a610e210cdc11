import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Card, Result, Settings } from '../electron/contract'
import { Board } from './features/board/Board'
import { useBoardStatus, useShownCard, useViewRefusal } from './features/board/boardView'
import { CardDetail, type DetailCard } from './features/board/CardDetail'
import { DensityToggle } from './features/board/DensityToggle'
import type { DropIntent } from './features/board/dropIntent'
import { FilterBar } from './features/board/FilterBar'
import { filtersFromHash, filtersToHash, hasFilters, viewQuery } from './features/board/filters'
import type { CardActions } from './features/board/FollowUpCard'
import { FollowUpDialog } from './features/board/FollowUpDialog'
import { QuickAdd, QUICK_ADD_EXAMPLE } from './features/board/QuickAdd'
import { RescheduleDialog } from './features/board/RescheduleDialog'
import { isTyping, ShortcutSheet } from './features/board/ShortcutSheet'
import { waitForCard } from './features/board/openBoardView'
import { useBoardView } from './features/board/useBoard'
import { AwayArea } from './features/board/AwayArea'
import { Welcome } from './features/board/Welcome'
import { useClients } from './features/board/useClients'
import { DEFAULT_DENSITY, type Density } from './features/board/density'
import { useDensity } from './features/board/useDensity'
import type { BoardCard, ViewStore } from './lib/viewStore'
import { LazyScorecardDialog } from './features/scorecard/LazyScorecard'
import { SettingsDialog } from './features/settings/SettingsDialog'
import { SyncIndicator } from './features/settings/SyncIndicator'
import { answerCalendarFlag } from './features/settings/syncStatusStore'
import { HeadsUpDialog } from './features/method/HeadsUpDialog'
import { checkInMessage } from './features/method/followThroughToast'
import { LogContactDialog } from './features/cadence/LogContactDialog'
import { SequenceDialog, type SequenceName } from './features/sale/SequenceDialog'
import { TransferDialog } from './features/transfer/TransferDialog'
import { api } from './lib/api'
import { useHashState } from './lib/useHashState'
import { refreshLocale } from './lib/locale'
import { useDisplayLocale } from './lib/useDisplayLocale'
import { useNow } from './lib/useNow'

/** How long a deleted follow-up can be brought back from the toast. */
const UNDO_MS = 15_000

type Dialog = { kind: 'new' } | { kind: 'shortcuts' } | { kind: 'transfer' } | { kind: 'settings' } | { kind: 'scorecard' } | { kind: 'logContact'; card: Card } | { kind: 'edit'; card: Card } | { kind: 'reschedule'; card: Card } | { kind: 'headsUp'; card: Card } | { kind: 'details'; card: DetailCard } | { kind: 'sequence'; card: Card; sequence: SequenceName } | null

interface Toast {
  message: string
  undo?(): void
  redo?(): void
}

/** How long Mark done waits for the planned check-in to reach the view before it says nothing of it. */
const CHECK_IN_WAIT_MS = 3_000

/**
 * Views carry light cards; the dialogs get the whole follow-up (its history too),
 * with the column and risk the board showed.
 */
async function wholeCard(card: BoardCard): Promise<Card> {
  const result = await api.getFollowUp({ id: card.id })
  return result.ok ? { ...card, ...result.value } : { ...card, history: [] }
}

/** A refused view is not opened again: the page starts afresh, without the filters in its address if they may be the cause. */
function reopenBoard(withoutFilters: boolean) {
  if (withoutFilters) history.replaceState(null, '', location.pathname + location.search)
  location.reload()
}

/**
 * `board`: the board's view, and `settings`: the settings, both when boot.ts asked for
 * them before the first render; `density`: the density setting when it had read them
 * already. The board is laid out once both are there.
 */
export function App({ board: openedBoard, settings: askedSettings, density: knownDensity }: { board?: ViewStore; settings?: Promise<Result<Settings>>; density?: Density } = {}) {
  const now = useNow()
  const [settings] = useState(() => askedSettings ?? api.getSettings({}))
  // Dates and amounts follow the locale; Settings may override it, so read it at start and after Settings or an import.
  // (Read before the density below: both come from one answer, so the board is laid out once, in the right locale.)
  const locale = useDisplayLocale()
  useEffect(() => void refreshLocale(settings), [settings])
  const [filters, setFilters] = useHashState(filtersFromHash, filtersToHash)
  const [showOlderDone, setShowOlderDone] = useState(false)
  const [density, setDensity] = useDensity(settings, knownDensity)
  const query = useMemo(() => viewQuery(filters, showOlderDone), [filters, showOlderDone])
  const store = useBoardView(api.openView, query, density ?? DEFAULT_DENSITY, openedBoard)
  const board = useBoardStatus(store)
  const refusal = useViewRefusal(store)
  const [clients, refreshClients] = useClients()
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

  // Every change can be taken back: the toast's Undo and Ctrl/Cmd+Z ask the service's one undo stack.
  const undoLast = async (step: 'undo' | 'redo') => {
    const result = await run(step === 'undo' ? api.undo({}) : api.redo({}))
    if (!result) return
    if (!result.action) return showToast({ message: step === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.' })
    showToast({ message: `${step === 'undo' ? 'Undone' : 'Redone'}: ${result.action}.`, ...(step === 'undo' ? { redo: () => void undoLast('redo') } : { undo: () => void undoLast('undo') }) })
  }
  const undoable = (message: string) => showToast({ message, undo: () => void undoLast('undo') })
  const withUndo = async (pending: Promise<Result<unknown>>, message: string) => {
    if (await run(pending)) showToast({ message, undo: () => void undoLast('undo') })
  }
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const key = event.key.toLowerCase()
      // Ctrl/Cmd+Z undoes, with Shift redoes; Ctrl+Y also redoes, as on Windows.
      const command = key === 'z' ? (event.shiftKey ? 'redo' : 'undo') : key === 'y' && event.ctrlKey && !event.shiftKey ? 'redo' : null
      if (!(event.ctrlKey || event.metaKey) || event.altKey || !command) return
      const target = event.target as HTMLElement | null
      // Text fields keep their own undo; preventDefault keeps the Edit menu's accelerator from acting too.
      if (target?.closest('input, textarea, select, [contenteditable="true"]') || document.querySelector('[role="dialog"]')) return
      event.preventDefault()
      void undoLast(command)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])

  const actions: CardActions = useMemo(
    () => ({
      complete: async (card) => {
        // A delivered promise gets a check-in: say when, once the view shows it.
        if (await run(api.complete({ id: card.id }))) {
          const checkIn = await waitForCard(store, (other) => other.followsUp === card.id && other.completedAt === undefined, CHECK_IN_WAIT_MS)
          showToast({ message: checkIn ? checkInMessage(checkIn) : `Done: “${card.title}”.`, undo: () => void undoLast('undo') })
        }
      },
      reopen: (card) => void withUndo(api.reopen({ id: card.id }), `Reopened “${card.title}”.`),
      headsUp: async (card) => setDialog({ kind: 'headsUp', card: await wholeCard(card) }),
      afterSale: async (card, sequence) => setDialog({ kind: 'sequence', card: await wholeCard(card), sequence }),
      snooze: (card, until) => void withUndo(api.snooze({ id: card.id, until: until.toISOString() }), `Snoozed “${card.title}”.`),
      edit: async (card) => setDialog({ kind: 'edit', card: await wholeCard(card) }),
      details: async (card) => setDialog({ kind: 'details', card: await wholeCard(card) }),
      logContact: async (card) => setDialog({ kind: 'logContact', card: await wholeCard(card) }),
      answerCalendar: (card, answer) => void run(answerCalendarFlag(card.id, answer)),
      remove: async (card) => {
        if (await run(api.remove({ id: card.id }))) {
          showToast({ message: `Deleted “${card.title}”.`, undo: () => void undoLast('undo') })
        }
      },
    }),
    [store],
  )

  const onDrop = useCallback((card: BoardCard, intent: DropIntent) => {
    switch (intent.kind) {
      case 'complete':
        return actions.complete(card)
      case 'reopen':
        return actions.reopen?.(card)
      case 'planToday':
        return void withUndo(api.planForToday({ id: card.id }), `Planned “${card.title}” for today.`)
      case 'reschedule':
        return void wholeCard(card).then((whole) => setDialog({ kind: 'reschedule', card: whole }))
      case 'none':
        if (intent.reason) setError(intent.reason)
    }
  }, [actions])
  const olderDone = useMemo(
    () => (
      <button className="link column__more" onClick={() => setShowOlderDone(!showOlderDone)}>
        {showOlderDone ? 'Show only the last 7 days' : 'Show older'}
      </button>
    ),
    [showOlderDone],
  )

  // The desktop shell asks for a card (a notification or tray item was clicked) or for quick add.
  useEffect(
    () =>
      api.onShellCommand(async (command) => {
        if (command.type === 'focusQuickAdd') {
          document.querySelector<HTMLInputElement>('input[aria-label="Quick add"]')?.focus()
          return
        }
        if (command.type === 'showShortcuts') return setDialog({ kind: 'shortcuts' })
        if (command.type === 'openDialog') return setDialog({ kind: command.dialog })
        const result = await api.getFollowUp({ id: command.id })
        if (!result.ok) return setError('That follow-up no longer exists.')
        const shown = store.card(command.id)
        setDialog({ kind: 'details', card: shown ? { ...shown, ...result.value } : result.value })
      }),
    [store],
  )

  // `?` anywhere but in a field shows every shortcut.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === '?' && !isTyping(event.target) && !event.ctrlKey && !event.metaKey && !event.altKey) setDialog((current) => current ?? { kind: 'shortcuts' })
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [])

  // Dialogs show the latest version of their card, so a push from another window is not lost.
  const shown = useShownCard(store, dialog && 'card' in dialog ? dialog.card.id : undefined)
  const liveCard = <T extends DetailCard>(card: T): T => (shown ? { ...card, ...shown } : card)

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
      {board && (
        <div className="board-bar">
          <FilterBar filters={filters} clients={clients} onChange={setFilters} onOpenClients={refreshClients} />
          {density && <DensityToggle density={density} onChange={setDensity} />}
          <button className="board-bar__keys" onClick={() => setDialog({ kind: 'shortcuts' })} aria-keyshortcuts="?">
            Keyboard shortcuts
          </button>
        </div>
      )}
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
      {board?.away && (
        <AwayArea
          store={store}
          status={board}
          now={now}
          onHeadsUp={(card) => setDialog({ kind: 'headsUp', card })}
          onMessage={undoable}
          onError={setError}
        />
      )}
      {board && !hasFilters(filters) && (
        <Welcome store={store}>
          <h2>Every promise, kept.</h2>
          <p>
            Type a promise into Quick add — for example <kbd>{QUICK_ADD_EXAMPLE}</kbd> — and press Enter. It starts in <b>Promised</b>, moves
            to <b>Due</b> on the day (or once your own, earlier target passes), and to <b>Overdue</b> if the promised time goes by. Mark it
            done and it lands in <b>Done</b>.
          </p>
        </Welcome>
      )}
      {board && density ? (
        <Board
          key={locale}
          store={store}
          now={now}
          actions={actions}
          onDrop={onDrop}
          density={density}
          olderDone={olderDone}
        />
      ) : refusal ? (
        <div className="banner banner--error" role="alert">
          The board could not be opened: {refusal}{' '}
          <button onClick={() => reopenBoard(hasFilters(filters))}>{hasFilters(filters) ? 'Open without filters' : 'Try again'}</button>
        </div>
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
            {toast.redo && (
              <button
                onClick={() => {
                  toast.redo?.()
                  setToast(null)
                }}
              >
                Redo
              </button>
            )}
          </p>
        )}
      </div>
      {dialog?.kind === 'logContact' && <LogContactDialog card={dialog.card} onClose={() => setDialog(null)} onDone={undoable} />}
      {dialog?.kind === 'scorecard' && <LazyScorecardDialog refreshKey={board?.generatedAt} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'transfer' && <TransferDialog
          readOnly={board?.readOnly}
          onClose={() => setDialog(null)}
          onDone={(message) => {
            undoable(message)
            void refreshLocale()
          }}
        />}
      {dialog?.kind === 'settings' && <SettingsDialog
          onClose={() => setDialog(null)}
          onSaved={(message) => {
            undoable(message)
            void refreshLocale()
          }}
        />}
      {dialog?.kind === 'new' && <FollowUpDialog onClose={() => setDialog(null)} onSaved={undoable} />}
      {dialog?.kind === 'edit' && <FollowUpDialog card={liveCard(dialog.card)} onClose={() => setDialog(null)} onSaved={undoable} />}
      {dialog?.kind === 'reschedule' && <RescheduleDialog card={dialog.card} onClose={() => setDialog(null)} onDone={undoable} />}
      {dialog?.kind === 'headsUp' && <HeadsUpDialog card={liveCard(dialog.card)} onClose={() => setDialog(null)} onDone={undoable} />}
      {dialog?.kind === 'sequence' && <SequenceDialog card={dialog.card} sequence={dialog.sequence} onClose={() => setDialog(null)} onDone={undoable} />}
      {dialog?.kind === 'details' && <CardDetail card={liveCard(dialog.card)} now={now} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'shortcuts' && <ShortcutSheet onClose={() => setDialog(null)} />}
    </div>
  )
}
