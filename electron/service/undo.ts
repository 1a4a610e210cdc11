import { applyChange, diffData, isEmptyChange, type DataChange } from '../core/dataDiff'
import type { Contact, Data, FollowUp, HistoryEvent, Settings } from '../core/schema'

/** At least the last 30 actions can be undone (the floor); a few more cost little. */
export const UNDO_DEPTH = 50

/** The records an action touched, by id, as they were on one side of it: null where absent. */
interface Images {
  followUps: Map<string, FollowUp | null>
  contacts: Map<string, Contact | null>
  settings?: Settings
}

interface Entry {
  /** What the history and the toast call it, e.g. "Mark done". */
  action: string
  /** The card it was done to, for the toast ("Mark done “Send the proposal”"); absent for bulk actions. */
  subject?: string
  before: Images
  after: Images
}

export interface UndoOutcome {
  data: Data
  /** "Mark done “Send the proposal”": what was undone or redone. */
  description: string
}

/** One side of a change: the records it puts, and null for the ids it removes. */
function imagesOf(change: DataChange): Images {
  const followUps = new Map<string, FollowUp | null>(change.followUps.put.map((f) => [f.id, f]))
  for (const id of change.followUps.removed) followUps.set(id, null)
  const contacts = new Map<string, Contact | null>(change.contacts.put.map((c) => [c.id, c]))
  for (const id of change.contacts.removed) contacts.set(id, null)
  return { followUps, contacts, ...(change.settings ? { settings: change.settings } : {}) }
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b)

/**
 * A three-way merge of one record, field by field: a field still as the action
 * left it (`base`) goes to `target`; a field changed since keeps its newer value.
 * So an undo never throws away what happened after the action.
 */
function mergeFields<T extends object>(base: T, target: T, current: T, skip: ReadonlySet<string>): T {
  const merged: Record<string, unknown> = {}
  const keys = new Set([...Object.keys(base), ...Object.keys(target), ...Object.keys(current)])
  for (const key of keys) {
    if (skip.has(key)) continue
    const k = key as keyof T
    const value = same(current[k], base[k]) ? target[k] : current[k]
    if (value !== undefined) merged[key] = value
  }
  return merged as T
}

const HISTORY = new Set(['history'])

/** Nothing changed but history (which only grows, e.g. by an undone/redone event). */
const sameApartFromHistory = (a: FollowUp, b: FollowUp) => same({ ...a, history: undefined }, { ...b, history: undefined })

/**
 * Moves every record the entry touched from `from` to `to`, where it still looks
 * as `from` left it. History is append-only: it keeps everything and gains the
 * undone/redone event. A record created by the action goes only if untouched; a
 * record deleted after the action stays deleted.
 */
function shift(current: Data, from: Images, to: Images, event: HistoryEvent): Data {
  const wanted = new Set(to.followUps.keys())
  const now = new Map<string, FollowUp>()
  for (const followUp of current.followUps) if (wanted.has(followUp.id)) now.set(followUp.id, followUp)
  const change: DataChange = { followUps: { put: [], removed: [] }, contacts: { put: [], removed: [] } }

  for (const [id, target] of to.followUps) {
    const base = from.followUps.get(id) ?? null
    const present = now.get(id) ?? null
    if (target === null) {
      if (present && base && sameApartFromHistory(present, base)) change.followUps.removed.push(id)
      continue
    }
    if (present === null) {
      if (base === null) change.followUps.put.push({ ...target, history: [...target.history, event] })
      continue
    }
    const fields = base === null ? present : mergeFields(base, target, present, HISTORY)
    change.followUps.put.push({ ...fields, history: [...present.history, event] })
  }

  const contactsNow = new Map(current.contacts.filter((c) => to.contacts.has(c.id)).map((c) => [c.id, c]))
  for (const [id, target] of to.contacts) {
    const base = from.contacts.get(id) ?? null
    const present = contactsNow.get(id) ?? null
    if (target === null) {
      if (present && base && same(present, base)) change.contacts.removed.push(id)
    } else if (present === null ? base === null : base !== null && same(present, base)) {
      change.contacts.put.push(target)
    }
  }

  if (to.settings && from.settings && same(current.settings, from.settings)) change.settings = to.settings
  return isEmptyChange(change) ? current : applyChange(current, change)
}

/**
 * One undo stack for every change made from the board or the tray: each entry
 * keeps the before- and after-images of exactly the records its action changed
 * (from the data diff), not copies of the whole data.
 */
export class UndoStack {
  readonly #done: Entry[] = []
  readonly #undone: Entry[] = []

  get canUndo(): number {
    return this.#done.length
  }

  get canRedo(): number {
    return this.#undone.length
  }

  /** Remembers an action; a new action makes the undone ones unredoable, as everywhere. */
  record(action: string, before: Data, after: Data, subject?: string): void {
    const change = diffData(before, after)
    if (isEmptyChange(change)) return
    this.#done.push({ action, ...(subject ? { subject } : {}), before: imagesOf(diffData(after, before)), after: imagesOf(change) })
    this.#done.splice(0, Math.max(0, this.#done.length - UNDO_DEPTH))
    this.#undone.length = 0
  }

  undo(current: Data, now: Date): UndoOutcome | null {
    const entry = this.#done.pop()
    if (!entry) return null
    this.#undone.push(entry)
    const data = shift(current, entry.after, entry.before, { type: 'undone', at: now.toISOString(), action: entry.action })
    return { data, description: describe(entry) }
  }

  redo(current: Data, now: Date): UndoOutcome | null {
    const entry = this.#undone.pop()
    if (!entry) return null
    this.#done.push(entry)
    const data = shift(current, entry.before, entry.after, { type: 'redone', at: now.toISOString(), action: entry.action })
    return { data, description: describe(entry) }
  }
}

const describe = (entry: Entry) => (entry.subject ? `${entry.action} “${entry.subject}”` : entry.action)
