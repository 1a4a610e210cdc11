import { findFollowUp } from './commands'
import { addBusinessDays } from 'date-fns'
import { DomainError } from './errors'
import { plannedTouch } from './touch'
import { DEFAULT_SETTINGS, type Data, type FollowUp, type Sequence, type Settings } from './schema'

export type SequenceName = keyof Settings['sequences']

/**
 * The method's fifth rule, "after the sale, too": a thank-you when the deal
 * closes; a confirmation call and a second thank-you once it is delivered.
 * These are the defaults; the person edits them in settings.
 */
export const DEFAULT_SEQUENCES = DEFAULT_SETTINGS.sequences

/**
 * The follow-ups a sequence creates for `source`'s client: same channel, due
 * the step's business days after now at the same local time, each following `source`.
 */
export function planSequence(sequence: Sequence, source: FollowUp, now: Date, newId: () => string): FollowUp[] {
  return sequence.steps.map((step) =>
    plannedTouch(
      source,
      {
        id: newId(),
        title: step.title.replaceAll('{client}', source.client.name),
        kind: step.kind,
        dueAt: addBusinessDays(now, Math.max(1, step.offsetBusinessDays)).toISOString(),
        checklist: [],
      },
      now,
    ),
  )
}

/**
 * Adds a sequence's follow-ups after promise `id`. Steps already planned for it
 * (same kind and title following it) are not added twice.
 */
export function startSequence(data: Data, id: string, name: SequenceName, now: Date, newId: () => string): { data: Data; created: FollowUp[] } {
  const source = findFollowUp(data, id)
  if (source.kind !== 'promise') throw new DomainError('invalid_input', 'Thank-yous and confirmation calls follow a promise to a client.')
  const planned = planSequence(data.settings.sequences[name], source, now, newId)
  const created = planned.filter((p) => !data.followUps.some((f) => f.followsUp === id && f.kind === p.kind && f.title === p.title))
  return { data: created.length > 0 ? { ...data, followUps: [...data.followUps, ...created] } : data, created }
}
