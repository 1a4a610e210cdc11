import type { BoardSnapshot, Card, Column } from '../../../electron/contract'
import { FollowUpCard, type CardActions } from './FollowUpCard'

const COLUMN_TITLES: Record<Column, string> = { promised: 'Promised', due: 'Due', overdue: 'Overdue', done: 'Done' }
const COLUMN_HINTS: Record<Column, string> = {
  promised: 'Promises with time to spare.',
  due: 'Due today, or past your own target.',
  overdue: 'Past the promised time: tell the client now.',
  done: 'Delivered.',
}

function BoardColumn({ column, cards, now, actions }: { column: Column; cards: Card[]; now: Date; actions: CardActions }) {
  const headingId = `column-${column}`
  return (
    <section role="region" aria-labelledby={headingId} className={`column column--${column}`}>
      <h2 id={headingId} className="column__title">
        {COLUMN_TITLES[column]}
      </h2>
      <p className="column__count" aria-label={`${cards.length} follow-ups`}>
        {cards.length}
      </p>
      {cards.length === 0 && <p className="column__empty">{COLUMN_HINTS[column]}</p>}
      <div className="column__cards">
        {cards.map((card) => (
          <FollowUpCard key={card.id} card={card} now={now} actions={actions} />
        ))}
      </div>
    </section>
  )
}

export function Board({ board, actions }: { board: BoardSnapshot; actions: CardActions }) {
  const now = new Date(board.generatedAt)
  return (
    <main className="board">
      {(['promised', 'due', 'overdue', 'done'] as const).map((column) => (
        <BoardColumn key={column} column={column} cards={board.columns[column]} now={now} actions={actions} />
      ))}
    </main>
  )
}
