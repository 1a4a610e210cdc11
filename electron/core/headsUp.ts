import { findFollowUp, rescheduleFollowUp } from './commands'
import { DomainError } from './errors'
import { DEFAULT_LOCALE, formatLongDay } from './localeFormat'
import { deadlineOf } from './scorecard'
import type { Data, FollowUp, HistoryEvent } from './schema'

/**
 * The method's third rule: if you will be late, say so before the deadline. A
 * heads-up renegotiates the promise with notice; a deadline that passes silently
 * is recorded as missed.
 */

/** In the client's words and the locale: "Friday, November 27 at 4:00 PM", "Friday, November 27" for an all-day date; the year only when it is not this year's. */
const when = (date: Date, allDay: boolean, now: Date, locale: string): string => formatLongDay(date, locale, now, !allDay)

/** "Send the proposal" → "the proposal"; titles that do not read as "verb + thing" are quoted instead. */
const DELIVERY_VERB = /^(send|deliver|share|email|e-mail|mail|get|prepare|write|finish|provide|draft|forward|put together)\s+(?=(the|a|an|your|my|our|their|his|her)\s)/i

/** What was promised, for the client: the card's "what I promised" words, or its title read as "verb + thing". */
function whatWasPromised(followUp: FollowUp, promised: string, promiseText?: string): string {
  const words = (promiseText ?? followUp.promiseText)?.trim()
  const thing = (words || followUp.title).trim().replace(/\.$/, '')
  if (DELIVERY_VERB.test(thing)) return `${thing.replace(DELIVERY_VERB, '')} I promised for ${promised}`
  return words ? `${thing}, which I promised for ${promised},` : `“${thing}”, which I promised for ${promised},`
}

/** Whether the deadline the client was last told has already passed: a heads-up now comes late. */
export function isAfterDeadline(followUp: FollowUp, now: Date): boolean {
  return now.getTime() > deadlineOf(followUp).deadline
}

export interface HeadsUpDraft {
  message: string
  /** The deadline has passed: the draft apologises and the history will say "told after the deadline". */
  afterDeadline: boolean
}

/**
 * A short, polite, editable message telling the client the promise moves to
 * `newDueAt`, naming what was promised in client-facing words. Once the deadline
 * has passed it apologises for the delay instead of announcing one.
 */
export function draftHeadsUp(followUp: FollowUp, newDueAt: Date, now: Date, newAllDay = false, promiseText?: string, locale: string = DEFAULT_LOCALE): HeadsUpDraft {
  const firstName = followUp.client.name.trim().split(/\s+/)[0]
  const promised = when(new Date(followUp.dueAt), followUp.allDay, now, locale)
  const promisedNew = when(newDueAt, newAllDay, now, locale)
  const what = whatWasPromised(followUp, promised, promiseText)
  if (isAfterDeadline(followUp, now)) {
    return {
      message: `Hi ${firstName}, I am sorry: ${what} is late, and I should have told you before the deadline. You will have it by ${promisedNew}. My apologies for the delay.`,
      afterDeadline: true,
    }
  }
  return {
    message: `Hi ${firstName}, a quick heads-up: ${what} needs a little longer. You will have it by ${promisedNew}. Sorry for the change.`,
    afterDeadline: false,
  }
}

/**
 * Records a heads-up: the promise moves to the new date with the client told, and
 * the message sent is kept in the history, marked when it came after the deadline.
 * New "what I promised" words are remembered on the card for the next draft.
 */
export function sendHeadsUp(
  data: Data,
  id: string,
  input: { dueAt: string; allDay?: boolean; message: string; promiseText?: string },
  now: Date,
): Data {
  const current = findFollowUp(data, id)
  if (current.completedAt) throw new DomainError('invalid_input', 'This follow-up is done; there is nothing to give a heads-up about.')
  const message = input.message.trim()
  if (message === '') throw new DomainError('invalid_input', 'Write the message you send the client.', { message: 'Write the message you send.' })
  const afterDeadline = isAfterDeadline(current, now)
  const moved = rescheduleFollowUp(data, id, { dueAt: input.dueAt, allDay: input.allDay ?? false, toldClient: true }, now)
  const event: HistoryEvent = { type: 'headsUp', at: now.toISOString(), message, ...(afterDeadline ? { afterDeadline } : {}) }
  const words = input.promiseText?.trim()
  const remember = words && words !== (current.promiseText ?? current.title) ? { promiseText: words.slice(0, 500) } : {}
  return { ...moved, followUps: moved.followUps.map((f) => (f.id === id ? { ...f, ...remember, history: [...f.history, event] } : f)) }
}

/** When the follow-up's current promise was made: its creation, or the reschedule that set today's dueAt. */
function promiseMadeAt(followUp: FollowUp): number {
  let made = Date.parse(followUp.createdAt)
  for (const event of followUp.history) {
    if (event.type === 'rescheduled' && event.to.dueAt === followUp.dueAt) made = Date.parse(event.at)
  }
  return made
}

function isMissed(followUp: FollowUp, now: Date): boolean {
  if (followUp.completedAt !== undefined) return false
  const due = Date.parse(followUp.dueAt)
  if (now.getTime() <= due) return false
  const since = promiseMadeAt(followUp)
  return !followUp.history.some((event) => {
    const at = Date.parse(event.at)
    // Already recorded for this deadline, or delivered in time and reopened later.
    if (event.type === 'missed') return at === due
    if (event.type === 'completed') return at >= since && at <= due
    return false
  })
}

/**
 * Every open follow-up whose promised deadline has passed gets one `missed` event,
 * dated at the deadline. A heads-up moves the deadline first, so it never counts.
 * Returns the same object when nothing changed.
 */
export function recordMissedPromises(data: Data, now: Date): Data {
  if (!data.followUps.some((f) => isMissed(f, now))) return data
  return { ...data, followUps: data.followUps.map((f) => withMissedRecorded(f, now)) }
}

/** One follow-up with its `missed` event recorded if its deadline passed undelivered; the same object otherwise. */
export function withMissedRecorded(followUp: FollowUp, now: Date): FollowUp {
  if (!isMissed(followUp, now)) return followUp
  return { ...followUp, history: [...followUp.history, { type: 'missed', at: new Date(Date.parse(followUp.dueAt)).toISOString() }] }
}
