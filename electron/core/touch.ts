import type { FollowUp } from './schema'

/**
 * A follow-up the method plans after another one (a check-in, a thank-you, a
 * confirmation call): same client and channel, linked to its source, due at
 * `dueAt` with no buffer (it is the seller's own touch, not a promise).
 */
export function plannedTouch(
  source: FollowUp,
  fields: Pick<FollowUp, 'id' | 'title' | 'kind' | 'dueAt' | 'checklist'>,
  now: Date,
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
  }
}
