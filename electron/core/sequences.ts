import { addBusinessDays } from 'date-fns'
import { findFollowUp } from './commands'
import { DomainError } from './errors'
import { deliver } from './followThrough'
import { followUpsOfClient } from './followUpList'
import { planTouches } from './touch'
import { DEFAULT_SETTINGS, type Data, type FollowUp, type Sequence, type Settings } from './schema'

export type SequenceName = keyof Settings['sequences']

/**
 * The method's fifth rule, "after the sale, too": a thank-you when the deal
 * closes; a confirmation call and a second thank-you once it is delivered.
 * These are the defaults; the person edits them in settings.
 */
export const DEFAULT_SEQUENCES = DEFAULT_SETTINGS.sequences

/**
 * The follow-ups a sequence creates for `source`'s client: same channel, meant
 * for the step's business days after now at the same local time, each planned
 * at the first slot from then inside working hours and the client's cadence
 * (the earlier steps count toward it), each following `source`.
 */
export function planSequence(data: Data, sequence: Sequence, source: FollowUp, now: Date, newId: () => string): FollowUp[] {
  return planTouches(
    data,
    source,
    sequence.steps.map((step) => ({
      fields: { id: newId(), title: step.title.replaceAll('{client}', source.client.name), kind: step.kind, checklist: [] },
      intended: addBusinessDays(now, Math.max(1, step.offsetBusinessDays)),
    })),
    now,
  )
}

/** The client's open promises, soonest first: what "Deal won" can apply to. */
export function openPromisesOf(data: Data, client: string): FollowUp[] {
  return followUpsOfClient(data.followUps, client)
    .filter((f) => f.kind === 'promise' && f.completedAt === undefined)
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
}

export interface SequenceOutcome {
  data: Data
  created: FollowUp[]
  /** "Delivered" on an open promise completes it first. */
  completed: boolean
}

/**
 * Adds a sequence's follow-ups after promise `id`. "Delivered" first completes
 * the promise if it is still open (with its check-in, as Mark done does). Steps
 * already planned for it (same kind and title following it) are not added twice.
 */
export function startSequence(data: Data, id: string, name: SequenceName, now: Date, newId: () => string): SequenceOutcome {
  const source = findFollowUp(data, id)
  if (source.kind !== 'promise') throw new DomainError('invalid_input', 'Thank-yous and confirmation calls follow a promise to a client.')
  const completes = name === 'delivered' && source.completedAt === undefined
  const base = completes ? deliver(data, id, now, newId) : data
  const planned = planSequence(base, base.settings.sequences[name], findFollowUp(base, id), now, newId)
  const created = planned.filter((p) => !base.followUps.some((f) => f.followsUp === id && f.kind === p.kind && f.title === p.title))
  return { data: created.length > 0 ? { ...base, followUps: [...base.followUps, ...created] } : base, created, completed: completes }
}
