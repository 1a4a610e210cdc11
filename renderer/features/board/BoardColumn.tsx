import { useDroppable } from '@dnd-kit/core'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef } from 'react'
import type { Card, Column } from '../../../electron/contract'
import { COLUMN_TITLES } from './format'
import { FollowUpCard, type CardActions } from './FollowUpCard'

const HINTS: Record<Column, string> = {
  promised: 'Promises with time to spare. Drag one to Due to work on it today.',
  due: 'Due today, or past your own target. Deliver early, or send a heads-up.',
  overdue: 'Nothing overdue. Keep it that way: tell clients before a deadline slips.',
  done: 'Delivered follow-ups land here. Drag a card here to mark it done.',
}

/** Cards are estimated at this height until measured; the list renders only what is in view. */
const ESTIMATED_CARD_HEIGHT = 150

export function BoardColumn({
  column,
  cards,
  now,
  actions,
  footer,
}: {
  column: Column
  cards: Card[]
  now: Date
  actions: CardActions
  footer?: React.ReactNode
}) {
  const headingId = `column-${column}`
  const { setNodeRef, isOver } = useDroppable({ id: column, disabled: column === 'overdue' })
  const scroller = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: cards.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ESTIMATED_CARD_HEIGHT,
    getItemKey: (index) => cards[index].id,
    overscan: 4,
    gap: 8,
    initialRect: { width: 300, height: 900 },
  })

  return (
    <section ref={setNodeRef} role="region" aria-labelledby={headingId} className={`column column--${column}${isOver ? ' column--over' : ''}`}>
      <header className="column__header">
        <h2 id={headingId} className="column__title">
          {COLUMN_TITLES[column]}
        </h2>
        <span className="column__count" aria-label={`${cards.length} follow-up${cards.length === 1 ? '' : 's'}`}>
          {cards.length}
        </span>
      </header>
      <div ref={scroller} className="column__scroll">
        {cards.length === 0 && <p className="column__empty">{HINTS[column]}</p>}
        <div className="column__cards" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => (
            <div key={item.key} data-index={item.index} ref={virtualizer.measureElement} className="column__slot" style={{ transform: `translateY(${item.start}px)` }}>
              <FollowUpCard card={cards[item.index]} now={now} actions={actions} />
            </div>
          ))}
        </div>
        {footer}
      </div>
    </section>
  )
}
