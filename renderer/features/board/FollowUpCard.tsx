import { useDraggable } from '@dnd-kit/core'
import { memo, useState } from 'react'
import type { Card } from '../../../electron/contract'
import { CHANNEL_ICONS, CHANNEL_NAMES, RECURRENCE_NAMES, describeBuffer, describeDeadline, describeLateness, describeMargin, formatMoney } from './format'
import { SnoozeMenu } from './SnoozeMenu'
import { CardChecklist } from '../method/CardChecklist'

export interface CardActions {
  complete(card: Card): void
  /** Done cards: back to open (the untouched check-in its completion planned goes too). */
  reopen?(card: Card): void
  snooze(card: Card, until: Date): void
  edit(card: Card): void
  remove(card: Card): void
  details(card: Card): void
  /** At risk or overdue: tell the client before (or as soon as) the promise slips. */
  headsUp?(card: Card): void
  /** After the sale, on promise cards: plan a thank-you (won) or a confirmation call and a second thank-you (delivered). */
  afterSale?(card: Card, sequence: 'won' | 'delivered'): void
  logContact(card: Card): void
}

/** The scorecard's word for a done promise (one rule for both), then how it stood against the promise. */
const OUTCOME_WORDS: Record<NonNullable<Card['outcome']>, string> = { early: 'Done early', onTime: 'Done on time', renegotiated: 'Done, renegotiated', missed: 'Done late' }

function describeDone(card: Card): string {
  const margin = card.margin ? describeMargin(card.margin.promise) : undefined
  if (!card.outcome) return margin ? `Done, ${margin}` : 'Done'
  if (!margin || card.outcome === 'renegotiated') return OUTCOME_WORDS[card.outcome]
  const against = margin === 'on time' ? 'right at the promise' : margin.replace(/ early$/, ' before the promise').replace(/ late$/, ' after the promise')
  return `${OUTCOME_WORDS[card.outcome]} · ${against}`
}

function CardBody({ card, now }: { card: Card; now: Date }) {
  const buffer = describeBuffer(card)
  return (
    <>
      <p className="card__client">
        <span role="img" aria-label={CHANNEL_NAMES[card.channel]}>
          {CHANNEL_ICONS[card.channel]}
        </span>{' '}
        {card.client.name}
        {card.client.company ? ` · ${card.client.company}` : ''}
      </p>
      {card.column === 'done' ? (
        <p className="card__due">{describeDone(card)}</p>
      ) : (
        <p className="card__due">Promised {describeDeadline(card, now)}</p>
      )}
      {card.column === 'overdue' && <p className="card__late">{describeLateness(card, now)}</p>}
      {card.column !== 'done' && card.column !== 'overdue' && buffer && <p className="card__buffer">{buffer}</p>}
      {card.atRisk && <p className="card__risk">Past your own target: deliver now or send a heads-up</p>}
      {card.snoozedUntil && Date.parse(card.snoozedUntil) > now.getTime() && <p className="card__buffer">Snoozed</p>}
      {card.needsTime && card.column !== 'done' && <p className="card__risk">No time in the next two weeks fits the client’s cadence: Edit to pick one</p>}
      {card.value && <p className="card__value">{formatMoney(card.value)}</p>}
      {card.recurrence && card.column !== 'done' && <p className="card__buffer">↻ {RECURRENCE_NAMES[card.recurrence]}</p>}
    </>
  )
}

/** The static look of a card, also used for the drag overlay. */
export function CardPreview({ card, now }: { card: Card; now: Date }) {
  return (
    <div className={`card card--${card.column} card--overlay`}>
      <h3 className="card__title">{card.title}</h3>
      <CardBody card={card} now={now} />
    </div>
  )
}

export const FollowUpCard = memo(function FollowUpCard({ card, now, actions }: { card: Card; now: Date; actions: CardActions }) {
  const { setNodeRef, setActivatorNodeRef, listeners, attributes, isDragging } = useDraggable({ id: card.id, data: { card } })
  const done = card.column === 'done'
  // Less frequent actions wait behind "More", so a card stays readable at a glance.
  const [more, setMore] = useState(false)
  return (
    <article
      ref={setNodeRef}
      className={`card card--${card.column}${isDragging ? ' card--dragging' : ''}`}
      aria-label={card.title}
      // Pointer drags start anywhere on the card (after a few pixels, so buttons still click);
      // keyboard drags start from the handle, which carries the drag semantics.
      onPointerDown={listeners?.onPointerDown as React.PointerEventHandler | undefined}
    >
      <div className="card__head">
        <h3 className="card__title">
          <button className="link" onClick={() => actions.details(card)} title="Show details and history">
            {card.title}
          </button>
        </h3>
        <button
          ref={setActivatorNodeRef}
          className="card__handle"
          {...attributes}
          onKeyDown={listeners?.onKeyDown as React.KeyboardEventHandler | undefined}
          aria-label={`Move “${card.title}”`}
        >
          ⠿
        </button>
      </div>
      <CardBody card={card} now={now} />
      <CardChecklist card={card} />
      <div className="card__actions">
        {!done && <button onClick={() => actions.complete(card)}>Mark done</button>}
        {done && actions.reopen && <button onClick={() => actions.reopen?.(card)}>Reopen</button>}
        {!done && <SnoozeMenu title={card.title} onSnooze={(until) => actions.snooze(card, until)} />}
        {!done && (card.atRisk || card.column === 'overdue') && actions.headsUp && <button onClick={() => actions.headsUp?.(card)}>Send heads-up</button>}
        <button onClick={() => actions.edit(card)}>Edit</button>
        <button onClick={() => actions.remove(card)}>Delete</button>
        <button aria-expanded={more} aria-label={`More actions for “${card.title}”`} onClick={() => setMore(!more)}>
          More
        </button>
        {card.client.phone && (
          <a className="card__contact" href={`tel:${card.client.phone.replace(/[^\d+]/g, '')}`}>
            Call
          </a>
        )}
        {card.client.email && (
          <a className="card__contact" href={`mailto:${card.client.email}?subject=${encodeURIComponent(card.title)}`}>
            Email
          </a>
        )}
        {more && (
          <div className="card__more">
            <button onClick={() => actions.logContact(card)} title="Record a call, email or meeting with this client">
              Log contact
            </button>
            {card.kind === 'promise' && actions.afterSale && <button onClick={() => actions.afterSale?.(card, 'won')}>Deal won</button>}
            {card.kind === 'promise' && actions.afterSale && <button onClick={() => actions.afterSale?.(card, 'delivered')}>Delivered</button>}
          </div>
        )}
      </div>
    </article>
  )
})
