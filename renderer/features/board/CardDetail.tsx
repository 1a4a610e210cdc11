import type { Card, FollowUp } from '../../../electron/contract'
import { Modal } from '../../components/Modal'
import { COLUMN_TITLES, describeDeadline, describeEvent, describeMargin, formatMoney } from './format'

/** A follow-up as the details show it: the column and margin when the board has them. */
export type DetailCard = FollowUp & Partial<Pick<Card, 'column' | 'margin'>>

/** Everything about one follow-up, with its history as a timeline. */
export function CardDetail({ card, now, onClose }: { card: DetailCard; now: Date; onClose(): void }) {
  return (
    <Modal title={card.title} onClose={onClose}>
      <dl className="detail">
        <dt>Client</dt>
        <dd>
          {card.client.name}
          {card.client.company && ` · ${card.client.company}`}
        </dd>
        {card.column && (
          <>
            <dt>Column</dt>
            <dd>{COLUMN_TITLES[card.column]}</dd>
          </>
        )}
        <dt>Promised</dt>
        <dd>{describeDeadline(card, now)}</dd>
        <dt>My target</dt>
        <dd>{describeDeadline({ dueAt: card.targetAt, allDay: false }, now)}</dd>
        {card.margin && (
          <>
            <dt>Delivered</dt>
            <dd>
              {describeMargin(card.margin.promise)} against the promise, {describeMargin(card.margin.target)} against my target
            </dd>
          </>
        )}
        {card.value && (
          <>
            <dt>Value</dt>
            <dd>{formatMoney(card.value)}</dd>
          </>
        )}
        {card.notes && (
          <>
            <dt>Notes</dt>
            <dd className="detail__notes">{card.notes}</dd>
          </>
        )}
      </dl>
      <h3>History</h3>
      <ol className="timeline" aria-label="History">
        {card.history.map((event, index) => (
          <li key={index}>{describeEvent(event, now, card)}</li>
        ))}
      </ol>
      <div className="form__actions">
        <button onClick={onClose}>Close</button>
      </div>
    </Modal>
  )
}
