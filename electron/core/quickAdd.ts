import { casual } from 'chrono-node'
import { endOfDay } from 'date-fns'
import { DomainError } from './errors'
import type { FollowUpDraft } from './inputs'
import type { Channel } from './schema'

export interface QuickAddResult {
  draft: FollowUpDraft & { client: { name: string; phone?: string; email?: string }; dueAt: string; allDay: boolean }
}

export const QUICK_ADD_EXAMPLE = 'Call Jenny Rivera Friday 4pm 248-867-5309'

const EMAIL = /[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/i
const PHONE_CANDIDATES = /\+?\(?\d[\d\s().-]{5,}\d/g
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/
const NAME = String.raw`((?:[A-Z][\p{L}'&.-]*)(?:\s+(?:[A-Z][\p{L}'&.-]*|&))*)`
const CLIENT_AFTER_VERB = new RegExp(String.raw`\b(?:call|phone|ring|text|email|e-mail|mail|meet|visit|ping|thank)\s+${NAME}`, 'iu')
const CLIENT_AFTER_PREPOSITION = new RegExp(String.raw`\b(?:to|with|for|from)\s+${NAME}`, 'u')
const TRAILING_CONNECTOR = /\s+(?:by|on|at|before|until|due|in|for)\s*$/i

const CHANNEL_VERBS: [RegExp, Channel][] = [
  [/^\s*(?:call|phone|ring)\b/i, 'phone'],
  [/^\s*(?:email|e-mail|mail)\b/i, 'email'],
  [/^\s*(?:meet|visit)\b/i, 'in-person'],
]

function takePhone(text: string): { rest: string; phone?: string } {
  for (const match of text.matchAll(PHONE_CANDIDATES)) {
    const candidate = match[0].trim()
    const digits = candidate.replace(/\D/g, '')
    if (digits.length >= 7 && digits.length <= 15 && !ISO_DATE.test(candidate)) {
      return { rest: text.replace(match[0], ' '), phone: candidate }
    }
  }
  return { rest: text }
}

function takeEmail(text: string): { rest: string; email?: string } {
  const match = text.match(EMAIL)
  return match ? { rest: text.replace(match[0], ' '), email: match[0] } : { rest: text }
}

function clientName(title: string): string | undefined {
  // Verbs like "call" are not capitalised in the pattern's sense, so match case-insensitively
  // there but require the name itself to start with a capital.
  const afterVerb = title.match(CLIENT_AFTER_VERB)?.[1]
  if (afterVerb && /^\p{Lu}/u.test(afterVerb)) return afterVerb.trim()
  return title.match(CLIENT_AFTER_PREPOSITION)?.[1]?.trim()
}

function channelOf(title: string, phone?: string, email?: string): Channel {
  for (const [pattern, channel] of CHANNEL_VERBS) if (pattern.test(title)) return channel
  if (phone) return 'phone'
  if (email) return 'email'
  return 'other'
}

const tidy = (text: string) => text.replace(/\s+/g, ' ').trim()

/**
 * Reads one line such as "Call Jenny Rivera Friday 4pm 248-867-5309" into a draft.
 * A line without a date or without a client is refused with a message saying what
 * to add: a promise without a deadline is not a promise.
 */
export function parseQuickAdd(text: string, now: Date): QuickAddResult {
  const withoutEmail = takeEmail(text)
  const withoutPhone = takePhone(withoutEmail.rest)
  const [when] = casual.parse(withoutPhone.rest, now, { forwardDate: true })
  if (!when) {
    throw new DomainError('invalid_input', 'Add when you promised it, for example “Friday 4pm” or “in 3 days”.', {
      text: 'No date found.',
    })
  }
  let title = tidy(withoutPhone.rest.slice(0, when.index) + ' ' + withoutPhone.rest.slice(when.index + when.text.length))
  while (TRAILING_CONNECTOR.test(title)) title = title.replace(TRAILING_CONNECTOR, '')
  if (!title) throw new DomainError('invalid_input', 'Say what you promised, for example “Send proposal to Acme Corp”.', { text: 'No title.' })

  const name = clientName(title)
  if (!name) {
    throw new DomainError('invalid_input', 'Say who it is for, for example “Call Jenny Rivera …” or “… to Acme Corp”.', {
      text: 'No client found.',
    })
  }
  const allDay = !when.start.isCertain('hour')
  const date = when.start.date()
  const dueAt = allDay ? endOfDay(date) : date
  if (dueAt.getTime() <= now.getTime()) {
    throw new DomainError('invalid_input', 'That time has already passed. Pick a time in the future.', { text: 'Date in the past.' })
  }
  const client = {
    name,
    ...(withoutPhone.phone ? { phone: withoutPhone.phone } : {}),
    ...(withoutEmail.email ? { email: withoutEmail.email } : {}),
  }
  return {
    draft: {
      title,
      client,
      channel: channelOf(title, withoutPhone.phone, withoutEmail.email),
      dueAt: dueAt.toISOString(),
      allDay,
    },
  }
}
