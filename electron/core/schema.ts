import { z } from 'zod'

/** The data file's format. Bump it with a migration in migrations.ts. */
export const CURRENT_SCHEMA_VERSION = 3

/** Instants are stored as UTC ISO strings: readable in the file, sortable as text. */
export const Instant = z.iso.datetime({ offset: true })

export const Channel = z.enum(['phone', 'email', 'in-person', 'other'])
export type Channel = z.infer<typeof Channel>

export const ReminderKind = z.enum(['target', 'lead', 'deadline'])
export type ReminderKind = z.infer<typeof ReminderKind>

const trimmed = (max: number) => z.string().trim().max(max)

export const Client = z.object({
  name: trimmed(200).min(1, 'Who is it for? Enter the client’s name.'),
  company: trimmed(200).optional(),
  phone: trimmed(40)
    .regex(/^\+?[\d\s().-]{5,}$/, 'That does not look like a phone number.')
    .optional(),
  email: z.email('That does not look like an email address.').optional(),
})
export type Client = z.infer<typeof Client>

export const Money = z.object({
  amount: z.number().finite().nonnegative(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter currency code such as USD.'),
})
export type Money = z.infer<typeof Money>

const DatePair = z.object({ dueAt: Instant, targetAt: Instant })

export const HistoryEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('created'), at: Instant }),
  z.object({ type: z.literal('edited'), at: Instant, fields: z.array(z.string()) }),
  z.object({
    type: z.literal('rescheduled'),
    at: Instant,
    from: DatePair,
    to: DatePair,
    toldClient: z.boolean(),
  }),
  z.object({ type: z.literal('completed'), at: Instant }),
  z.object({ type: z.literal('reopened'), at: Instant }),
  z.object({ type: z.literal('snoozed'), at: Instant, until: Instant }),
  z.object({ type: z.literal('notified'), at: Instant, reminder: ReminderKind }),
])
export type HistoryEvent = z.infer<typeof HistoryEvent>

export const FollowUp = z.object({
  id: z.string().min(1).max(100),
  title: trimmed(500).min(1),
  client: Client,
  channel: Channel,
  createdAt: Instant,
  /** The deadline promised to the client. */
  dueAt: Instant,
  /** All-day: dueAt is the end of that local day and no time is shown. */
  allDay: z.boolean(),
  /** The seller's own target, never after dueAt. */
  targetAt: Instant,
  completedAt: Instant.optional(),
  snoozedUntil: Instant.optional(),
  notes: z.string().max(20_000),
  value: Money.optional(),
  history: z.array(HistoryEvent),
  notifiedAt: z.partialRecord(ReminderKind, Instant),
})
export type FollowUp = z.infer<typeof FollowUp>

export const Settings = z.object({
  /** Default buffer between own target and promise, in business days. */
  targetBufferBusinessDays: z.number().int().min(0).max(30),
  /** How long before the promised deadline the "deliver or send a heads-up" reminder fires. */
  leadTimeMinutes: z.number().int().min(0).max(7 * 24 * 60),
  /** Local hour at which all-day follow-ups remind. */
  allDayReminderHour: z.number().int().min(0).max(23),
  /** Reminders that fall between start and end (local, may span midnight) wait until the end. */
  quietHours: z.object({
    enabled: z.boolean(),
    start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time such as 21:00.'),
    end: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time such as 08:00.'),
  }),
})
export type Settings = z.infer<typeof Settings>

export const DEFAULT_SETTINGS: Settings = {
  targetBufferBusinessDays: 1,
  leadTimeMinutes: 60,
  allDayReminderHour: 9,
  quietHours: { enabled: false, start: '21:00', end: '08:00' },
}

export const Data = z.object({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  followUps: z.array(FollowUp),
  settings: Settings,
})
export type Data = z.infer<typeof Data>

export function emptyData(): Data {
  return { schemaVersion: CURRENT_SCHEMA_VERSION, followUps: [], settings: { ...DEFAULT_SETTINGS } }
}
