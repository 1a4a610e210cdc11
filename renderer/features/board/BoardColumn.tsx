import { useDroppable } from '@dnd-kit/core'
import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useEffect, useImperativeHandle, useRef, type Ref } from 'react'
import type { Column } from '../../../electron/contract'
import { useCard, useColumnCount, useColumnWindow, useViewStore } from './boardView'
import { CARD_GAP, CARD_HEIGHT, type Density } from './density'
import { COLUMN_TITLES } from './format'
import { FollowUpCard, type CardActions } from './FollowUpCard'
import { countOf } from '../../../electron/contract/format'

const HINTS: Record<Column, string> = {
  promised: 'Promises with time to spare. Drag one to Due to work on it today.',
  due: 'Due today, or past your own target. Deliver early, or send a heads-up.',
  overdue: 'Nothing overdue. Keep it that way: tell clients before a deadline slips.',
  done: 'Delivered follow-ups land here. Drag a card here to mark it done.',
}

/**
 * Cards rendered beyond the visible ones, each way, so a short scroll shows cards at once.
 * Not in the board's first paint, which shows only the cards in view: these follow it.
 */
const OVERSCAN = 3

/** What the board can ask of a column: bring a position into view. */
export interface ColumnHandle {
  scrollToIndex(index: number): void
}

export interface CardContext {
  now: Date
  actions: CardActions
  density: Density
  /**
   * False until the board's first paint: that paint shows the cards in view and what
   * they show at rest, and then come the overscan cards and the cards' hover toolbars.
   */
  painted: boolean
}

/** The count in the header: re-renders when that number changes, nothing else. */
const ColumnCount = memo(function ColumnCount({ column }: { column: Column }) {
  const count = useColumnCount(column)
  return (
    <span className="column__count" aria-label={countOf(count, 'follow-up')}>
      {count}
    </span>
  )
})

/** One card of the view, read by id: only a change to this card re-renders it. */
const ViewCard = memo(function ViewCard({ id, context }: { id: string; context: CardContext }) {
  const card = useCard(id)
  if (!card) return <div className="card card--placeholder" aria-hidden="true" />
  return <FollowUpCard card={card} now={context.now} actions={context.actions} density={context.density} toolbar={context.painted} />
})

/**
 * A column: virtualized over its full count, so it scrolls to any position at once and
 * renders only what is in view. Positions the view has not sent yet show light
 * placeholders; scrolling tells the view the range to send.
 */
export const BoardColumn = memo(function BoardColumn({
  column,
  context,
  footer,
  handle,
}: {
  column: Column
  context: CardContext
  footer?: React.ReactNode
  handle?: Ref<ColumnHandle>
}) {
  const store = useViewStore()
  const count = useColumnCount(column)
  const held = useColumnWindow(column)
  const headingId = `column-${column}`
  const { setNodeRef, isOver } = useDroppable({ id: column, disabled: column === 'overdue' })
  const scroller = useRef<HTMLDivElement>(null)
  const height = CARD_HEIGHT[context.density]
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => height,
    overscan: context.painted ? OVERSCAN : 0,
    gap: CARD_GAP,
    // Zero until the column is laid out (the virtualizer reads its size before the first paint): a guess
    // would render the cards of a taller column, then remove those that do not fit, all before that paint.
    initialRect: { width: 300, height: 0 },
  })
  useImperativeHandle(handle, () => ({ scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }) }), [virtualizer])
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items.length > 0 ? items[items.length - 1].index + 1 : 0

  // Ask for what is in view plus a screen either way, unless the window already holds it.
  useEffect(() => {
    const covered = held.start <= first && held.start + held.ids.length >= Math.min(last, count)
    if (covered) return
    const screen = Math.max(last - first, 1)
    store.setRange(column, { start: Math.max(0, first - screen), end: Math.min(count, last + screen) })
  }, [store, column, first, last, count, held])

  return (
    <section
      ref={setNodeRef}
      role="region"
      aria-labelledby={headingId}
      data-column={column}
      className={`column column--${column}${isOver ? ' column--over' : ''}`}
    >
      <header className="column__header">
        <h2 id={headingId} className="column__title">
          {COLUMN_TITLES[column]}
        </h2>
        <ColumnCount column={column} />
      </header>
      <div ref={scroller} className="column__scroll">
        {count === 0 && <p className="column__empty">{HINTS[column]}</p>}
        <div className="column__cards" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const id = held.ids[item.index - held.start]
            // Keyed by card, so a card that moves keeps its element; the virtualizer itself keys by position,
            // which keeps its per-render work independent of the column's length.
            return (
              <div
                key={id ?? `position-${item.index}`}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className="column__slot"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                {id ? <ViewCard id={id} context={context} /> : <div className="card card--placeholder" aria-hidden="true" style={{ height }} />}
              </div>
            )
          })}
        </div>
        {footer}
      </div>
    </section>
  )
})
