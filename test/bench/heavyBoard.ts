import { emptyData, type Data, type FollowUp, type HistoryEvent } from '../../electron/core/schema'
import { makeFollowUp } from '../fixtures/followUps'

const DAY = 86_400_000
const HOUR = 3_600_000
const iso = (ms: number) => new Date(ms).toISOString()

/**
 * A board as heavy as real data: every follow-up carries 3–10 history events, and
 * they are spread over the columns relative to `now` — about 40% Promised, 15% Due,
 * 15% Overdue, 30% Done (a third of those within the last week). Overdue ones carry
 * their `missed` event, as in data the app has opened since their deadline passed.
 */
export function heavyBoardData(count: number, now = Date.now()): Data {
  const data = emptyData()
  data.followUps = Array.from({ length: count }, (_, i): FollowUp => {
    const base = makeFollowUp(i)
    const bucket = i % 20
    const spread = ((i * 7919) % 1000) / 1000
    const dueAt =
      bucket < 8 ? now + (2 + spread * 60) * DAY : bucket < 11 ? now + (1 + spread * 4) * DAY : bucket < 14 ? now - (0.1 + spread * 20) * DAY : now - (spread * 60) * DAY
    const targetAt = bucket >= 8 && bucket < 11 ? now - spread * DAY - 60_000 : dueAt - (12 + (i % 12)) * HOUR
    const createdAt = Math.min(dueAt, targetAt) - 5 * DAY
    const done = bucket >= 14
    const completedAt = done ? (bucket < 16 ? now - spread * 6 * DAY : dueAt - HOUR) : undefined
    const history: HistoryEvent[] = [{ type: 'created', at: iso(createdAt) }]
    const events = 3 + (i % 8)
    for (let e = 1; e < events - (done ? 1 : 0); e++) {
      const at = createdAt + e * HOUR
      history.push(
        e % 3 === 0
          ? { type: 'notified', at: iso(at), reminder: 'target' }
          : e % 3 === 1
            ? { type: 'edited', at: iso(at), fields: ['notes', 'value'] }
            : { type: 'rescheduled', at: iso(at), from: { dueAt: iso(dueAt - DAY), targetAt: iso(targetAt - DAY) }, to: { dueAt: iso(dueAt), targetAt: iso(targetAt) }, toldClient: e % 2 === 0 },
      )
    }
    if (completedAt !== undefined) history.push({ type: 'completed', at: iso(completedAt) })
    // Data the app has had open before: an overdue promise already has its miss recorded (else the first start records 15k of them and compacts).
    else if (dueAt < now) history.push({ type: 'missed', at: iso(dueAt) })
    const { completedAt: _ignored, ...open } = base
    return {
      ...open,
      createdAt: iso(createdAt),
      dueAt: iso(dueAt),
      targetAt: iso(targetAt),
      allDay: false,
      ...(completedAt !== undefined ? { completedAt: iso(completedAt) } : {}),
      history,
      notifiedAt: {},
    }
  })
  return data
}
