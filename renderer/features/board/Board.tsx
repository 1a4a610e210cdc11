import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type KeyboardCoordinateGetter,
} from '@dnd-kit/core'
import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Column, ViewCard as Card } from '../../../electron/contract'
import { BoardColumn, type CardContext, type ColumnHandle } from './BoardColumn'
import { ViewStoreContext } from './boardView'
import type { Density } from './density'
import { dropIntent, type DropIntent } from './dropIntent'
import { COLUMN_TITLES } from './format'
import { CardPreview, type CardActions } from './FollowUpCard'
import { neighbourColumn, useFocusRequests } from './focusCards'
import { afterPaint } from '../../lib/afterPaint'
import type { ViewStore } from '../../lib/viewStore'

export const BOARD_COLUMNS: Column[] = ['promised', 'due', 'overdue', 'done']
const DROP_TARGETS: Column[] = ['promised', 'due', 'done']

/** Keyboard drags jump a whole column per arrow press instead of creeping by pixels. */
const jumpBetweenColumns: KeyboardCoordinateGetter = (event, { context }) => {
  if (event.code !== 'ArrowRight' && event.code !== 'ArrowLeft') return undefined
  event.preventDefault()
  const from = (context.over?.id ?? (context.active?.data.current as { card: Card } | undefined)?.card.column) as Column | undefined
  const order = DROP_TARGETS.filter((column) => context.droppableRects.has(column))
  const index = from ? order.indexOf(from) : -1
  const nextIndex = event.code === 'ArrowRight' ? Math.min(order.length - 1, index + 1) : Math.max(0, index - 1)
  const rect = context.droppableRects.get(order[nextIndex === -1 ? 0 : nextIndex])
  return rect ? { x: rect.left + rect.width / 2, y: rect.top + 60 } : undefined
}

const cardOf = (data: unknown) => (data as { card: Card } | undefined)?.card

const INTENT_WORDS: Record<DropIntent['kind'], string> = {
  complete: 'will be marked done',
  reopen: 'will be reopened',
  reschedule: 'will ask for a new promised date',
  planToday: 'will be planned for today',
  none: 'stays where it is',
}

function announcements(): Announcements {
  const describe = (card: Card | undefined, over: Column | undefined) =>
    card && over ? `${card.title} is over ${COLUMN_TITLES[over]}: it ${INTENT_WORDS[dropIntent(card.column, over).kind]}.` : ''
  return {
    onDragStart: ({ active }) =>
      `Picked up ${cardOf(active.data.current)?.title}. Use the left and right arrow keys to choose a column, Space to drop, Escape to cancel.`,
    onDragOver: ({ active, over }) => describe(cardOf(active.data.current), over?.id as Column | undefined),
    onDragEnd: ({ active, over }) => (over ? `Dropped on ${COLUMN_TITLES[over.id as Column]}.` : `${cardOf(active.data.current)?.title} was dropped outside the board.`),
    onDragCancel: ({ active }) => `Moving ${cardOf(active.data.current)?.title} was cancelled.`,
  }
}

export function Board({
  store,
  now,
  actions,
  onDrop,
  density = 'comfortable',
  olderDone,
}: {
  store: ViewStore
  now: Date
  actions: CardActions
  onDrop(card: Card, intent: DropIntent): void
  density?: Density
  olderDone?: React.ReactNode
}) {
  const [dragged, setDragged] = useState<Card | null>(null)
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: jumpBetweenColumns }),
  )
  const columns = useRef<Partial<Record<Column, ColumnHandle | null>>>({})
  const board = useRef<HTMLElement>(null)
  const focus = useFocusRequests(store, board, columns)
  // The first paint holds only what a person sees at once; the rest renders right after it, in a
  // transition, so it never holds the page (see CardContext.painted).
  const [painted, setPainted] = useState(false)
  useEffect(() => afterPaint(() => startTransition(() => setPainted(true))), [])
  const context: CardContext = useMemo(() => ({ now, actions, density, painted }), [now, actions, density, painted])
  const handles = useMemo(
    () => Object.fromEntries(BOARD_COLUMNS.map((column) => [column, (handle: ColumnHandle | null) => void (columns.current[column] = handle)])) as Record<Column, (handle: ColumnHandle | null) => void>,
    [],
  )

  function onDragEnd(event: DragEndEvent) {
    setDragged(null)
    // A card dragged far enough to scroll out of its column's rendered range is unmounted; the overlay kept its data.
    const card = cardOf(event.active.data.current) ?? dragged
    if (!card || !event.over) return
    // A keyboard move keeps focus on the card: once it shows up in its new place, focus goes there.
    if (event.activatorEvent instanceof KeyboardEvent) focus.follow(card.id, card.column)
    onDrop(card, dropIntent(card.column, event.over.id as Column))
  }

  /** Arrows and j/k move between cards (and columns) from a focused card. */
  const onKeyDown = useCallback(
    (event: React.KeyboardEvent) => {
      const target = event.target as HTMLElement
      if (target.tagName !== 'ARTICLE' || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return
      const column = target.closest<HTMLElement>('[data-column]')?.dataset.column as Column | undefined
      const index = Number(target.closest<HTMLElement>('[data-index]')?.dataset.index)
      if (!column || Number.isNaN(index)) return
      const step = event.key === 'ArrowDown' || event.key === 'j' ? 1 : event.key === 'ArrowUp' || event.key === 'k' ? -1 : 0
      if (step !== 0) {
        event.preventDefault()
        const next = index + step
        if (next >= 0 && next < store.counts()[column]) focus.position(column, next)
        return
      }
      if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return
      event.preventDefault()
      const to = neighbourColumn(store, column, event.key === 'ArrowRight' ? 1 : -1)
      if (to) focus.beside(target, to)
    },
    [store, focus],
  )

  return (
    <ViewStoreContext.Provider value={store}>
      <DndContext
        sensors={sensors}
        accessibility={{
          announcements: announcements(),
          screenReaderInstructions: {
            draggable: 'To move a follow-up to another column, press Space, then the left or right arrow keys, then Space again. Escape cancels.',
          },
        }}
        onDragStart={(event) => setDragged(cardOf(event.active.data.current) ?? null)}
        onDragCancel={() => setDragged(null)}
        onDragEnd={onDragEnd}
      >
        <main ref={board} className={`board board--${density}`} onKeyDown={onKeyDown}>
          {BOARD_COLUMNS.map((column) => (
            <BoardColumn key={column} column={column} context={context} handle={handles[column]} footer={column === 'done' ? olderDone : undefined} />
          ))}
        </main>
        <DragOverlay>{dragged ? <CardPreview card={dragged} now={now} /> : null}</DragOverlay>
      </DndContext>
    </ViewStoreContext.Provider>
  )
}
