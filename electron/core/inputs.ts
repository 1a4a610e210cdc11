import { z } from 'zod'
import { Channel, Client, Instant, Money, Recurrence } from './schema'

/** What a person types to create a follow-up; everything else has a default. */
export const FollowUpDraft = z.object({
  title: z.string().trim().min(1, 'Say what you promised, e.g. “Send the proposal”.').max(500),
  client: Client,
  channel: Channel.default('other'),
  dueAt: Instant,
  allDay: z.boolean().default(false),
  targetAt: Instant.optional(),
  notes: z.string().max(20_000).default(''),
  value: Money.optional(),
  /** Things the client needs to decide: each becomes an open checklist item. */
  checklist: z.array(z.string().trim().min(1, 'A checklist item cannot be empty.').max(500)).max(50).optional(),
  /** Repeats: completing it plans the next one. */
  recurrence: Recurrence.optional(),
})
export type FollowUpDraft = z.input<typeof FollowUpDraft>

/** An edit: any draft field; dates go through reschedule so the client's knowledge is recorded. */
export const FollowUpPatch = FollowUpDraft.omit({ dueAt: true, allDay: true, targetAt: true, checklist: true })
  .partial()
  .extend({ value: Money.nullable().optional(), recurrence: Recurrence.nullable().optional() })
export type FollowUpPatch = z.input<typeof FollowUpPatch>
