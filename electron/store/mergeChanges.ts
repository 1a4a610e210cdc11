import type { DataChange } from '../core/dataDiff'

interface WithId {
  id: string
}

/**
 * Many changes as one, so replaying a journal walks the data once rather than once
 * per change (1,000 changes over 100k follow-ups would be 100M steps). Applying the
 * result gives what applying each in turn gives: the last put of a record wins, and
 * a record removed and then put again is listed as both, which moves it to the end
 * as the separate changes would.
 */
function mergeById<T extends WithId>(parts: { put: T[]; removed: string[] }[]): { put: T[]; removed: string[] } {
  const put = new Map<string, T>()
  const removed = new Set<string>()
  for (const part of parts) {
    for (const id of part.removed) {
      put.delete(id)
      removed.add(id)
    }
    // A record put again after its removal is new to the map, so it goes to the end, as it would in the data.
    for (const record of part.put) put.set(record.id, record)
  }
  return { put: [...put.values()], removed: [...removed] }
}

export function mergeChanges(changes: readonly DataChange[]): DataChange {
  const merged: DataChange = {
    followUps: mergeById(changes.map((change) => change.followUps)),
    contacts: mergeById(changes.map((change) => change.contacts)),
  }
  const settings = changes.findLast((change) => change.settings !== undefined)?.settings
  if (settings) merged.settings = settings
  // The last sync state wins, a dropped one (null) included.
  const sync = changes.findLast((change) => change.sync !== undefined)?.sync
  if (sync !== undefined) merged.sync = sync
  return merged
}
