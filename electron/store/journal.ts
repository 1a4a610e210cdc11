import type { FileHandle } from 'node:fs/promises'
import { dirname } from 'node:path'
import { crc32 } from 'node:zlib'
import type { DataChange } from '../core/dataDiff'
import { CURRENT_SCHEMA_VERSION } from '../core/schema'
import { invalidChangeReason } from './changeCheck'
import { errorCode, syncDirectory, type StoreFs } from './fsLayer'

/**
 * The change journal beside follow-through.json, the way SQLite's write-ahead log
 * works: each group of changes is appended as one line and fsynced before it is
 * acknowledged; opening replays it; compaction folds it into the data file.
 *
 * A line is `<crc32 hex> <json>` with json `{"v":<format>,"changes":[DataChange…]}`.
 * A crash mid-append leaves a torn last line, which fails its checksum (or has no
 * newline) and is ignored: it was never acknowledged.
 */
export const JOURNAL_FILE_NAME = 'follow-through.journal'
/** The journal being folded into the data file by a compaction; replayed before the active one. */
export const COMPACTING_JOURNAL_FILE_NAME = 'follow-through.journal.compacting'

export interface JournalGroup {
  /** The data format the changes were written in. */
  v: number
  changes: DataChange[]
}

const checksum = (json: string) => crc32(json).toString(16).padStart(8, '0')

export function encodeGroup(changes: readonly DataChange[]): string {
  const json = JSON.stringify({ v: CURRENT_SCHEMA_VERSION, changes })
  return `${checksum(json)} ${json}\n`
}

function decodeLine(line: string): JournalGroup | null {
  const space = line.indexOf(' ')
  if (space !== 8) return null
  const json = line.slice(space + 1)
  if (checksum(json) !== line.slice(0, space)) return null
  try {
    const group = JSON.parse(json) as JournalGroup
    if (typeof group.v !== 'number' || !Array.isArray(group.changes)) return null
    // Lines of another format are returned as they are; the store decides what to do with them.
    if (group.v === CURRENT_SCHEMA_VERSION && group.changes.some((change) => invalidChangeReason(change) !== null)) return null
    return group
  } catch {
    return null
  }
}

export interface ReadJournal {
  groups: JournalGroup[]
  /** Bytes up to the end of the last good line: where the next append belongs. */
  goodBytes: number
  /** The file is longer than its good lines (a torn last line, or damage). */
  hasTail: boolean
  /** A bad line was followed by more lines: not a torn append but damage. */
  damaged: boolean
}

/** Reads a journal up to its first bad line. A missing journal is an empty one. */
export async function readJournal(fs: StoreFs, path: string): Promise<ReadJournal> {
  let bytes: Buffer
  try {
    bytes = await fs.readFile(path)
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { groups: [], goodBytes: 0, hasTail: false, damaged: false }
    throw error
  }
  const groups: JournalGroup[] = []
  let start = 0
  while (start < bytes.length) {
    const end = bytes.indexOf(0x0a, start)
    if (end < 0) break
    const group = decodeLine(bytes.toString('utf8', start, end))
    if (!group) return { groups, goodBytes: start, hasTail: true, damaged: end + 1 < bytes.length }
    groups.push(group)
    start = end + 1
  }
  return { groups, goodBytes: start, hasTail: start < bytes.length, damaged: false }
}

/** Cuts a torn last line off, so the next append starts a line of its own. */
export async function truncateJournal(fs: StoreFs, path: string, length: number): Promise<void> {
  const handle = await fs.open(path, 'r+')
  try {
    await handle.truncate(length)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/**
 * Moves the lines of journal `from` to the end of journal `to` (cutting a torn
 * tail off `to` first), durably, then removes `from`. A crash in between leaves
 * lines in both: replaying the same changes again in order changes nothing.
 */
export async function appendJournal(fs: StoreFs, from: string, to: string): Promise<void> {
  const { goodBytes } = await readJournal(fs, to)
  const { goodBytes: length } = await readJournal(fs, from)
  if (length === 0) return fs.rm(from, { force: true })
  const lines = (await fs.readFile(from)).subarray(0, length)
  const handle = await fs.open(to, 'r+')
  try {
    await handle.truncate(goodBytes)
    await handle.write(lines, 0, lines.length, goodBytes)
    await handle.sync()
  } finally {
    await handle.close()
  }
  await fs.rm(from, { force: true })
}

/** Appends groups to the active journal, each durable before append() resolves. */
export class JournalWriter {
  readonly path: string
  readonly #fs: StoreFs
  #handle: FileHandle | null = null
  #bytes: number

  constructor(fs: StoreFs, path: string, bytes = 0) {
    this.#fs = fs
    this.path = path
    this.#bytes = bytes
  }

  /** Bytes in the journal: compaction starts past a threshold. */
  get bytes(): number {
    return this.#bytes
  }

  async append(changes: readonly DataChange[]): Promise<void> {
    const handle = await this.#openHandle()
    const line = Buffer.from(encodeGroup(changes), 'utf8')
    await handle.write(line, 0, line.length)
    // datasync: the data and the new length, which is all a replay needs.
    await handle.datasync()
    this.#bytes += line.length
  }

  /** Opens the journal, again if someone deleted it under us (appends to a deleted file would vanish). */
  async #openHandle(): Promise<FileHandle> {
    if (this.#handle && (await this.#handle.stat()).nlink > 0) return this.#handle
    await this.close()
    const existed = await this.#fs.stat(this.path).then(
      () => true,
      () => false,
    )
    const handle = await this.#fs.open(this.path, 'a')
    if (!existed) {
      this.#bytes = 0
      // The new file's name must survive a power loss too.
      await syncDirectory(this.#fs, dirname(this.path)).catch(async (error) => {
        await handle.close().catch(() => {})
        throw error
      })
    } else {
      this.#bytes = (await handle.stat()).size
    }
    this.#handle = handle
    return handle
  }

  async close(): Promise<void> {
    const handle = this.#handle
    this.#handle = null
    await handle?.close().catch(() => {})
  }
}
