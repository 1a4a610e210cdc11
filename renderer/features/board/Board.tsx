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
import { useState } from 'react'
import type { Card, Column } from '../../../electron/contract'
import { BoardColumn } from './BoardColumn'
import { dropIntent, type DropIntent } from './dropIntent'
import { COLUMN_TITLES } from './format'
import { CardPreview, type CardActions } from './FollowUpCard'

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
  columns,
  now,
  actions,
  onDrop,
  olderDone,
}: {
  columns: Record<Column, Card[]>
  now: Date
  actions: CardActions
  onDrop(card: Card, intent: DropIntent): void
  olderDone?: React.ReactNode
}) {
  const [dragged, setDragged] = useState<Card | null>(null)
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: jumpBetweenColumns }),
  )

  function onDragEnd(event: DragEndEvent) {
    setDragged(null)
    const card = cardOf(event.active.data.current)
    if (!card || !event.over) return
    onDrop(card, dropIntent(card.column, event.over.id as Column))
  }

  return (
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
      <main className="board">
        {BOARD_COLUMNS.map((column) => (
          <BoardColumn key={column} column={column} cards={columns[column]} now={now} actions={actions} footer={column === 'done' ? olderDone : undefined} />
        ))}
      </main>
      <DragOverlay>{dragged ? <CardPreview card={dragged} now={now} /> : null}</DragOverlay>
    </DndContext>
  )
}
