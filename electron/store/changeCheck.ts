import { z } from 'zod'
import { Contact, FollowUp, Settings, SyncState } from '../core/schema'

/** A change is checked record by record: its cost grows with the change, not with the data. */
const ChangeSchema = z.object({
  followUps: z.object({ put: z.array(FollowUp), removed: z.array(z.string()) }),
  contacts: z.object({ put: z.array(Contact), removed: z.array(z.string()) }),
  settings: Settings.optional(),
  sync: SyncState.nullable().optional(),
})

/**
 * Why a change would make the data file unopenable, in words, or null if it is
 * fine. Checked before a change is accepted, so nothing the app could not read
 * back is ever written (a date past 9999, a broken record from a bug).
 */
export function invalidChangeReason(change: unknown): string | null {
  const parsed = ChangeSchema.safeParse(change)
  if (parsed.success) return null
  const [issue] = parsed.error.issues
  return `${issue.path.join('.')}: ${issue.message}`
}
