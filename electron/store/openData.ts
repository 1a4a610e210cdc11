import { join } from 'node:path'
import { format } from 'date-fns'
import { DomainError } from '../core/errors'
import { applyChange, type DataChange } from '../core/dataDiff'
import { CURRENT_SCHEMA_VERSION, emptyData, type Data } from '../core/schema'
import { newestValidBackup } from './backups'
import { isUnchangedSinceWritten, sha256 } from './checksum'
import { decodeDataFile } from './decode'
import { writeFileDurably } from './durableWrite'
import { errorCode, type StoreFs } from './fsLayer'
import { COMPACTING_JOURNAL_FILE_NAME, JOURNAL_FILE_NAME, readJournal, truncateJournal } from './journal'
import { mergeChanges } from './mergeChanges'

export interface OpenedFile {
  data: Data
  /** Hash of the data file as it is on disk and ours to replace; null if there is none yet or it must be rewritten whole (an upgrade). */
  hash: string | null
  /** Why the data cannot be changed here, in words; null if it can. */
  readOnly: string | null
  notices: string[]
}

async function readText(fs: StoreFs, file: string): Promise<string | null> {
  try {
    return await fs.readFile(file, 'utf8')
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null
    throw new DomainError('storage', `Could not read ${file}: ${(error as Error).message}`)
  }
}

const backupDay = (path: string) => path.match(/(\d{4}-\d{2}-\d{2})\.json$/)?.[1] ?? 'an earlier day'
const newerNotice = (version: number) =>
  `This data was saved by a newer version of Follow Through (format ${version}). It is shown read-only; update the app to make changes.`
export const NEWER_VERSION_READ_ONLY = 'This data was saved by a newer version of Follow Through and is read-only here.'

/**
 * Reads the data file, recovering from damage without ever overwriting it.
 * `writable` false (the disk refuses writes) reads only: no backup is restored.
 */
export async function openDataFile(fs: StoreFs, file: string, dataDir: string, now: Date, appVersion: string, writable = true): Promise<OpenedFile> {
  const text = await readText(fs, file)
  if (text === null) {
    const backup = writable ? await newestValidBackup(dataDir, fs) : null
    if (!backup) return { data: emptyData(), hash: null, readOnly: null, notices: [] }
    await writeFileDurably(file, backup.text, fs)
    return {
      data: backup.decoded.data,
      hash: sha256(backup.text),
      // A newer app's backup stays read-only, like its data file: never rewritten without the fields it added.
      readOnly: backup.decoded.newerVersion !== undefined ? NEWER_VERSION_READ_ONLY : null,
      notices: [`${file} was missing, so the backup from ${backupDay(backup.path)} was restored.`],
    }
  }
  const hash = sha256(text)
  const decoded = decodeDataFile(text, await isUnchangedSinceWritten(file, hash, fs, appVersion))
  if (decoded.ok) {
    if (decoded.newerVersion !== undefined) {
      return { data: decoded.data, hash, readOnly: NEWER_VERSION_READ_ONLY, notices: [newerNotice(decoded.newerVersion)] }
    }
    if (decoded.migratedFrom !== undefined) {
      if (writable) await fs.writeFile(join(dataDir, `follow-through.before-format-${decoded.migratedFrom}-upgrade.json`), text, { flag: 'wx' }).catch(() => {})
      return { data: decoded.data, hash: null, readOnly: null, notices: [] }
    }
    return { data: decoded.data, hash, readOnly: null, notices: [] }
  }
  const backup = await newestValidBackup(dataDir, fs)
  if (!backup) {
    throw new DomainError(
      'storage',
      `Follow Through cannot open ${file}: ${decoded.reason}. No valid backup was found, so the app will not start ` +
        `rather than risk your data. Repair or move the file aside, then start again.`,
    )
  }
  if (!writable) {
    return {
      data: backup.decoded.data,
      hash: null,
      readOnly: null,
      notices: [`Your data file is damaged (${decoded.reason}); the backup from ${backupDay(backup.path)} is shown instead.`],
    }
  }
  const asideName = `follow-through.corrupt-${format(now, "yyyyMMdd'T'HHmmss")}.json`
  await fs.rename(file, join(dataDir, asideName))
  await writeFileDurably(file, backup.text, fs)
  return {
    data: backup.decoded.data,
    hash: sha256(backup.text),
    readOnly: backup.decoded.newerVersion !== undefined ? NEWER_VERSION_READ_ONLY : null,
    notices: [
      `Your data file was damaged (${decoded.reason}). It was kept as ${asideName} and the backup from ` +
        `${backupDay(backup.path)} was restored; changes made since then may be missing.`,
    ],
  }
}

export interface Replayed {
  data: Data
  /** Bytes of good lines in the active journal: appends continue there. */
  journalBytes: number
  /** A compaction was cut short: its journal is still there. */
  compacting: boolean
  /** The journal could not be kept as it is (damage, another format): fold everything into the data file now. */
  mustCompact: boolean
  notices: string[]
}

/**
 * Replays the journals (the one a compaction was folding in, then the active
 * one) over the data read from the file. A change's records are whole, so
 * replaying one the file already holds changes nothing. A torn last line, a
 * change never acknowledged, is cut off; `writable` false only reads.
 */
export async function replayJournals(fs: StoreFs, dataDir: string, data: Data, now: Date, writable = true): Promise<Replayed> {
  const result: Replayed = { data, journalBytes: 0, compacting: false, mustCompact: false, notices: [] }
  const changes: DataChange[] = []
  for (const name of [COMPACTING_JOURNAL_FILE_NAME, JOURNAL_FILE_NAME]) {
    const path = join(dataDir, name)
    const journal = await readJournal(fs, path)
    const usable = journal.groups.filter((group) => group.v === CURRENT_SCHEMA_VERSION)
    for (const group of usable) changes.push(...group.changes)
    const exists = journal.goodBytes > 0 || journal.hasTail
    if (name === COMPACTING_JOURNAL_FILE_NAME) result.compacting = exists
    else result.journalBytes = journal.goodBytes
    if (!writable || !exists) continue
    if (journal.damaged || usable.length < journal.groups.length) {
      // Kept whole for whoever can read it; everything before the bad line is in the data now.
      const asideName = `${name}.unreadable-${format(now, "yyyyMMdd'T'HHmmss")}`
      await fs.copyFile(path, join(dataDir, asideName))
      result.mustCompact = true
      result.notices.push(
        `Part of the change journal could not be read, so the changes saved after ${usable.length} entries may be missing. ` +
          `The journal was kept as ${asideName}.`,
      )
    } else if (journal.hasTail && name === JOURNAL_FILE_NAME) {
      await truncateJournal(fs, path, journal.goodBytes)
    }
  }
  // Applied as one change: a replay walks the data once, however long the journal.
  if (changes.length > 0) result.data = applyChange(data, mergeChanges(changes))
  return result
}
