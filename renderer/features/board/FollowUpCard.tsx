import { useDraggable } from '@dnd-kit/core'
import { memo, useCallback, useRef, useState } from 'react'
import type { SyncFlagView, ViewCard as Card } from '../../../electron/contract'
import { ChannelIcon } from '../../components/ChannelIcon'
import { CardChecklist } from '../method/CardChecklist'
import { CalendarFlagActions, type CalendarFlagAnswer } from '../settings/CalendarFlagActions'
import { useCalendarFlag } from '../settings/syncStatusStore'
import { ContextMenu, type MenuItem } from './ContextMenu'
import type { Density } from './density'
import { CHANNEL_NAMES, RECURRENCE_NAMES, describeBuffer, describeDeadline, describeLateness, describeMargin, formatMoney } from './format'
import { SnoozeMenu } from './SnoozeMenu'

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
  /** Answers what the calendar asks about this card (moved or deleted on the phone). */
  answerCalendar?(card: Card, answer: CalendarFlagAnswer): void
}

const RISK_TEXT = 'Past your own target: deliver now or send a heads-up'

const offersHeadsUp = (card: Card, actions: CardActions) => card.column !== 'done' && (card.atRisk || card.column === 'overdue') && actions.headsUp !== undefined

/** The one action a card shows at all times: a heads-up when the promise is slipping, else Mark done; Reopen once done. */
function primaryAction(card: Card, actions: CardActions): 'headsUp' | 'complete' | 'reopen' | null {
  if (card.column === 'done') return actions.reopen ? 'reopen' : null
  return offersHeadsUp(card, actions) ? 'headsUp' : 'complete'
}

/** The scorecard's word for a done promise (one rule in core decides both), then how it stood against the promise. */
const OUTCOME_WORDS: Record<NonNullable<Card['outcome']>, string> = { early: 'Done early', onTime: 'Done on time', renegotiated: 'Done, renegotiated', missed: 'Done late' }

function describeDone(card: Card): string {
  const margin = card.margin ? describeMargin(card.margin.promise) : undefined
  if (!card.outcome) return margin ? `Done, ${margin}` : 'Done'
  if (!margin || card.outcome === 'renegotiated') return OUTCOME_WORDS[card.outcome]
  const against = margin === 'on time' ? 'right at the promise' : margin.replace(/ early$/, ' before the promise').replace(/ late$/, ' after the promise')
  return `${OUTCOME_WORDS[card.outcome]} · ${against}`
}

/** The deadline line: how late, when it is promised, or how it was delivered (its outcome). */
function DueLine({ card, now }: { card: Card; now: Date }) {
  if (card.column === 'done') return <span className="card__due">{describeDone(card)}</span>
  if (card.column === 'overdue') return <span className="card__due card__late">{describeLateness(card, now)}</span>
  return <span className="card__due">Promised {describeDeadline(card, now)}</span>
}

/** What comfortable density adds below the compact lines. */
function Details({ card, now }: { card: Card; now: Date }) {
  const buffer = describeBuffer(card)
  return (
    <>
      {card.column === 'overdue' && <p className="card__buffer">Promised {describeDeadline(card, now)}</p>}
      {card.column !== 'done' && card.column !== 'overdue' && buffer && <p className="card__buffer">{buffer}</p>}
      {card.value && <p className="card__value">{formatMoney(card.value)}</p>}
      {card.recurrence && card.column !== 'done' && <p className="card__buffer">↻ {RECURRENCE_NAMES[card.recurrence]}</p>}
    </>
  )
}

function ClientLine({ card }: { card: Card }) {
  return (
    <p className="card__client">
      <ChannelIcon channel={card.channel} label={CHANNEL_NAMES[card.channel]} />{' '}
      {card.client.name}
      {card.client.company ? ` · ${card.client.company}` : ''}
    </p>
  )
}

/** A change made in the calendar (on the phone) that the person confirms here: the service's words, two answers. */
function CalendarFlag({ card, flag, actions }: { card: Card; flag: SyncFlagView; actions: CardActions }) {
  return (
    <div className="card__calendar" role="group" aria-label="Calendar change to confirm">
      <p>{flag.message}</p>
      <CalendarFlagActions flag={flag} onAnswer={(answer) => actions.answerCalendar?.(card, answer)} />
    </div>
  )
}

/** The static look of a card, also used for the drag overlay. */
export function CardPreview({ card, now }: { card: Card; now: Date }) {
  return (
    <div className={`card card--${card.column} card--overlay`}>
      <h3 className="card__title">{card.title}</h3>
      <ClientLine card={card} />
      <p className="card__row">
        <DueLine card={card} now={now} />
      </p>
    </div>
  )
}

/**
 * A card: title, client, deadline and one primary action. Everything else is in a
 * toolbar that shows while the card is hovered or focused, and in its context menu
 * (right-click, the Menu key or Shift+F10). Single keys act on the focused card.
 * `toolbar` false leaves the (unseen until hovered) toolbar out, as the board's first paint does.
 */
export const FollowUpCard = memo(function FollowUpCard({
  card,
  now,
  actions,
  density,
  toolbar = true,
}: {
  card: Card
  now: Date
  actions: CardActions
  density: Density
  toolbar?: boolean
}) {
  const { setNodeRef, setActivatorNodeRef, listeners, attributes, isDragging } = useDraggable({ id: card.id, data: { card } })
  const article = useRef<HTMLElement | null>(null)
  const [more, setMore] = useState(false)
  const [snoozing, setSnoozing] = useState(false)
  const [menuAt, setMenuAt] = useState<{ x: number; y: number } | null>(null)
  // A change made in the calendar to confirm: the card shows its question and, in its flow, its actions (card--open).
  const flag = useCalendarFlag(card.id)
  const asked = actions.answerCalendar ? flag : undefined
  // Open: its snooze menu, its more actions or a calendar question shows, with the toolbar in the card's flow.
  const open = more || snoozing || asked !== undefined
  const done = card.column === 'done'
  const primary = primaryAction(card, actions)
  const snoozed = card.snoozedUntil !== undefined && Date.parse(card.snoozedUntil) > now.getTime()
  const headsUp = offersHeadsUp(card, actions)

  const ref = useCallback(
    (element: HTMLElement | null) => {
      article.current = element
      setNodeRef(element)
    },
    [setNodeRef],
  )
  const closeMenu = useCallback(() => {
    setMenuAt(null)
    article.current?.focus()
  }, [])

  const menuItems: MenuItem[] = [
    { label: 'Open', run: () => actions.details(card) },
    ...(done ? [] : [{ label: 'Mark done', run: () => actions.complete(card) }]),
    ...(done && actions.reopen ? [{ label: 'Reopen', run: () => actions.reopen?.(card) }] : []),
    ...(done ? [] : [{ label: 'Snooze', run: () => setSnoozing(true) }]),
    ...(headsUp ? [{ label: 'Send heads-up', run: () => actions.headsUp?.(card) }] : []),
    { label: 'Edit', run: () => actions.edit(card) },
    { label: 'Log contact', run: () => actions.logContact(card) },
    ...(card.kind === 'promise' && actions.afterSale
      ? [
          { label: 'Deal won', run: () => actions.afterSale?.(card, 'won') },
          { label: 'Delivered', run: () => actions.afterSale?.(card, 'delivered') },
        ]
      : []),
    { label: 'Delete', run: () => actions.remove(card) },
  ]

  function openMenuAtCard() {
    const rect = article.current?.getBoundingClientRect()
    setMenuAt({ x: rect ? rect.left + 16 : 0, y: rect ? rect.top + 24 : 0 })
  }

  /** Keys on the card itself; arrows and j/k bubble up to the board, which moves focus. */
  function onKeyDown(event: React.KeyboardEvent) {
    if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return
    const act = (run: () => void) => {
      event.preventDefault()
      event.stopPropagation()
      run()
    }
    if (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) return act(openMenuAtCard)
    if (event.shiftKey && event.key !== '?') return
    switch (event.key) {
      case 'Enter':
        return act(() => actions.details(card))
      case 'd':
        return done ? undefined : act(() => actions.complete(card))
      case 's':
        return done ? undefined : act(() => setSnoozing(true))
      case 'e':
        return act(() => actions.edit(card))
      case 'h':
        return headsUp ? act(() => actions.headsUp?.(card)) : undefined
      case 'Delete':
        return act(() => actions.remove(card))
    }
  }

  return (
    <article
      ref={ref}
      tabIndex={0}
      data-card-id={card.id}
      className={`card card--${card.column} card--${density}${open ? ' card--open' : ''}${card.checklist.length > 0 ? ' card--tall' : ''}${isDragging ? ' card--dragging' : ''}`}
      aria-label={card.title}
      // Pointer drags start anywhere on the card (after a few pixels, so buttons still click);
      // keyboard drags start from the handle, which carries the drag semantics.
      onPointerDown={listeners?.onPointerDown as React.PointerEventHandler | undefined}
      onKeyDown={onKeyDown}
      onContextMenu={(event) => {
        event.preventDefault()
        setMenuAt({ x: event.clientX, y: event.clientY })
      }}
    >
      <div className="card__head">
        <h3 className="card__title">
          <button className="link" tabIndex={-1} onClick={() => actions.details(card)} title={card.title}>
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
      <ClientLine card={card} />
      {asked && <CalendarFlag card={card} flag={asked} actions={actions} />}
      <div className="card__row">
        <p className="card__when">
          {card.atRisk && (
            <span className="card__risk-mark" aria-hidden="true" title={RISK_TEXT}>
              ⚠{' '}
            </span>
          )}
          <DueLine card={card} now={now} />
          {snoozed && <span className="card__badge">Snoozed</span>}
        </p>
        <div className="card__actions">
          {(toolbar || open) && (
            <div className="card__toolbar" role="toolbar" aria-label={`Actions for “${card.title}”`}>
              {!done && primary !== 'complete' && <button onClick={() => actions.complete(card)}>Mark done</button>}
              {!done && <SnoozeMenu title={card.title} open={snoozing} onOpenChange={setSnoozing} onSnooze={(until) => actions.snooze(card, until)} />}
              <button onClick={() => actions.edit(card)}>Edit</button>
              <button onClick={() => actions.remove(card)}>Delete</button>
              <button aria-expanded={more} aria-label={`More actions for “${card.title}”`} onClick={() => setMore(!more)}>
                ⋯
              </button>
            </div>
          )}
          {primary === 'complete' && (
            <button className="card__primary" onClick={() => actions.complete(card)}>
              Mark done
            </button>
          )}
          {primary === 'reopen' && (
            <button className="card__primary" onClick={() => actions.reopen?.(card)}>
              Reopen
            </button>
          )}
          {primary === 'headsUp' && (
            <button className="card__primary" onClick={() => actions.headsUp?.(card)}>
              Send heads-up
            </button>
          )}
        </div>
      </div>
      {card.atRisk && <p className={density === 'compact' ? 'visually-hidden' : 'card__risk'}>{RISK_TEXT}</p>}
      {card.needsTime && !done && <p className="card__risk">No time in the next two weeks fits the client’s cadence: Edit to pick one</p>}
      {density === 'comfortable' && <Details card={card} now={now} />}
      <CardChecklist card={card} />
      {more && (
        <div className="card__more">
          <button onClick={() => actions.logContact(card)} title="Record a call, email or meeting with this client">
            Log contact
          </button>
          {card.kind === 'promise' && actions.afterSale && <button onClick={() => actions.afterSale?.(card, 'won')}>Deal won</button>}
          {card.kind === 'promise' && actions.afterSale && <button onClick={() => actions.afterSale?.(card, 'delivered')}>Delivered</button>}
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
        </div>
      )}
      {menuAt && <ContextMenu label={`Actions for “${card.title}”`} items={menuItems} at={menuAt} onClose={closeMenu} />}
    </article>
  )
})
