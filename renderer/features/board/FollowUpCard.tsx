import type { Card } from '../../../electron/contract'
import { CHANNEL_ICONS, describeBuffer, describeDeadline } from './format'

export interface CardActions {
  complete(card: Card): void
  snooze(card: Card): void
  edit(card: Card): void
  remove(card: Card): void
}

export function FollowUpCard({ card, now, actions }: { card: Card; now: Date; actions: CardActions }) {
  const buffer = describeBuffer(card)
  const done = card.column === 'done'
  return (
    <article className={`card card--${card.column}`} aria-label={card.title}>
      <h3 className="card__title">{card.title}</h3>
      <p className="card__client">
        <span aria-label={card.channel} role="img">
          {CHANNEL_ICONS[card.channel]}
        </span>{' '}
        {card.client.name}
        {card.client.company ? ` · ${card.client.company}` : ''}
      </p>
      <p className="card__due">
        {done ? `Done ${describeDeadline({ ...card, dueAt: card.completedAt!, allDay: false }, now)}` : `Promised ${describeDeadline(card, now)}`}
      </p>
      {!done && buffer && <p className="card__buffer">{buffer}</p>}
      {card.atRisk && <p className="card__risk">At risk: your own target has passed</p>}
      {card.value && (
        <p className="card__value">
          {new Intl.NumberFormat(undefined, { style: 'currency', currency: card.value.currency }).format(card.value.amount)}
        </p>
      )}
      <div className="card__actions">
        {!done && <button onClick={() => actions.complete(card)}>Mark done</button>}
        {!done && <button onClick={() => actions.snooze(card)}>Snooze</button>}
        <button onClick={() => actions.edit(card)}>Edit</button>
        <button onClick={() => actions.remove(card)}>Delete</button>
      </div>
    </article>
  )
}
