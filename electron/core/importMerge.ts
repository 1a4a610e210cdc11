import { DomainError } from './errors'
import { CURRENT_SCHEMA_VERSION, type Data, type FollowUp } from './schema'

/**
 * Bringing an exported file back in. Both functions take data already decoded and
 * validated (store/decode.ts migrates any supported format first) and return the
 * new data with counts for the confirmation. Counts are of follow-ups.
 */
export interface ImportCounts {
  added: number
  updated: number
  unchanged: number
}
export interface ImportOutcome extends ImportCounts {
  data: Data
  /** Logged contacts new to this data (merge), or in the file (replace). */
  contactsAdded: number
  /** Follow-ups that only the current data had (replace drops them; merge keeps them). */
  removed: number
}

export type ImportMode = 'merge' | 'replace'

/** When a follow-up last changed: its newest history event, else its creation. */
export const lastChangedAt = (followUp: FollowUp): number => Date.parse(followUp.history.at(-1)?.at ?? followUp.createdAt)

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

function refuseDuplicateIds(incoming: Data): void {
  const seen = new Set<string>()
  for (const followUp of incoming.followUps) {
    if (seen.has(followUp.id)) throw new DomainError('invalid_input', `The file lists two follow-ups with the same id “${followUp.id}”.`)
    seen.add(followUp.id)
  }
}

/**
 * Merge by follow-up id: a follow-up only in the file is added; one in both is
 * replaced by the file's version when that changed later (its last history event
 * is newer), otherwise kept. Contacts are merged by id (existing ones kept).
 * Settings stay as they are.
 */
export function mergeImport(current: Data, incoming: Data): ImportOutcome {
  refuseDuplicateIds(incoming)
  const byId = new Map(incoming.followUps.map((f) => [f.id, f]))
  let updated = 0
  let unchanged = 0
  const followUps = current.followUps.map((mine) => {
    const theirs = byId.get(mine.id)
    if (!theirs) return mine
    byId.delete(mine.id)
    if (lastChangedAt(theirs) > lastChangedAt(mine) && !same(theirs, mine)) {
      updated++
      return theirs
    }
    unchanged++
    return mine
  })
  const added = [...byId.values()]
  const contactIds = new Set(current.contacts.map((c) => c.id))
  const newContacts = incoming.contacts.filter((c) => !contactIds.has(c.id))
  const data: Data =
    added.length === 0 && updated === 0 && newContacts.length === 0
      ? current
      : { ...current, followUps: [...followUps, ...added], contacts: [...current.contacts, ...newContacts] }
  return { data, added: added.length, updated, unchanged, contactsAdded: newContacts.length, removed: 0 }
}

/** Replace: the file's data becomes the data, settings included. */
export function replaceImport(current: Data, incoming: Data): ImportOutcome {
  refuseDuplicateIds(incoming)
  const mine = new Map(current.followUps.map((f) => [f.id, f]))
  let added = 0
  let updated = 0
  let unchanged = 0
  for (const theirs of incoming.followUps) {
    const existing = mine.get(theirs.id)
    if (!existing) added++
    else if (same(existing, theirs)) unchanged++
    else updated++
  }
  const kept = new Set(incoming.followUps.map((f) => f.id))
  const removed = current.followUps.filter((f) => !kept.has(f.id)).length
  return {
    data: { ...incoming, schemaVersion: CURRENT_SCHEMA_VERSION },
    added,
    updated,
    unchanged,
    contactsAdded: incoming.contacts.length,
    removed,
  }
}

export const importData = (current: Data, incoming: Data, mode: ImportMode): ImportOutcome =>
  mode === 'merge' ? mergeImport(current, incoming) : replaceImport(current, incoming)

/** "follow-through-export-2026-11-27.json", by the local date of `now`. */
export function exportFilename(now: Date, extension = 'json', kind = 'export'): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `follow-through-${kind}-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.${extension}`
}
