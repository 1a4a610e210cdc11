import { z } from 'zod'
import { migrate } from '../core/migrations'
import { CURRENT_SCHEMA_VERSION, Data } from '../core/schema'

export type Decoded =
  | { ok: true; data: Data; migratedFrom?: number; newerVersion?: number }
  | { ok: false; reason: string }

/** Data from a newer app: read what this version understands, change nothing. */
const NewerData = Data.extend({ schemaVersion: z.number() })

function describeIssue(error: z.ZodError): string {
  const [issue] = error.issues
  return `${issue.path.join('.') || 'file'}: ${issue.message}`
}

/**
 * Turns the file's text into valid current data, or says in words why it cannot.
 * `trusted` text is exactly what this app version wrote (see checksum.ts): it is
 * parsed without re-validating each follow-up.
 */
export function decodeDataFile(text: string, trusted = false): Decoded {
  if (text.trim() === '') return { ok: false, reason: 'the file is empty' }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    return { ok: false, reason: `the file is not valid JSON (${(error as Error).message})` }
  }
  if (trusted && (raw as { schemaVersion?: unknown } | null)?.schemaVersion === CURRENT_SCHEMA_VERSION) return { ok: true, data: raw as Data }
  let outcome
  try {
    outcome = migrate(raw)
  } catch (error) {
    return { ok: false, reason: (error as Error).message }
  }
  const schema = outcome.kind === 'newer' ? NewerData : Data
  const parsed = schema.safeParse(outcome.raw)
  if (!parsed.success) return { ok: false, reason: `the data does not match the expected format (${describeIssue(parsed.error)})` }
  const data = parsed.data as Data
  if (outcome.kind === 'newer') return { ok: true, data, newerVersion: outcome.version }
  if (outcome.kind === 'migrated') return { ok: true, data, migratedFrom: outcome.from }
  return { ok: true, data }
}
