import type { Handlers } from '../../contract'
import type { SyncFlagView, SyncSettings, SyncStatus } from '../../contract/sync'
import { rescheduleFollowUp } from '../../core/commands'
import type { DataChange } from '../../core/dataDiff'
import { DomainError } from '../../core/errors'
import type { Data, SyncFlag, SyncState } from '../../core/schema'
import { DavClient, type DavAccount, type Fetch } from './davClient'
import { MemoryPasswordStore, type PasswordStore } from './passwords'
import { pendingOps } from './pending'
import { SyncError } from './syncError'
import { SyncRun, type SyncHost } from './syncRun'
import { countOf } from '../../core/localeFormat'

export interface CalendarSyncHost extends SyncHost {
  readOnly(): boolean
  /** Hears every committed change. */
  onCommit(listener: (change: DataChange) => void): () => void
}

export interface CalendarSyncOptions {
  passwords?: PasswordStore
  fetch?: Fetch
  timeoutMs?: number
  /** Quiet time after a change before it is sent. */
  debounceMs?: number
  /** How often to look for changes made in the calendar. */
  intervalMs?: number
}

type SyncHandlers = Pick<
  Handlers,
  'getSyncSettings' | 'saveSyncSettings' | 'testSyncConnection' | 'listSyncCollections' | 'createSyncCollection' | 'syncNow' | 'getSyncStatus' | 'resolveSyncFlag'
>

const FIRST_RETRY_MS = 5_000
const LONGEST_RETRY_MS = 5 * 60_000

const FLAG_MESSAGES: Record<SyncFlag['kind'], string> = {
  deletedInCalendar: 'Deleted in your calendar: delete here too or put it back?',
  dueMovedInCalendar: 'The promised date was moved in your calendar (client told: no). Keep the new date or put the old one back?',
}

/** Turns a failure into a refusal for the settings panel, in the SyncError's words. */
function refusal(error: unknown): never {
  if (error instanceof SyncError) throw new DomainError('invalid_input', error.message)
  throw error
}

/**
 * Two-way sync between the follow-ups and a CalDAV task list. It runs after every
 * change (debounced), every 5 minutes, on wake and at start; a failure that may
 * pass (server down, time-out) is retried with backoff. What is still to send is
 * read off the data file, so nothing waits only in memory.
 */
export class CalendarSync {
  readonly handlers: SyncHandlers
  readonly #host: CalendarSyncHost
  readonly #passwords: PasswordStore
  readonly #fetch: Fetch | undefined
  readonly #timeoutMs: number
  readonly #debounceMs: number
  readonly #intervalMs: number
  #running: Promise<void> | null = null
  #again = false
  #applying = false
  #stopped = false
  #error: SyncError | null = null
  #attempts = 0
  #lastSyncedAt: string | undefined
  #debounce: ReturnType<typeof setTimeout> | null = null
  #retry: ReturnType<typeof setTimeout> | null = null
  #interval: ReturnType<typeof setInterval> | null = null
  #unsubscribe: (() => void) | null = null
  /** Cuts requests in flight short when the app quits, so quitting never waits on a slow server. */
  #quitting = new AbortController()
  /** Requests that changed something on the server, since start (tests and bench read it). */
  writes = 0

  constructor(host: CalendarSyncHost, options: CalendarSyncOptions = {}) {
    this.#host = host
    this.#passwords = options.passwords ?? new MemoryPasswordStore()
    this.#fetch = options.fetch
    this.#timeoutMs = options.timeoutMs ?? 20_000
    this.#debounceMs = options.debounceMs ?? 2_000
    this.#intervalMs = options.intervalMs ?? 5 * 60_000
    this.handlers = this.#createHandlers()
  }

  start(): void {
    this.#stopped = false
    if (this.#quitting.signal.aborted) this.#quitting = new AbortController()
    this.#unsubscribe = this.#host.onCommit((change) => {
      if (!this.#applying && (change.followUps.put.length > 0 || change.followUps.removed.length > 0)) this.#schedule()
    })
    this.#interval = setInterval(() => void this.sync(), this.#intervalMs)
    this.#interval.unref?.()
    void this.sync()
  }

  wake(): void {
    void this.sync()
  }

  async stop(): Promise<void> {
    this.#stopped = true
    this.#unsubscribe?.()
    for (const timer of [this.#debounce, this.#retry]) if (timer) clearTimeout(timer)
    if (this.#interval) clearInterval(this.#interval)
    this.#quitting.abort()
    await this.#running?.catch(() => {})
  }

  /** One pass now, or right after the one running; resolves when the data is in step (or failed). */
  async sync(): Promise<void> {
    if (this.#running) {
      this.#again = true
      return this.#running
    }
    this.#running = (async () => {
      do {
        this.#again = false
        await this.#pass()
      } while (this.#again && !this.#stopped)
    })().finally(() => (this.#running = null))
    return this.#running
  }

  status(): SyncStatus {
    const data = this.#host.data()
    const sync = data.sync
    if (!sync?.enabled || !sync.collectionUrl) return { state: 'off', pending: 0, flags: [] }
    const pending = pendingOps(data).length
    const flags: SyncFlagView[] = sync.flags.flatMap((flag) => {
      const followUp = data.followUps.find((f) => f.id === flag.id)
      // A done follow-up deleted in the calendar needs no answer.
      if (!followUp || (flag.kind === 'deletedInCalendar' && followUp.completedAt)) return []
      return [{ id: flag.id, title: followUp.title, kind: flag.kind, message: FLAG_MESSAGES[flag.kind] }]
    })
    const lastSyncedAt = this.#lastSyncedAt ?? sync.lastSyncedAt
    const base = { pending, flags, ...(lastSyncedAt ? { lastSyncedAt } : {}) }
    if (this.#error) return { ...base, state: 'error', error: this.#error.message }
    if (this.#running) return { ...base, state: 'syncing' }
    return { ...base, state: pending > 0 ? 'pending' : 'synced' }
  }

  #schedule(): void {
    if (this.#stopped) return
    if (this.#debounce) clearTimeout(this.#debounce)
    this.#debounce = setTimeout(() => {
      this.#debounce = null
      void this.sync()
    }, this.#debounceMs)
  }

  async #pass(): Promise<void> {
    const sync = this.#host.data().sync
    if (this.#stopped || this.#host.readOnly() || !sync?.enabled || !sync.collectionUrl) return
    const password = await this.#passwords.read()
    if (password === null) {
      this.#error = new SyncError('setup', 'No password is stored for the calendar. Enter it in Settings → Calendar sync.')
      return
    }
    const client = this.#client({ serverUrl: sync.serverUrl, username: sync.username, password })
    const run = new SyncRun(this.#guardedHost(), client, sync.collectionUrl)
    try {
      await run.run()
      this.#error = null
      this.#attempts = 0
      this.#lastSyncedAt = this.#host.now().toISOString()
    } catch (error) {
      this.#error = error instanceof SyncError ? error : new SyncError('server', `Calendar sync failed: ${(error as Error).message}`)
      console.warn(`Follow Through: calendar sync: ${this.#error.message}`)
      if (this.#error.transient) this.#retryLater()
    } finally {
      this.writes += run.writes
    }
  }

  #retryLater(): void {
    if (this.#stopped || this.#retry) return
    const delay = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** this.#attempts++)
    this.#retry = setTimeout(() => {
      this.#retry = null
      void this.sync()
    }, delay)
    this.#retry.unref?.()
  }

  /** The host, with the engine's own commits kept from scheduling another pass. */
  #guardedHost(): SyncHost {
    return {
      data: () => this.#host.data(),
      now: () => this.#host.now(),
      newId: () => this.#host.newId(),
      apply: async (update) => {
        this.#applying = true
        try {
          await this.#host.apply(update)
        } finally {
          this.#applying = false
        }
      },
    }
  }

  #client(account: DavAccount): DavClient {
    return new DavClient(account, { fetch: this.#fetch, timeoutMs: this.#timeoutMs, signal: this.#quitting.signal })
  }

  async #account(input: { serverUrl: string; username: string; password?: string }): Promise<DavAccount> {
    const password = input.password ?? (await this.#passwords.read())
    if (password === null) throw new DomainError('invalid_input', 'Enter the password for the calendar account.', { password: 'Required.' })
    return { serverUrl: input.serverUrl, username: input.username, password }
  }

  async #settings(): Promise<SyncSettings> {
    const sync = this.#host.data().sync
    return {
      enabled: sync?.enabled ?? false,
      serverUrl: sync?.serverUrl ?? '',
      username: sync?.username ?? '',
      ...(sync?.collectionUrl ? { collectionUrl: sync.collectionUrl } : {}),
      ...(sync?.collectionName ? { collectionName: sync.collectionName } : {}),
      hasPassword: (await this.#passwords.read()) !== null,
      passwordStorage: this.#passwords.where,
    }
  }

  async #collections(input: { serverUrl: string; username: string; password?: string }) {
    const client = this.#client(await this.#account(input))
    try {
      const { homeUrl } = await client.discover()
      return { client, homeUrl, collections: (await client.listCollections(homeUrl)).map(({ url, name, tasks }) => ({ url, name, tasks })) }
    } catch (error) {
      refusal(error)
    }
  }

  #guardWritable(): void {
    if (this.#host.readOnly()) throw new DomainError('read_only', 'This data was saved by a newer version of Follow Through and is read-only here.')
  }

  #createHandlers(): SyncHandlers {
    return {
      getSyncSettings: () => this.#settings(),
      saveSyncSettings: async ({ password, ...input }) => {
        this.#guardWritable()
        if (password !== undefined) await this.#passwords.write(password)
        await this.#host.apply((data) => {
          const current = data.sync
          const sameLink = current && current.serverUrl === input.serverUrl && current.username === input.username && current.collectionUrl === input.collectionUrl
          const base: SyncState = sameLink ? current : { enabled: false, serverUrl: input.serverUrl, username: input.username, items: {}, flags: [], unlinked: [] }
          const next: SyncState = { ...base, enabled: input.enabled }
          if (input.collectionUrl) next.collectionUrl = input.collectionUrl
          if (input.collectionName) next.collectionName = input.collectionName
          return { ...data, sync: next }
        })
        this.#error = null
        this.#attempts = 0
        if (input.enabled) void this.sync()
        return this.#settings()
      },
      testSyncConnection: async (input) => {
        const { collections } = await this.#collections(input)
        const host = new URL(input.serverUrl).host
        const tasks = collections.filter((collection) => collection.tasks).length
        return { message: `Connected to ${host} as ${input.username}: ${countOf(tasks, 'calendar')} can hold tasks.`, collections }
      },
      listSyncCollections: async (input) => (await this.#collections(input)).collections,
      createSyncCollection: async ({ name, ...input }) => {
        const { client, homeUrl } = await this.#collections(input)
        try {
          const { url, name: created, tasks } = await client.createCollection(homeUrl, name)
          return { url, name: created, tasks }
        } catch (error) {
          refusal(error)
        }
      },
      syncNow: async () => {
        this.#attempts = 0
        await this.sync()
        return this.status()
      },
      getSyncStatus: () => this.status(),
      resolveSyncFlag: async ({ id, action }) => {
        this.#guardWritable()
        await this.#host.apply((data) => this.#resolve(data, id, action))
        void this.sync()
        return this.status()
      },
    }
  }

  #resolve(data: Data, id: string, action: 'deleteHere' | 'putBack' | 'keepMove' | 'restoreDate'): Data {
    if (!data.sync) return data
    const kind: SyncFlag['kind'] = action === 'deleteHere' || action === 'putBack' ? 'deletedInCalendar' : 'dueMovedInCalendar'
    const sync = { ...data.sync, flags: data.sync.flags.filter((flag) => !(flag.id === id && flag.kind === kind)) }
    let next: Data = { ...data, sync }
    if (action === 'deleteHere') next = { ...next, followUps: next.followUps.filter((f) => f.id !== id) }
    if (action === 'restoreDate') {
      const followUp = next.followUps.find((f) => f.id === id)
      const moved = followUp?.history.findLast((event) => event.type === 'rescheduled')
      if (followUp && moved?.type === 'rescheduled') {
        const allDay = followUp.allDay
        next = rescheduleFollowUp(next, id, { dueAt: moved.from.dueAt, allDay, targetAt: moved.from.targetAt, toldClient: false }, this.#host.now())
      }
    }
    return next
  }
}
