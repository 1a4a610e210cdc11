import { createHash } from 'node:crypto'
import type { Data, FollowUp, SyncState } from '../../core/schema'

const cache = new WeakMap<FollowUp, string>()

/**
 * A digest of everything a follow-up's VTODO carries. Follow-ups are replaced,
 * never mutated, so each object's digest is computed once.
 */
export function fingerprint(followUp: FollowUp): string {
  let digest = cache.get(followUp)
  if (digest === undefined) {
    const { title, client, dueAt, allDay, targetAt, completedAt, notes, checklist, kind } = followUp
    digest = createHash('sha1')
      .update(JSON.stringify([title, client, dueAt, allDay, targetAt, completedAt ?? null, notes, checklist, kind]))
      .digest('base64')
    cache.set(followUp, digest)
  }
  return digest
}

export type PendingOp = { type: 'create' | 'update'; followUp: FollowUp } | { type: 'delete'; id: string }

/** Follow-ups kept off the calendar: deleted there (until the person decides) or deleted there while done. */
export function heldBack(sync: SyncState): Set<string> {
  return new Set([...sync.unlinked, ...sync.flags.filter((flag) => flag.kind === 'deletedInCalendar').map((flag) => flag.id)])
}

/**
 * What still has to reach the server, read off the data: open follow-ups without
 * a VTODO, follow-ups changed since their VTODO was agreed, VTODOs whose follow-up
 * is gone. Done follow-ups that were never on the calendar stay off it.
 */
export function pendingOps(data: Data): PendingOp[] {
  const sync = data.sync
  if (!sync) return []
  const held = heldBack(sync)
  const ops: PendingOp[] = []
  const present = new Set<string>()
  for (const followUp of data.followUps) {
    present.add(followUp.id)
    if (held.has(followUp.id)) continue
    const item = sync.items[followUp.id]
    if (!item) {
      if (!followUp.completedAt) ops.push({ type: 'create', followUp })
    } else if (item.fingerprint !== fingerprint(followUp)) ops.push({ type: 'update', followUp })
  }
  for (const id of Object.keys(sync.items)) if (!present.has(id)) ops.push({ type: 'delete', id })
  return ops
}

/** The last time a follow-up changed here, for LAST-MODIFIED: its newest history event other than a reminder. */
export function lastChangedAt(followUp: FollowUp): string {
  for (let index = followUp.history.length - 1; index >= 0; index--) {
    const event = followUp.history[index]
    if (event.type !== 'notified') return event.at
  }
  return followUp.createdAt
}
