import { createHash } from 'node:crypto'
import { setImmediate as yieldToEvents } from 'node:timers/promises'
import { CURRENT_SCHEMA_VERSION } from '../core/schema'
import { APP_VERSION } from './appVersion'
import { nodeFs, type StoreFs } from './fsLayer'

/**
 * A note, beside the data file, of the exact text this app version last wrote
 * (already validated, since every change is). If the file still hashes to it,
 * opening can skip re-validating every follow-up, which at 10k follow-ups costs
 * more than reading the file. Any other edit, a stale or lost note, or a note
 * written by another app version or format means a full validation: the note can
 * only make opening faster, never less safe.
 */
export const CHECKSUM_FILE_SUFFIX = '.checksum'

interface Note {
  appVersion: string
  schemaVersion: number
  sha256: string
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/** The sha256 of the pieces joined, hashed one piece between yields: hashing 100 MB at once would block the process. */
export async function sha256InSlices(pieces: readonly string[]): Promise<string> {
  const hash = createHash('sha256')
  for (const piece of pieces) {
    hash.update(piece)
    await yieldToEvents()
  }
  return hash.digest('hex')
}

export async function isUnchangedSinceWritten(file: string, hash: string, fs: StoreFs = nodeFs, appVersion = APP_VERSION): Promise<boolean> {
  try {
    const note = JSON.parse(await fs.readFile(file + CHECKSUM_FILE_SUFFIX, 'utf8')) as Note
    return note.appVersion === appVersion && note.schemaVersion === CURRENT_SCHEMA_VERSION && note.sha256 === hash
  } catch {
    return false
  }
}

/** Written after the data is safely on disk; losing it in a crash only costs one slower open. */
export async function noteWritten(file: string, hash: string, fs: StoreFs = nodeFs, appVersion = APP_VERSION): Promise<void> {
  const note: Note = { appVersion, schemaVersion: CURRENT_SCHEMA_VERSION, sha256: hash }
  await fs.writeFile(file + CHECKSUM_FILE_SUFFIX, JSON.stringify(note))
}
