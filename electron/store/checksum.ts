import { createHash } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { CURRENT_SCHEMA_VERSION } from '../core/schema'

/**
 * A note, beside the data file, of the exact text this app version last wrote
 * (already validated, since every change is). If the file still hashes to it,
 * opening can skip re-validating every follow-up, which at 10k follow-ups costs
 * more than reading the file. Any other edit, or a stale or lost note, means a
 * full validation: the note can only make opening faster, never less safe.
 */
export const CHECKSUM_FILE_SUFFIX = '.checksum'

interface Note {
  schemaVersion: number
  sha256: string
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

export async function isUnchangedSinceWritten(file: string, text: string): Promise<boolean> {
  try {
    const note = JSON.parse(await readFile(file + CHECKSUM_FILE_SUFFIX, 'utf8')) as Note
    return note.schemaVersion === CURRENT_SCHEMA_VERSION && note.sha256 === sha256(text)
  } catch {
    return false
  }
}

/** Written after the data is safely on disk; losing it in a crash only costs one slower open. */
export async function noteWritten(file: string, text: string): Promise<void> {
  const note: Note = { schemaVersion: CURRENT_SCHEMA_VERSION, sha256: sha256(text) }
  await writeFile(file + CHECKSUM_FILE_SUFFIX, JSON.stringify(note))
}
