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

/**
 * An edit: every field of the form in one command, saved all or nothing. A changed
 * promised date records whether the client was told (`toldClient`); a changed own
 * target alone is recorded as a target change. Absent fields stay as they are
 * (no defaults here); null clears an optional one.
 */
export const FollowUpPatch = z
  .object({
    title: FollowUpDraft.shape.title,
    client: Client,
    channel: Channel,
    dueAt: Instant,
    allDay: z.boolean(),
    targetAt: Instant,
    notes: z.string().max(20_000),
    value: Money.nullable(),
    recurrence: Recurrence.nullable(),
    /** With a changed `dueAt`: the client knows about the new date. */
    toldClient: z.boolean(),
    /** What was promised, in words for the client (heads-up drafts). */
    promiseText: z.string().trim().max(500).nullable(),
  })
  .partial()
export type FollowUpPatch = z.input<typeof FollowUpPatch>
