import { basename, dirname, join } from 'node:path'
import { format } from 'date-fns'
import { sha256 } from './checksum'
import { errorCode, type StoreFs } from './fsLayer'

/** What the data file on disk was when the store last wrote or read it. */
interface FileIdentity {
  size: number
  mtimeMs: number
  hash: string
}

/**
 * Tells whether the data file on disk is still the one the store last wrote
 * (size and time, then contents), so another program's edit is never written
 * over: a changed file is kept aside as follow-through.conflict-<time>.json.
 */
export class DataFileWatch {
  readonly #fs: StoreFs
  readonly #file: string
  readonly #now: () => Date
  readonly #notify: (notice: string) => void
  #onDisk: FileIdentity | null = null

  constructor(fs: StoreFs, file: string, now: () => Date, notify: (notice: string) => void) {
    this.#fs = fs
    this.#file = file
    this.#now = now
    this.#notify = notify
  }

  /** Whether a file of ours is on disk (else the next save writes the data whole, with no backup of what is there). */
  get known(): boolean {
    return this.#onDisk !== null
  }

  /** Records the file just written (or read) with contents hashing to `hash`. */
  async remember(hash: string): Promise<void> {
    const { size, mtimeMs } = await this.#fs.stat(this.#file)
    this.#onDisk = { size, mtimeMs, hash }
  }

  /** True if the file is the one remembered; otherwise false, after keeping a changed file aside and saying so. */
  async isOurs(): Promise<boolean> {
    if (this.#onDisk === null) return false
    const name = basename(this.#file)
    let now: { size: number; mtimeMs: number }
    try {
      now = await this.#fs.stat(this.#file)
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error
      this.#onDisk = null
      this.#notify(`${name} was deleted by another program while Follow Through was running; it was saved again.`)
      return false
    }
    if (now.size === this.#onDisk.size && now.mtimeMs === this.#onDisk.mtimeMs) return true
    // Touched, maybe rewritten with the same bytes: only the contents decide.
    const hash = sha256(await this.#fs.readFile(this.#file, 'utf8'))
    if (hash === this.#onDisk.hash) {
      this.#onDisk = { ...now, hash }
      return true
    }
    const keptAs = await this.#keepAside()
    this.#onDisk = null
    this.#notify(`${name} was changed by another program; it was kept as ${keptAs}, and Follow Through saved its own data as ${name}. Open either file to compare.`)
    return false
  }

  /** Moves the changed file aside under a name of its own: a hard link refuses to replace, so nothing is overwritten. */
  async #keepAside(): Promise<string> {
    const stamp = format(this.#now(), "yyyyMMdd'T'HHmmss")
    for (let n = 1; ; n++) {
      const name = `follow-through.conflict-${stamp}${n > 1 ? `-${n}` : ''}.json`
      try {
        await this.#fs.link(this.#file, join(dirname(this.#file), name))
      } catch (error) {
        if (errorCode(error) === 'EEXIST') continue
        throw error
      }
      await this.#fs.rm(this.#file, { force: true })
      return name
    }
  }
}
