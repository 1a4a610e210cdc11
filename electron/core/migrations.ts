import { DomainError } from './errors'
import { CURRENT_SCHEMA_VERSION, DEFAULT_SETTINGS } from './schema'
import { defaultTargetAt } from './targets'

/**
 * Each migration turns version N's raw JSON into version N+1's. They are pure,
 * take unvalidated input and never drop a field they do not understand.
 */
type Migration = (raw: Record<string, unknown>) => Record<string, unknown>

interface FollowUpV1 {
  id: string
  title: string
  client: string
  createdAt: string
  dueAt: string
  completedAt?: string
  notes?: string
}

/** Version 1 knew a client only by name and had one date per follow-up. */
const v1ToV2: Migration = (raw) => {
  const followUps = (raw.followUps as FollowUpV1[]).map((old) => ({
    ...old,
    client: { name: old.client },
    channel: 'other',
    allDay: false,
    targetAt: defaultTargetAt(new Date(old.dueAt), new Date(old.createdAt), DEFAULT_SETTINGS.targetBufferBusinessDays).toISOString(),
    notes: old.notes ?? '',
    history: [
      { type: 'created', at: old.createdAt },
      ...(old.completedAt ? [{ type: 'completed', at: old.completedAt }] : []),
    ],
    notifiedAt: {},
  }))
  return { ...raw, schemaVersion: 2, followUps, settings: { ...SETTINGS_V2, ...(raw.settings as object | undefined) } }
}

const SETTINGS_V2 = { targetBufferBusinessDays: 1, leadTimeMinutes: 60, allDayReminderHour: 9 }

/** Version 3 added quiet hours, off by default. */
const v2ToV3: Migration = (raw) => ({
  ...raw,
  schemaVersion: 3,
  settings: { ...(raw.settings as object), quietHours: { enabled: false, start: '21:00', end: '08:00' } },
})

/** Version 4 added the method: kinds, checklists, follow-through links, logged contacts, cadence. */
const v3ToV4: Migration = (raw) => ({
  ...raw,
  schemaVersion: 4,
  followUps: (raw.followUps as Record<string, unknown>[]).map((followUp) => ({ ...followUp, kind: 'promise', checklist: [] })),
  contacts: [],
  settings: { ...(raw.settings as object), cadence: DEFAULT_SETTINGS.cadence, followThrough: DEFAULT_SETTINGS.followThrough },
})

/** Version 5 added recurring follow-ups and editable after-sale sequences. */
const v4ToV5: Migration = (raw) => ({
  ...raw,
  schemaVersion: 5,
  settings: { ...(raw.settings as object), sequences: DEFAULT_SETTINGS.sequences },
})

/**
 * Version 6 added working hours, locale, day parts, the quick-add shortcut and
 * density. Quiet hours the person had turned on keep their own times; otherwise
 * reminders now wait outside working hours, the new default.
 */
const v5ToV6: Migration = (raw) => {
  const settings = raw.settings as Record<string, unknown>
  const quiet = settings.quietHours as { enabled: boolean; start: string; end: string }
  return {
    ...raw,
    schemaVersion: 6,
    settings: {
      ...settings,
      workingHours: DEFAULT_SETTINGS.workingHours,
      quietHours: quiet.enabled ? { ...quiet, outsideWorkingHours: false } : { ...quiet, enabled: true, outsideWorkingHours: true },
      dayParts: DEFAULT_SETTINGS.dayParts,
      quickAddShortcut: DEFAULT_SETTINGS.quickAddShortcut,
      density: DEFAULT_SETTINGS.density,
    },
  }
}

const MIGRATIONS: Record<number, Migration> = { 1: v1ToV2, 2: v2ToV3, 3: v3ToV4, 4: v4ToV5, 5: v5ToV6 }

export type MigrationOutcome =
  | { kind: 'current'; raw: Record<string, unknown> }
  | { kind: 'migrated'; raw: Record<string, unknown>; from: number }
  | { kind: 'newer'; raw: Record<string, unknown>; version: number }

/** Brings raw file contents up to the current schema version (validation comes after). */
export function migrate(raw: unknown): MigrationOutcome {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new DomainError('invalid_input', 'The file does not contain Follow Through data.')
  }
  let current = raw as Record<string, unknown>
  const version = current.schemaVersion
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new DomainError('invalid_input', 'The file has no valid schemaVersion.')
  }
  if (version > CURRENT_SCHEMA_VERSION) return { kind: 'newer', raw: current, version }
  for (let v = version; v < CURRENT_SCHEMA_VERSION; v++) current = MIGRATIONS[v](current)
  return version === CURRENT_SCHEMA_VERSION ? { kind: 'current', raw: current } : { kind: 'migrated', raw: current, from: version }
}
