import { z } from 'zod'

/** The data file's format. Bump it with a migration in migrations.ts. */
export const CURRENT_SCHEMA_VERSION = 6

const FIRST_INSTANT = Date.parse('0001-01-01T00:00:00.000Z')
const LAST_INSTANT = Date.parse('9999-12-31T23:59:59.999Z')

/**
 * Instants are stored as UTC ISO strings: readable in the file, sortable as text.
 * They stay within years 0001–9999 in UTC, so `toISOString()` of any accepted
 * instant is again an accepted instant (a later one would be written `+010000-…`).
 */
export const Instant = z.iso.datetime({ offset: true }).refine((text) => {
  const ms = Date.parse(text)
  return ms >= FIRST_INSTANT && ms <= LAST_INSTANT
}, 'Pick a date between the years 1 and 9999.')

export const Channel = z.enum(['phone', 'email', 'in-person', 'other'])
export type Channel = z.infer<typeof Channel>

export const ReminderKind = z.enum(['target', 'lead', 'deadline'])
export type ReminderKind = z.infer<typeof ReminderKind>

const trimmed = (max: number) => z.string().trim().max(max)

export const Client = z.object({
  name: trimmed(200).min(1, 'Who is it for? Enter the client’s name.'),
  company: trimmed(200).optional(),
  phone: trimmed(40)
    // An extension is kept as typed by quick add: "317-555-0142 x204".
    .regex(/^\+?[\d\s().-]{5,}(?:\s*(?:x|ext\.?)\s*\d{1,6})?$/i, 'That does not look like a phone number.')
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
  /** The client was warned before the deadline that it would slip. */
  z.object({ type: z.literal('headsUp'), at: Instant, message: z.string().max(5_000), afterDeadline: z.boolean().optional() }),
  /** The promised deadline passed with no delivery and no heads-up. */
  z.object({ type: z.literal('missed'), at: Instant }),
  /** Only the own target moved; the client's promise stands. */
  z.object({ type: z.literal('targetChanged'), at: Instant, from: Instant, to: Instant }),
  /** An action was undone, or redone after an undo; `action` names it for the history. */
  z.object({ type: z.literal('undone'), at: Instant, action: z.string().max(200) }),
  z.object({ type: z.literal('redone'), at: Instant, action: z.string().max(200) }),
  /** Completing a recurring follow-up planned the next one. */
  z.object({ type: z.literal('recurred'), at: Instant, nextId: z.string().min(1).max(100) }),
])

/** How a follow-up repeats: completing one plans the next. */
export const Recurrence = z.enum(['weekly', 'every-2-weeks', 'monthly'])
export type Recurrence = z.infer<typeof Recurrence>
export type HistoryEvent = z.infer<typeof HistoryEvent>

/** What a follow-up is for: a promise made, or one of the method's touches after it. */
export const FollowUpKind = z.enum(['promise', 'check-in', 'thank-you', 'confirmation-call'])
export type FollowUpKind = z.infer<typeof FollowUpKind>

export const ChecklistItem = z.object({
  id: z.string().min(1).max(100),
  text: trimmed(500).min(1),
  done: z.boolean(),
})
export type ChecklistItem = z.infer<typeof ChecklistItem>

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
  kind: FollowUpKind,
  /** Things to settle in the same trip: decisions the client needs, or a check-in's steps. */
  checklist: z.array(ChecklistItem),
  /** What was promised, in words for the client (heads-up drafts); the title when absent. */
  promiseText: trimmed(500).optional(),
  /** The follow-up this one follows through on (a check-in after a delivered promise). */
  followsUp: z.string().min(1).max(100).optional(),
  recurrence: Recurrence.optional(),
  /**
   * A touch the app planned by itself found no time within two weeks inside working
   * hours and the client's cadence: it sits at the first working hour, and the person picks.
   */
  needsTime: z.literal(true).optional(),
})
export type FollowUp = z.infer<typeof FollowUp>

/** A touch with a client outside the board (a call, an email, a meeting): it counts toward the cadence. */
export const Contact = z.object({
  id: z.string().min(1).max(100),
  client: trimmed(200).min(1),
  at: Instant,
  channel: Channel,
  note: z.string().max(5_000),
})
export type Contact = z.infer<typeof Contact>

/** One touch a sequence plans: its kind, its title (`{client}` is the client's name), business days after the trigger. */
export const SequenceStep = z.object({
  kind: FollowUpKind,
  title: trimmed(300).min(1, 'Give the step a title.'),
  offsetBusinessDays: z.number().int().min(0).max(60),
})
export type SequenceStep = z.infer<typeof SequenceStep>

export const Sequence = z.object({ name: trimmed(100).min(1), steps: z.array(SequenceStep).max(10) })
export type Sequence = z.infer<typeof Sequence>

const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time such as 09:00.')

export const Settings = z.object({
  /** Default buffer between own target and promise, in business days. */
  targetBufferBusinessDays: z.number().int().min(0).max(30),
  /** How long before the promised deadline the "deliver or send a heads-up" reminder fires. */
  leadTimeMinutes: z.number().int().min(0).max(7 * 24 * 60),
  /** Local hour at which all-day follow-ups remind. */
  allDayReminderHour: z.number().int().min(0).max(23),
  /**
   * When the app may plan touches by itself (check-ins, thank-yous, repeats):
   * local weekdays (0 = Sunday … 6 = Saturday) and hours.
   */
  workingHours: z.object({
    days: z.array(z.number().int().min(0).max(6)).min(1, 'Pick at least one working day.').max(7),
    start: TimeOfDay,
    end: TimeOfDay,
  }),
  /** Reminders that fall in quiet hours wait until they end: outside working hours, or between start and end (local, may span midnight). */
  quietHours: z.object({
    enabled: z.boolean(),
    outsideWorkingHours: z.boolean(),
    start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time such as 21:00.'),
    end: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time such as 08:00.'),
  }),
  /** Don't pester: at most this many touches per client in a rolling window of days. */
  cadence: z.object({ maxTouches: z.number().int().min(1).max(50), windowDays: z.number().int().min(1).max(90) }),
  /** After a promise is delivered, offer a check-in this many business days later. */
  followThrough: z.object({ enabled: z.boolean(), afterBusinessDays: z.number().int().min(0).max(30) }),
  /** After the sale: what "Deal won" and "Delivered" plan. The person can edit them. */
  sequences: z.object({ won: Sequence, delivered: Sequence }),
  /** BCP 47 tag overriding the system locale for dates, numbers and quick add (e.g. "en-GB", "de-DE"); absent follows the system. */
  locale: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Use a locale such as en-US, en-GB or de-DE.').max(35).optional(),
  /** What "morning" and "afternoon" mean when typed without a time. */
  dayParts: z.object({ morning: TimeOfDay, afternoon: TimeOfDay }),
  /** The desktop app's global quick-add shortcut (an Electron accelerator). */
  quickAddShortcut: z.string().trim().min(1).max(100),
  /** How much a card shows on the board. */
  density: z.enum(['comfortable', 'compact']),
})
export type Settings = z.infer<typeof Settings>

export const DEFAULT_SETTINGS: Settings = {
  targetBufferBusinessDays: 1,
  leadTimeMinutes: 60,
  allDayReminderHour: 9,
  workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' },
  quietHours: { enabled: true, outsideWorkingHours: true, start: '21:00', end: '08:00' },
  cadence: { maxTouches: 1, windowDays: 7 },
  followThrough: { enabled: true, afterBusinessDays: 1 },
  sequences: {
    won: {
      name: 'Deal won',
      steps: [{ kind: 'thank-you', title: 'Thank {client} for the business', offsetBusinessDays: 1 }],
    },
    delivered: {
      name: 'Delivered',
      steps: [
        { kind: 'confirmation-call', title: 'Confirmation call with {client}: is everything working as promised?', offsetBusinessDays: 2 },
        { kind: 'thank-you', title: 'Second thank-you to {client}', offsetBusinessDays: 5 },
      ],
    },
  },
  dayParts: { morning: '09:00', afternoon: '14:00' },
  quickAddShortcut: 'CommandOrControl+Shift+Space',
  density: 'compact',
}

/** One follow-up's VTODO on the CalDAV server, as last agreed with it. */
export const SyncItem = z.object({
  uid: z.string().min(1).max(1_000),
  href: z.string().min(1).max(2_000),
  /** Absent when the server answered a write without an ETag: the next pull fetches it. */
  etag: z.string().max(1_000).optional(),
  sequence: z.number().int().min(0),
  /** Fingerprint of the follow-up as the server holds it; a different one means a change to push. */
  fingerprint: z.string().max(100),
  /** The server's dates and completion as last synced: tells which side moved them. */
  base: z.object({ dueAt: Instant, allDay: z.boolean(), targetAt: Instant, completed: z.boolean() }),
  /** Properties and components other clients added (iCalendar text), written back untouched. */
  foreign: z.string().max(200_000).optional(),
})
export type SyncItem = z.infer<typeof SyncItem>

/** Something the calendar did that the person should decide about. */
export const SyncFlag = z.object({
  id: z.string().min(1).max(100),
  kind: z.enum(['deletedInCalendar', 'dueMovedInCalendar']),
  at: Instant,
})
export type SyncFlag = z.infer<typeof SyncFlag>

/**
 * The calendar link (CalDAV). Never holds the password. Changes still to send are
 * the follow-ups whose fingerprint differs from their item's, the new ones and the
 * removed ones: they follow from this state and the follow-ups, so a restart or a
 * crash cannot lose them.
 */
export const SyncState = z.object({
  enabled: z.boolean(),
  serverUrl: z.string().max(2_000),
  username: z.string().max(200),
  collectionUrl: z.string().max(2_000).optional(),
  collectionName: z.string().max(500).optional(),
  /** RFC 6578 token of the last complete pull. */
  syncToken: z.string().max(2_000).optional(),
  items: z.record(z.string(), SyncItem),
  flags: z.array(SyncFlag),
  /** Follow-ups that stay off the calendar (deleted there while done). */
  unlinked: z.array(z.string().max(100)),
  lastSyncedAt: Instant.optional(),
})
export type SyncState = z.infer<typeof SyncState>

export const Data = z.object({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  followUps: z.array(FollowUp),
  contacts: z.array(Contact),
  settings: Settings,
  /** Calendar sync, when set up. */
  sync: SyncState.optional(),
})
export type Data = z.infer<typeof Data>

export function emptyData(): Data {
  return { schemaVersion: CURRENT_SCHEMA_VERSION, followUps: [], contacts: [], settings: { ...DEFAULT_SETTINGS } }
}
