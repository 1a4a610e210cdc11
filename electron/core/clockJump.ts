import type { Data, FollowUp } from './schema'

/**
 * Records that only a wrong clock could have made: reminders marked sent, and
 * promises marked missed, at instants that have not happened yet. After the
 * wall clock comes back from a jump ahead, they are withdrawn, so the reminders
 * fire again at the real instants and the scorecard forgets misses that never were.
 */
function withoutTheFuture(followUp: FollowUp, now: number): FollowUp {
  const notifiedAt = Object.fromEntries(Object.entries(followUp.notifiedAt).filter(([, at]) => Date.parse(at) <= now))
  const history = followUp.history.filter((event) => (event.type !== 'notified' && event.type !== 'missed') || Date.parse(event.at) <= now)
  if (history.length === followUp.history.length && Object.keys(notifiedAt).length === Object.keys(followUp.notifiedAt).length) return followUp
  return { ...followUp, notifiedAt, history }
}

/** Withdraws reminders and misses recorded "in the future"; returns the same object when there are none. */
export function forgetRecordsFromTheFuture(data: Data, now: Date): Data {
  const t = now.getTime()
  let changed = false
  const followUps = data.followUps.map((followUp) => {
    if (followUp.completedAt !== undefined) return followUp
    const kept = withoutTheFuture(followUp, t)
    if (kept !== followUp) changed = true
    return kept
  })
  return changed ? { ...data, followUps } : data
}
