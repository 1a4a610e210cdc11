import { useMemo, useState } from 'react'
import type { BoardSnapshot, Card, Result } from '../../../electron/contract'
import { countOf } from '../../../electron/contract/format'
import { api } from '../../lib/api'
import { displayLocale } from '../../lib/locale'
import { describeDeadline } from '../board/format'
import { AwayRescheduleDialog } from './AwayRescheduleDialog'
import './away.css'

interface Group {
  client: string
  cards: Card[]
}

/** The panel's follow-ups, still on the board, grouped by client in order of their first deadline. */
export function awayGroups(board: BoardSnapshot): Group[] {
  if (!board.away) return []
  const byId = new Map(Object.values(board.columns).flat().map((card) => [card.id, card]))
  const groups = new Map<string, Card[]>()
  for (const id of board.away.ids) {
    const card = byId.get(id)
    if (!card || card.column === 'done') continue
    const list = groups.get(card.client.name) ?? []
    list.push(card)
    groups.set(card.client.name, list)
  }
  return [...groups].map(([client, cards]) => ({ client, cards }))
}

const plural = (n: number, word: string) => countOf(n, word, displayLocale())

/**
 * "While you were away": what went overdue while the app was closed, by client,
 * with Mark done and Reschedule for a client's cards or all of them, and a heads-up per card.
 */
export function AwayPanel({
  board,
  now,
  onHeadsUp,
  onMessage,
  onError,
}: {
  board: BoardSnapshot
  now: Date
  onHeadsUp(card: Card): void
  onMessage(message: string): void
  onError(message: string): void
}) {
  const groups = useMemo(() => awayGroups(board), [board])
  const [reschedule, setReschedule] = useState<{ ids: string[]; label: string } | null>(null)
  if (groups.length === 0) return null
  const all = groups.flatMap((g) => g.cards.map((c) => c.id))
  // The service lists the first AWAY_LISTED and counts them all: past that, the buttons say they act on those listed.
  const total = Math.max(board.away?.count ?? 0, all.length)
  const listedOnly = total > all.length

  async function complete(ids: string[]) {
    const result: Result<{ results: { ok: boolean; error?: { message: string } }[] }> = await api.bulk({ ids, action: 'complete' })
    if (!result.ok) return onError(result.error.message)
    const failed = result.value.results.filter((r) => !r.ok)
    if (failed.length > 0) onError(`${plural(failed.length, 'follow-up')} could not be marked done: ${failed[0].error?.message}`)
    const done = result.value.results.length - failed.length
    if (done > 0) onMessage(`Marked ${plural(done, 'follow-up')} done.`)
  }

  return (
    <section className="away" aria-label="While you were away">
      <div className="away__head">
        <h2>
          While you were away, {plural(total, 'follow-up')} became overdue
        </h2>
        {(groups.length > 1 || listedOnly) && (
          <>
            <button onClick={() => void complete(all)} disabled={board.readOnly}>
              {listedOnly ? `Mark these ${all.length} done` : 'Mark all done'}
            </button>
            <button onClick={() => setReschedule({ ids: all, label: listedOnly ? `these ${all.length}` : 'all of them' })} disabled={board.readOnly}>
              {listedOnly ? `Reschedule these ${all.length}…` : 'Reschedule all…'}
            </button>
          </>
        )}
        <button onClick={() => void api.dismissAway({})}>Got it</button>
      </div>
      {listedOnly && <p className="away__listed">The first {all.length} are listed here; the Overdue column has them all.</p>}
      {groups.map((group) => (
        <div key={group.client} className="away__group" role="group" aria-label={group.client}>
          <h3>
            {group.client}
            <button onClick={() => void complete(group.cards.map((c) => c.id))} disabled={board.readOnly} aria-label={`Mark done: ${group.client}`}>
              Mark done
            </button>
            <button
              onClick={() => setReschedule({ ids: group.cards.map((c) => c.id), label: group.client })}
              disabled={board.readOnly}
              aria-label={`Reschedule: ${group.client}`}
            >
              Reschedule…
            </button>
          </h3>
          <ul>
            {group.cards.map((card) => (
              <li key={card.id}>
                {card.title} — promised {describeDeadline(card, now)}{' '}
                <button onClick={() => onHeadsUp(card)} disabled={board.readOnly} aria-label={`Send heads-up: ${card.title}`}>
                  Send heads-up
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {reschedule && (
        <AwayRescheduleDialog
          ids={reschedule.ids}
          label={reschedule.label}
          onClose={() => setReschedule(null)}
          onDone={onMessage}
        />
      )}
    </section>
  )
}
