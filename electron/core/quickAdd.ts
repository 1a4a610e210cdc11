import { DomainError } from './errors'
import type { FollowUpDraft } from './inputs'
import type { Channel, Client, Settings } from './schema'
import { DEFAULT_RULES, type DateRules } from './quickAdd/calendar'
import { findEmails, findPhones, type Span } from './quickAdd/contactDetails'
import { readDate, type ConfirmReason, type DateChoice, type DateReading } from './quickAdd/dates'
import type { KnownClient } from './quickAdd/knownClients'
import { dateDialect } from './quickAdd/locale'
import { normalizeLine } from './quickAdd/normalize'
import { findRecipient } from './quickAdd/recipient'
import { titleFrom } from './quickAdd/title'

export type { ConfirmReason, DateChoice } from './quickAdd/dates'
export { knownClients, suggestClients, type KnownClient } from './quickAdd/knownClients'

/** What quick add knows beyond the line: the clients in the data, the person's settings, the system locale. */
export interface QuickAddContext {
  clients?: readonly KnownClient[]
  settings?: Partial<Pick<Settings, 'workingHours' | 'dayParts' | 'locale'>>
  /** The system's (or browser's) locale; `settings.locale` overrides it. */
  locale?: string
}

export interface Confirmation {
  reason: ConfirmReason
  message: string
}

export interface QuickAddResult {
  draft: FollowUpDraft & { client: Client; dueAt: string; allDay: boolean }
  /** Why the preview must ask before saving; empty when the line is clear. */
  confirm: Confirmation[]
  /** Other readings of the date, best first; the draft's own date is the first choice. */
  alternatives: DateChoice[]
  /** The known client the line named, shown in the preview. */
  matched?: KnownClient
  /** The locale the line was read in (settings override the system's), to show dates the same way. */
  locale?: string
}

/** A date typed in words in a date field ("fri 4pm", "in 2 weeks"). */
export interface DateTextResult extends DateChoice {
  confirm: Confirmation[]
  alternatives: DateChoice[]
  /** The locale the words were read in. */
  locale?: string
}

export const QUICK_ADD_EXAMPLE = 'Call Jenny Rivera Friday 4pm 248-867-5309'

const MESSAGES: Record<ConfirmReason, string> = {
  'far-away': 'That is more than six months away.',
  'at-night': 'That is at night.',
  'today-but-named-day': 'You named another day, but this reads as today.',
  'date-words-left': 'Date words are left in the title.',
  ambiguous: 'That can be read more than one way.',
}

const CHANNEL_VERBS: [RegExp, Channel][] = [
  [/^\s*(?:call|phone|ring|anrufen)\b/i, 'phone'],
  [/^\s*(?:email|e-mail|mail)\b/i, 'email'],
  [/^\s*(?:meet|visit|lunch)\b/i, 'in-person'],
]

function channelOf(title: string, client: Client): Channel {
  for (const [pattern, channel] of CHANNEL_VERBS) if (pattern.test(title)) return channel
  if (/\b(?:anrufen|telefonieren)\b/i.test(title)) return 'phone'
  if (client.phone && /\b(?:call|ring|phone|text)\b/i.test(title)) return 'phone'
  if (client.email && /\b(?:email|mail)\b/i.test(title)) return 'email'
  return 'other'
}

const rulesOf = (context: QuickAddContext): DateRules => ({
  workingHours: context.settings?.workingHours ?? DEFAULT_RULES.workingHours,
  dayParts: context.settings?.dayParts ?? DEFAULT_RULES.dayParts,
})

const localeOf = (context: QuickAddContext) => context.settings?.locale ?? context.locale

/** The line with some spans blanked out, keeping every other character where it was. */
function blank(line: string, spans: Span[]): string {
  let result = line
  for (const span of spans) result = result.slice(0, span.start) + ' '.repeat(span.end - span.start) + result.slice(span.end)
  return result
}

const confirmations = (reasons: ConfirmReason[]) => reasons.map((reason) => ({ reason, message: MESSAGES[reason] }))

const refuse = (message: string, text: string) => new DomainError('invalid_input', message, { text })

/**
 * Reads one line such as "Call Jenny Rivera Friday 4pm 248-867-5309" into a draft.
 * A line without a date or without a client is refused with a message saying what
 * to add: a promise without a deadline is not a promise. A reading that might be
 * wrong comes back with `confirm` reasons and the other readings, for the preview to ask.
 */
export function parseQuickAdd(text: string, now: Date, context: QuickAddContext = {}): QuickAddResult {
  const dialect = dateDialect(localeOf(context))
  const line = normalizeLine(text, dialect)
  const emails = findEmails(line)
  const phones = findPhones(blank(line, emails))
  const reading = readDate(blank(line, [...emails, ...phones]), now, dialect, rulesOf(context))
  if (!reading) throw refuse('Add when you promised it, for example “Friday 4pm” or “in 3 days”.', 'No date found.')

  const recipient = findRecipient({ line, emails, phones, dates: reading.spans }, dialect, context.clients ?? [])
  if (!recipient) throw refuse('Say who it is for, for example “Call Jenny Rivera …” or “… to Acme Corp”.', 'No client found.')
  const title = titleFrom(line, [...reading.spans, ...emails, ...phones], recipient.keepInTitle)
  if (!title) throw refuse('Say what you promised, for example “Send proposal to Acme Corp”.', 'No title.')
  if (new Date(reading.choice.dueAt).getTime() <= now.getTime()) {
    throw refuse('That time has already passed. Pick a time in the future.', 'Date in the past.')
  }

  return {
    draft: { title, client: recipient.client, channel: channelOf(title, recipient.client), ...reading.choice },
    confirm: confirmations(reading.reasons),
    alternatives: reading.alternatives,
    ...(recipient.known ? { matched: recipient.known } : {}),
    ...(localeOf(context) ? { locale: localeOf(context) } : {}),
  }
}

/**
 * The draft to save for a parsed line: the reading picked in the preview (0 is the
 * draft's own, 1… the alternatives). A reading that needs a yes is saved only with one.
 */
export function acceptQuickAdd(result: QuickAddResult, answer: { choice?: number; confirmed?: boolean } = {}): QuickAddResult['draft'] {
  const choice = answer.choice ?? 0
  if (choice > result.alternatives.length) throw refuse('That choice is no longer offered. Check the preview again.', 'Unknown choice.')
  if (result.confirm.length > 0 && !answer.confirmed) {
    throw refuse(`Check before saving: ${result.confirm.map((c) => c.message).join(' ')}`, 'Needs confirmation.')
  }
  return choice === 0 ? result.draft : { ...result.draft, ...result.alternatives[choice - 1] }
}

/** A date typed in words in a date field, read by the same rules as quick add. */
export function parseDateText(text: string, now: Date, context: QuickAddContext = {}): DateTextResult {
  const dialect = dateDialect(localeOf(context))
  const reading: DateReading | null = readDate(normalizeLine(text, dialect), now, dialect, rulesOf(context))
  if (!reading) throw new DomainError('invalid_input', 'Type a date such as “fri 4pm” or “in 2 weeks”, or pick one.', { text: 'No date found.' })
  if (new Date(reading.choice.dueAt).getTime() <= now.getTime()) {
    throw new DomainError('invalid_input', 'That time has already passed. Pick a time in the future.', { text: 'Date in the past.' })
  }
  const locale = localeOf(context)
  return {
    ...reading.choice,
    confirm: confirmations(reading.reasons.filter((r) => r !== 'date-words-left')),
    alternatives: reading.alternatives,
    ...(locale ? { locale } : {}),
  }
}
