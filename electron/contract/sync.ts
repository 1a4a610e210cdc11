import { z } from 'zod'

/** Calendar sync (CalDAV): the contract's entries, spread into `contract` in index.ts. */

const returns = <T>() => null as unknown as T

const ServerUrl = z
  .string()
  .trim()
  .min(1, 'Enter the server address, e.g. https://cloud.example.com/remote.php/dav.')
  .max(2_000)
  .refine((url) => /^https?:\/\/[^\s/]+/i.test(url), 'Start the address with https:// (or http:// for a server on this computer).')
const Username = z.string().trim().min(1, 'Enter your user name on the calendar server.').max(200)
/** Absent: use the password already stored. */
const Password = z.string().min(1).max(1_000).optional()

const Account = z.object({ serverUrl: ServerUrl, username: Username, password: Password })

export interface SyncCollection {
  url: string
  name: string
  /** Holds tasks (VTODO); an event-only calendar cannot take follow-ups. */
  tasks: boolean
}

export interface SyncSettings {
  enabled: boolean
  serverUrl: string
  username: string
  collectionUrl?: string
  collectionName?: string
  hasPassword: boolean
  /** Where the password is kept, in words. */
  passwordStorage: string
}

/** Something the calendar did that the person decides about. */
export interface SyncFlagView {
  id: string
  title: string
  kind: 'deletedInCalendar' | 'dueMovedInCalendar'
  message: string
}

export interface SyncStatus {
  state: 'off' | 'syncing' | 'synced' | 'pending' | 'error'
  lastSyncedAt?: string
  /** Changes not yet on the server. */
  pending: number
  /** What went wrong and how to fix it. */
  error?: string
  flags: SyncFlagView[]
}

export const syncContract = {
  getSyncSettings: { input: z.object({}).strict(), output: returns<SyncSettings>() },
  /** Saves the account and collection; a new server or collection starts a fresh link. The password goes to the password store only. */
  saveSyncSettings: {
    input: Account.extend({
      enabled: z.boolean(),
      collectionUrl: z.string().trim().url('Pick a calendar.').max(2_000).optional(),
      collectionName: z.string().trim().max(500).optional(),
    }).strict(),
    output: returns<SyncSettings>(),
  },
  /** Discovery and login only; says what is wrong in words (401, 404, certificates, time-outs). */
  testSyncConnection: { input: Account.strict(), output: returns<{ message: string; collections: SyncCollection[] }>() },
  listSyncCollections: { input: Account.strict(), output: returns<SyncCollection[]>() },
  createSyncCollection: {
    input: Account.extend({ name: z.string().trim().min(1).max(200).default('Follow Through') }).strict(),
    output: returns<SyncCollection>(),
  },
  syncNow: { input: z.object({}).strict(), output: returns<SyncStatus>() },
  getSyncStatus: { input: z.object({}).strict(), output: returns<SyncStatus>() },
  /** Answers a flag: delete here too / put it back (deleted in the calendar), or keep the moved date / restore it. */
  resolveSyncFlag: {
    input: z.object({ id: z.string().min(1).max(100), action: z.enum(['deleteHere', 'putBack', 'keepMove', 'restoreDate']) }).strict(),
    output: returns<SyncStatus>(),
  },
}
