import { derivationOf } from './followUpList'
import type { Contact, Data, FollowUp, Settings, SyncState } from './schema'

/**
 * What one change did to the data, by id: the follow-ups and contacts put (added
 * or replaced whole) and removed, and the settings if they changed. The store
 * journals it and the service updates its board indexes from it, so neither has
 * to look at the whole data for a change to one card.
 */
export interface DataChange {
  followUps: { put: FollowUp[]; removed: string[] }
  contacts: { put: Contact[]; removed: string[] }
  settings?: Settings
  /** The calendar sync state if it changed; null when sync was turned off and its state dropped. */
  sync?: SyncState | null
}

interface WithId {
  id: string
}

/**
 * Core commands replace changed records in place and append new ones, keeping the
 * others by identity. So the arrays are first compared position by position, by
 * reference: that reads the two arrays but no record except where they differ, and
 * a one-card change (even one that also appends, like "Mark done" planning its
 * check-in) costs a scan of references. Only when positions no longer line up (a
 * record removed from the middle, a reorder) are ids mapped, and then only in the
 * middle between the common prefix and suffix.
 */
function diffById<T extends WithId>(before: readonly T[], after: readonly T[]): { put: T[]; removed: string[] } {
  if (before === after) return { put: [], removed: [] }
  return diffByPosition(before, after) ?? diffByMap(before, after)
}

/** Records at the same positions keep their ids: the changed positions, plus the tail one array has beyond the other. Else null. */
function diffByPosition<T extends WithId>(before: readonly T[], after: readonly T[]): { put: T[]; removed: string[] } | null {
  const shorter = Math.min(before.length, after.length)
  const put: T[] = []
  for (let i = 0; i < shorter; i++) {
    if (before[i] === after[i]) continue
    if (before[i].id !== after[i].id) return null
    put.push(after[i])
  }
  // With ids unique and the common positions holding the same ids, the longer tail holds ids the other array lacks.
  for (let i = shorter; i < after.length; i++) put.push(after[i])
  const removed: string[] = []
  for (let i = shorter; i < before.length; i++) removed.push(before[i].id)
  return { put, removed }
}

function diffByMap<T extends WithId>(before: readonly T[], after: readonly T[]): { put: T[]; removed: string[] } {
  const shorter = Math.min(before.length, after.length)
  let head = 0
  while (head < shorter && before[head] === after[head]) head++
  let tail = 0
  while (tail < shorter - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++
  const oldMiddle = before.slice(head, before.length - tail)
  const newMiddle = after.slice(head, after.length - tail)
  const old = new Map(oldMiddle.map((record) => [record.id, record]))
  const put = newMiddle.filter((record) => old.get(record.id) !== record)
  const kept = new Set(newMiddle.map((record) => record.id))
  const removed = oldMiddle.filter((record) => !kept.has(record.id)).map((record) => record.id)
  return { put, removed }
}

export function diffData(before: Data, after: Data): DataChange {
  const change: DataChange = {
    // A one-step copy (the usual command) says what it changed; anything else is compared.
    followUps: derivationOf(before.followUps, after.followUps) ?? diffById(before.followUps, after.followUps),
    contacts: diffById(before.contacts, after.contacts),
  }
  if (before.settings !== after.settings && JSON.stringify(before.settings) !== JSON.stringify(after.settings)) change.settings = after.settings
  // The sync engine replaces its state whole whenever it changes, so identity tells.
  if (before.sync !== after.sync) change.sync = after.sync ?? null
  return change
}

export const isEmptyChange = (change: DataChange): boolean =>
  change.followUps.put.length === 0 &&
  change.followUps.removed.length === 0 &&
  change.contacts.put.length === 0 &&
  change.contacts.removed.length === 0 &&
  change.settings === undefined &&
  change.sync === undefined

function applyById<T extends WithId>(records: readonly T[], put: readonly T[], removed: readonly string[]): T[] {
  if (put.length === 0 && removed.length === 0) return records as T[]
  const replacing = new Map(put.map((record) => [record.id, record]))
  const dropping = new Set(removed)
  const result: T[] = []
  for (const record of records) {
    if (dropping.has(record.id)) continue
    const replacement = replacing.get(record.id)
    result.push(replacement ?? record)
    replacing.delete(record.id)
  }
  for (const record of replacing.values()) result.push(record)
  return result
}

/**
 * Applies a change to data. Puts carry whole records, so applying a change again
 * gives the same data: a journal replayed over a file that already holds some of
 * its changes ends in the same state.
 */
export function applyChange(data: Data, change: DataChange): Data {
  const next: Data = {
    ...data,
    followUps: applyById(data.followUps, change.followUps.put, change.followUps.removed),
    contacts: applyById(data.contacts, change.contacts.put, change.contacts.removed),
    settings: change.settings ?? data.settings,
  }
  if (change.sync === null) delete next.sync
  else if (change.sync !== undefined) next.sync = change.sync
  return next
}
