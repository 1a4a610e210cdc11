import { join } from 'node:path'
import { diffData, isEmptyChange, type DataChange } from '../core/dataDiff'
import { DomainError } from '../core/errors'
import type { Data } from '../core/schema'
import { APP_VERSION } from './appVersion'
import { backUpBeforeReplace } from './backups'
import { invalidChangeReason } from './changeCheck'
import { noteWritten, sha256InSlices } from './checksum'
import { DataFileWatch } from './dataFileWatch'
import { diskRefusal } from './diskRefusal'
import { removeLeftoverTempFiles, writeFileDurably } from './durableWrite'
import { nodeFs, syncDirectory, type StoreFs } from './fsLayer'
import { appendJournal, COMPACTING_JOURNAL_FILE_NAME, JOURNAL_FILE_NAME, JournalWriter } from './journal'
import { lockDataFolder, type DataFolderLock } from './lock'
import { openDataFile, replayJournals } from './openData'
import { invalidDataReason, serializeInSlices } from './snapshot'

export const DATA_FILE_NAME = 'follow-through.json'

export interface StoreOptions {
  dataDir: string
  /** Who holds the lock, shown to a second instance: "desktop app" or "browser mode". */
  app: string
  now?: () => Date
  /** The file system (tests watch its fsyncs or make it refuse). */
  fs?: StoreFs
  /** Written into the checksum note; a note from another version is not trusted. */
  appVersion?: string
  /** The journal is folded into the data file once it holds this many bytes… */
  compactAfterBytes?: number
  /** …or its oldest entry is this old. */
  compactAfterMs?: number
  /** After a failed save, saving is tried again this much later. */
  retryAfterMs?: number
  /**
   * @deprecated Ignored: a change is written at once, and the changes that arrive
   * meanwhile share the next write. Still accepted so callers on other branches
   * keep compiling; drop it once none passes it.
   */
  writeDelayMs?: number
}

interface Waiter {
  resolve(): void
  reject(error: Error): void
}

const settled = <T>(promise: Promise<T>): Promise<T> => {
  // Marked handled: a caller that ignores the promise gets no unhandled rejection; one that awaits still sees it.
  promise.catch(() => {})
  return promise
}

/**
 * The one owner of follow-through.json. It holds the folder lock and the data in
 * memory. A change is acknowledged once it is durable: it is appended to the
 * journal and fsynced, and every change that arrives while a write is under way
 * shares the next write (group commit), so saving a change costs the change.
 * The journal is folded into the data file in the background, and at close, so
 * after a clean close follow-through.json alone holds everything.
 */
export class Store {
  readonly notices: string[]
  readonly file: string
  readonly dataDir: string
  readonly #fs: StoreFs
  readonly #now: () => Date
  readonly #appVersion: string
  readonly #lock: DataFolderLock | null
  readonly #readOnly: string | null
  readonly #compactAfterBytes: number
  readonly #compactAfterMs: number
  readonly #retryAfterMs: number
  #data: Data
  #journal: JournalWriter
  readonly #watch: DataFileWatch
  #mustWriteWhole: boolean
  #compactingJournal: boolean
  #pending: DataChange[] = []
  #waiters: Waiter[] = []
  /** Every write runs in this queue, one at a time; the changes waiting meanwhile form the next group. */
  #queue: Promise<void> = Promise.resolve()
  #groupQueued: Promise<void> | null = null
  /** A background compaction writing the data file: the queue leaves the file alone meanwhile. */
  #compaction: Promise<void> | null = null
  #compactTimer: ReturnType<typeof setTimeout> | null = null
  #retryTimer: ReturnType<typeof setTimeout> | null = null
  #failing = false
  #closed = false
  #writeErrorListeners = new Set<(error: Error | null) => void>()
  #noticeListeners = new Set<(notice: string) => void>()

  private constructor(init: {
    options: StoreOptions
    fs: StoreFs
    lock: DataFolderLock | null
    data: Data
    readOnly: string | null
    notices: string[]
    journalBytes: number
    compacting: boolean
    mustWriteWhole: boolean
  }) {
    const { options } = init
    this.dataDir = options.dataDir
    this.file = join(options.dataDir, DATA_FILE_NAME)
    this.#fs = init.fs
    this.#now = options.now ?? (() => new Date())
    this.#appVersion = options.appVersion ?? APP_VERSION
    this.#compactAfterBytes = options.compactAfterBytes ?? 8 * 1024 * 1024
    this.#compactAfterMs = options.compactAfterMs ?? 5 * 60_000
    this.#retryAfterMs = options.retryAfterMs ?? 5_000
    this.#lock = init.lock
    this.#data = init.data
    this.#readOnly = init.readOnly
    this.notices = init.notices
    this.#journal = new JournalWriter(init.fs, join(options.dataDir, JOURNAL_FILE_NAME), init.journalBytes)
    this.#compactingJournal = init.compacting
    this.#mustWriteWhole = init.mustWriteWhole
    this.#watch = new DataFileWatch(init.fs, this.file, this.#now, (notice) => this.#notify(notice))
    if (init.journalBytes > 0 || init.compacting) this.#armCompactTimer()
  }

  static async open(options: StoreOptions): Promise<Store> {
    const fs = options.fs ?? nodeFs
    const now = options.now ?? (() => new Date())
    let lock: DataFolderLock
    try {
      await fs.mkdir(options.dataDir, { recursive: true })
      lock = await lockDataFolder(options.dataDir, options.app, fs)
    } catch (error) {
      const refusal = diskRefusal(error, options.dataDir)
      if (refusal) return Store.#openReadOnly(options, fs, refusal)
      throw error
    }
    try {
      const file = join(options.dataDir, DATA_FILE_NAME)
      await removeLeftoverTempFiles(file, fs)
      const opened = await openDataFile(fs, file, options.dataDir, now(), options.appVersion ?? APP_VERSION)
      // A newer app's journal is left for it: this version only reads its data file.
      const replayed = opened.readOnly ? null : await replayJournals(fs, options.dataDir, opened.data, now())
      const store = new Store({
        options,
        fs,
        lock,
        data: replayed?.data ?? opened.data,
        readOnly: opened.readOnly,
        notices: [...opened.notices, ...(replayed?.notices ?? [])],
        journalBytes: replayed?.journalBytes ?? 0,
        compacting: replayed?.compacting ?? false,
        mustWriteWhole: replayed?.mustCompact ?? false,
      })
      if (opened.hash !== null) await store.#watch.remember(opened.hash)
      if (replayed?.mustCompact) await store.compact()
      return store
    } catch (error) {
      await lock.release()
      const refusal = diskRefusal(error, options.dataDir)
      if (refusal) return Store.#openReadOnly(options, fs, refusal)
      throw error
    }
  }

  /** The disk refuses writes: show what is there, change nothing, and say what to do. */
  static async #openReadOnly(options: StoreOptions, fs: StoreFs, refusal: string): Promise<Store> {
    const now = options.now ?? (() => new Date())
    const file = join(options.dataDir, DATA_FILE_NAME)
    const opened = await openDataFile(fs, file, options.dataDir, now(), options.appVersion ?? APP_VERSION, false)
    const replayed = opened.readOnly ? null : await replayJournals(fs, options.dataDir, opened.data, now(), false)
    return new Store({
      options,
      fs,
      lock: null,
      data: replayed?.data ?? opened.data,
      readOnly: refusal,
      notices: [refusal, ...opened.notices],
      journalBytes: 0,
      compacting: false,
      mustWriteWhole: false,
    })
  }

  get data(): Data {
    return this.#data
  }

  get readOnly(): boolean {
    return this.#readOnly !== null
  }

  /** Refuses, in words, any change to data this app cannot write (a newer version's, or a disk that refuses). */
  assertWritable(): void {
    if (this.#readOnly !== null) throw new DomainError('read_only', this.#readOnly)
    // A change after close would bring back the lock and journal of an app that has quit.
    if (this.#closed) throw new DomainError('storage', 'Follow Through is closing its data file; this change was not saved.')
  }

  /**
   * Replaces the data in memory at once; resolves once the change is on disk
   * (fsynced), rejects if the disk refuses (the change stays in memory and
   * saving is retried). `change` is what differs from the current data; it is
   * worked out when not given. A change the app could not read back (a broken
   * record) is refused here, before anything is replaced.
   */
  update(next: Data, change: DataChange = diffData(this.#data, next)): Promise<void> {
    this.assertWritable()
    if (isEmptyChange(change)) {
      this.#data = next
      return Promise.resolve()
    }
    const reason = invalidChangeReason(change)
    if (reason !== null) throw new DomainError('invalid_input', `This change cannot be saved (${reason}). Nothing was changed.`)
    this.#data = next
    this.#pending.push(change)
    const saved = settled(new Promise<void>((resolve, reject) => this.#waiters.push({ resolve, reject })))
    this.#queueGroup()
    return saved
  }

  /** Resolves once every change so far is on disk; rejects, with the data kept in memory, if the disk refuses. */
  flush(): Promise<void> {
    if (this.#pending.length > 0 || this.#mustWriteWhole) return this.#queueGroup()
    return this.#queue.catch(() => {})
  }

  /** Folds the journal into the data file now (flushing first): follow-through.json then holds everything. */
  async compact(): Promise<void> {
    await this.flush()
    await this.#enqueue(() => this.#foldIn())
  }

  /** Hears about failed saves (an error) and the recovery after one (null). */
  onWriteError(listener: (error: Error | null) => void): () => void {
    this.#writeErrorListeners.add(listener)
    return () => this.#writeErrorListeners.delete(listener)
  }

  /** Hears about things the person should know that happened while running (a file changed by another program). */
  onNotice(listener: (notice: string) => void): () => void {
    this.#noticeListeners.add(listener)
    return () => this.#noticeListeners.delete(listener)
  }

  /** Saves everything into the data file and releases the folder lock. The lock is kept if the final write fails. */
  async close(): Promise<void> {
    this.#clearTimers()
    if (this.#readOnly === null) {
      await this.flush()
      await this.#compaction
      if (this.#journal.bytes > 0 || this.#compactingJournal || this.#mustWriteWhole) await this.#enqueue(() => this.#foldIn())
      await this.#journal.close()
    }
    await this.#lock?.release()
    this.#closed = true
  }

  #enqueue(job: () => Promise<void>): Promise<void> {
    this.#queue = settled(this.#queue.catch(() => {}).then(job))
    return this.#queue
  }

  /** One group write queued at a time: every change arriving before it starts goes into it. */
  #queueGroup(): Promise<void> {
    this.#groupQueued ??= this.#enqueue(() => {
      this.#groupQueued = null
      return this.#saveGroup()
    })
    return this.#groupQueued
  }

  async #saveGroup(): Promise<void> {
    const changes = this.#pending.splice(0)
    const waiters = this.#waiters.splice(0)
    if (changes.length === 0 && !this.#mustWriteWhole) return
    try {
      await this.#checkBeforeSave()
      if (this.#mustWriteWhole) await this.#writeWhole()
      else await this.#journal.append(changes)
    } catch (cause) {
      this.#pending.unshift(...changes)
      const error = this.#failed(cause)
      for (const waiter of waiters) waiter.reject(error)
      throw error
    }
    this.#recovered()
    for (const waiter of waiters) waiter.resolve()
    if (this.#journal.bytes >= this.#compactAfterBytes) this.#startCompaction()
    else this.#armCompactTimer()
  }

  /**
   * One writer, for real: the lock must still be ours (put back if the folder was
   * deleted) and the data file the one we last wrote. A file changed by another
   * program is kept aside, never overwritten, and ours is written whole.
   */
  async #checkBeforeSave(): Promise<void> {
    if (this.#lock && !(await this.#lock.isOurs())) {
      await this.#fs.mkdir(this.dataDir, { recursive: true })
      await this.#lock.recreate()
    }
    // A compaction is replacing the file right now; it does this check itself.
    if (this.#compaction) return
    if (!(await this.#watch.isOurs())) this.#mustWriteWhole = true
  }

  #foldIn(): Promise<void> {
    return this.#writeWhole().then(
      () => this.#recovered(),
      (cause) => {
        throw this.#failed(cause)
      },
    )
  }

  /** Writes all the data into the data file and empties the journals. Runs in the queue, never beside a compaction. */
  async #writeWhole(): Promise<void> {
    await this.#compaction
    await this.#checkBeforeSave()
    const data = this.#data
    await this.#replaceDataFile(data)
    await this.#journal.close()
    await this.#fs.rm(this.#journal.path, { force: true })
    await this.#fs.rm(join(this.dataDir, COMPACTING_JOURNAL_FILE_NAME), { force: true })
    await syncDirectory(this.#fs, this.dataDir)
    this.#journal = new JournalWriter(this.#fs, this.#journal.path, 0)
    this.#compactingJournal = false
    this.#mustWriteWhole = false
    this.#clearCompactTimer()
  }

  /** The data checked against the format, then written durably after a backup of what it replaces. */
  async #replaceDataFile(data: Data): Promise<void> {
    const reason = await invalidDataReason(data)
    if (reason !== null) throw new DomainError('storage', `The data no longer matches its format (${reason}), so it was not written over ${DATA_FILE_NAME}.`)
    const pieces = await serializeInSlices(data)
    if (this.#watch.known) await backUpBeforeReplace(this.file, this.dataDir, this.#now(), this.#fs)
    await writeFileDurably(this.file, pieces, this.#fs)
    const hash = await sha256InSlices(pieces)
    await this.#watch.remember(hash)
    await noteWritten(this.file, hash, this.#fs, this.#appVersion).catch(() => {})
  }

  /**
   * Folds the journal into the data file without holding up saves: the journal is
   * renamed (saves go on into a fresh one), then the data as it is now is written
   * beside them. A crash at any point leaves the data file (old or new) plus both
   * journals, and replaying them over either gives the same data.
   */
  #startCompaction(): void {
    if (this.#compaction || this.#readOnly !== null) return
    this.#clearCompactTimer()
    void this.#enqueue(async () => {
      if (this.#compaction) return
      if (this.#mustWriteWhole) return this.#writeWhole()
      await this.#journal.close()
      const compacting = join(this.dataDir, COMPACTING_JOURNAL_FILE_NAME)
      // An earlier compaction did not finish (a crash, a full disk): the active journal joins its journal, to be folded in with it.
      if (this.#compactingJournal) await appendJournal(this.#fs, this.#journal.path, compacting)
      else await this.#fs.rename(this.#journal.path, compacting)
      await syncDirectory(this.#fs, this.dataDir)
      this.#compactingJournal = true
      this.#journal = new JournalWriter(this.#fs, this.#journal.path, 0)
      this.#compaction = this.#compactInBackground(this.#data).finally(() => (this.#compaction = null))
    }).catch((cause) => this.#failed(cause))
  }

  async #compactInBackground(snapshot: Data): Promise<void> {
    try {
      await this.#watch.isOurs()
      await this.#replaceDataFile(snapshot)
      await this.#fs.rm(join(this.dataDir, COMPACTING_JOURNAL_FILE_NAME), { force: true })
      await syncDirectory(this.#fs, this.dataDir)
      this.#compactingJournal = false
    } catch (cause) {
      // Nothing acknowledged is at risk: it is all in the journals. The next compaction folds it in.
      this.#failed(cause)
    }
  }

  #armCompactTimer(): void {
    if (this.#compactTimer || this.#readOnly !== null) return
    this.#compactTimer = setTimeout(() => {
      this.#compactTimer = null
      this.#startCompaction()
    }, this.#compactAfterMs)
    this.#compactTimer.unref?.()
  }

  #clearCompactTimer(): void {
    if (this.#compactTimer) clearTimeout(this.#compactTimer)
    this.#compactTimer = null
  }

  #clearTimers(): void {
    this.#clearCompactTimer()
    if (this.#retryTimer) clearTimeout(this.#retryTimer)
    this.#retryTimer = null
  }

  #failed(cause: unknown): DomainError {
    this.#failing = true
    this.#retryTimer ??= setTimeout(() => {
      this.#retryTimer = null
      this.flush().catch(() => {})
    }, this.#retryAfterMs)
    this.#retryTimer.unref?.()
    const error = new DomainError('storage', `Could not save your changes to ${this.file}: ${(cause as Error).message}. They are kept in memory and saving will be retried.`)
    for (const listener of this.#writeErrorListeners) listener(error)
    return error
  }

  #recovered(): void {
    if (!this.#failing) return
    this.#failing = false
    for (const listener of this.#writeErrorListeners) listener(null)
  }

  #notify(notice: string): void {
    this.notices.push(notice)
    for (const listener of this.#noticeListeners) listener(notice)
  }
}
