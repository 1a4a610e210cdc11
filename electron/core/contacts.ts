import { DomainError } from './errors'
import type { Channel, Contact, Data } from './schema'

/** Records a call, email or meeting with a client; it counts toward the cadence like a delivered follow-up. */
export function logContact(
  data: Data,
  input: { client: string; channel: Channel; note?: string; at?: string },
  now: Date,
  id: string,
): { data: Data; contact: Contact } {
  const at = input.at ? new Date(input.at) : now
  if (at.getTime() > now.getTime()) throw new DomainError('invalid_input', 'A contact can only be logged once it has happened.', { at: 'This is in the future.' })
  const contact: Contact = { id, client: input.client.trim(), at: at.toISOString(), channel: input.channel, note: input.note ?? '' }
  return { data: { ...data, contacts: [...data.contacts, contact] }, contact }
}
