import { setImmediate as yieldToEvents } from 'node:timers/promises'
import { Contact, CURRENT_SCHEMA_VERSION, FollowUp, Settings, type Data } from '../core/schema'

/** Records handled between two yields to the event loop: a few milliseconds of work. */
const SLICE = 2_000

/**
 * Why the data would not open again, in words, or null. The whole-data check
 * before a compaction, done in slices so that at 100k follow-ups replies and
 * journal writes keep flowing while it runs.
 */
export async function invalidDataReason(data: Data): Promise<string | null> {
  if (data.schemaVersion !== CURRENT_SCHEMA_VERSION) return `schemaVersion: expected ${CURRENT_SCHEMA_VERSION}`
  const settings = Settings.safeParse(data.settings)
  if (!settings.success) return `settings: ${settings.error.issues[0].message}`
  for (const [name, schema, records] of [
    ['followUps', FollowUp, data.followUps],
    ['contacts', Contact, data.contacts],
  ] as const) {
    for (let i = 0; i < records.length; i++) {
      const parsed = schema.safeParse(records[i])
      if (!parsed.success) return `${name}.${i}.${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message}`
      if (i % SLICE === SLICE - 1) await yieldToEvents()
    }
  }
  return null
}

/**
 * JSON.stringify(data), byte for byte, as pieces to be hashed and written one
 * after another, each built between yields for the same reason. (One
 * JSON.stringify of 100k follow-ups blocks the process for a third of a second,
 * and so would joining the pieces, or hashing or encoding the joined text.)
 */
export async function serializeInSlices(data: Data): Promise<string[]> {
  const pieces: string[] = []
  let separator = '{'
  for (const [key, value] of Object.entries(data)) {
    if (value === undefined) continue
    if (!Array.isArray(value)) {
      pieces.push(`${separator}${JSON.stringify(key)}:${JSON.stringify(value)}`)
    } else {
      pieces.push(`${separator}${JSON.stringify(key)}:[`)
      for (let start = 0; start < value.length; start += SLICE) {
        const items = value.slice(start, start + SLICE).map((item) => JSON.stringify(item) ?? 'null')
        pieces.push(`${start > 0 ? ',' : ''}${items.join(',')}`)
        await yieldToEvents()
      }
      pieces.push(']')
    }
    separator = ','
  }
  pieces.push(separator === '{' ? '{}' : '}')
  return pieces
}
