import { useEffect, useState } from 'react'
import type { OutcomeCounts, Scorecard } from '../../../electron/contract'
import { Modal } from '../../components/Modal'
import { api } from '../../lib/api'
import { downloadText } from '../../lib/download'
import { margin, money, percent, weekOf } from './format'
import { OUTCOMES, WeekChart } from './WeekChart'
import './scorecard.css'

const WEEK_CHOICES = [4, 8, 12, 26]

/** The four outcome counts and the kept rate, as table cells. */
function CountCells({ counts }: { counts: OutcomeCounts }) {
  return (
    <>
      {OUTCOMES.map((outcome) => (
        <td key={outcome.key}>{counts[outcome.key]}</td>
      ))}
      <td>{counts.total}</td>
      <td>{percent(counts.keptRate)}</td>
    </>
  )
}

const CountHeaders = () => (
  <>
    {OUTCOMES.map((outcome) => (
      <th key={outcome.key} scope="col">
        {outcome.label}
      </th>
    ))}
    <th scope="col">Total</th>
    <th scope="col">Kept</th>
  </>
)

/**
 * "Know your numbers": how promises turned out, per client and per week, and the money
 * waiting in overdue and at-risk follow-ups. Refetches whenever `refreshKey` changes
 * (the App passes the board's generatedAt, so a new board means fresh numbers).
 */
export function ScorecardDialog({ onClose, refreshKey }: { onClose(): void; refreshKey?: string }) {
  const [weeks, setWeeks] = useState(8)
  const [card, setCard] = useState<Scorecard | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let active = true
    void api.getScorecard({ weeks }).then((result) => {
      if (!active) return
      if (result.ok) {
        setCard(result.value)
        setError(null)
      } else setError(result.error.message)
    })
    return () => {
      active = false
    }
  }, [weeks, refreshKey])

  async function download() {
    const result = await api.exportScorecardCsv({})
    if (result.ok) downloadText(result.value.filename, result.value.csv, { type: 'text/csv;charset=utf-8', byteOrderMark: true })
    else setError(result.error.message)
  }

  const totals = card?.totals
  return (
    <Modal title="Scorecard" onClose={onClose}>
      {error && (
        <p className="banner banner--error" role="alert">
          {error}
        </p>
      )}
      {card && totals ? (
        <div className="scorecard">
          <dl className="scorecard__totals" aria-label="All-time totals">
            <div className="scorecard__stat scorecard__stat--main">
              <dt>Kept rate</dt>
              <dd>{percent(totals.keptRate)}</dd>
            </div>
            {OUTCOMES.map((outcome) => (
              <div key={outcome.key} className="scorecard__stat">
                <dt>{outcome.label}</dt>
                <dd>{totals[outcome.key]}</dd>
              </div>
            ))}
            <div className="scorecard__stat">
              <dt>Median margin</dt>
              <dd>{margin(card.medianMarginMs)}</dd>
            </div>
            <div className="scorecard__stat">
              <dt>Overdue ({card.moneyAtStake.overdueCount})</dt>
              <dd>{money(card.moneyAtStake.overdue)}</dd>
            </div>
            <div className="scorecard__stat">
              <dt>At risk ({card.moneyAtStake.atRiskCount})</dt>
              <dd>{money(card.moneyAtStake.atRisk)}</dd>
            </div>
          </dl>
          <p className="form__hint">
            Kept = early + on time, over every promise delivered, renegotiated or missed. Promises not yet due are not counted.
          </p>

          <div className="scorecard__heading">
            <h3>Per week</h3>
            <label>
              Weeks shown{' '}
              <select value={weeks} onChange={(event) => setWeeks(Number(event.target.value))}>
                {WEEK_CHOICES.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <WeekChart weeks={card.weeks} />
          <table className="scorecard__table" aria-label="Outcomes per week">
            <thead>
              <tr>
                <th scope="col">Week of</th>
                <CountHeaders />
              </tr>
            </thead>
            <tbody>
              {card.weeks.map((week) => (
                <tr key={week.week}>
                  <th scope="row" title={week.week}>
                    {weekOf(week.weekStart)}
                  </th>
                  <CountCells counts={week} />
                </tr>
              ))}
            </tbody>
          </table>

          <h3>Per client</h3>
          {card.clients.length === 0 ? (
            <p className="form__hint">No promise has been delivered, renegotiated or missed yet.</p>
          ) : (
            <table className="scorecard__table" aria-label="Outcomes per client">
              <thead>
                <tr>
                  <th scope="col">Client</th>
                  <CountHeaders />
                </tr>
              </thead>
              <tbody>
                {card.clients.map((client) => (
                  <tr key={client.client}>
                    <th scope="row">{client.client}</th>
                    <CountCells counts={client} />
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      ) : (
        !error && <p className="loading">Counting…</p>
      )}
      <div className="form__actions">
        <button onClick={() => void download()} disabled={!card}>
          Download CSV
        </button>
        <button className="primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  )
}
