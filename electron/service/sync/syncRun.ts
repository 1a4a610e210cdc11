import { baseOf, followUpFromRemote, mergeRemote } from '../../core/caldav/merge'
import { followUpIdOfUid, readVtodo, todoFileName, todoUid, writeVtodo, type RemoteTodo } from '../../core/caldav/vtodo'
import { planFollowThrough } from '../../core/followThrough'
import { planNextOccurrence } from '../../core/recurrence'
import type { Data, FollowUp, SyncFlag, SyncItem, SyncState } from '../../core/schema'
import { StaleSyncToken, type DavClient, type Fetched, type Member } from './davClient'
import { fingerprint, lastChangedAt, pendingOps, type PendingOp } from './pending'
import { SyncError } from './syncError'

export interface SyncHost {
  data(): Data
  now(): Date
  newId(): string
  /** Applies an update the way a command does (saved, board pushed). */
  apply(update: (data: Data) => Data): Promise<void>
}

/**
 * One change to the data a sync decided on: a follow-up replaced (only if it is
 * still the one the decision was made on) and/or its item changed.
 */
interface Outcome {
  id: string
  /** The follow-up the decision was based on; undefined when it did not exist. */
  expected: FollowUp | undefined
  followUp?: FollowUp | null
  item?: SyncItem | null
  flag?: SyncFlag['kind']
  unlink?: boolean
  /** The calendar completed it: plan the check-in and the next repeat as Mark done would. */
  delivered?: boolean
}

// Local servers serialise writes (more in flight only queue); remote ones gain from overlapping round trips.
const PUSH_CONCURRENCY = 3
const COMMIT_EVERY = 100

/** Runs `work` over `items`, a few at a time, stopping at the first failure. */
async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  let failed: unknown = null
  const worker = async () => {
    while (failed === null && next < items.length) {
      const item = items[next++]
      try {
        await work(item)
      } catch (error) {
        failed ??= error
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  if (failed !== null) throw failed
}

function baseFromRemote(remote: RemoteTodo, fallback: FollowUp): SyncItem['base'] {
  return {
    dueAt: remote.due?.dueAt ?? fallback.dueAt,
    allDay: remote.due?.allDay ?? fallback.allDay,
    targetAt: remote.targetAt ?? fallback.targetAt,
    completed: remote.completedAt !== undefined,
  }
}

/**
 * One sync pass: pull what the calendar changed (sync-collection when offered,
 * else an ETag listing), merge it in, then push what the app changed with
 * conditional writes. Results are committed in batches, so a pass cut short (the
 * server went away) keeps what it finished and the next pass resumes.
 */
export class SyncRun {
  readonly #host: SyncHost
  readonly #client: DavClient
  readonly #collectionUrl: string
  #outcomes: Outcome[] = []
  #created = 0
  writes = 0

  constructor(host: SyncHost, client: DavClient, collectionUrl: string) {
    this.#host = host
    this.#client = client
    this.#collectionUrl = collectionUrl
  }

  async run(): Promise<void> {
    await this.#pull()
    // A merge can plan new follow-ups (a check-in after a delivery on the phone): send those too.
    for (let round = 0; round < 3 && pendingOps(this.#host.data()).length > 0; round++) await this.#push()
    // Move the sync token past the members the app created: a server may otherwise never
    // report one deleted on the phone later (Xandikos diffs the state at the old token with now).
    if (this.#created > 0) await this.#pull()
  }

  get #sync(): SyncState {
    const sync = this.#host.data().sync
    if (!sync) throw new SyncError('setup', 'Calendar sync was turned off.')
    return sync
  }

  async #pull(): Promise<void> {
    const sync = this.#sync
    let listing: { changed: Member[]; removed: string[]; token?: string } | null = null
    if (sync.syncToken) {
      try {
        listing = await this.#client.changesSince(this.#collectionUrl, sync.syncToken)
      } catch (error) {
        if (!(error instanceof StaleSyncToken)) throw error
      }
    }
    listing ??= await this.#fullListing(sync)
    const known = new Map(Object.entries(sync.items).map(([id, item]) => [item.href, { id, item }]))
    const toFetch = listing.changed.filter((member) => {
      const mine = known.get(member.href)
      return !mine || member.etag === undefined || mine.item.etag !== member.etag
    })
    const fetched = toFetch.length > 0 ? await this.#client.fetchMany(this.#collectionUrl, toFetch.map((member) => member.href)) : []
    for (const resource of fetched) this.#takeRemote(resource, known.get(resource.href)?.id)
    for (const href of listing.removed) {
      const mine = known.get(href)
      if (mine) this.#takeRemoval(mine.id)
    }
    const token = listing.token && listing.token !== sync.syncToken ? listing.token : undefined
    await this.#commit(token)
  }

  /** Every task's ETag: the first pass, a stale token, or a server without sync-collection. */
  async #fullListing(sync: SyncState): Promise<{ changed: Member[]; removed: string[]; token?: string }> {
    // The token is read first: whatever changes during the listing is reported again next time.
    // A server without sync-collection has none, and every pass compares ETags.
    const token = await this.#client.currentToken(this.#collectionUrl)
    const members = await this.#client.listTasks(this.#collectionUrl)
    const present = new Set(members.map((member) => member.href))
    const removed = Object.values(sync.items).map((item) => item.href).filter((href) => !present.has(href))
    return { changed: members, removed, token }
  }

  #takeRemote(resource: Fetched, knownId: string | undefined): void {
    let remote: RemoteTodo
    try {
      remote = readVtodo(resource.ics)
    } catch {
      return // events and broken entries in a shared calendar are not follow-ups
    }
    const data = this.#host.data()
    const sync = this.#sync
    const id = knownId ?? Object.entries(sync.items).find(([, item]) => item.uid === remote.uid)?.[0]
    const item = id ? sync.items[id] : undefined
    const local = id ? data.followUps.find((f) => f.id === id) : undefined
    const now = this.#host.now()
    if (id && item && !local) {
      // Deleted here: the push deletes it, against the version just seen.
      this.#outcomes.push({ id, expected: undefined, item: { ...item, href: resource.href, etag: resource.etag } })
      return
    }
    const own = item ? undefined : this.#unlinkedOwn(remote.uid)
    if (own) {
      // The app wrote it, but the link was lost (a lost answer, a collection picked again):
      // link it without a duplicate; the server's dates as the base keep the app's.
      const merged = mergeRemote(own, remote, baseFromRemote(remote, own), true, now)
      this.#outcomes.push({
        id: own.id,
        expected: own,
        followUp: merged.followUp === own ? undefined : merged.followUp,
        item: this.#itemFor(merged.followUp, remote, resource, merged.agrees),
        delivered: merged.completedThere,
      })
      return
    }
    if (!id || !item || !local) {
      const newId = this.#host.newId()
      const followUp = followUpFromRemote(remote, newId, now, data.settings)
      this.#outcomes.push({ id: newId, expected: undefined, followUp, item: this.#itemFor(followUp, remote, resource, true) })
      return
    }
    const localChanged = fingerprint(local) !== item.fingerprint
    const merged = mergeRemote(local, remote, item.base, localChanged, now)
    this.#outcomes.push({
      id,
      expected: local,
      followUp: merged.followUp === local ? undefined : merged.followUp,
      item: { ...this.#itemFor(merged.followUp, remote, resource, merged.agrees), sequence: Math.max(item.sequence, remote.sequence) },
      ...(merged.dueMovedThere ? { flag: 'dueMovedInCalendar' as const } : {}),
      delivered: merged.completedThere,
    })
  }

  /** The follow-up a UID the app wrote belongs to, when it has no VTODO linked yet. */
  #unlinkedOwn(uid: string): FollowUp | undefined {
    const id = followUpIdOfUid(uid)
    if (id === undefined || this.#sync.items[id]) return undefined
    return this.#host.data().followUps.find((f) => f.id === id)
  }

  #itemFor(followUp: FollowUp, remote: RemoteTodo, resource: Fetched, agrees: boolean): SyncItem {
    return {
      uid: remote.uid,
      href: resource.href,
      ...(resource.etag ? { etag: resource.etag } : {}),
      sequence: remote.sequence,
      // Anything but the follow-up's own fingerprint makes the push send the merged version.
      fingerprint: agrees ? fingerprint(followUp) : '',
      base: baseFromRemote(remote, followUp),
      ...(remote.foreign ? { foreign: remote.foreign } : {}),
    }
  }

  /** Deleted in the calendar: an open promise stays, flagged; a done one stays here, off the calendar. */
  #takeRemoval(id: string): void {
    const local = this.#host.data().followUps.find((f) => f.id === id)
    if (!local) this.#outcomes.push({ id, expected: undefined, item: null })
    else if (local.completedAt) this.#outcomes.push({ id, expected: local, item: null, unlink: true })
    else this.#outcomes.push({ id, expected: local, item: null, flag: 'deletedInCalendar' })
  }

  async #push(): Promise<void> {
    const ops = pendingOps(this.#host.data())
    let done = 0
    try {
      await inParallel(ops, PUSH_CONCURRENCY, async (op) => {
        await this.#send(op)
        if (++done % COMMIT_EVERY === 0) await this.#commit()
      })
    } finally {
      await this.#commit()
    }
  }

  async #send(op: PendingOp, attempt = 0): Promise<void> {
    const sync = this.#sync
    if (op.type === 'delete') {
      const item = sync.items[op.id]
      if (!item) return
      this.writes++
      const result = await this.#client.delete(item.href, item.etag)
      if (!result.ok) {
        // Edited on the phone since: deleting here still wins, against the version now there.
        const current = await this.#client.fetchOne(item.href)
        if (current && attempt < 2) {
          this.#outcomes.push({ id: op.id, expected: undefined, item: { ...item, etag: current.etag } })
          await this.#commit()
          return this.#send(op, attempt + 1)
        }
      }
      this.#outcomes.push({ id: op.id, expected: undefined, item: null })
      return
    }
    const followUp = op.followUp
    const item = sync.items[followUp.id]
    const uid = item?.uid ?? todoUid(followUp.id)
    const href = item?.href ?? new URL(todoFileName(uid), this.#collectionUrl).href
    const sequence = item ? item.sequence + 1 : 0
    const ics = writeVtodo(followUp, { uid, sequence, now: this.#host.now(), modifiedAt: lastChangedAt(followUp), foreign: item?.foreign })
    this.writes++
    const result = await this.#client.put(href, ics, item ? (item.etag ?? '*') : null)
    if (result.ok && !item) this.#created++
    if (result.ok) {
      this.#outcomes.push({
        id: followUp.id,
        expected: undefined,
        item: { uid, href, ...(result.etag ? { etag: result.etag } : {}), sequence, fingerprint: fingerprint(followUp), base: baseOf(followUp), ...(item?.foreign ? { foreign: item.foreign } : {}) },
      })
      return
    }
    // 412: someone else changed it (or an earlier pass created it and lost the answer). Merge and try again.
    const current = await this.#client.fetchOne(href)
    if (!current) {
      if (item) this.#takeRemoval(followUp.id)
      return
    }
    if (attempt >= 2) throw new SyncError('server', `The calendar kept changing “${followUp.title}” while it was being saved. It will be tried again.`)
    this.#takeRemote(current, item ? followUp.id : undefined)
    await this.#commit()
    const latest = this.#host.data().followUps.find((f) => f.id === followUp.id)
    const latestItem = this.#sync.items[followUp.id]
    if (latest && latestItem && latestItem.fingerprint !== fingerprint(latest)) await this.#send({ type: 'update', followUp: latest }, attempt + 1)
  }

  /** Writes the outcomes so far (and the new sync token) in one change; nothing when there is nothing. */
  async #commit(token?: string): Promise<void> {
    const outcomes = this.#outcomes
    this.#outcomes = []
    if (outcomes.length === 0 && token === undefined) return
    const now = this.#host.now()
    await this.#host.apply((data) => {
      if (!data.sync) return data
      const byId = new Map(data.followUps.map((f) => [f.id, f]))
      const items = { ...data.sync.items }
      let flags = data.sync.flags
      let unlinked = data.sync.unlinked
      let followUps = data.followUps
      const replaced = new Map<string, FollowUp | null>()
      const delivered: string[] = []
      let skipped = false
      for (const outcome of outcomes) {
        if (outcome.followUp !== undefined && outcome.expected !== undefined && byId.get(outcome.id) !== outcome.expected) {
          skipped = true // changed here meanwhile: the next pass merges again
          continue
        }
        if (outcome.followUp !== undefined) replaced.set(outcome.id, outcome.followUp)
        if (outcome.item === null) delete items[outcome.id]
        else if (outcome.item) items[outcome.id] = outcome.item
        if (outcome.flag) flags = [...flags.filter((f) => !(f.id === outcome.id && f.kind === outcome.flag)), { id: outcome.id, kind: outcome.flag, at: now.toISOString() }]
        if (outcome.unlink && !unlinked.includes(outcome.id)) unlinked = [...unlinked, outcome.id]
        if (outcome.delivered) delivered.push(outcome.id)
      }
      if (replaced.size > 0) {
        const existing = new Set(followUps.map((f) => f.id))
        followUps = followUps.map((f) => (replaced.has(f.id) ? replaced.get(f.id)! : f)).filter((f): f is FollowUp => f !== null)
        for (const [id, followUp] of replaced) if (!existing.has(id) && followUp) followUps.push(followUp)
      }
      const sync: SyncState = { ...data.sync, items, flags, unlinked, lastSyncedAt: now.toISOString() }
      if (token !== undefined && !skipped) sync.syncToken = token
      let next: Data = { ...data, followUps, sync }
      for (const id of delivered) next = planNextOccurrence(planFollowThrough(next, id, now, this.#host.newId), id, now, this.#host.newId)
      return next
    })
  }
}
