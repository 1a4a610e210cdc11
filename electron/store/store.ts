import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { format } from 'date-fns'
import { Low, type Adapter } from 'lowdb'
import { DomainError } from '../core/errors'
import { emptyData, type Data } from '../core/schema'
import { backUpBeforeReplace, newestValidBackup } from './backups'
import { isUnchangedSinceWritten, noteWritten } from './checksum'
import { decodeDataFile } from './decode'
import { removeLeftoverTempFiles, writeFileDurably } from './durableWrite'
import { lockDataFolder, type DataFolderLock } from './lock'

export const DATA_FILE_NAME = 'follow-through.json'

const RETRY_AFTER_FAILED_WRITE_MS = 5_000

export interface StoreOptions {
  dataDir: string
  /** Who holds the lock, shown to a second instance: "desktop app" or "browser mode". */
  app: string
  now?: () => Date
  /** Bursts of changes within this window become one disk write. */
  writeDelayMs?: number
}

/** lowdb adapter: compact JSON, durable replace, a daily backup of what it replaces. */
class DurableDataFile implements Adapter<Data> {
  #lastWritten: string | null = null
  readonly #file: string
  readonly #dataDir: string
  readonly #now: () => Date

  constructor(file: string, dataDir: string, now: () => Date, initialText: string | null) {
    this.#file = file
    this.#dataDir = dataDir
    this.#now = now
    this.#lastWritten = initialText
  }

  // The store decodes the file itself at open (to recover from damage), so lowdb never reads.
  async read(): Promise<Data | null> {
    return null
  }

  async write(data: Data): Promise<void> {
    const text = JSON.stringify(data)
    if (text === this.#lastWritten) return
    if (this.#lastWritten !== null) await backUpBeforeReplace(this.#file, this.#dataDir, this.#now())
    await writeFileDurably(this.#file, text)
    this.#lastWritten = text
    await noteWritten(this.#file, text).catch(() => {})
  }
}

interface Opened {
  data: Data
  text: string | null
  readOnly: boolean
  notices: string[]
}

async function readText(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw new DomainError('storage', `Could not read ${file}: ${(error as Error).message}`)
  }
}

const backupDay = (path: string) => path.match(/(\d{4}-\d{2}-\d{2})\.json$/)?.[1] ?? 'an earlier day'

/** Reads the data file, recovering from damage without ever overwriting it. */
async function openDataFile(file: string, dataDir: string, now: Date): Promise<Opened> {
  const text = await readText(file)
  if (text === null) {
    const backup = await newestValidBackup(dataDir)
    if (!backup) return { data: emptyData(), text: null, readOnly: false, notices: [] }
    await writeFileDurably(file, backup.text)
    return {
      data: backup.decoded.data,
      text: backup.text,
      // A newer app's backup stays read-only, like its data file: never rewritten without the fields it added.
      readOnly: backup.decoded.newerVersion !== undefined,
      notices: [`${file} was missing, so the backup from ${backupDay(backup.path)} was restored.`],
    }
  }
  const decoded = decodeDataFile(text, await isUnchangedSinceWritten(file, text))
  if (decoded.ok) {
    if (decoded.newerVersion !== undefined) {
      return {
        data: decoded.data,
        text,
        readOnly: true,
        notices: [`This data was saved by a newer version of Follow Through (format ${decoded.newerVersion}). It is shown read-only; update the app to make changes.`],
      }
    }
    if (decoded.migratedFrom !== undefined) {
      await writeFile(join(dataDir, `follow-through.before-format-${decoded.migratedFrom}-upgrade.json`), text, { flag: 'wx' }).catch(() => {})
      return { data: decoded.data, text: null, readOnly: false, notices: [] }
    }
    return { data: decoded.data, text, readOnly: false, notices: [] }
  }
  const backup = await newestValidBackup(dataDir)
  if (!backup) {
    throw new DomainError(
      'storage',
      `Follow Through cannot open ${file}: ${decoded.reason}. No valid backup was found, so the app will not start ` +
        `rather than risk your data. Repair or move the file aside, then start again.`,
    )
  }
  const asideName = `follow-through.corrupt-${format(now, "yyyyMMdd'T'HHmmss")}.json`
  await rename(file, join(dataDir, asideName))
  await writeFileDurably(file, backup.text)
  return {
    data: backup.decoded.data,
    text: backup.text,
    readOnly: backup.decoded.newerVersion !== undefined,
    notices: [
      `Your data file was damaged (${decoded.reason}). It was kept as ${asideName} and the backup from ` +
        `${backupDay(backup.path)} was restored; changes made since then may be missing.`,
    ],
  }
}

/**
 * The one owner of follow-through.json: holds the folder lock, keeps the data in
 * memory, and writes changes coalesced so a burst of edits costs one disk write.
 */
export class Store {
  readonly readOnly: boolean
  readonly notices: string[]
  readonly file: string
  readonly #db: Low<Data>
  readonly #lock: DataFolderLock
  readonly #writeDelayMs: number
  #timer: ReturnType<typeof setTimeout> | null = null
  #writing: Promise<void> = Promise.resolve()
  #dirty = false
  #failing = false
  #writeErrorListeners = new Set<(error: Error | null) => void>()

  private constructor(file: string, db: Low<Data>, lock: DataFolderLock, opened: Opened, writeDelayMs: number) {
    this.file = file
    this.#db = db
    this.#lock = lock
    this.readOnly = opened.readOnly
    this.notices = opened.notices
    this.#writeDelayMs = writeDelayMs
  }

  static async open(options: StoreOptions): Promise<Store> {
    const now = options.now ?? (() => new Date())
    await mkdir(options.dataDir, { recursive: true })
    const lock = await lockDataFolder(options.dataDir, options.app)
    try {
      const file = join(options.dataDir, DATA_FILE_NAME)
      await removeLeftoverTempFiles(file)
      const opened = await openDataFile(file, options.dataDir, now())
      const db = new Low<Data>(new DurableDataFile(file, options.dataDir, now, opened.text), opened.data)
      return new Store(file, db, lock, opened, options.writeDelayMs ?? 250)
    } catch (error) {
      await lock.release()
      throw error
    }
  }

  get data(): Data {
    return this.#db.data
  }

  /** Refuses, in words, any change to data from a newer app version. */
  assertWritable(): void {
    if (this.readOnly) {
      throw new DomainError('read_only', 'This data was saved by a newer version of Follow Through and is read-only here.')
    }
  }

  /** Replaces the data in memory at once and schedules the write. */
  update(next: Data): void {
    this.assertWritable()
    this.#db.data = next
    this.#dirty = true
    this.#timer ??= setTimeout(() => {
      this.#timer = null
      this.flush().catch(() => {})
    }, this.#writeDelayMs)
  }

  /** Writes pending changes now. Rejects, with the data kept in memory, if the disk refuses. */
  flush(): Promise<void> {
    if (this.#timer) {
      clearTimeout(this.#timer)
      this.#timer = null
    }
    this.#writing = this.#writing.catch(() => {}).then(() => this.#writeIfDirty())
    return this.#writing
  }

  async #writeIfDirty(): Promise<void> {
    if (!this.#dirty) return
    this.#dirty = false
    try {
      await this.#db.write()
      if (this.#failing) this.#emitWriteError(null)
      this.#failing = false
    } catch (cause) {
      this.#dirty = true
      this.#failing = true
      this.#timer ??= setTimeout(() => {
        this.#timer = null
        this.flush().catch(() => {})
      }, RETRY_AFTER_FAILED_WRITE_MS)
      const error = new DomainError('storage', `Could not save your changes to ${this.file}: ${(cause as Error).message}. They are kept in memory and saving will be retried.`)
      this.#emitWriteError(error)
      throw error
    }
  }

  /** Hears about failed saves (an error) and the recovery after one (null). */
  onWriteError(listener: (error: Error | null) => void): () => void {
    this.#writeErrorListeners.add(listener)
    return () => this.#writeErrorListeners.delete(listener)
  }

  #emitWriteError(error: Error | null): void {
    for (const listener of this.#writeErrorListeners) listener(error)
  }

  /** Flushes and releases the folder lock. The lock is kept if the final write fails. */
  async close(): Promise<void> {
    await this.flush()
    await this.#lock.release()
  }
}
