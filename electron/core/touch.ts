import { firstSlot, touchDays } from './workingHours'
import type { Data, FollowUp } from './schema'

/**
 * A follow-up the method plans after another one (a check-in, a thank-you, a
 * confirmation call): same client and channel, linked to its source, due at
 * `dueAt` with no buffer (it is the seller's own touch, not a promise).
 */
export function plannedTouch(
  source: FollowUp,
  fields: Pick<FollowUp, 'id' | 'title' | 'kind' | 'dueAt' | 'checklist'>,
  now: Date,
  fits = true,
): FollowUp {
  const at = now.toISOString()
  return {
    ...fields,
    title: fields.title.slice(0, 500),
    client: source.client,
    channel: source.channel,
    createdAt: at,
    allDay: false,
    targetAt: fields.dueAt,
    notes: '',
    history: [{ type: 'created', at }],
    notifiedAt: {},
    followsUp: source.id,
    ...(fits ? {} : { needsTime: true as const }),
  }
}

/**
 * Plans touches for `source`'s client one after another, each at the first slot
 * (working hours, cadence) at or after its intended time; each planned touch
 * counts toward the cadence of the next.
 */
export function planTouches(
  data: Data,
  source: FollowUp,
  intents: { fields: Pick<FollowUp, 'id' | 'title' | 'kind' | 'checklist'>; intended: Date }[],
  now: Date,
): FollowUp[] {
  const touches = touchDays(data, source.client.name, now)
  return intents.map(({ fields, intended }) => {
    const slot = firstSlot(intended, now, data.settings, touches)
    touches.push(slot.at)
    return plannedTouch(source, { ...fields, dueAt: slot.at.toISOString() }, now, slot.fits)
  })
}
